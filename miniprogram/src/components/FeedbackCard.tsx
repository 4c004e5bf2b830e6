import type { ReactNode } from 'react'
import { View, Text } from '@tarojs/components'
import { Tag } from '@nutui/nutui-react-taro'
import type { FeedbackView } from '@shared/feedback/schema'
import { PhotoGrid } from './PhotoPicker'
import { formatDay, formatDayTime } from './format'
import { feedbackStatusTags } from '@shared/feedback/labels'
import './FeedbackCard.css'

const aboutLabels: Record<FeedbackView['about']['type'], string> = { disclosure: '关于公开', power: '关于权力事项', general: '意见箱' }

interface Props {
  f: FeedbackView
  /** e.g. the village's name for township staff */
  place?: string
  /** buttons for what the reader may do next */
  children?: ReactNode
}

/** One piece of feedback as every role reads it: what, by whom, its state, the reply and any reminders. */
export function FeedbackCard({ f, place, children }: Props) {
  const tag = feedbackStatusTags[f.status]
  return (
    <View className="card feedback-card">
      <View className="feedback-head">
        <Tag type={tag.type}>{tag.label}</Tag>
        {f.overdue ? <Tag type="danger">已超期</Tag> : null}
        <Text className="muted feedback-when">{formatDay(f.submittedAt)}</Text>
      </View>
      <Text className="feedback-about">{f.about.type === 'general' ? aboutLabels.general : `${aboutLabels[f.about.type]}：${f.about.title}`}</Text>
      <Text className="prose feedback-text">{f.text}</Text>
      <PhotoGrid images={f.photos} />
      <Text className="muted feedback-meta">
        {[place, `提出人：${f.author}`, f.routedToName ? `承办：${f.routedToName}` : null, `答复期限：${formatDay(f.dueAt)}`].filter(Boolean).join(' · ')}
      </Text>
      {f.reopenReason ? <Text className="feedback-reopen">重新反映：{f.reopenReason}</Text> : null}
      {f.reply ? (
        <View className="answer feedback-reply">
          <Text className="answer-by">
            {f.reply.title}
            {f.reply.name} 答复（{formatDayTime(f.reply.at)}）
          </Text>
          <Text className="prose">{f.reply.text}</Text>
        </View>
      ) : null}
      {f.reminders.map((r) => (
        <View key={r.at} className="feedback-reminder" role="note">
          <Text className="feedback-reminder-by">
            镇纪委督办 · {r.title}
            {r.name} · {formatDayTime(r.at)}
          </Text>
          <Text>{r.note}</Text>
        </View>
      ))}
      {f.closedAt ? (
        <Text className="muted feedback-meta">
          {formatDay(f.closedAt)}办结{f.closedBy === 'timeout' ? '（答复后村民未确认，自动办结）' : '（村民确认已解决）'}
        </Text>
      ) : null}
      {children ? <View className="feedback-actions">{children}</View> : null}
    </View>
  )
}
