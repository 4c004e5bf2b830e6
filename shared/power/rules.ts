import type { PowerItem, PowerStep, PowerItemVersion } from './schema'

/** The district guidance list (指导性清单) and a township's featured additions (特色清单). */
export const powerLevels = ['district', 'township'] as const
export type PowerLevel = (typeof powerLevels)[number]

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

/**
 * A township's featured list (特色清单) is edited in the app, one item at a time; the district's list is loaded
 * by the operator from its files. Every change to either is a version: what it changed, who (职务 姓名) and
 * when, shown newest first as the item's 变更记录.
 */
export const itemVersionChanges = ['created', 'edited', 'removed'] as const
export type ItemVersionChange = (typeof itemVersionChanges)[number]

export const itemVersionId = (itemId: string, version: number) => `${itemId}:v${version}`

/** Who made a version, as the 变更记录 shows it (职务 姓名); no person for the district's loads. */
export type VersionAuthor = Pick<PowerItemVersion, 'byPersonId' | 'byName' | 'byTitle'>

/**
 * The district list is loaded by the operator, not by a person of the township: its versions read
 * 区级清单导入 运营方, or the name the operator gives (`npm run admin -- import-power-list --by 王科长`).
 */
export const districtLoader = (by?: string): VersionAuthor => ({ byPersonId: '', byName: by?.trim() || '运营方', byTitle: '区级清单导入' })

/** The version record of a change to `item` (as of that change), made at `at` by `by`. */
export function itemVersion(
  item: Pick<PowerItem, '_id' | 'townshipId' | 'name'>,
  version: number,
  change: ItemVersionChange,
  fields: string[],
  reason: string,
  at: string,
  by: VersionAuthor,
): PowerItemVersion {
  // A district item has no township: '' keeps the record's shape one for both lists.
  return { _id: itemVersionId(item._id, version), itemId: item._id, townshipId: item.townshipId ?? '', version, change, fields, reason, name: item.name, at, ...by }
}

/** A new township item's id is its township and code: two items created at once with the same next code collide on the key. */
export const townshipItemId = (townshipId: string, code: string) => `pw-${townshipId}-${code}`

/** The fields staff edit, with the words the 变更记录 uses for each. */
export const editableItemFields = {
  name: '事项名称',
  categoryId: '类别',
  summary: '事项说明',
  basis: '依据',
  performer: '实施主体',
  supervisor: '监督主体',
  steps: '办理流程',
  disclosure: '公开要求',
} as const satisfies Partial<Record<keyof PowerItem, string>>
export type EditableItemField = keyof typeof editableItemFields

/**
 * The labels of the fields that differ between two versions of an item. Steps compare as a whole
 * list, with a step's time limit and actor inside it: changing any 办理时限 is a change of 办理流程.
 */
export function changedFields(before: Pick<PowerItem, EditableItemField>, after: Pick<PowerItem, EditableItemField>): string[] {
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)
  return (Object.keys(editableItemFields) as EditableItemField[])
    .filter((field) => {
      if (field === 'steps') {
        const pick = (s: PowerItem['steps']) => s.map(({ name, actor, detail, timeLimit }) => [name, actor, detail, timeLimit])
        return !same(pick(before.steps), pick(after.steps))
      }
      return !same(before[field], after[field])
    })
    .map((field) => editableItemFields[field])
}

/** The next featured-list code of a township (T-01, T-02 …): one past the highest T-number it has. */
export function nextTownshipCode(codes: readonly string[]): string {
  const numbers = codes
    .map((c) => /^T-(\d+)$/i.exec(c)?.[1])
    .filter((n): n is string => n !== undefined)
    .map(Number)
  const next = Math.max(0, ...numbers) + 1
  return `T-${String(next).padStart(2, '0')}`
}

/** How a version reads in the 变更记录: 新增了这一项 / 改了 依据、办理流程 / 移除了这一项：<reason>. */
export function versionSummary(v: Pick<PowerItemVersion, 'change' | 'fields' | 'reason'>): string {
  if (v.change === 'created') return '新增了这一项'
  if (v.change === 'removed') return `移除了这一项：${v.reason}`
  return `改了 ${v.fields.join('、')}`
}
