import type { z } from '../zod'
import type { PowerLevel } from './rules'
import { type PowerCategory, powerCategorySchema, type PowerItem, powerItemSchema, type Responsibility, responsibilitySchema, type Prohibition, prohibitionSchema } from './schema'

/** One bad line: the file, its row as Excel numbers it (the header is row 1), and why, in words for the official. */
export interface ReferenceProblem {
  file: string
  line: number
  reason: string
}

export type Loaded<T> = { ok: true; value: T } | { ok: false; problems: ReferenceProblem[] }

export const referenceFiles = {
  categories: 'categories.csv',
  items: 'district-items.csv',
  responsibilities: 'responsibilities.csv',
  prohibitions: 'prohibitions.csv',
} as const

export const categoryColumns = ['编号', '名称', '说明'] as const
/**
 * One row per step of an item's flowchart. 事项编号 is on every row; the item's own columns are filled on its
 * first row and left empty (or repeated) on the rows of its later steps. 依据 holds one basis a line (Alt+Enter).
 */
export const itemColumns = ['事项编号', '类别编号', '事项名称', '事项说明', '依据', '实施主体', '监督主体', '公开要求', '步骤名称', '办理主体', '办理内容', '办理时限'] as const
export const responsibilityColumns = ['编号', '岗位', '职责'] as const
export const prohibitionColumns = ['编号', '方面', '内容'] as const

const itemOwnColumns = ['类别编号', '事项名称', '事项说明', '依据', '实施主体', '监督主体', '公开要求'] as const

export const itemIdOf = (code: string) => `pw-${code.toLowerCase()}`
export const categoryIdOf = (number: number) => `cat-${number}`
const pad = (n: number) => String(n).padStart(2, '0')

interface Row<K extends string> {
  line: number
  cell(column: K): string
}

/** The rows under a header naming every column (any order); empty rows are skipped. */
function tableOf<K extends string>(file: string, rows: readonly (readonly string[])[], columns: readonly K[], problems: ReferenceProblem[]): Row<K>[] {
  const header = (rows[0] ?? []).map((h) => h.trim())
  const missing = columns.filter((c) => !header.includes(c))
  if (missing.length > 0) {
    problems.push({ file, line: 1, reason: `第一行缺少列：${missing.join('、')}` })
    return []
  }
  const at = new Map(columns.map((c) => [c, header.indexOf(c)]))
  const out: Row<K>[] = []
  rows.slice(1).forEach((cells, i) => {
    if (cells.every((c) => c.trim() === '')) return
    out.push({ line: i + 2, cell: (column) => (cells[at.get(column)!] ?? '').trim() })
  })
  return out
}

/** A whole number of 1 to 999 in a cell, or null. */
function numberIn(text: string): number | null {
  return /^[1-9]\d{0,2}$/.test(text) ? Number(text) : null
}

/** The last gate: the entity schema the store keeps; a failure names the field. */
function checked<T>(schema: z.ZodType<T>, value: unknown, file: string, line: number, problems: ReferenceProblem[]): T | null {
  const result = schema.safeParse(value)
  if (result.success) return result.data
  problems.push({ file, line, reason: `内容不合格式（${result.error.issues.map((i) => i.path.join('.')).join('、')}）` })
  return null
}

const result = <T>(value: T, problems: ReferenceProblem[]): Loaded<T> => (problems.length > 0 ? { ok: false, problems } : { ok: true, value })

/**
 * The rows of a table keyed by a 编号 column, each with its number, once the number is a whole number used on no
 * earlier row and every `required` cell is filled; a row that fails is reported, cell by cell, and left out.
 */
function numberedRows<K extends string>(
  file: string,
  rows: readonly (readonly string[])[],
  columns: readonly ('编号' | K)[],
  required: readonly K[],
  problems: ReferenceProblem[],
) {
  const out: { row: Row<'编号' | K>; number: number }[] = []
  const seen = new Map<number, number>()
  for (const row of tableOf(file, rows, columns, problems)) {
    const number = numberIn(row.cell('编号'))
    const lineProblems = [
      number === null ? `编号“${row.cell('编号')}”应是 1 到 999 的整数` : seen.has(number) ? `编号 ${number} 和第 ${seen.get(number)} 行重复` : null,
      ...required.map((c) => (row.cell(c) ? null : `缺少${c}`)),
    ].filter((p): p is string => p !== null)
    for (const reason of lineProblems) problems.push({ file, line: row.line, reason })
    if (lineProblems.length > 0 || number === null) continue
    seen.set(number, row.line)
    out.push({ row, number })
  }
  return out
}

