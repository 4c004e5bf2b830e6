import { diffArrays } from 'diff'
import { formatFen } from './rules'
import type { LineItem, Balance, DisclosureContent } from './schema'

/** A run of text, changed (removed from "before", added in "after") or not. */
export interface Segment {
  text: string
  changed: boolean
}

/** One place a text changed: the old and the new wording with a little unchanged text around. */
export interface Hunk {
  before: Segment[]
  after: Segment[]
}

export type TextField = 'title' | 'body' | 'period' | 'balance'

export interface FieldChange {
  field: TextField
  before: string
  after: string
  /** where the wording changed (title and body; empty for period and balance) */
  hunks: Hunk[]
}

/** What of an edited line changed (its name and date are what make it the same line). */
export type LineField = 'amount' | 'direction'

/** Positions are 1-based (第N笔): `from` in the list before, `to` in the list after. */
export type LineChange =
  | { change: 'inserted'; to: number; after: LineItem }
  | { change: 'removed'; from: number; before: LineItem }
  | { change: 'moved'; from: number; to: number; item: LineItem }
  | { change: 'edited'; from: number; to: number; before: LineItem; after: LineItem; fields: LineField[] }

export interface ContentDiff {
  /** in plain words, e.g. 新增 1 笔、改了 1 笔金额; empty when nothing changed */
  summary: string
  fields: FieldChange[]
  /** in the order of the list after the correction (a removed line where it was) */
  lineItems: LineChange[]
  attachmentsChanged: boolean
}

const identical = (a: LineItem, b: LineItem) => a.date === b.date && a.item === b.item && a.amountFen === b.amountFen && a.direction === b.direction

/** Finance lines have no id: a line with the same name and date is the same line. */
const sameLine = (a: LineItem, b: LineItem) => a.date === b.date && a.item === b.item

interface Loose {
  index: number
  item: LineItem
  /** how many lines of the new list come before this place (orders removed lines among the others) */
  anchor: number
  paired: boolean
}

/**
 * The matching rule for finance lines (README and docs/api.md say the same):
 * 1. identical lines that keep their order are unchanged — the longest common
 *    run, so repeated identical lines (monthly wages) match in order;
 * 2. an identical line gone from one place and present in another is moved;
 * 3. a line with the same name and date as one gone is that line, edited
 *    (its amount or income/spending changed);
 * 4. everything else is inserted or removed.
 */
export function diffLines(before: readonly LineItem[], after: readonly LineItem[]): LineChange[] {
  const gone: Loose[] = []
  const come: Loose[] = []
  let i = 0
  let j = 0
  for (const part of diffArrays([...before], [...after], { comparator: identical })) {
    for (const item of part.value) {
      if (part.added) come.push({ index: j, item, anchor: j++, paired: false })
      else if (part.removed) gone.push({ index: i++, item, anchor: j, paired: false })
      else {
        i++
        j++
      }
    }
  }
  const changes: { key: number; change: LineChange }[] = []
  const pair = (match: (a: LineItem, b: LineItem) => boolean, make: (g: Loose, c: Loose) => LineChange) => {
    for (const g of gone) {
      if (g.paired) continue
      const c = come.find((x) => !x.paired && match(g.item, x.item))
      if (!c) continue
      g.paired = c.paired = true
      changes.push({ key: c.anchor, change: make(g, c) })
    }
  }
  pair(identical, (g, c) => ({ change: 'moved', from: g.index + 1, to: c.index + 1, item: c.item }))
  pair(sameLine, (g, c) => ({
    change: 'edited',
    from: g.index + 1,
    to: c.index + 1,
    before: g.item,
    after: c.item,
    fields: [...(g.item.amountFen !== c.item.amountFen ? (['amount'] as const) : []), ...(g.item.direction !== c.item.direction ? (['direction'] as const) : [])],
  }))
  for (const c of come) if (!c.paired) changes.push({ key: c.anchor, change: { change: 'inserted', to: c.index + 1, after: c.item } })
  // A removed line sorts just before the line that now stands where it was.
  for (const g of gone) if (!g.paired) changes.push({ key: g.anchor - 0.5, change: { change: 'removed', from: g.index + 1, before: g.item } })
  return changes.sort((a, b) => a.key - b.key).map((c) => c.change)
}

/** Numbers and Latin words stay whole (680 → 860 is one change); anything else is one character. */
const tokensOf = (text: string): string[] => text.match(/[0-9０-９]+(?:[.,．][0-9０-９]+)*|[A-Za-z]+|[\s\S]/gu) ?? []

type Op = { kind: 'eq' | 'del' | 'ins'; token: string }

