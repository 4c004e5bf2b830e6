import type { Tag } from '../labels'
import type { Choice, EscalationStatus } from './rules'

export const choiceLabels: Record<Choice, string> = { satisfied: '满意', basic: '基本满意', dissatisfied: '不满意' }

export const escalationStatusTags: Record<EscalationStatus, Tag> = {
  open: { label: '待调查', type: 'danger' },
  investigating: { label: '调查中', type: 'warning' },
  rectifying: { label: '整改中', type: 'warning' },
  reported: { label: '村里已报告整改', type: 'info' },
  closed: { label: '已办结', type: 'success' },
}

/** 250 → 25%: thresholds are whole or tenth percents. */
export const percentOf = (permille: number) => `${permille % 10 === 0 ? permille / 10 : (permille / 10).toFixed(1)}%`