export function parseCategories(rows: readonly (readonly string[])[], file: string = referenceFiles.categories): Loaded<PowerCategory[]> {
  const problems: ReferenceProblem[] = []
  const out = numberedRows(file, rows, categoryColumns, ['名称'], problems).flatMap(({ row, number }) => {
    const category = checked(powerCategorySchema, { _id: categoryIdOf(number), name: row.cell('名称'), order: number, description: row.cell('说明') }, file, row.line, problems)
    return category ? [category] : []
  })
  return result(out, problems)
}

export interface ItemOptions {
  level: PowerLevel
  townshipId: string | null
  /** The category ids items may name (cat-N for 类别编号 N). */
  categoryIds: ReadonlySet<string>
  file: string
}

/** Items with their flowcharts, one row a step (see itemColumns). */
export function parseItems(rows: readonly (readonly string[])[], options: ItemOptions): Loaded<PowerItem[]> {
  const { file } = options
  const problems: ReferenceProblem[] = []
  const out: PowerItem[] = []
  const firstLine = new Map<string, number>()
  // The item whose step rows are being read (`as`: assigned in closures too, so not narrowed to null).
  let current = null as { item: PowerItem; line: number; first: Row<(typeof itemColumns)[number]>; bad: boolean } | null
  const finish = () => {
    if (!current || current.bad) return
    if (current.item.steps.length === 0) return
    const item = checked(powerItemSchema, current.item, file, current.line, problems)
    if (item) out.push(item)
  }
  for (const row of tableOf(file, rows, itemColumns, problems)) {
    const code = row.cell('事项编号')
    const bad = (reason: string) => {
      problems.push({ file, line: row.line, reason })
      if (current) current.bad = true
    }
    if (!/^[A-Za-z0-9]+(-[A-Za-z0-9]+)*$/.test(code)) {
      problems.push({ file, line: row.line, reason: code ? `事项编号“${code}”只能由字母、数字和“-”组成，如 3-05` : '缺少事项编号' })
      continue
    }
    if (current?.item.code !== code) {
      finish()
      // Keyed by the id, so t-01 and T-01 are one code.
      if (firstLine.has(itemIdOf(code))) {
        problems.push({ file, line: row.line, reason: `事项编号 ${code} 已在第 ${firstLine.get(itemIdOf(code))} 行用过，同一事项的各步骤要排在相邻的行` })
        current = null
        continue
      }
      firstLine.set(itemIdOf(code), row.line)
      const number = numberIn(row.cell('类别编号'))
      const categoryId = number === null ? null : categoryIdOf(number)
      current = {
        line: row.line,
        first: row,
        bad: false,
        item: {
          _id: itemIdOf(code),
          level: options.level,
          townshipId: options.townshipId,
          categoryId: categoryId ?? '',
          code,
          name: row.cell('事项名称'),
          summary: row.cell('事项说明'),
          basis: row
            .cell('依据')
            .split(/\r?\n/)
            .map((b) => b.trim())
            .filter(Boolean),
          performer: row.cell('实施主体'),
          supervisor: row.cell('监督主体'),
          steps: [],
          disclosure: row.cell('公开要求'),
        },
      }
      if (categoryId === null || !options.categoryIds.has(categoryId)) bad(`类别编号“${row.cell('类别编号')}”不在类别表里`)
      const missing = (['事项名称', '依据', '实施主体', '监督主体'] as const).filter((c) => !row.cell(c))
      if (missing.length > 0) bad(`事项的第一行缺少：${missing.join('、')}`)
    } else {
      const first = current.first
      const differing = itemOwnColumns.filter((c) => row.cell(c) !== '' && row.cell(c) !== first.cell(c))
      if (differing.length > 0) bad(`${differing.join('、')}和本事项第一行（第 ${current.line} 行）不同；事项的内容只填在第一行`)
    }
    const stepMissing = (['步骤名称', '办理主体'] as const).filter((c) => !row.cell(c))
    if (stepMissing.length > 0) {
      bad(`这一步缺少：${stepMissing.join('、')}`)
      continue
    }
    current.item.steps.push({ name: row.cell('步骤名称'), actor: row.cell('办理主体'), detail: row.cell('办理内容'), timeLimit: row.cell('办理时限') })
  }
  finish()
  return result(out, problems)
}

