import { useState } from 'react'
import { Picker, Text, View } from '@tarojs/components'
import { Button, DatePicker, Input, type PickerValue } from '@nutui/nutui-react-taro'
import Taro from '@tarojs/taro'
import { DEFAULT_MEETING_TITLE, meetingItemKindLabels } from '@shared/meeting/labels'
import { MAX_MEETING_ITEMS, meetingItemKinds, type MeetingItemKind } from '@shared/meeting/rules'
import { addDays, beijingDay, formatBeijingDayTime } from '@shared/time'
import { Chips } from '../../../components/Chips'
import { PageShell } from '../../../components/PageShell'
import { SubmitStatus } from '../../../components/SubmitStatus'
import { useSubmission } from '../../../hooks/useSubmission'
import { call } from '../../../services/api'
import { usePageQuery } from '../../../services/queries/hooks'
import { readQuery } from '../../../services/queries/read'
import './index.css'

interface Draft {
  kind: MeetingItemKind
  refId: string | null
  title: string
  presenter: string
}

const blank = (): Draft => ({ kind: 'disclosure', refId: null, title: '', presenter: '' })
const pad = (n: PickerValue | undefined) => String(n).padStart(2, '0')
/** The phone's picker shows plain numbers; they are read as Beijing time whatever zone the phone is set to. */
const beijingInstant = (v: PickerValue[]) => `${v[0]}-${pad(v[1])}-${pad(v[2])}T${pad(v[3])}:${pad(v[4])}:00+08:00`

/** The chair schedules a 村情发布会: when, where, and what the committees will release there. */
export default function ScheduleMeeting() {
  const [title, setTitle] = useState('')
  const [startsAt, setStartsAt] = useState(`${beijingDay(addDays(Date.now(), 3))}T09:00:00+08:00`)
  const [picking, setPicking] = useState(false)
  const [place, setPlace] = useState('')
  const [items, setItems] = useState<Draft[]>([blank()])
  const disclosures = usePageQuery(readQuery('disclosure', 'list', {}))
  const decisions = usePageQuery(readQuery('disclosure', 'decisions', {}))
  const choicesOf = (kind: MeetingItemKind) =>
    kind === 'disclosure'
      ? (disclosures.data?.items ?? []).map((d) => ({ id: d.disclosureId, title: d.title }))
      : (decisions.data?.items ?? []).map((d) => ({ id: d.decisionId, title: d.title }))

  const { submit, phase, submitting, failure, setFailure } = useSubmission(async (requestId) => {
    const meeting = await call('meeting', 'schedule', {
      requestId,
      title: title.trim() || undefined,
      startsAt,
      place,
      items: items.map((d) => ({
        kind: d.kind,
        ...(d.kind === 'text' ? { title: d.title } : { refId: d.refId ?? '' }),
        ...(d.presenter.trim() ? { presenter: d.presenter } : {}),
      })),
    })
    void Taro.redirectTo({ url: `/packages/meeting/detail/index?meetingId=${encodeURIComponent(meeting.meetingId)}` })
    return meeting
  })

  const change = (index: number, patch: Partial<Draft>) => {
    setFailure('')
    setItems((all) => all.map((d, i) => (i === index ? { ...d, ...patch } : d)))
  }
  const send = () => {
    const missing = items.findIndex((d) => (d.kind === 'text' ? !d.title.trim() : !d.refId))
    if (!place.trim()) return setFailure('请填写开会地点')
    if (missing >= 0) return setFailure(`第${missing + 1}项还没有${items[missing]!.kind === 'text' ? '写事项名称' : '选好'}`)
    void submit()
  }

  return (
    <PageShell title="安排村情发布会" subtitle="发布后，全村监督群的村民都能看到时间、地点和要发布的事项">
      <View className="card">
        <Text className="meeting-label">会议名称（可不填）</Text>
        <Input className="boxed-input" placeholder={DEFAULT_MEETING_TITLE} value={title} maxLength={30} onChange={setTitle} />
        <Text className="meeting-label">开会时间</Text>
        {/* Not a button: at 2× text the date and time take two lines, which a button label must not. */}
        <View className="meeting-pick-row" role="button" onClick={() => setPicking(true)}>
          <Text className="meeting-picked">{formatBeijingDayTime(startsAt)}</Text>
          <Text className="muted meeting-pick-hint">点这里改时间</Text>
        </View>
        <Text className="meeting-label">开会地点</Text>
        <Input className="boxed-input" placeholder="例如：村委会会议室" value={place} maxLength={60} onChange={setPlace} />
      </View>

      <Text className="section-title">要发布的事项</Text>
      {items.map((d, i) => {
        const choices = choicesOf(d.kind)
        const chosen = choices.find((c) => c.id === d.refId)
        return (
          <View key={i} className="card meeting-draft">
            <Text className="meeting-draft-title">第{i + 1}项</Text>
            <Chips
              label={`第${i + 1}项的类别`}
              options={meetingItemKinds.map((k) => ({ value: k, label: meetingItemKindLabels[k] }))}
              value={d.kind}
              onChange={(kind) => change(i, { kind, refId: null })}
            />
            {d.kind === 'text' ? (
              <Input className="boxed-input" placeholder="写事项名称" value={d.title} maxLength={60} onChange={(t) => change(i, { title: t })} />
            ) : choices.length === 0 ? (
              <Text className="muted">{d.kind === 'disclosure' ? '本村还没有三务公开' : '本村还没有记录决策事项'}</Text>
            ) : (
              <Picker mode="selector" range={choices.map((c) => c.title)} onChange={(e) => change(i, { refId: choices[Number(e.detail.value)]?.id ?? null })}>
                <View className="meeting-pick-row">
                  <Text className={chosen ? 'meeting-picked' : 'muted'}>{chosen ? chosen.title : `点这里选择一条${d.kind === 'disclosure' ? '公开' : '决策事项'}`}</Text>
                </View>
              </Picker>
            )}
            <Input className="boxed-input meeting-presenter" placeholder="发布人（可不填）" value={d.presenter} maxLength={30} onChange={(p) => change(i, { presenter: p })} />
            {items.length > 1 ? (
              <Button fill="none" className="meeting-remove" onClick={() => setItems((all) => all.filter((_, n) => n !== i))}>
                删去这一项
              </Button>
            ) : null}
          </View>
        )
      })}
      {items.length < MAX_MEETING_ITEMS ? (
        <View className="meeting-more">
          <Button block fill="outline" onClick={() => setItems((all) => [...all, blank()])}>
            再加一项
          </Button>
        </View>
      ) : null}

      <View className="meeting-more">
        <Button block type="primary" size="large" loading={submitting} onClick={send}>
          发布会议安排
        </Button>
        <SubmitStatus phase={phase} failure={failure} onRetry={() => void submit()} />
      </View>
      {picking ? (
        <DatePicker
          visible
          type="datetime"
          title="选择开会时间"
          showChinese
          defaultValue={
            new Date(Number(startsAt.slice(0, 4)), Number(startsAt.slice(5, 7)) - 1, Number(startsAt.slice(8, 10)), Number(startsAt.slice(11, 13)), Number(startsAt.slice(14, 16)))
          }
          onConfirm={(_, values: PickerValue[]) => {
            setFailure('')
            setStartsAt(beijingInstant(values))
          }}
          onClose={() => setPicking(false)}
        />
      ) : null}
    </PageShell>
  )
}
