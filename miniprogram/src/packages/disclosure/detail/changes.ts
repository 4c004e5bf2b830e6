import type { RevisionView } from '@shared/contract/disclosure'
import type { LineItem } from '@shared/domain/disclosure'
import { formatFen, periodLabel } from '@shared/domain/disclosure-rules'
import { directionLabels, lineDate } from '../../../components/disclosure'

type LineChange = RevisionView['changes']['lineItems'][number]
type FieldChange = RevisionView['changes']['fields'][number]

const same = (a: LineItem, b: LineItem) =>
  a.date === b.date && a.item === b.item && a.amountFen === b.amountFen && a.direction === b.direction

/**
 * Each line change's position (1-based, 第N笔), or null where it cannot be told.
 *
 * The server's diff compares line items position by position but does not say
 * which position; working back from the current items through each
 * correction (newest first) recovers it: changed lines sit where their "after"
 * is, added lines at the end of the new list, removed ones at the end of the
 * old one. Keyed by revision number, then by the change's index in its list.
 */
export function linePositions(current: readonly LineItem[], revisions: readonly RevisionView[]): Map<number, (number | null)[]> {
  const result = new Map<number, (number | null)[]>()
  let after: LineItem[] | null = [...current]
  for (const r of [...revisions].sort((a, b) => b.revision - a.revision)) {
    const changes = r.changes.lineItems
    if (!after) {
      result.set(r.revision, changes.map(() => null))
      continue
    }
    const added = changes.filter((c) => c.change === 'added').length
    const removed = changes.filter((c) => c.change === 'removed')
    const common: number = after.length - added
    const before: LineItem[] = after.slice(0, Math.max(common, 0))
    const positions: (number | null)[] = []
    let cursor = 0
    let addedSeen = 0
    let removedSeen = 0
    let lost: boolean = common < 0
    for (const c of changes) {
      if (c.change === 'changed') {
        while (cursor < common && !same(after[cursor]!, c.after)) cursor++
        if (cursor >= common) {
          lost = true
          positions.push(null)
          continue
        }
        before[cursor] = c.before
        positions.push(cursor + 1)
        cursor++
      } else if (c.change === 'added') {
        positions.push(common + addedSeen + 1)
        addedSeen++
      } else {
        positions.push(common + removedSeen + 1)
        removedSeen++
      }
    }
    result.set(r.revision, positions)
    after = lost ? null : [...before, ...removed.map((c) => c.before)]
  }
  return result
}

const describe = (i: LineItem) => `${lineDate(i.date)} ${i.item} ${directionLabels[i.direction]} ${formatFen(i.amountFen)}`

/** One line change in words, e.g. 第2笔 水泥款：680.00元 → 860.00元. */
export function lineChangeText(c: LineChange, position: number | null): string {
  const nth = position ? `第${position}笔` : '一笔'
  if (c.change === 'added') return `新增${nth}：${describe(c.after)}`
  if (c.change === 'removed') return `删去${nth}：${describe(c.before)}`
  const { before: a, after: b } = c
  const parts: string[] = []
  if (a.amountFen !== b.amountFen) parts.push(`${formatFen(a.amountFen)} → ${formatFen(b.amountFen)}`)
  if (a.item !== b.item) parts.push(`事项“${a.item}” → “${b.item}”`)
  if (a.date !== b.date) parts.push(`日期 ${lineDate(a.date)} → ${lineDate(b.date)}`)
  if (a.direction !== b.direction) parts.push(`${directionLabels[a.direction]} → ${directionLabels[b.direction]}`)
  return `${nth} ${a.item}：${parts.join('；')}`
}

const fieldNames: Record<FieldChange['field'], string> = { title: '标题', body: '正文', period: '所属期', balance: '期初、期末余额' }

export const fieldName = (f: FieldChange) => fieldNames[f.field]

/** A field's value as shown in the record; an empty value reads 未填. */
export function fieldValue(f: FieldChange, which: 'before' | 'after'): string {
  const v = f[which]
  if (!v) return '（未填）'
  return f.field === 'period' ? periodLabel(v) : v
}

export interface Segment {
  text: string
  /** Removed (in the "before" line) or added (in the "after" line). */
  changed: boolean
}

/** One place a text changed: the old and the new wording with a little unchanged text around. */
export interface Hunk {
  before: Segment[]
  after: Segment[]
}

type Op = { kind: 'eq' | 'del' | 'ins'; token: string }

/** Numbers and Latin words stay whole (680 → 860 is one change); anything else is one character. */
const tokensOf = (text: string): string[] => text.match(/[0-9０-９]+(?:[.,．][0-9０-９]+)*|[A-Za-z]+|[\s\S]/gu) ?? []

/** A token-level diff: common ends trimmed, then a longest common subsequence on what is left. */
function diffTokens(a: string[], b: string[]): Op[] {
  let start = 0
  while (start < a.length && start < b.length && a[start] === b[start]) start++
  let end = 0
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++
  const x = a.slice(start, a.length - end)
  const y = b.slice(start, b.length - end)
  const middle: Op[] = []
  if (x.length * y.length > 4_000_000) {
    // Too long to compare closely: show the whole stretch as replaced.
    for (const token of x) middle.push({ kind: 'del', token })
    for (const token of y) middle.push({ kind: 'ins', token })
  } else {
    const n = x.length
    const m = y.length
    const w = m + 1
    const lcs = new Uint16Array((n + 1) * w)
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        lcs[i * w + j] = x[i] === y[j] ? lcs[(i + 1) * w + j + 1]! + 1 : Math.max(lcs[(i + 1) * w + j]!, lcs[i * w + j + 1]!)
      }
    }
    let i = 0
    let j = 0
    while (i < n || j < m) {
      if (i < n && j < m && x[i] === y[j]) {
        middle.push({ kind: 'eq', token: x[i]! })
        i++
        j++
      } else if (j < m && (i === n || lcs[i * w + j + 1]! >= lcs[(i + 1) * w + j]!)) {
        middle.push({ kind: 'ins', token: y[j]! })
        j++
      } else {
        middle.push({ kind: 'del', token: x[i]! })
        i++
      }
    }
  }
  return [
    ...a.slice(0, start).map((token): Op => ({ kind: 'eq', token })),
    ...middle,
    ...a.slice(a.length - end).map((token): Op => ({ kind: 'eq', token })),
  ]
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
 * Where a long text changed, place by place, each with a few unchanged words
 * either side: a one-character fix in a long body is easy to find.
 */
export function textHunks(before: string, after: string, context = 10): Hunk[] {
  const ops = diffTokens(tokensOf(before), tokensOf(after))
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
