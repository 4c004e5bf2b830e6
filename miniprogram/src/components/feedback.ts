import type { FeedbackStatus } from '@shared/domain/feedback'
import type { ReportStatus } from '@shared/domain/report'

type TagType = 'success' | 'warning' | 'danger' | 'default' | 'info' | 'primary'

// Labels only: the enums live in zod modules the app must not import.
export const feedbackStatusTags: Record<FeedbackStatus, { label: string; type: TagType }> = {
  submitted: { label: '待分派', type: 'warning' },
  routed: { label: '待答复', type: 'info' },
  agenda: { label: '列入会议议题', type: 'info' },
  replied: { label: '已答复', type: 'primary' },
  closed: { label: '已办结', type: 'success' },
}

export const feedbackStatusOptions = Object.keys(feedbackStatusTags) as FeedbackStatus[]

export const reportStatusTags: Record<ReportStatus, { label: string; type: TagType }> = {
  submitted: { label: '待受理', type: 'warning' },
  acknowledged: { label: '已受理', type: 'info' },
  investigating: { label: '调查中', type: 'info' },
  concluded: { label: '已办结', type: 'success' },
}

export const reportStatusOptions = Object.keys(reportStatusTags) as ReportStatus[]

/** 95 minutes → 1小时35分; the median time to reply. */
export function formatMinutes(minutes: number | null): string {
  if (minutes === null) return '—'
  const days = Math.floor(minutes / 1440)
  const hours = Math.floor((minutes % 1440) / 60)
  const rest = minutes % 60
  if (days > 0) return `${days}天${hours > 0 ? `${hours}小时` : ''}`
  if (hours > 0) return `${hours}小时${rest > 0 ? `${rest}分` : ''}`
  return `${rest}分钟`
}

const ID_SYMBOLS = 'abcdefghijklmnopqrstuvwxyz0123456789'

/** A request id made once per form on the phone: a retry sends the same one, so nothing is filed twice. */
export const newRequestId = () =>
  Date.now().toString(36) + Array.from({ length: 16 }, () => ID_SYMBOLS[Math.floor(Math.random() * ID_SYMBOLS.length)]).join('')
