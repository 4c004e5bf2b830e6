import { useState } from 'react'
import dayjs from 'dayjs'
import { View, Text } from '@tarojs/components'
import { Button, DatePicker, Input, TextArea } from '@nutui/nutui-react-taro'
import type { DecisionStage } from '@shared/disclosure/rules'
import { stageLabels } from '@shared/disclosure/labels'
import { lineDate } from '../../../components/disclosure'
import { messageOf } from '../../../components/PageShell'
import { PhotoPicker, type Photo } from '../../../components/PhotoPicker'
import { beijingToday } from '@shared/time'
import './StepForm.css'

const hints: Record<DecisionStage, string> = {
  proposal: '例如：村党支部委员会会议提出……（提议做什么、为什么、钱从哪里来）',
  deliberation: '例如：村“两委”联席会议商议，形成初步方案……',
  review: '例如：党员大会应到32人、实到29人，审议通过……',
  resolution: '例如：村民代表会议应到45人、实到41人，同意39人、反对1人、弃权1人，决议通过',
  resolutionDisclosed: '例如：决议内容和表决结果在村务公开栏和监督群公示7天，无异议',
  resultDisclosed: '例如：工程已完工验收，实际花费……，结果在村务公开栏公示',
}

export interface StepInput {
  title?: string
  summary?: string
  date: string
  minutes: string
  /** photos of the signed minutes, the vote tally, the notice as posted */
  attachments: { fileId: string; name: string }[]
}

type PickerValue = string | number | null
const pad = (v: PickerValue | undefined) => String(Number(v)).padStart(2, '0')

interface Props {
  stage: DecisionStage
  /** A new decision: also asks for its name and a short description. */
  isNew?: boolean
  /** The previous step's day (YYYY-MM-DD): this one cannot be earlier. */
  notBefore?: string | null
  submitText: string
  /** Does the work; reject (e.g. with an ApiError) to show its message and keep what was typed. */
  onSubmit: (input: StepInput) => Promise<void>
}

/** Records one step of 四议两公开: the day it happened and its minutes (a new decision also gets a name). */
export function StepForm({ stage, isNew, notBefore, submitText, onSubmit }: Props) {
  const today = beijingToday()
  const [title, setTitle] = useState('')
  const [summary, setSummary] = useState('')
  const [date, setDate] = useState(notBefore && notBefore > today ? notBefore : today)
  const [minutes, setMinutes] = useState('')
  const [photos, setPhotos] = useState<Photo[]>([])
  const [picking, setPicking] = useState(false)
  const [submitting, setSubmitting] = useState(false)
  const [failure, setFailure] = useState('')

  const submit = async () => {
    setFailure('')
    if (isNew && !title.trim()) return setFailure('请填写事项名称')
    if (isNew && !summary.trim()) return setFailure('请填写事项说明')
    if (!minutes.trim()) return setFailure('请填写会议记录或公开内容')
    if (notBefore && date < notBefore) return setFailure(`日期不能早于上一步（${lineDate(notBefore)}）`)
    setSubmitting(true)
    try {
      const attachments = photos.map(({ fileId, name }) => ({ fileId, name: name.trim() || '图片' }))
      const step = { date, minutes: minutes.trim(), attachments }
      await onSubmit(isNew ? { ...step, title: title.trim(), summary: summary.trim() } : step)
    } catch (e) {
      setFailure(messageOf(e))
    } finally {
      setSubmitting(false)
    }
  }

  const earliest = notBefore ? dayjs(notBefore).toDate() : new Date(2015, 0, 1)
  const latest = dayjs(notBefore && notBefore > today ? notBefore : today).toDate()
  return (
    <View className="step-form">
      {isNew ? (
        <>
          <Text className="step-form-label">事项名称</Text>
          <Input
            className="boxed-input"
            placeholder="例如：三组至五组村道硬化"
            value={title}
            maxLength={60}
            onChange={(v) => {
              setFailure('')
              setTitle(v)
            }}
          />
          <Text className="step-form-label step-form-label-next">事项说明</Text>
          <TextArea
            className="boxed-textarea"
            placeholder="要办什么事、为什么办、大概花多少钱"
            value={summary}
            maxLength={1000}
            showCount
            rows={3}
            autoSize
            onChange={(v) => {
              setFailure('')
              setSummary(v)
            }}
          />
          <Text className="step-form-label step-form-label-next">第一步：{stageLabels[stage]}</Text>
        </>
      ) : null}
      <Text className={`step-form-label${isNew ? ' step-form-label-sub' : ''}`}>日期</Text>
      <Button className="step-form-pick" fill="outline" onClick={() => setPicking(true)}>
        {lineDate(date)}
      </Button>
      <Text className="step-form-label step-form-label-next">会议记录或公开内容</Text>
      <TextArea
        className="boxed-textarea"
        placeholder={hints[stage]}
        value={minutes}
        maxLength={5000}
        showCount
        rows={4}
        autoSize
        onChange={(v) => {
          setFailure('')
          setMinutes(v)
        }}
      />
      <PhotoPicker max={9} photos={photos} onChange={(update) => setPhotos(update)} />
      {failure ? (
        <View className="error-text step-form-error" role="alert">
          {failure}
        </View>
      ) : null}
      <Button block type="primary" size="large" className="step-form-submit" loading={submitting} onClick={() => void submit()}>
        {submitText}
      </Button>
      {picking ? (
        <DatePicker
          visible
          type="date"
          title="选择日期"
          showChinese
          defaultValue={dayjs(date).toDate()}
          startDate={earliest}
          endDate={latest}
          onConfirm={(_, values: PickerValue[]) => {
            setFailure('')
            setDate(`${values[0]}-${pad(values[1])}-${pad(values[2])}`)
          }}
          onClose={() => setPicking(false)}
        />
      ) : null}
    </View>
  )
}
