import { z } from '../zod'
import type { PowerItem } from './power'

/**
 * A township's featured list (特色清单) is edited in the app, one item at a time; the district's list is loaded
 * by the operator from its files. Every change to either is a version: what it changed, who (职务 姓名) and
 * when, shown newest first as the item's 变更记录.
 */
export const itemVersionChanges = ['created', 'edited', 'removed'] as const
export type ItemVersionChange = (typeof itemVersionChanges)[number]

export const powerItemVersionSchema = z.object({
  /** `<itemId>:v<version>`: a version number is taken once, so two edits of the same version cannot both land. */
  _id: z.string(),
  itemId: z.string(),
  townshipId: z.string(),
  version: z.number().int().min(1),
  change: z.enum(itemVersionChanges),
  /** The Chinese labels of the fields this version changed (empty for a removal). */
  fields: z.array(z.string()),
  /** The removal's reason; empty otherwise. */
  reason: z.string(),
  /** The item's name as of this version, so the record reads on its own. */
  name: z.string(),
  at: z.string(),
  byPersonId: z.string(),
  byName: z.string(),
  byTitle: z.string(),
})
export type PowerItemVersion = z.infer<typeof powerItemVersionSchema>

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
  const numbers = codes.map((c) => /^T-(\d+)$/i.exec(c)?.[1]).filter((n): n is string => n !== undefined).map(Number)
  const next = Math.max(0, ...numbers) + 1
  return `T-${String(next).padStart(2, '0')}`
}

/** How a version reads in the 变更记录: 新增了这一项 / 改了 依据、办理流程 / 移除了这一项：<reason>. */
export function versionSummary(v: Pick<PowerItemVersion, 'change' | 'fields' | 'reason'>): string {
  if (v.change === 'created') return '新增了这一项'
  if (v.change === 'removed') return `移除了这一项：${v.reason}`
  return `改了 ${v.fields.join('、')}`
}
