import type { Tag } from '../labels'
import type { FeedbackStatus } from './rules'

export const feedbackStatusTags: Record<FeedbackStatus, Tag> = {
  submitted: { label: '待分派', type: 'warning' },
  routed: { label: '待答复', type: 'info' },
  agenda: { label: '列入会议议题', type: 'info' },
  replied: { label: '已答复', type: 'primary' },
  closed: { label: '已办结', type: 'success' },
}
