import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import { Button, Toast } from '@nutui/nutui-react-taro'
import { type Output, ApiError, call } from '../../../services/api'
import { PageShell, messageOf } from '../../../components/PageShell'
import { EmptyState } from '../../../components/EmptyState'
import { LoadMore } from '../../../components/Paged'
import { ReasonDialog } from '../../../components/ReasonDialog'
import { formatDayTime } from '../../../components/format'
import { usePagedQuery } from '../../../services/queries/hooks'
import { pagedRead } from '../../../services/queries/read'
import { FROM_GROUP_LABEL } from '@shared/group/labels'
import './index.css'

type Request = Output<'member', 'listPending'>['items'][number]

const TOAST = 'pending-toast'

/** The chair approves or declines villagers asking to join the village's supervision group. */
export default function Pending() {
  const paged = usePagedQuery(pagedRead('member', 'listPending', {}))
  const [busy, setBusy] = useState('')
  const [rejecting, setRejecting] = useState<Request | null>(null)

  const drop = (memberId: string) => paged.drop((r) => r.memberId === memberId)

  const approve = async (request: Request) => {
    setBusy(request.memberId)
    try {
      const result = await call('member', 'approve', { memberId: request.memberId })
      drop(request.memberId)
      Toast.show(TOAST, { icon: 'success', content: result.isRepresentative ? '已通过，已设为户代表' : '已通过' })
    } catch (e) {
      // Someone else already decided it: it no longer belongs in this list.
      if (e instanceof ApiError && e.code === 'CONFLICT') drop(request.memberId)
      Toast.show(TOAST, { icon: 'fail', content: messageOf(e) })
    } finally {
      setBusy('')
    }
  }

  const reject = async (reason: string) => {
    if (!rejecting) return
    const memberId = rejecting.memberId
    try {
      await call('member', 'reject', { memberId, reason: reason || undefined })
    } catch (e) {
      if (e instanceof ApiError && e.code === 'CONFLICT') {
        drop(memberId)
        setRejecting(null)
        Toast.show(TOAST, { icon: 'fail', content: messageOf(e) })
        return
      }
      throw e
    }
    drop(memberId)
    Toast.show(TOAST, { icon: 'success', content: '已处理：不通过' })
  }

  const empty = paged.items.length === 0 && paged.nextCursor === null
  return (
    <PageShell
      title="入群审核"
      subtitle="核对申请人确实是这一户的家庭成员，再点“通过”。每户第一位通过的成员是户代表，代表全户投票。"
      loading={!paged.loaded && !paged.error}
      error={paged.error}
    >
      {empty ? <EmptyState title="暂无待审核的申请" description="村民申请入群后会出现在这里，请对照花名册审核" /> : null}
      {paged.items.map((r) => (
        <View key={r.memberId} className="card pending-request">
          <Text className="pending-name">{r.name}</Text>
          {r.onRoster ? (
            <Text className="pending-line">
              户号 {r.household.number} · 户主 {r.household.headName}
            </Text>
          ) : (
            // The applicant was told nothing of this (member.join answers alike), so the chair is the one to see it.
            <Text className="pending-line pending-off-roster">户号 {r.household.number} 不在本村花名册上，不能通过。请核对后点“不通过”，写明原因。</Text>
          )}
          {/* The server saw the request come from a card opened in this village's bound group: evidence, not proof of residence. */}
          {r.fromGroup ? <Text className="pending-line pending-from-group">{FROM_GROUP_LABEL}</Text> : null}
          <Text className="muted pending-line">申请时间：{formatDayTime(r.requestedAt)}</Text>
          <View className="button-row">
            {r.onRoster ? (
              <Button size="large" type="primary" loading={busy === r.memberId} disabled={busy !== '' && busy !== r.memberId} onClick={() => void approve(r)}>
                通过
              </Button>
            ) : null}
            <Button size="large" disabled={busy !== ''} onClick={() => setRejecting(r)}>
              不通过
            </Button>
          </View>
        </View>
      ))}
      <LoadMore hasMore={paged.nextCursor !== null} loading={paged.loadingMore} error={paged.moreError} onLoad={paged.loadMore} />
      <ReasonDialog
        visible={rejecting !== null}
        title="不通过这条申请"
        message={rejecting ? `${rejecting.name}（户号 ${rejecting.household.number}，${rejecting.onRoster ? `户主 ${rejecting.household.headName}` : '不在花名册上'}）` : ''}
        label="不通过的原因"
        placeholder="例如：不是本户成员。申请人能看到这个原因"
        required={false}
        maxLength={200}
        confirmText="不通过"
        onSubmit={reject}
        onClose={() => setRejecting(null)}
      />
      <Toast id={TOAST} />
    </PageShell>
  )
}
