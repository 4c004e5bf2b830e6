import type { ReactNode } from 'react'
import { View, Text } from '@tarojs/components'
import { Tag } from '@nutui/nutui-react-taro'
import type { TopicView } from '@shared/topic/schema'
import { topicStatusTags } from '@shared/topic/labels'
import { dutyStatusTags, kindLabels, sectionLabels } from '@shared/disclosure/labels'
import { formatDay } from '../../components/format'
import { go } from '../../services/nav'
import './TopicCard.css'

/** `dueAt` is the first moment too late; the last day allowed is the day before it. */
export const lastDay = (dueAt: string) => formatDay(Date.parse(dueAt) - 1)

interface Props {
  t: TopicView
  /** the chair sees who asked; the villager's own card leaves it out */
  showRequester?: boolean
  children?: ReactNode
}

/** One 点题 as the villager and the chair read it: what was asked, why, and what became of it. */
export function TopicCard({ t, showRequester, children }: Props) {
  const tag = topicStatusTags[t.status]
  const duty = t.dutyStatus ? dutyStatusTags[t.dutyStatus] : null
  return (
    <View className="card topic-card">
      <View className="topic-head">
        <Tag type={tag.type}>{tag.label}</Tag>
        {duty && t.dutyStatus !== 'notDue' ? <Tag type={duty.type}>{duty.label}</Tag> : null}
        <Text className="muted topic-when">{formatDay(t.askedAt)}</Text>
      </View>
      <Text className="topic-title">{t.title}</Text>
      <Text className="prose topic-reason">为什么想了解：{t.reason}</Text>
      {showRequester ? <Text className="muted topic-meta">提出人：{t.requester}</Text> : null}
      {t.status === 'forwarded' || t.status === 'disclosed' ? (
        <View className="answer topic-answer">
          <Text className="answer-by">
            {t.decidedBy} {t.decidedAt ? formatDay(t.decidedAt) : ''} 转交村“两委”
          </Text>
          {t.dutyTitle && t.dutyTitle !== t.title ? <Text className="prose">公开事项：{t.dutyTitle}</Text> : null}
          <Text className="prose">
            {t.kind ? `${kindLabels[t.kind]}公开` : ''}
            {t.section ? `·${sectionLabels[t.section]}` : ''}，{t.dueAt ? `${lastDay(t.dueAt)}前公开` : ''}
          </Text>
          {t.status === 'disclosed' && t.disclosedAt ? <Text className="prose">{formatDay(t.disclosedAt)}已公开</Text> : null}
          {t.status === 'forwarded' && t.dutyStatus === 'overdue' ? <Text className="topic-overdue">已过公开期限，还没有公开</Text> : null}
        </View>
      ) : null}
      {t.status === 'declined' ? (
        <View className="answer topic-answer">
          <Text className="answer-by">
            {t.decidedBy} {t.decidedAt ? formatDay(t.decidedAt) : ''} 答复：不予转交
          </Text>
          <Text className="prose">{t.declineReason}</Text>
        </View>
      ) : null}
      {t.disclosureId ? (
        <View className="topic-link" role="link" onClick={() => go(`/packages/disclosure/detail/index?disclosureId=${encodeURIComponent(t.disclosureId!)}`)}>
          查看公开内容 ›
        </View>
      ) : null}
      {children ? <View className="topic-actions">{children}</View> : null}
    </View>
  )
}
