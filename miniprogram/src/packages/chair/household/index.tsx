import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import { Button, Dialog, Tag, Toast } from '@nutui/nutui-react-taro'
import type { MemberView } from '@shared/member/schema'
import { call } from '../../../services/api'
import { PageShell, messageOf } from '../../../components/PageShell'
import { ReasonDialog } from '../../../components/ReasonDialog'
import { formatDay } from '../../../components/format'
import { useQuery } from '../../../services/nav'
import { usePageQuery } from '../../../services/queries/hooks'
import { readQuery } from '../../../services/queries/read'
import './index.css'

const TOAST = 'household-toast'

/** One household: its members in the group, who votes for it, and removing a member. */
export default function Household() {
  const householdId = useQuery().householdId ?? ''
  const { data, error, isPending: loading, refetch: reload } = usePageQuery(readQuery('member', 'household', { householdId }))
  const [promoting, setPromoting] = useState<MemberView | null>(null)
  const [removing, setRemoving] = useState<MemberView | null>(null)

  const representative = data?.members.find((m) => m.isRepresentative && m.status === 'active')
  const activeCount = data?.members.filter((m) => m.status === 'active').length ?? 0

  const promote = async () => {
    if (!promoting) return
    try {
      await call('member', 'setRepresentative', { memberId: promoting.memberId })
      Toast.show(TOAST, { icon: 'success', content: `已把${promoting.name}设为户代表` })
    } catch (e) {
      Toast.show(TOAST, { icon: 'fail', content: messageOf(e) })
    }
    reload()
  }

  const remove = async (reason: string) => {
    if (!removing) return
    const result = await call('member', 'remove', { memberId: removing.memberId, reason })
    Toast.show(TOAST, {
      icon: 'success',
      content: result.householdInGroup ? '已移出' : '已移出。这一户现在没有人在群里了',
    })
    reload()
  }

  const h = data?.household
  return (
    <PageShell
      title={h ? `户主 ${h.headName}` : '户详情'}
      subtitle={h ? `户号 ${h.number} · ${h.groupName} · 人口 ${h.size} 人` : undefined}
      loading={loading && !data}
      error={error}
    >
      {data && h ? (
        <>
          <View className="card">
            <View className="tag-row">
              <Tag type={h.inGroup ? 'success' : 'default'}>{h.inGroup ? '已入群' : '未入群'}</Tag>
              <Text className="household-rep">{representative ? `户代表：${representative.name}` : '还没有户代表'}</Text>
            </View>
            <Text className="muted household-hint">户代表代表全户参加评议投票，每户只有一票。</Text>
          </View>

          <Text className="section-title">入群成员</Text>
          {data.members.length === 0 ? <View className="card muted">这一户还没有人申请入群。</View> : null}
          {data.members.map((m) => (
            <View key={m.memberId} className="card household-member">
              <View className="tag-row">
                <Text className="household-name">{m.name}</Text>
                {m.status === 'active' ? <Tag type="success">在群</Tag> : <Tag type="default">已移出</Tag>}
                {m.isRepresentative && m.status === 'active' ? <Tag type="primary">户代表</Tag> : null}
              </View>
              <Text className="muted household-line">
                {m.status === 'active' ? `入群时间：${formatDay(m.decidedAt ?? m.requestedAt)}` : `移出时间：${m.decidedAt ? formatDay(m.decidedAt) : '—'}`}
              </Text>
              {m.status === 'removed' && m.reason ? <Text className="muted household-line">移出原因：{m.reason}</Text> : null}
              {m.status === 'active' ? (
                <View className="button-row">
                  {m.isRepresentative ? null : (
                    <Button size="large" type="primary" fill="outline" onClick={() => setPromoting(m)}>
                      设为户代表
                    </Button>
                  )}
                  <Button size="large" onClick={() => setRemoving(m)}>
                    移出
                  </Button>
                </View>
              ) : null}
            </View>
          ))}
        </>
      ) : null}

      <Dialog
        visible={promoting !== null}
        title="设为户代表"
        confirmText="设为户代表"
        cancelText="取消"
        closeOnOverlayClick={false}
        onConfirm={promote}
        onCancel={() => setPromoting(null)}
        onClose={() => setPromoting(null)}
      >
        <Text className="household-dialog-text">
          {promoting ? `把 ${promoting.name} 设为这一户的户代表吗？${representative ? `${representative.name} 将不再代表本户投票。` : ''}` : ''}
        </Text>
      </Dialog>

      <ReasonDialog
        visible={removing !== null}
        title="移出监督群"
        message={
          removing
            ? `把 ${removing.name} 移出本村监督群。${
                removing.isRepresentative
                  ? activeCount > 1
                    ? '这位成员是户代表，移出后由本户最早入群的成员接任户代表。'
                    : '这位成员是本户唯一在群的人，移出后这一户就没有人在群里了。'
                  : ''
              }`
            : ''
        }
        label="移出原因"
        placeholder="例如：已迁出本村。原因会留档"
        required
        maxLength={200}
        confirmText="移出"
        onSubmit={remove}
        onClose={() => setRemoving(null)}
      />
      <Toast id={TOAST} />
    </PageShell>
  )
}
