import type { Cell } from '../member/roster'
import { itemColumns, parseItems } from './reference'
import { nextTownshipCode, townshipItemId, changedFields } from './rules'
import type { PowerItem } from './schema'

/**
 * Items one import may hold. A township's featured list is a handful of items (the demo's has 5), and each item is
 * written in its own transaction, so the cap keeps one call well inside a cloud function's time.
 */
export const IMPORT_MAX_ITEMS = 100

/** One bad line: its row as Excel numbers it (the header is row 1), and why. */
export interface ImportProblem {
  line: number
  reason: string
}

/**
 * A cell as Excel shows it in a General cell: 7 not 7.0, at most 15 significant digits (what Excel keeps, so
 * 0.1+0.2 reads 0.3), TRUE/FALSE, a date as 2026-03-01.
 */
export function cellText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return ''
  if (typeof cell === 'number') return String(Number(cell.toPrecision(15)))
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE'
  if (cell instanceof Date) return cell.toISOString().slice(0, 10)
  return cell
}

const CODE = itemColumns[0]
const codeKey = (code: string) => code.trim().toLowerCase()

/** The distinct 事项编号 of a file, each with the row it first stands on (codes match whatever their case). */
function codesIn(rows: readonly (readonly string[])[]): { code: string; line: number }[] {
  const at = (rows[0] ?? []).map((h) => h.trim()).indexOf(CODE)
  if (at < 0) return []
  const seen = new Map<string, { code: string; line: number }>()
  rows.forEach((row, i) => {
    const code = (row[at] ?? '').trim()
    if (i > 0 && code && !seen.has(codeKey(code))) seen.set(codeKey(code), { code, line: i + 1 })
  })
  return [...seen.values()]
}

/** What the import is checked against: the township's own list as it is now and the district's codes. */
export interface TownshipList {
  townshipId: string
  /** The category ids items may name (cat-N for 类别编号 N). */
  categoryIds: ReadonlySet<string>
  /** The township's own items, removed ones included. */
  present: readonly PowerItem[]
  /** The 事项编号 of the district's list, any case. */
  districtCodes: readonly string[]
  /** The limits of the edit form (a reason, or null when the item fits), so an imported item can be edited later. */
  check?: (item: PowerItem) => string | null
}

export interface ItemChange {
  /** The item as the import writes it: its next version. */
  item: PowerItem
  /** The item as it is now (null for a new one): the write lands only if it is still this version. */
  before: PowerItem | null
  /** The labels of the fields the file changes (empty for a new item). */
  fields: string[]
}

export type ImportPlan =
  | { ok: false; problems: ImportProblem[] }
  | {
      ok: true
      added: ItemChange[]
      changed: ItemChange[]
      unchanged: PowerItem[]
      /** In the list and not in the file: kept as they are, never removed by an import. */
      kept: PowerItem[]
    }

/** The district codes a file names: the ones the handler must look up (one read, however long the file). */
export function codesOfFile(table: readonly (readonly Cell[])[]): string[] {
  return codesIn(table.map((row) => row.map(cellText))).map((c) => c.code)
}

/**
 * Reads a featured-list file (the first sheet's cells, or CSV text split into cells) against the township's list:
 * every bad line of the file, or what importing it would write. Items match by 事项编号 within the township; an item
 * the file does not change is left alone, so importing the same file twice writes nothing the second time.
 */
export function planImport(table: readonly (readonly Cell[])[], list: TownshipList): ImportPlan {
  const problems: ImportProblem[] = []
  const text = table.map((row) => row.map(cellText))
  // Excel turns a code typed as 3-05 into a date unless the column is text; its digits are then lost, not misread.
  const codeAt = (text[0] ?? []).map((h) => h.trim()).indexOf(CODE)
  table.forEach((row, i) => {
    if (i === 0 || codeAt < 0 || !(row[codeAt] instanceof Date)) return
    problems.push({ line: i + 1, reason: '事项编号被 Excel 当成了日期。请把“事项编号”这一列设为文本格式，重新填写编号后再导入' })
    text[i] = text[i]!.map(() => '')
  })

  const parsed = parseItems(text, { level: 'township', townshipId: list.townshipId, categoryIds: list.categoryIds, file: '' })
  if (!parsed.ok) problems.push(...parsed.problems.map(({ line, reason }) => ({ line, reason })))

  const present = new Map(list.present.map((item) => [codeKey(item.code), item]))
  const district = new Set(list.districtCodes.map(codeKey))
  const nextCode = nextTownshipCode(list.present.map((i) => i.code))
  const codes = codesIn(text)
  for (const { code, line } of codes) {
    const own = present.get(codeKey(code))
    if (district.has(codeKey(code)) && !own) {
      problems.push({ line, reason: `事项编号 ${code} 是区级指导性清单的事项，由区里统一修改；本镇的特色事项请换一个编号，如 ${nextCode}` })
    } else if (own?.removedAt) {
      problems.push({ line, reason: `事项 ${own.code}（${own.name}）已经移除，不能再导入；新的事项请换一个编号，如 ${nextCode}` })
    }
  }
  if (codes.length > IMPORT_MAX_ITEMS) {
    problems.push({ line: codes[IMPORT_MAX_ITEMS]!.line, reason: `一次最多导入 ${IMPORT_MAX_ITEMS} 项，这个文件有 ${codes.length} 项；从这一行起请另存一个文件再导入` })
  }
  const incoming = parsed.ok ? parsed.value : []
  const lineOf = new Map(codes.map((c) => [codeKey(c.code), c.line]))
  for (const item of incoming) {
    const reason = list.check?.(item)
    if (reason) problems.push({ line: lineOf.get(codeKey(item.code)) ?? 1, reason: `事项 ${item.code}：${reason}` })
  }
  if (problems.length > 0) return { ok: false, problems: problems.sort((a, b) => a.line - b.line) }

  const added: ItemChange[] = []
  const changed: ItemChange[] = []
  const unchanged: PowerItem[] = []
  for (const item of incoming) {
    const before = present.get(codeKey(item.code))
    if (!before) {
      added.push({ item: { ...item, _id: townshipItemId(list.townshipId, item.code), version: 1, removedAt: null }, before: null, fields: [] })
      continue
    }
    const fields = changedFields(before, item)
    if (fields.length === 0) {
      unchanged.push(before)
      continue
    }
    // Only the fields staff edit come from the file: the id, code and township stay the item's own.
    const { categoryId, name, summary, basis, performer, supervisor, steps, disclosure } = item
    changed.push({
      item: { ...before, categoryId, name, summary, basis, performer, supervisor, steps, disclosure, version: (before.version ?? 0) + 1, removedAt: null },
      before,
      fields,
    })
  }
  const inFile = new Set(incoming.map((i) => codeKey(i.code)))
  const kept = list.present.filter((item) => !item.removedAt && !inFile.has(codeKey(item.code)))
  return { ok: true, added, changed, unchanged, kept }
}

/** Every bad line in one sentence, for the import's refusal: 表格有 2 处错误，什么也没有写入：第 3 行：…；第 5 行：… */
export const describeProblems = (problems: readonly ImportProblem[]) =>
  `表格有 ${problems.length} 处错误，什么也没有写入：${problems.map((p) => `第 ${p.line} 行：${p.reason}`).join('；')}`
