import type { AnsweredKind, ConflictKind } from './rules'

/** 回避的原因 as staff pick it. */
export const conflictKindLabels: Record<ConflictKind, string> = {
  relative: '亲属',
  formerPost: '曾在该村任职',
  other: '其他',
}

/** How the cadre answered for an evaluated matter, as the file says it. */
export const answeredKindLabels: Record<AnsweredKind, string> = {
  published: '发布了这条公开',
  recorded: '记录了这项决策',
  answered: '作了答复释疑',
}
