import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button, Tag, TextArea } from '@nutui/nutui-react-taro'
import { useQueryClient } from '@tanstack/react-query'
import { meetingItemKindLabels, meetingStatusTags, panelRoleLabels, voteWayLabels } from '@shared/meeting/labels'
import { PageShell, messageOf } from '../../../components/PageShell'
import { ErrorCard } from '../../../components/ErrorCard'
import { formatDayTime } from '../../../components/format'
import { useRole } from '../../../hooks/useRole'
import { call, type Output } from '../../../services/api'
import { go, useQuery } from '../../../services/nav'
import { usePageQuery } from '../../../services/queries/hooks'
import { meetingQueries } from '../../../services/queries/meeting'
import { RecordForm } from './RecordForm'
import './index.css'

type Meeting = Output<'meeting', 'get'>

const openItem = (item: Meeting['items'][number]) =>
  item.kind === 'disclosure' && item.refId
    ? go('/packages/disclosure/detail/index', { disclosureId: item.refId })
    : item.kind === 'decision' && item.refId
      ? go('/packages/disclosure/decision/index', { decisionId: item.refId })
      : undefined

/** One meeting: its agenda, and once held its record; the chair records it or calls it off here. */
export default function MeetingDetail() {
  const { meetingId = '', villageId } = useQuery()
  const role = useRole()
  const client = useQueryClient()
  const query = meetingQueries.get(meetingId, villageId)
  const { data: meeting, error, isPending } = usePageQuery(query)
  const [reason, setReason] = useState('')
  const [cancelling, setCancelling] = useState(false)
  const [failure, setFailure] = useState('')

  const show = (updated: Meeting) => {
    client.setQueryData(query.queryKey, updated)
    void client.invalidateQueries({ queryKey: ['meeting', 'list'] })
  }
  const cancel = async () => {
    setCancelling(true)
    setFailure('')
    try {
      show(await call('meeting', 'cancel', { meetingId, reason }))
    } catch (e) {
      setFailure(messageOf(e))
    } finally {
      setCancelling(false)
    }
  }
  const begun = meeting ? Date.parse(meeting.startsAt) <= Date.now() : false

  return (
    <PageShell title={meeting?.title ?? '村情发布会'} loading={isPending && !error} error={error}>
      {meeting ? (
        <>
          <View className="card meeting-head">
            <Tag type={meetingStatusTags[meeting.status].type}>{meetingStatusTags[meeting.status].label}</Tag>
            <Text className="meeting-when">时间：{formatDayTime(meeting.startsAt)}</Text>
            <Text className="meeting-when">地点：{meeting.place}</Text>
            <Text className="muted meeting-by">
              {meeting.scheduledBy.title}
              {meeting.scheduledBy.name} 安排
            </Text>
            {meeting.cancelled ? <Text className="meeting-cancelled">已取消：{meeting.cancelled.reason}</Text> : null}
            {meeting.attendance ? (
              <Text className="meeting-when">
                到会 {meeting.attendance.households} 户{meeting.attendance.others > 0 ? `，另有 ${meeting.attendance.others} 人` : ''}
                {meeting.attendance.note ? `（${meeting.attendance.note}）` : ''}
              </Text>
            ) : null}
          </View>

          <Text className="section-title">发布事项</Text>
          {meeting.items.map((item, n) => (
            <View key={item.itemId} className="card meeting-item">
              <Text className="meeting-item-kind">
                第{n + 1}项 · {meetingItemKindLabels[item.kind]}
                {item.presenter ? ` · ${item.presenter}发布` : ''}
              </Text>
              <Text className="meeting-item-title">{item.title}</Text>
              {item.refId ? (
                <Button fill="none" className="meeting-item-open" onClick={() => openItem(item)}>
                  查看{item.kind === 'disclosure' ? '这条公开' : '这项决策'}
                </Button>
              ) : null}
              {item.questions.map((q, i) => (
                <View key={i} className="meeting-question">
                  <Text className="meeting-question-text">
                    问{q.askedBy ? `（${q.askedBy}）` : ''}：{q.question}
                  </Text>
                  <Text className="meeting-answer-text">答：{q.answer}</Text>
                </View>
              ))}
              {meeting.status === 'held' && item.questions.length === 0 ? <Text className="muted">会上没有人提问</Text> : null}
            </View>
          ))}

          <Text className="section-title">评议团</Text>
          <View className="card">
            {meeting.panel.length === 0 ? <Text className="muted">还没有确定评议团成员</Text> : null}
            {meeting.panel.map((p) => (
              <Text key={p.panelistId} className="meeting-panelist">
                {p.name} · {panelRoleLabels[p.role]} · {voteWayLabels[p.votes]}
              </Text>
            ))}
            {role === 'chair' && meeting.status === 'scheduled' ? (
              <Button block fill="outline" className="meeting-panel-edit" onClick={() => go('/packages/meeting/panel/index', { meetingId })}>
                {meeting.panel.length === 0 ? '设定评议团' : '修改评议团'}
              </Button>
            ) : null}
            {meeting.panel.length > 0 ? (
              <Button block type="primary" className="meeting-panel-edit" onClick={() => go('/packages/meeting/room/index', { meetingId, villageId })}>
                会场评议
              </Button>
            ) : null}
          </View>

          {role === 'chair' && meeting.status === 'scheduled' && begun ? <RecordForm meeting={meeting} onRecorded={show} /> : null}
          {role === 'chair' && meeting.status === 'scheduled' && !begun ? <Text className="muted meeting-hint">会议开始后，可以在这里记录到会和问答情况。</Text> : null}
          {role === 'chair' && meeting.status === 'scheduled' ? (
            <View className="card meeting-cancel">
              <Text className="meeting-label">要取消这次会议，请写明原因（村民会看到）</Text>
              <TextArea className="boxed-textarea" value={reason} maxLength={200} autoSize rows={2} onChange={setReason} />
              <ErrorCard error={failure} />
              <Button block fill="outline" loading={cancelling} onClick={() => void cancel()}>
                取消这次会议
              </Button>
            </View>
          ) : null}
        </>
      ) : null}
    </PageShell>
  )
}