export function parseResponsibilities(rows: readonly (readonly string[])[], file: string = referenceFiles.responsibilities): Loaded<Responsibility[]> {
  const problems: ReferenceProblem[] = []
  const perPost = new Map<string, number>()
  const out = numberedRows(file, rows, responsibilityColumns, ['岗位', '职责'], problems).flatMap(({ row, number }) => {
    // A duty's place is its place among its post's duties in the file.
    const order = (perPost.get(row.cell('岗位')) ?? 0) + 1
    perPost.set(row.cell('岗位'), order)
    const duty = checked(responsibilitySchema, { _id: `duty-${pad(number)}`, post: row.cell('岗位'), order, duty: row.cell('职责') }, file, row.line, problems)
    return duty ? [duty] : []
  })
  return result(out, problems)
}

export function parseProhibitions(rows: readonly (readonly string[])[], file: string = referenceFiles.prohibitions): Loaded<Prohibition[]> {
  const problems: ReferenceProblem[] = []
  const out = numberedRows(file, rows, prohibitionColumns, ['方面', '内容'], problems).flatMap(({ row, number }) => {
    const ban = checked(prohibitionSchema, { _id: `ban-${pad(number)}`, order: number, area: row.cell('方面'), text: row.cell('内容') }, file, row.line, problems)
    return ban ? [ban] : []
  })
  return result(out, problems)
}

/** The district's reference data, as one township's store keeps it. */
export interface ReferenceData {
  categories: PowerCategory[]
  items: PowerItem[]
  responsibilities: Responsibility[]
  prohibitions: Prohibition[]
}

/** All four district files, each file's rows already split into cells; every bad line of every file, or the data. */
export function parseReference(tables: Record<keyof typeof referenceFiles, readonly (readonly string[])[]>): Loaded<ReferenceData> {
  const categories = parseCategories(tables.categories)
  const items = parseItems(tables.items, {
    level: 'district',
    townshipId: null,
    categoryIds: new Set(categories.ok ? categories.value.map((c) => c._id) : []),
    file: referenceFiles.items,
  })
  const responsibilities = parseResponsibilities(tables.responsibilities)
  const prohibitions = parseProhibitions(tables.prohibitions)
  if (categories.ok && items.ok && responsibilities.ok && prohibitions.ok) {
    return { ok: true, value: { categories: categories.value, items: items.value, responsibilities: responsibilities.value, prohibitions: prohibitions.value } }
  }
  // Items are not checked against categories that failed: their problems would only repeat the categories' own.
  const problems = [categories, ...(categories.ok ? [items] : []), responsibilities, prohibitions].flatMap((r) => (r.ok ? [] : r.problems))
  return { ok: false, problems }
}

export const describeProblem = (p: ReferenceProblem) => `${p.file} 第 ${p.line} 行：${p.reason}`

export interface CollectionChange<T> {
  added: T[]
  changed: T[]
  /** In the store and not in the file: listed, never deleted (villages' selections point at them). */
  missing: T[]
  unchanged: number
}

export type ReferenceChange = { [K in keyof ReferenceData]: CollectionChange<ReferenceData[K][number]> }

/** Equal documents, whatever order a store gives their fields back in. */
const sameDoc = (a: unknown, b: unknown) => JSON.stringify(sortedKeys(a)) === JSON.stringify(sortedKeys(b))
function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys)
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sortedKeys((value as Record<string, unknown>)[k])]),
    )
  return value
}

