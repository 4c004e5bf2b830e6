import { addHours } from '@shared/time'

/** Closing-time presets: a round closes after the meeting, or after a few days for those away. */
export const closingPresets = [
  { label: '2小时后', hours: 2 },
  { label: '1天后', hours: 24 },
  { label: '3天后', hours: 72 },
  { label: '7天后', hours: 168 },
] as const

export const closesAtAfter = (hours: number) => addHours(Date.now(), hours)
