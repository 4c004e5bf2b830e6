import { View, Text } from '@tarojs/components'
import './FigureGrid.css'

export interface Figure {
  label: string
  value: string | number
  /** drawn in red: something that needs attention (overdue, over the threshold) */
  bad?: boolean
}

/** Counts as large numbers in a grid: three across at standard text, fewer and wider when the text is large. */
export function FigureGrid({ figures }: { figures: readonly Figure[] }) {
  return (
    <View className="figure-grid">
      {figures.map((f) => (
        <View key={f.label} className={`figure-grid-cell${f.bad ? ' figure-grid-bad' : ''}`}>
          <Text className="figure-grid-number">{f.value}</Text>
          <Text className="figure-grid-label">{f.label}</Text>
        </View>
      ))}
    </View>
  )
}