function tokenOps(before: string, after: string): Op[] {
  const a = tokensOf(before)
  const b = tokensOf(after)
  // jsdiff gives up after the timeout (ms) and returns undefined: then the whole text reads as replaced.
  const parts = diffArrays(a, b, { timeout: 500 })
  if (!parts) return [...a.map((token): Op => ({ kind: 'del', token })), ...b.map((token): Op => ({ kind: 'ins', token }))]
  return parts.flatMap((p) => p.value.map((token): Op => ({ kind: p.added ? 'ins' : p.removed ? 'del' : 'eq', token })))
}

function segments(ops: Op[], side: 'del' | 'ins', cutBefore: boolean, cutAfter: boolean): Segment[] {
  const out: Segment[] = []
  for (const op of ops) {
    if (op.kind !== 'eq' && op.kind !== side) continue
    const changed = op.kind === side
    const last = out[out.length - 1]
    if (last && last.changed === changed) last.text += op.token
    else out.push({ text: op.token, changed })
  }
  if (cutBefore) out.unshift({ text: '…', changed: false })
  if (cutAfter) out.push({ text: '…', changed: false })
  return out
}

/**
 * Where a text changed, place by place, each with a few unchanged characters
 * either side: a one-character fix in a long body is easy to find.
 */
export function textHunks(before: string, after: string, context = 10): Hunk[] {
  const ops = tokenOps(before, after)
  const changes = ops.flatMap((op, i) => (op.kind === 'eq' ? [] : [i]))
  if (changes.length === 0) return []
  const ranges: [number, number][] = []
  let from = Math.max(0, changes[0]! - context)
  let last = changes[0]!
  for (const i of changes.slice(1)) {
    // Only unchanged tokens lie between two changes: far apart, they are two places.
    if (i - last - 1 > 2 * context) {
      ranges.push([from, last + context])
      from = i - context
    }
    last = i
  }
  ranges.push([from, Math.min(ops.length - 1, last + context)])
  return ranges.map(([f, t]) => {
    const slice = ops.slice(f, t + 1)
    return { before: segments(slice, 'del', f > 0, t < ops.length - 1), after: segments(slice, 'ins', f > 0, t < ops.length - 1) }
  })
}

const fieldWords: Record<TextField, string> = { title: '改了标题', body: '改了正文', period: '改了所属期', balance: '改了期初、期末余额' }

/** The change in plain words: 新增 1 笔、删除 1 笔、改了 1 笔金额、调整了顺序. */
export function summaryOf(d: Omit<ContentDiff, 'summary'>): string {
  const count = (test: (c: LineChange) => boolean) => d.lineItems.filter(test).length
  const parts: string[] = []
  const inserted = count((c) => c.change === 'inserted')
  const removed = count((c) => c.change === 'removed')
  const amounts = count((c) => c.change === 'edited' && c.fields.includes('amount'))
  const directions = count((c) => c.change === 'edited' && c.fields.includes('direction'))
  if (inserted) parts.push(`新增 ${inserted} 笔`)
  if (removed) parts.push(`删除 ${removed} 笔`)
  if (amounts) parts.push(`改了 ${amounts} 笔金额`)
  if (directions) parts.push(`改了 ${directions} 笔收支类别`)
  if (count((c) => c.change === 'moved')) parts.push('调整了顺序')
  for (const f of d.fields) parts.push(fieldWords[f.field])
  if (d.attachmentsChanged) parts.push('改了附件')
  return parts.join('、')
}

const balanceText = (b: Balance | null | undefined) => (b ? `期初${formatFen(b.openingFen)}，期末${formatFen(b.closingFen)}` : '')

/** What a correction changed: fields with their changed wording, finance lines by the matching rule, attachments. */
export function diffContent(before: DisclosureContent, after: DisclosureContent): ContentDiff {
  const fields: FieldChange[] = []
  for (const field of ['title', 'body', 'period'] as const) {
    const a = before[field] ?? ''
    const b = after[field] ?? ''
    if (a !== b) fields.push({ field, before: a, after: b, hunks: field === 'period' ? [] : textHunks(a, b) })
  }
  if (balanceText(before.balance) !== balanceText(after.balance)) {
    fields.push({ field: 'balance', before: balanceText(before.balance), after: balanceText(after.balance), hunks: [] })
  }
  const lineItems = diffLines(before.lineItems, after.lineItems)
  const attachmentsChanged = JSON.stringify(before.attachments.map((x) => x.fileId)) !== JSON.stringify(after.attachments.map((x) => x.fileId))
  const diff = { fields, lineItems, attachmentsChanged }
  return { summary: summaryOf(diff), ...diff }
}

export const isEmptyDiff = (d: ContentDiff) => d.fields.length === 0 && d.lineItems.length === 0 && !d.attachmentsChanged