function changeOf<T extends { _id: string }>(present: readonly T[], incoming: readonly T[]): CollectionChange<T> {
  const before = new Map(present.map((d) => [d._id, d]))
  const ids = new Set(incoming.map((d) => d._id))
  const added = incoming.filter((d) => !before.has(d._id))
  const changed = incoming.filter((d) => before.has(d._id) && !sameDoc(before.get(d._id)!, d))
  return { added, changed, missing: present.filter((d) => !ids.has(d._id)), unchanged: incoming.length - added.length - changed.length }
}

/** What loading a new version of the district's files would do to what the store holds now (district items only). */
export function referenceChange(present: ReferenceData, incoming: ReferenceData): ReferenceChange {
  return {
    categories: changeOf(present.categories, incoming.categories),
    items: changeOf(present.items, incoming.items),
    responsibilities: changeOf(present.responsibilities, incoming.responsibilities),
    prohibitions: changeOf(present.prohibitions, incoming.prohibitions),
  }
}

const listLabels: Record<keyof ReferenceData, string> = { categories: '类别', items: '区级事项', responsibilities: '责任清单', prohibitions: '负面清单' }
const labelOf = (doc: { _id: string } & Partial<{ name: string; code: string; duty: string; text: string }>) =>
  doc.code ? `${doc.code} ${doc.name}` : (doc.name ?? doc.duty ?? doc.text ?? doc._id)

/** The preview in words: per list, what is new, what changed, what only the store still has. */
export function describeChange(change: ReferenceChange): string[] {
  const lines: string[] = []
  for (const key of Object.keys(listLabels) as (keyof ReferenceData)[]) {
    const c = change[key] as CollectionChange<{ _id: string }>
    lines.push(
      `${listLabels[key]}：新增 ${c.added.length}，修改 ${c.changed.length}，不变 ${c.unchanged}` + (c.missing.length ? `，文件里没有而库里有 ${c.missing.length}（不删除）` : ''),
    )
    for (const [word, docs] of [
      ['新增', c.added],
      ['修改', c.changed],
      ['文件里没有', c.missing],
    ] as const) {
      for (const doc of docs) lines.push(`  ${word}：${labelOf(doc)}`)
    }
  }
  return lines
}

/**
 * Items as the rows of their file (itemColumns), header first: the inverse of parseItems, so a list exported and
 * imported again is the same list (test/unit/power-rows.test.ts). The item's own columns go on its first row only;
 * 依据 is one basis a line; 类别编号 is the number whose category id (cat-N) the item names. An item without steps
 * gets one row with empty step cells, which an import reports rather than silently dropping the item.
 */
export function itemRows(items: readonly PowerItem[], categories: readonly PowerCategory[]): string[][] {
  const numberOf = new Map(categories.map((c) => [c._id, String(c.order)]))
  const rows: string[][] = [[...itemColumns]]
  const later = Object.fromEntries(itemOwnColumns.map((c) => [c, ''])) as Record<(typeof itemOwnColumns)[number], string>
  for (const item of items) {
    const number = numberOf.get(item.categoryId)
    // Only a category read from its file (cat-N, order N) has a number an import reads back as the same id.
    if (number === undefined || categoryIdOf(Number(number)) !== item.categoryId) throw new Error(`事项 ${item.code} 的类别 ${item.categoryId} 不在类别表里`)
    const own: Record<(typeof itemOwnColumns)[number], string> = {
      类别编号: number,
      事项名称: item.name,
      事项说明: item.summary,
      依据: item.basis.join('\n'),
      实施主体: item.performer,
      监督主体: item.supervisor,
      公开要求: item.disclosure,
    }
    const steps = item.steps.length > 0 ? item.steps : [null]
    steps.forEach((step, i) => {
      const cells: Record<(typeof itemColumns)[number], string> = {
        事项编号: item.code,
        ...(i === 0 ? own : later),
        步骤名称: step?.name ?? '',
        办理主体: step?.actor ?? '',
        办理内容: step?.detail ?? '',
        办理时限: step?.timeLimit ?? '',
      }
      rows.push(itemColumns.map((c) => cells[c]))
    })
  }
  return rows
}
