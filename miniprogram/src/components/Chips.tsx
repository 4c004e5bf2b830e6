import { View } from '@tarojs/components'
import './Chips.css'

interface Props<T> {
  /** what the choice is about, read out by screen readers */
  label: string
  options: readonly { value: T; label: string }[]
  value: T
  onChange: (value: T) => void
  /** Long labels (a power-list category): one row that scrolls sideways, so no label breaks inside. */
  scroll?: boolean
}

/** One choice out of a few, as large pills that wrap: easier to hit than tabs on a small phone. */
export function Chips<T extends string | undefined>({ label, options, value, onChange, scroll }: Props<T>) {
  return (
    <View className={`chip-row${scroll ? ' chip-row-scroll' : ''}`} role="radiogroup" aria-label={label}>
      {options.map((o) => (
        <View key={o.value ?? ''} className={`chip${value === o.value ? ' chip-active' : ''}`} role="radio" aria-checked={value === o.value} onClick={() => onChange(o.value)}>
          {o.label}
        </View>
      ))}
    </View>
  )
}
