import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import { Button, Input, Toast } from '@nutui/nutui-react-taro'
import { PageShell, messageOf } from '../../../components/PageShell'
import { ErrorCard } from '../../../components/ErrorCard'
import { EmptyState } from '../../../components/EmptyState'
import { call } from '../../../services/api'
import { go } from '../../../services/nav'
import { usePageQuery } from '../../../services/queries/hooks'
import { readQuery } from '../../../services/queries/read'
import './index.css'

const TOAST = 'setup-toast'

/** Township staff add villages and keep each village's household roster. */
export default function VillagesSetup() {
  const { data, error, isPending: loading, refetch: reload } = usePageQuery(readQuery('member', 'coverage', {}))
  const [name, setName] = useState('')
  const [failure, setFailure] = useState('')
  const [busy, setBusy] = useState(false)

  const create = async () => {
    setBusy(true)
    setFailure('')
    try {
      const { joinCode } = await call('township', 'createVillage', { name })
      Toast.show(TOAST, { icon: 'success', content: `已新建，加入码 ${joinCode}` })
      setName('')
      reload()
    } catch (e) {
      setFailure(messageOf(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <PageShell title="村和花名册" subtitle="新建村，导入各村的户籍花名册；村民凭村加入码和户号申请入群。" loading={loading && !data} error={error}>
      <View className="card">
        <Text className="setup-label">新建村</Text>
        <Input className="boxed-input" placeholder="村名，例如：北坡村" value={name} maxLength={20} onChange={setName} />
        <ErrorCard error={failure} />
        <Button block size="large" type="primary" className="setup-create" loading={busy} onClick={() => void create()}>
          新建
        </Button>
      </View>
      {data && data.villages.length === 0 ? <EmptyState title="本镇还没有村" description="在上面填村名，点“新建村”" /> : null}
      {(data?.villages ?? []).map((v) => (
        <View key={v.villageId} className="card setup-village">
          <Text className="setup-name">{v.name}</Text>
          <Text className="muted">
            村加入码 <Text className="setup-code">{v.joinCode}</Text> · 花名册 {v.householdsOnRoster} 户 · 已入群 {v.householdsInGroup} 户
          </Text>
          <Button block size="large" fill="outline" className="setup-import" onClick={() => go('/packages/township/roster/index', { villageId: v.villageId, villageName: v.name })}>
            导入花名册
          </Button>
        </View>
      ))}
      <Toast id={TOAST} />
    </PageShell>
  )
}
