import { z } from '../zod'

/** The district guidance list (指导性清单) and a township's featured additions (特色清单). */
export const powerLevels = ['district', 'township'] as const
export type PowerLevel = (typeof powerLevels)[number]

export const powerCategorySchema = z.object({
  _id: z.string(),
  name: z.string(),
  order: z.number().int(),
  description: z.string(),
})
export type PowerCategory = z.infer<typeof powerCategorySchema>

export const powerStepSchema = z.object({
  name: z.string(),
  /** Who performs this step, e.g. 村党组织, 村民代表会议, 乡镇民政办. */
  actor: z.string(),
  detail: z.string(),
  /** e.g. 5个工作日内; empty when the basis sets no limit. */
  timeLimit: z.string(),
})
export type PowerStep = z.infer<typeof powerStepSchema>

export const powerItemSchema = z.object({
  _id: z.string(),
  level: z.enum(powerLevels),
  /** Set for township featured items; null for the district list. */
  townshipId: z.string().nullable(),
  categoryId: z.string(),
  /** Position in the printed list, e.g. 3-05. */
  code: z.string(),
  name: z.string(),
  summary: z.string(),
  basis: z.array(z.string()),
  performer: z.string(),
  supervisor: z.string(),
  steps: z.array(powerStepSchema),
  disclosure: z.string(),
  /** Township items edited in the app: the number of the newest version (power_item_version); absent before the first edit. */
  version: z.number().int().optional(),
  /** When township staff removed the item; the record stays, villages' selections point at it. */
  removedAt: z.string().nullable().optional(),
})
export type PowerItem = z.infer<typeof powerItemSchema>

/** A village's published selection of one item; `selected: false` keeps the row after removal. */
export const powerSelectionSchema = z.object({
  _id: z.string(),
  villageId: z.string(),
  itemId: z.string(),
  selected: z.boolean(),
  changedAt: z.string(),
  /** Set when the township removed the item while the village had it selected: the committee should review. */
  needsReview: z.boolean().optional(),
})
export type PowerSelection = z.infer<typeof powerSelectionSchema>

/** One filed change (备案) to a village's list, shown to villagers as the list's history. */
export const powerChangeSchema = z.object({
  _id: z.string(),
  villageId: z.string(),
  itemId: z.string(),
  itemName: z.string(),
  change: z.enum(['added', 'removed']),
  note: z.string(),
  at: z.string(),
  byPersonId: z.string(),
  byName: z.string(),
  byTitle: z.string(),
})
export type PowerChange = z.infer<typeof powerChangeSchema>

/** 责任清单: a duty of one of the four key village posts. */
export const responsibilitySchema = z.object({
  _id: z.string(),
  post: z.string(),
  order: z.number().int(),
  duty: z.string(),
})
export type Responsibility = z.infer<typeof responsibilitySchema>

/** 负面清单: something village cadres must never do. */
export const prohibitionSchema = z.object({
  _id: z.string(),
  order: z.number().int(),
  area: z.string(),
  text: z.string(),
})
export type Prohibition = z.infer<typeof prohibitionSchema>

/** Lower-case, strip spaces and common punctuation so 「低保 评定」 finds 低保评定. */
export function normaliseKeyword(raw: string): string {
  return raw.toLowerCase().replace(/[\s\u3000,，。.、;；:：!！?？"“”'‘’()（）《》]/g, '')
}

/**
 * Rank an item for a keyword: a hit in the name beats the summary, which beats
 * the steps and basis. Returns 0 when the item does not match at all.
 */
export function keywordScore(item: PowerItem, keyword: string): number {
  const k = normaliseKeyword(keyword)
  if (!k) return 0
  const has = (s: string) => normaliseKeyword(s).includes(k)
  if (has(item.name)) return 3
  if (has(item.summary)) return 2
  const rest = [item.performer, item.supervisor, item.disclosure, ...item.basis]
  for (const step of item.steps) rest.push(step.name, step.actor, step.detail)
  return rest.some(has) ? 1 : 0
}

export function searchItems<T extends PowerItem>(items: readonly T[], keyword: string): T[] {
  return items
    .map((item) => ({ item, score: keywordScore(item, keyword) }))
    .filter((x) => x.score > 0)
    .sort((a, b) => b.score - a.score || a.item.code.localeCompare(b.item.code))
    .map((x) => x.item)
}

/**
 * The flowchart is drawn top to bottom, one box per step; a new swimlane label
 * appears only when the actor changes, so a run of steps by the same body reads
 * as one stretch of the chart.
 */
export interface FlowNode extends PowerStep {
  index: number
  actorChanged: boolean
}

export function flowchartOf(steps: readonly PowerStep[]): FlowNode[] {
  return steps.map((step, index) => ({
    ...step,
    index: index + 1,
    actorChanged: index === 0 || steps[index - 1]!.actor !== step.actor,
  }))
}
