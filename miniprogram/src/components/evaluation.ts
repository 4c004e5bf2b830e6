import type { Choice } from '@shared/domain/evaluation-rule'
import type { EscalationStatus } from '@shared/domain/evaluation'
import { addHours } from '@shared/time'

type TagType = 'success' | 'warning' | 'danger' | 'default' | 'info' | 'primary'

// Labels only: the enums live in zod modules the app must not import.
export const choiceLabels: Record<Choice, string> = { satisfied: '满意', basic: '基本满意', dissatisfied: '不满意' }

export const escalationStatusTags: Record<EscalationStatus, { label: string; type: TagType }> = {
  open: { label: '待调查', type: 'danger' },
  investigating: { label: '调查中', type: 'warning' },
  rectifying: { label: '整改中', type: 'warning' },
  reported: { label: '村里已报告整改', type: 'info' },
  closed: { label: '已办结', type: 'success' },
}

export const escalationStatusOptions = Object.keys(escalationStatusTags) as EscalationStatus[]

/** 250 → 25%: thresholds are whole or tenth percents. */
export const percentOf = (permille: number) => `${permille % 10 === 0 ? permille / 10 : (permille / 10).toFixed(1)}%`

/** Closing-time presets: a round closes after the meeting, or after a few days for those away. */
export const closingPresets = [
  { label: '2小时后', hours: 2 },
  { label: '1天后', hours: 24 },
  { label: '3天后', hours: 72 },
  { label: '7天后', hours: 168 },
] as const

export const closesAtAfter = (hours: number) => addHours(Date.now(), hours)
