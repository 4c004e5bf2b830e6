import type { RevisionView } from '@shared/disclosure/schema'
import { formatFen, periodLabel } from '@shared/disclosure/rules'
import { directionLabels } from '@shared/disclosure/labels'
import { lineDate } from '../../../components/disclosure'

type LineChange = RevisionView['changes']['lineItems'][number]
type FieldChange = RevisionView['changes']['fields'][number]
type LineItem = Extract<LineChange, { change: 'inserted' }>['after']

const describe = (i: LineItem) => `${lineDate(i.date)} ${i.item} ${directionLabels[i.direction]} ${formatFen(i.amountFen)}`

/** One line change in words, at the positions the server sent, e.g. 第2笔 水泥款：680.00元 → 860.00元. */
export function lineChangeText(c: LineChange): string {
  if (c.change === 'inserted') return `新增第${c.to}笔：${describe(c.after)}`
  if (c.change === 'removed') return `删去原第${c.from}笔：${describe(c.before)}`
  if (c.change === 'moved') return `原第${c.from}笔移到第${c.to}笔：${describe(c.item)}`
  const { before: a, after: b } = c
  const parts: string[] = []
  if (c.fields.includes('amount')) parts.push(`${formatFen(a.amountFen)} → ${formatFen(b.amountFen)}`)
  if (c.fields.includes('direction')) parts.push(`${directionLabels[a.direction]} → ${directionLabels[b.direction]}`)
  const where = c.from === c.to ? `第${c.to}笔` : `原第${c.from}笔（现第${c.to}笔）`
  return `${where} ${lineDate(b.date)} ${b.item}：${parts.join('；')}`
}

const fieldNames: Record<FieldChange['field'], string> = { title: '标题', body: '正文', period: '所属期', balance: '期初、期末余额' }

export const fieldName = (f: FieldChange) => fieldNames[f.field]

/** A field's value as shown in the record; an empty value reads 未填. */
export function fieldValue(f: FieldChange, which: 'before' | 'after'): string {
  const v = f[which]
  if (!v) return '（未填）'
  return f.field === 'period' ? periodLabel(v) : v
}

/** A run of text the server marked as removed (before) or added (after). */
export type Segment = FieldChange['hunks'][number]['before'][number]
