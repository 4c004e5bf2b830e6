import { View, Text } from '@tarojs/components'
import { Tag } from '@nutui/nutui-react-taro'
import { PageShell } from '../../../components/PageShell'
import { EmptyState } from '../../../components/EmptyState'
import { LoadMore } from '../../../components/Paged'
import { formatDay } from '../../../components/format'
import { usePagedQuery } from '../../../services/queries/hooks'
import { powerQueries } from '../../../services/queries/power'
import { useQuery } from '../../../services/nav'
import './index.css'

/** Every filed change to the village's power list, newest first. */
export default function PowerHistory() {
  const query = useQuery()
  const villageId = query.villageId || undefined
  const villageName = query.villageName || ''
  const paged = usePagedQuery(powerQueries.history(villageId))

  return (
    <PageShell
      title={villageName ? `${villageName}清单变更记录` : '清单变更记录'}
      subtitle="权力清单每次加入或移出事项，都记录在这里：什么时候、谁改的、为什么改"
      loading={!paged.loaded && !paged.error}
      error={paged.error}
    >
      {paged.items.length === 0 ? (
        <EmptyState title="清单还没有变更记录" description="本村权力清单每次增减事项，都会在这里留下记录" />
      ) : (
        paged.items.map((c) => (
          <View key={c.changeId} className="card history-row">
            <View className="tag-row">
              <Text className="history-date">{formatDay(c.at)}</Text>
              <Tag type={c.change === 'added' ? 'success' : 'danger'}>{c.change === 'added' ? '纳入' : '移出'}</Tag>
            </View>
            <Text className="history-name">{c.itemName}</Text>
            {c.note ? <Text className="history-note">说明：{c.note}</Text> : null}
            <Text className="muted history-by">
              经办：{c.byTitle} {c.byName}
            </Text>
          </View>
        ))
      )}
      <LoadMore hasMore={paged.nextCursor !== null} loading={paged.loadingMore} error={paged.moreError} onLoad={paged.loadMore} />
      {paged.nextCursor === null && paged.items.length > 0 ? <Text className="muted history-end">以上是全部记录</Text> : null}
    </PageShell>
  )
}
