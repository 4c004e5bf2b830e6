import type { Tag } from '../labels'
import type { DutyStatus } from './duty'
import type { DecisionStage, DisclosureKind, DisclosureSection } from './rules'
import type { LineItem } from './schema'

// The words villagers read for each disclosure value; the app, the host's first screen and exports share them.
export const kindLabels: Record<DisclosureKind, string> = { party: '党务', village: '村务', finance: '财务' }

export const sectionLabels: Record<DisclosureSection, string> = {
  projects: '工程项目',
  assets: '资产资源',
  services: '办事结果',
  finance: '财务收支',
  decisions: '决议',
}

export const directionLabels: Record<LineItem['direction'], string> = { income: '收入', spending: '支出' }

/** A duty period's status as a tag: green, amber, red, grey. */
export const dutyStatusTags: Record<DutyStatus, Tag> = {
  onTime: { label: '按时', type: 'success' },
  late: { label: '逾期公开', type: 'warning' },
  overdue: { label: '逾期未公开', type: 'danger' },
  notDue: { label: '未到期', type: 'default' },
}

export const cadenceLabels: Record<'monthly' | 'quarterly', string> = { monthly: '每月', quarterly: '每季度' }

export const stageLabels: Record<DecisionStage, string> = {
  proposal: '村党组织提议',
  deliberation: '村“两委”商议',
  review: '党员大会审议',
  resolution: '村民代表会议决议',
  resolutionDisclosed: '决议公开',
  resultDisclosed: '实施结果公开',
}
