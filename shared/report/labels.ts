import type { Tag } from '../labels'
import type { ReportStatus } from './rules'

export const reportStatusTags: Record<ReportStatus, Tag> = {
  submitted: { label: '待受理', type: 'warning' },
  acknowledged: { label: '已受理', type: 'info' },
  investigating: { label: '调查中', type: 'info' },
  concluded: { label: '已办结', type: 'success' },
}
