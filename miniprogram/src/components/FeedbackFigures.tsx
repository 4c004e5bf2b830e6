import { View, Text } from '@tarojs/components'
import type { FeedbackFiguresRow } from '@shared/feedback/schema'
import { FigureGrid } from './FigureGrid'
import { formatPermille } from './format'
import { formatMinutes } from './feedback'
import './FeedbackFigures.css'

/** One village's (or a township's) feedback figures: counts in a grid, then 办结率 and the median time to reply. */
export function FeedbackFigures({ figures, title }: { figures: FeedbackFiguresRow; title?: string }) {
  return (
    <View className="card feedback-figures">
      {title ? <Text className="feedback-figures-title">{title}</Text> : null}
      <FigureGrid
        figures={[
          { label: '收到（条）', value: figures.received },
          { label: '已分派（条）', value: figures.routed },
          { label: '已答复（条）', value: figures.replied },
          { label: '已办结（条）', value: figures.closed },
          { label: '重新反映（条）', value: figures.reopened },
          { label: '超期未答复（条）', value: figures.overdue, bad: figures.overdue > 0 },
        ]}
      />
      <Text className="feedback-figures-line">
        办结率 <Text className="feedback-figures-strong">{figures.completionPermille === null ? '—' : formatPermille(figures.completionPermille)}</Text>
        ，答复用时中位数 <Text className="feedback-figures-strong">{formatMinutes(figures.medianReplyMinutes)}</Text>
      </Text>
    </View>
  )
}
