import { View, Text } from '@tarojs/components'
import type { TopicFigures as Figures } from '@shared/topic/rules'
import { FigureGrid } from './FigureGrid'
import './FeedbackFigures.css'

/** One village's (or a township's) 点题 figures: asked, forwarded, declined, disclosed on time or late, overdue. */
export function TopicFigures({ figures, title }: { figures: Figures; title?: string }) {
  return (
    <View className="card topic-figures">
      {title ? <Text className="feedback-figures-title">{title}</Text> : null}
      <FigureGrid
        figures={[
          { label: '村民点题（条）', value: figures.requested },
          { label: '待处理（条）', value: figures.waiting },
          { label: '已转交（条）', value: figures.forwarded },
          { label: '不予转交（条）', value: figures.declined },
          { label: '按时公开（条）', value: figures.disclosedOnTime },
          { label: '逾期公开（条）', value: figures.disclosedLate, bad: figures.disclosedLate > 0 },
          { label: '逾期未公开（条）', value: figures.overdue, bad: figures.overdue > 0 },
        ]}
      />
    </View>
  )
}
