import { View, Text } from '@tarojs/components'
import { formatDayTime } from './format'
import { messageOf } from './PageShell'
import { usePageQuery } from '../services/queries/hooks'
import { readQuery } from '../services/queries/read'

/** An item's 变更记录 (power.itemHistory), district or featured: each version newest first, with 职务 姓名 and time. */
export function ItemHistory({ itemId, villageId }: { itemId: string; villageId?: string }) {
  const { data, error, isPending: loading } = usePageQuery(readQuery('power', 'itemHistory', { itemId, villageId }))
  if (error) return <View className="card muted">{messageOf(error)}</View>
  if (loading && !data) return <View className="card muted">正在读取…</View>
  const versions = data?.versions ?? []
  if (versions.length === 0) return <View className="card muted">这一项还没有变更记录</View>
  return (
    <View className="card" aria-label="变更记录">
      {versions.map((v) => (
        <View key={v.version} className="numbered-row">
          <Text className="numbered-index">{v.version}.</Text>
          <Text className="numbered-text">
            {v.summary}
            {'\n'}
            <Text className="muted">
              {v.byTitle} {v.byName} · {formatDayTime(v.at)}
            </Text>
          </Text>
        </View>
      ))}
    </View>
  )
}
