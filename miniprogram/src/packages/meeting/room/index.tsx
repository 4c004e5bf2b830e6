import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { useQueryClient } from '@tanstack/react-query'
import { addHours } from '@shared/time'
import { ErrorCard } from '../../../components/ErrorCard'
import { PageShell, messageOf } from '../../../components/PageShell'
import { useRole } from '../../../hooks/useRole'
import { call, type Output } from '../../../services/api'
import { useQuery } from '../../../services/nav'
import { usePageQuery } from '../../../services/queries/hooks'
import { meetingQueries } from '../../../services/queries/meeting'
import { RoundPanel } from './RoundPanel'
import './index.css'

type Meeting = Output<'meeting', 'get'>
type Item = Meeting['items'][number]

/** How long a panel round stays open by itself: the meeting's hour, with room to enter paper ballots. */
const ROUND_HOURS = 2

/**
 * The meeting's screen for the room (会场评议): each agenda item in large text, its panel round's QR code while
 * voting, and its result once the chair closes it, never a running count.
 */
export default function MeetingRoom() {
  const { meetingId = '', villageId } = useQuery()
  const role = useRole()
  const client = useQueryClient()
  const query = meetingQueries.get(meetingId, villageId)
  const { data: meeting, error, isPending } = usePageQuery(query)
  const [busy, setBusy] = useState('')
  const [failure, setFailure] = useState('')
  const refresh = () => void client.invalidateQueries({ queryKey: query.queryKey })

  const open = async (m: Meeting, item: Item) => {
    setBusy(item.itemId)
    setFailure('')
    try {
      await call('evaluation', 'openRound', {
        subject: { type: item.kind === 'decision' ? 'decision' : 'disclosure', id: item.refId ?? '' },
        title: `${m.title}：${item.title}`.slice(0, 60),
        closesAt: addHours(Date.now(), ROUND_HOURS),
        meeting: { meetingId: m.meetingId, itemId: item.itemId },
      })
      refresh()
    } catch (e) {
      setFailure(messageOf(e))
    } finally {
      setBusy('')
    }
  }

  return (
    <PageShell title={meeting ? `${meeting.title} · 会场评议` : '会场评议'} loading={isPending && !error} error={error}>
      {meeting && meeting.panel.length === 0 ? <Text className="muted room-note">还没有确定评议团成员，请先在会议页设定评议团。</Text> : null}
      <ErrorCard error={failure} />
      {meeting?.items.map((item, n) => {
        const round = [...meeting.rounds].reverse().find((r) => r.itemId === item.itemId)
        return (
          <View key={item.itemId} className="card room-item">
            <Text className="room-item-title">
              第{n + 1}项：{item.title}
            </Text>
            {item.kind === 'text' ? (
              <Text className="room-sub">这一项当场发布，不评议</Text>
            ) : round ? (
              <RoundPanel roundId={round.roundId} onChanged={refresh} />
            ) : role === 'chair' && meeting.status === 'scheduled' && meeting.panel.length > 0 ? (
              <Button block type="primary" size="large" loading={busy === item.itemId} onClick={() => void open(meeting, item)}>
                评议团当场评议这一项
              </Button>
            ) : (
              <Text className="room-sub">还没有评议</Text>
            )}
          </View>
        )
      })}
    </PageShell>
  )
}
