import type { DisclosureKind, DisclosureSection, LineItem } from '@shared/domain/disclosure'
import type { DutyStatus } from '@shared/domain/duty'

// Labels only: the enums themselves live in a zod module the app must not import.
export const kindLabels: Record<DisclosureKind, string> = { party: '党务', village: '村务', finance: '财务' }

export const sectionLabels: Record<DisclosureSection, string> = {
  projects: '工程项目',
  assets: '资产资源',
  services: '办事结果',
  finance: '财务收支',
  decisions: '决议',
}

export const kindOptions = Object.keys(kindLabels) as DisclosureKind[]
export const sectionOptions = Object.keys(sectionLabels) as DisclosureSection[]

export const directionLabels: Record<LineItem['direction'], string> = { income: '收入', spending: '支出' }

/** 2026-10-05 → 2026年10月5日 (a line item's date, no time zone involved). */
export function lineDate(date: string): string {
  const [y, m, d] = date.split('-')
  return y && m && d ? `${y}年${Number(m)}月${Number(d)}日` : date
}

export { decisionStages, stageLabels, type DecisionStage } from '@shared/domain/decision-stages'

/** A duty period's status as a tag: its words and NutUI tag type (green, amber, red, grey). */
export const dutyStatusTags: Record<DutyStatus, { label: string; type: 'success' | 'warning' | 'danger' | 'default' }> = {
  onTime: { label: '按时', type: 'success' },
  late: { label: '逾期公开', type: 'warning' },
  overdue: { label: '逾期未公开', type: 'danger' },
  notDue: { label: '未到期', type: 'default' },
}

export const cadenceLabels: Record<'monthly' | 'quarterly', string> = { monthly: '每月', quarterly: '每季度' }
