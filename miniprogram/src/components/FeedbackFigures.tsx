import { View, Text } from '@tarojs/components'
import type { FeedbackFiguresRow } from '@shared/contract/feedback'
import { formatPermille } from './format'
import { formatMinutes } from './feedback'
import './FeedbackFigures.css'

/** One village's (or a township's) feedback figures: counts in a grid, then 办结率 and the median time to reply. */
export function FeedbackFigures({ figures, title }: { figures: FeedbackFiguresRow; title?: string }) {
  const cells: [string, number][] = [
    ['收到', figures.received],
    ['已分派', figures.routed],
    ['已答复', figures.replied],
    ['已办结', figures.closed],
    ['重新反映', figures.reopened],
    ['超期未答复', figures.overdue],
  ]
  return (
    <View className="card feedback-figures">
      {title ? <Text className="feedback-figures-title">{title}</Text> : null}
      <View className="feedback-figures-grid">
        {cells.map(([label, n]) => (
          <View key={label} className={`feedback-figures-cell${label === '超期未答复' && n > 0 ? ' feedback-figures-bad' : ''}`}>
            <Text className="feedback-figures-number">{n}</Text>
            <Text className="feedback-figures-label">{label}（条）</Text>
          </View>
        ))}
      </View>
      <Text className="feedback-figures-line">
        办结率 <Text className="feedback-figures-strong">{figures.completionPermille === null ? '—' : formatPermille(figures.completionPermille)}</Text>
        ，答复用时中位数 <Text className="feedback-figures-strong">{formatMinutes(figures.medianReplyMinutes)}</Text>
      </Text>
    </View>
  )
}
