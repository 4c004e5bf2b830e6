import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import { Button, Cell, CellGroup, Popup, Toast } from '@nutui/nutui-react-taro'
import type { FeedbackView } from '@shared/feedback/schema'
import { type FeedbackStatus, feedbackStatuses } from '@shared/feedback/rules'
import { PageShell, messageOf } from '../../../components/PageShell'
import { Chips } from '../../../components/Chips'
import { EmptyState } from '../../../components/EmptyState'
import { FeedbackCard } from '../../../components/FeedbackCard'
import { LoadMore } from '../../../components/Paged'
import { ReasonDialog } from '../../../components/ReasonDialog'
import { feedbackStatusTags } from '@shared/feedback/labels'
import { useRole } from '../../../hooks/useRole'
import { call } from '../../../services/api'
import { useQuery } from '../../../services/nav'
import { usePagedQuery, usePageQuery } from '../../../services/queries/hooks'
import { pagedRead, readQuery } from '../../../services/queries/read'
import './index.css'

const TOAST = 'inbox-toast'

const choices = (statuses: readonly FeedbackStatus[]) => [{ value: undefined, label: '全部' }, ...statuses.map((s) => ({ value: s, label: feedbackStatusTags[s].label }))]
// A committee member only ever holds routed items and what became of them.
const chairChoices = choices(feedbackStatuses)
const committeeChoices = choices(['routed', 'replied', 'closed'])

/** The chair picks a committee member to reply. */
function AssigneePicker({ feedback, onDone, onClose }: { feedback: FeedbackView | null; onDone: () => void; onClose: () => void }) {
  const people = usePageQuery({ ...readQuery('feedback', 'assignees', {}), enabled: feedback !== null })
  const [failure, setFailure] = useState('')
  const assign = async (personId: string) => {
    setFailure('')
    try {
      await call('feedback', 'route', { feedbackId: feedback!.feedbackId, assignTo: personId })
      onDone()
    } catch (e) {
      setFailure(messageOf(e))
    }
  }
  return (
    <Popup visible={feedback !== null} position="bottom" round closeable title="分派给谁答复" onClose={onClose}>
      <View className="inbox-picker">
        {people.error ? <Text className="error-text">{messageOf(people.error)}</Text> : null}
        {failure ? (
          <View className="error-text" role="alert">
            {failure}
          </View>
        ) : null}
        <CellGroup>
          {(people.data?.items ?? []).map((p) => (
            <Cell key={p.personId} className="inbox-assignee" clickable title={`${p.title} ${p.name}`} onClick={() => void assign(p.personId)} />
          ))}
        </CellGroup>
      </View>
    </Popup>
  )
}

/**
 * The chair triages every piece of the village's feedback; a committee member
 * sees what was routed to them and answers it on record.
 */
export default function FeedbackInbox() {
  const role = useRole()
  // A 待办 row on the home page opens the list already filtered (?status=submitted or routed).
  const asked = useQuery().status
  const [status, setStatus] = useState<FeedbackStatus | undefined>(feedbackStatuses.includes(asked as FeedbackStatus) ? (asked as FeedbackStatus) : undefined)
  const list = usePagedQuery(pagedRead('feedback', 'inbox', { status }))
  const [routing, setRouting] = useState<FeedbackView | null>(null)
  const [replying, setReplying] = useState<FeedbackView | null>(null)

  const done = (message: string) => {
    Toast.show(TOAST, { icon: 'success', content: message })
    list.refresh()
  }
  const toAgenda = async (feedbackId: string) => {
    try {
      await call('feedback', 'route', { feedbackId, agenda: true })
      done('已列入下次会议议题')
    } catch (e) {
      Toast.show(TOAST, { icon: 'fail', content: messageOf(e) })
    }
  }

  const isChair = role === 'chair'
  return (
    <PageShell title="村民意见" subtitle={isChair ? '分派给村“两委”成员答复，或列入下次会议议题' : role === 'committee' ? '分给您答复的意见，答复会告诉提意见的村民' : undefined}>
      <Chips label="意见状态" options={isChair ? chairChoices : committeeChoices} value={status} onChange={setStatus} />
      {list.error ? (
        <View className="card error-text" role="alert">
          {messageOf(list.error)}
        </View>
      ) : !list.loaded ? (
        <View className="card muted">正在加载…</View>
      ) : list.items.length === 0 ? (
        <EmptyState title={status ? `没有“${feedbackStatusTags[status].label}”的意见` : '还没有村民意见'} />
      ) : null}
      {list.items.map((f) => (
        <FeedbackCard key={f.feedbackId} f={f}>
          {isChair && (f.status === 'submitted' || f.status === 'agenda') ? (
            <Button block size="large" type="primary" onClick={() => setRouting(f)}>
              分派答复人
            </Button>
          ) : null}
          {isChair && f.status === 'submitted' ? (
            <Button block size="large" fill="outline" onClick={() => void toAgenda(f.feedbackId)}>
              列入会议议题
            </Button>
          ) : null}
          {role === 'committee' && f.status === 'routed' ? (
            <Button block size="large" type="primary" onClick={() => setReplying(f)}>
              答复
            </Button>
          ) : null}
        </FeedbackCard>
      ))}
      <LoadMore hasMore={list.nextCursor !== null} loading={list.loadingMore} error={list.moreError} onLoad={list.loadMore} />
      <AssigneePicker
        feedback={routing}
        onDone={() => {
          setRouting(null)
          done('已分派')
        }}
        onClose={() => setRouting(null)}
      />
      <ReasonDialog
        visible={replying !== null}
        title="答复村民"
        message={replying?.about.type === 'disclosure' ? '这条意见是对一条公开提的，答复会显示在这条公开下，全村都能看到。' : '答复会告诉提意见的村民。'}
        label="答复内容"
        placeholder="说清楚核实了什么、怎么处理"
        required
        maxLength={1000}
        confirmText="提交答复"
        onSubmit={async (text) => {
          await call('feedback', 'reply', { feedbackId: replying!.feedbackId, text })
          setReplying(null)
          done('已答复')
        }}
        onClose={() => setReplying(null)}
      />
      <Toast id={TOAST} />
    </PageShell>
  )
}
