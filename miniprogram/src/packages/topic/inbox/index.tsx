import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import { Button, Input, Popup, Toast } from '@nutui/nutui-react-taro'
import type { TopicView } from '@shared/topic/schema'
import { type TopicStatus, topicStatuses } from '@shared/topic/rules'
import { topicStatusTags } from '@shared/topic/labels'
import { type DisclosureKind, type DisclosureSection, disclosureKinds, disclosureSections } from '@shared/disclosure/rules'
import { kindLabels, sectionLabels } from '@shared/disclosure/labels'
import { addDays, beijingDay } from '@shared/time'
import { PageShell, messageOf } from '../../../components/PageShell'
import { Chips } from '../../../components/Chips'
import { ListState } from '../../../components/ListState'
import { ErrorCard } from '../../../components/ErrorCard'
import { LoadMore } from '../../../components/Paged'
import { ReasonDialog } from '../../../components/ReasonDialog'
import { formatDay } from '../../../components/format'
import { call } from '../../../services/api'
import { useQuery } from '../../../services/nav'
import { usePagedQuery } from '../../../services/queries/hooks'
import { pagedRead } from '../../../services/queries/read'
import { TopicCard } from '../TopicCard'
import './index.css'

const TOAST = 'topic-inbox-toast'

const statusChoices = [{ value: undefined, label: '全部' }, ...topicStatuses.map((s) => ({ value: s, label: topicStatusTags[s].label }))]
const kindChoices = disclosureKinds.map((k) => ({ value: k, label: kindLabels[k] }))
const sectionChoices = disclosureSections.map((s) => ({ value: s, label: sectionLabels[s] }))
/** A few due periods to choose from instead of a calendar: the last day is today plus the days. */
const dueChoices = ['7', '15', '30'].map((d) => ({ value: d, label: `${d}天内` }))

/** The chair forwards a request to the committees: the wording (editable), where it goes, by when. */
function ForwardSheet({ topic, onDone, onClose }: { topic: TopicView | null; onDone: () => void; onClose: () => void }) {
  const [title, setTitle] = useState('')
  const [kind, setKind] = useState<DisclosureKind | undefined>(undefined)
  const [section, setSection] = useState<DisclosureSection | undefined>(undefined)
  const [days, setDays] = useState('15')
  const [sending, setSending] = useState(false)
  const [failure, setFailure] = useState('')
  const [shownFor, setShownFor] = useState<string | null>(null)
  // A new request opened: start from the villager's words.
  if (topic && shownFor !== topic.topicId) {
    setShownFor(topic.topicId)
    setTitle(topic.title)
    setKind(undefined)
    setSection(undefined)
    setFailure('')
  }
  const dueDay = beijingDay(addDays(Date.now(), Number(days)))
  const send = async () => {
    if (!kind) return setFailure('请选择公开类别：党务、村务或财务')
    if (!section) return setFailure('请选择公开栏目')
    setSending(true)
    setFailure('')
    try {
      await call('topic', 'forward', { topicId: topic!.topicId, title: title.trim() || undefined, kind, section, dueDay })
      onDone()
    } catch (e) {
      setFailure(messageOf(e))
    } finally {
      setSending(false)
    }
  }
  return (
    <Popup visible={topic !== null} position="bottom" round closeable title="转交村“两委”公开" onClose={onClose}>
      <View className="topic-sheet">
        <Text className="field-label">公开事项（可以改得更清楚）</Text>
        <Input className="boxed-input" value={title} maxLength={60} onChange={setTitle} />
        <Text className="field-label">公开类别</Text>
        <Chips label="公开类别" options={kindChoices} value={kind} onChange={setKind} />
        <Text className="field-label">公开栏目</Text>
        <Chips label="公开栏目" options={sectionChoices} value={section} onChange={setSection} />
        <Text className="field-label">公开期限</Text>
        <Chips label="公开期限" options={dueChoices} value={days} onChange={setDays} />
        <Text className="muted">{formatDay(`${dueDay}T12:00:00+08:00`)}前公开</Text>
        <ErrorCard error={failure} />
        <Button block size="large" type="primary" loading={sending} onClick={() => void send()}>
          转交
        </Button>
      </View>
    </Popup>
  )
}

/**
 * 点题收集: the chair reads what villagers asked to be disclosed, with who asked, and forwards each to the
 * committees as a duty with a due date, or declines it with a reason the villager reads.
 */
export default function TopicInbox() {
  // A 待办 row on the home page opens the list already filtered (?status=asked).
  const asked = useQuery().status
  const [status, setStatus] = useState<TopicStatus | undefined>(topicStatuses.includes(asked as TopicStatus) ? (asked as TopicStatus) : undefined)
  const list = usePagedQuery(pagedRead('topic', 'inbox', { status }))
  const [forwarding, setForwarding] = useState<TopicView | null>(null)
  const [declining, setDeclining] = useState<TopicView | null>(null)
  const counts = list.first?.counts

  const done = (message: string) => {
    Toast.show(TOAST, { icon: 'success', content: message })
    list.refresh()
  }

  return (
    <PageShell title="点题收集" subtitle="村民想让村里公开的事：转交村“两委”限期公开，或说明不转交的原因。">
      {counts ? (
        <View className={`card topic-counts${counts.overdue > 0 ? ' topic-counts-bad' : ''}`} role="status">
          <Text>
            等您处理 <Text className="topic-counts-figure">{counts.waiting}</Text> 条，已转交但过期未公开 <Text className="topic-counts-figure">{counts.overdue}</Text> 条
          </Text>
        </View>
      ) : null}
      <Chips label="点题状态" options={statusChoices} value={status} onChange={setStatus} />
      <ListState list={list} empty={status ? `没有“${topicStatusTags[status].label}”的点题` : '还没有村民点题'} />
      {list.items.map((t) => (
        <TopicCard key={t.topicId} t={t} showRequester>
          {t.status === 'asked' ? (
            <>
              <Button block size="large" type="primary" onClick={() => setForwarding(t)}>
                转交村“两委”公开
              </Button>
              <Button block size="large" fill="outline" onClick={() => setDeclining(t)}>
                不予转交
              </Button>
            </>
          ) : null}
        </TopicCard>
      ))}
      <LoadMore hasMore={list.nextCursor !== null} loading={list.loadingMore} error={list.moreError} onLoad={list.loadMore} />
      <ForwardSheet
        topic={forwarding}
        onDone={() => {
          setForwarding(null)
          done('已转交')
        }}
        onClose={() => setForwarding(null)}
      />
      <ReasonDialog
        visible={declining !== null}
        title="不予转交"
        message="原因会告诉点题的村民，请说清楚，例如已经在哪里公开过。"
        label="不转交的原因"
        placeholder="例如：这件事已在第3期村务公开栏公开"
        required
        maxLength={300}
        confirmText="确定"
        onSubmit={async (reason) => {
          await call('topic', 'decline', { topicId: declining!.topicId, reason })
          setDeclining(null)
          done('已答复村民')
        }}
        onClose={() => setDeclining(null)}
      />
      <Toast id={TOAST} />
    </PageShell>
  )
}
