import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button, Input, TextArea } from '@nutui/nutui-react-taro'
import type { Output } from '../../../services/api'
import { call } from '../../../services/api'
import { messageOf } from '../../../components/PageShell'
import { ErrorCard } from '../../../components/ErrorCard'

type Meeting = Output<'meeting', 'get'>
interface Question {
  question: string
  answer: string
  askedBy: string
}

const wholeNumber = (text: string): number | null => (/^\d{1,4}$/.test(text.trim()) ? Number(text.trim()) : null)

/**
 * The chair writes down the meeting after it: who came, and each question asked with the answer given on the spot,
 * under the item it was about. Sent once; the record then belongs to the village's public record.
 */
export function RecordForm({ meeting, onRecorded }: { meeting: Meeting; onRecorded: (m: Meeting) => void }) {
  const [households, setHouseholds] = useState('')
  const [others, setOthers] = useState('0')
  const [note, setNote] = useState('')
  const [questions, setQuestions] = useState<Record<string, Question[]>>({})
  const [sending, setSending] = useState(false)
  const [failure, setFailure] = useState('')

  const change = (itemId: string, index: number, patch: Partial<Question>) =>
    setQuestions((all) => ({ ...all, [itemId]: (all[itemId] ?? []).map((q, i) => (i === index ? { ...q, ...patch } : q)) }))
  const add = (itemId: string) => setQuestions((all) => ({ ...all, [itemId]: [...(all[itemId] ?? []), { question: '', answer: '', askedBy: '' }] }))
  const remove = (itemId: string, index: number) => setQuestions((all) => ({ ...all, [itemId]: (all[itemId] ?? []).filter((_, i) => i !== index) }))

  const send = async () => {
    const came = wholeNumber(households)
    const more = wholeNumber(others)
    if (came === null || more === null) return setFailure('到会户数和其他到会人数请填整数，没有就填 0')
    const items = meeting.items.map((item) => ({
      itemId: item.itemId,
      questions: (questions[item.itemId] ?? []).filter((q) => q.question.trim() || q.answer.trim()),
    }))
    setSending(true)
    setFailure('')
    try {
      onRecorded(await call('meeting', 'record', { meetingId: meeting.meetingId, attendance: { households: came, others: more, note }, items }))
    } catch (e) {
      setFailure(messageOf(e))
    } finally {
      setSending(false)
    }
  }

  return (
    <View className="card meeting-record-form">
      <Text className="section-title">记录会议情况</Text>
      <Text className="meeting-label">到会户数</Text>
      <Input className="boxed-input" type="number" placeholder="例如 58" value={households} maxLength={4} onChange={setHouseholds} />
      <Text className="meeting-label">其他到会人数（两代表一委员、镇干部等）</Text>
      <Input className="boxed-input" type="number" value={others} maxLength={4} onChange={setOthers} />
      <Text className="meeting-label">到会情况说明（可不填）</Text>
      <Input className="boxed-input" value={note} maxLength={200} onChange={setNote} />
      {meeting.items.map((item, n) => (
        <View key={item.itemId} className="meeting-record-item">
          <Text className="meeting-record-item-title">
            第{n + 1}项：{item.title}
          </Text>
          {(questions[item.itemId] ?? []).map((q, i) => (
            <View key={i} className="meeting-record-question">
              <Text className="meeting-label">提问</Text>
              <TextArea className="boxed-textarea" value={q.question} maxLength={300} autoSize rows={2} onChange={(question) => change(item.itemId, i, { question })} />
              <Text className="meeting-label">当场答复</Text>
              <TextArea className="boxed-textarea" value={q.answer} maxLength={1000} autoSize rows={2} onChange={(answer) => change(item.itemId, i, { answer })} />
              <Text className="meeting-label">提问人（可不填，例如“村民代表”）</Text>
              <Input className="boxed-input" value={q.askedBy} maxLength={30} onChange={(askedBy) => change(item.itemId, i, { askedBy })} />
              <Button fill="none" className="meeting-remove" onClick={() => remove(item.itemId, i)}>
                删去这个提问
              </Button>
            </View>
          ))}
          <Button fill="outline" className="meeting-add" onClick={() => add(item.itemId)}>
            加一个提问
          </Button>
        </View>
      ))}
      <ErrorCard error={failure} />
      <Button block type="primary" size="large" className="meeting-send" loading={sending} onClick={() => void send()}>
        保存会议记录
      </Button>
    </View>
  )
}
