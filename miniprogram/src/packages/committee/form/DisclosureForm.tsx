import { useState, type Dispatch, type SetStateAction } from 'react'
import dayjs from 'dayjs'
import { View, Text } from '@tarojs/components'
import { Button, DatePicker, Input, TextArea } from '@nutui/nutui-react-taro'
import { Chips } from '../../../components/Chips'
import type { Balance, LineItem } from '@shared/disclosure/schema'
import { type DisclosureKind, type DisclosureSection, balanceProblem, periodLabel, totalsOf, disclosureKinds, disclosureSections } from '@shared/disclosure/rules'
import { directionLabels, kindLabels, sectionLabels } from '@shared/disclosure/labels'
import { lineDate } from '../../../components/disclosure'
import { parseYuan, yuanText } from './money'
import { PhotoPicker, type Photo } from '../../../components/PhotoPicker'
import { TotalsCard } from '../../../components/TotalsCard'
import { Term } from '../../../components/Term'
import { beijingToday } from '@shared/time'
import './DisclosureForm.css'

export interface LineRow {
  /** Stable React key; never sent. */
  key: number
  /** YYYY-MM-DD */
  date: string
  item: string
  /** As typed, in yuan. */
  amount: string
  direction: LineItem['direction']
}

export interface DisclosureDraft {
  kind: DisclosureKind | null
  section: DisclosureSection | null
  title: string
  body: string
  /** 2026-10 or 2026-Q4, or null. */
  period: string | null
  rows: LineRow[]
  /** Uploaded images; `preview` is what the phone can show before or after upload. */
  photos: Photo[]
  /** Opening and closing balance from the books, as typed in yuan; both empty: none given. */
  opening: string
  closing: string
}

export interface DisclosureContentInput {
  title: string
  body: string
  period: string | null
  lineItems: LineItem[]
  attachments: { fileId: string; name: string }[]
  balance: Balance | null
}

let keys = 0
const today = beijingToday

export const blankRow = (): LineRow => ({ key: ++keys, date: today(), item: '', amount: '', direction: 'spending' })

export const emptyDraft = (): DisclosureDraft => ({ kind: null, section: null, title: '', body: '', period: null, rows: [], photos: [], opening: '', closing: '' })

/** A published disclosure as a draft to correct. */
export function draftOf(d: {
  kind: DisclosureKind
  section: DisclosureSection
  title: string
  body: string
  period: string | null
  lineItems: LineItem[]
  attachments: { fileId: string; name: string; url: string }[]
  balance: Balance | null
}): DisclosureDraft {
  return {
    kind: d.kind,
    section: d.section,
    title: d.title,
    body: d.body,
    period: d.period,
    rows: d.lineItems.map((i) => ({ key: ++keys, date: i.date, item: i.item, amount: yuanText(i.amountFen), direction: i.direction })),
    photos: d.attachments.map((a) => ({ fileId: a.fileId, name: a.name, preview: a.url })),
    opening: d.balance ? yuanText(d.balance.openingFen) : '',
    closing: d.balance ? yuanText(d.balance.closingFen) : '',
  }
}

/** The balance as typed: none, both amounts, or the problem in plain words. */
function balanceOf(draft: DisclosureDraft): { balance: Balance | null } | { error: string } {
  if (!draft.opening.trim() && !draft.closing.trim()) return { balance: null }
  if (!draft.opening.trim() || !draft.closing.trim()) return { error: '期初余额和期末余额要一起填，或者都不填' }
  const opening = parseYuan(draft.opening, { allowZero: true })
  if ('error' in opening) return { error: `期初余额：${opening.error}` }
  const closing = parseYuan(draft.closing, { allowZero: true })
  if ('error' in closing) return { error: `期末余额：${closing.error}` }
  return { balance: { openingFen: opening.fen, closingFen: closing.fen } }
}

/** Finance disclosures list their income and spending line by line. */
export const showsLines = (draft: DisclosureDraft) => draft.kind === 'finance' || draft.section === 'finance' || draft.rows.length > 0

/**
 * The draft's content for publish or revise, or the first problem in plain
 * words. Only what the server cannot say is checked here: amounts typed in
 * yuan, and which line a problem is on.
 */
export function contentOf(draft: DisclosureDraft): { content: DisclosureContentInput } | { error: string } {
  const lineItems: LineItem[] = []
  for (const [i, row] of draft.rows.entries()) {
    const nth = `第${i + 1}笔`
    if (!row.date) return { error: `${nth}：请选择日期` }
    if (!row.item.trim()) return { error: `${nth}：请填写收支事项` }
    const amount = parseYuan(row.amount)
    if ('error' in amount) return { error: `${nth}：${amount.error}` }
    lineItems.push({ date: row.date, item: row.item.trim(), amountFen: amount.fen, direction: row.direction })
  }
  for (const [i, photo] of draft.photos.entries()) {
    if (!photo.name.trim()) return { error: `第${i + 1}张图片：请填写图片说明` }
  }
  const attachments = draft.photos.map(({ fileId, name }) => ({ fileId, name: name.trim() }))
  const balance = balanceOf(draft)
  if ('error' in balance) return balance
  return { content: { title: draft.title, body: draft.body, period: draft.period, lineItems, attachments, balance: balance.balance } }
}

/** A picker column's value as NutUI hands it back ("2026", "05"). */
type PickerValue = string | number | null

type Picking = { target: 'period' } | { target: 'row'; key: number }

const pad = (v: PickerValue | undefined) => String(Number(v)).padStart(2, '0')

interface Props {
  draft: DisclosureDraft
  onChange: Dispatch<SetStateAction<DisclosureDraft>>
  /** A correction cannot move a disclosure to another kind or section. */
  categoryLocked?: boolean
}

/** The content of a disclosure: kind and section, title, body, period, and finance line items. */
export function DisclosureForm({ draft, onChange, categoryLocked }: Props) {
  const [picking, setPicking] = useState<Picking | null>(null)

  const set = (patch: Partial<DisclosureDraft>) => onChange((d) => ({ ...d, ...patch }))
  const setRow = (key: number, patch: Partial<LineRow>) => onChange((d) => ({ ...d, rows: d.rows.map((r) => (r.key === key ? { ...r, ...patch } : r)) }))

  const chooseKind = (kind: DisclosureKind) =>
    onChange((d) => ({ ...d, kind, section: d.section ?? (kind === 'finance' ? 'finance' : null), rows: withFirstRow(d.rows, kind === 'finance') }))
  const chooseSection = (section: DisclosureSection) => onChange((d) => ({ ...d, section, rows: withFirstRow(d.rows, section === 'finance') }))

  const lines = showsLines(draft)
  const parsed = draft.rows.map((r) => ({ row: r, amount: parseYuan(r.amount) }))
  const totalsItems = parsed.flatMap(({ row, amount }) => ('fen' in amount ? [{ date: row.date, item: row.item, amountFen: amount.fen, direction: row.direction }] : []))
  const totals = totalsOf(totalsItems)

  // Checked as it is typed, with the same rule the server applies.
  const typed = balanceOf(draft)
  const typedBalance = 'balance' in typed ? typed.balance : null
  const problem = typedBalance ? balanceProblem(typedBalance, totalsItems) : null
  const balanceNote =
    'error' in typed ? { ok: false, text: typed.error } : problem ? { ok: false, text: problem } : typedBalance ? { ok: true, text: '已核对：期初加收入减支出等于期末' } : null

  const pickedRow = picking?.target === 'row' ? draft.rows.find((r) => r.key === picking.key) : undefined
  const pickerValue =
    picking?.target === 'period'
      ? draft.period && !draft.period.includes('Q')
        ? dayjs(`${draft.period}-01`).toDate()
        : dayjs(today()).toDate()
      : pickedRow?.date
        ? dayjs(pickedRow.date).toDate()
        : dayjs(today()).toDate()

  const confirmPick = (values: PickerValue[]) => {
    if (!picking) return
    if (picking.target === 'period') set({ period: `${values[0]}-${pad(values[1])}` })
    else setRow(picking.key, { date: `${values[0]}-${pad(values[1])}-${pad(values[2])}` })
  }

  return (
    <View className="publish-form">
      <View className="card form-card">
        <Text className="form-label">公开类别</Text>
        {categoryLocked ? (
          <Text className="form-fixed">
            {draft.kind ? kindLabels[draft.kind] : ''} · {draft.section ? sectionLabels[draft.section] : ''}
            <Text className="muted">（更正时不能改类别和栏目）</Text>
          </Text>
        ) : (
          <>
            <Chips
              label="公开类别"
              options={disclosureKinds.map((k) => ({ value: k, label: kindLabels[k] }))}
              value={draft.kind ?? undefined}
              onChange={(k) => k && chooseKind(k)}
            />
            <Text className="form-label form-label-next">公开栏目</Text>
            <Chips
              label="公开栏目"
              options={disclosureSections.map((s) => ({ value: s, label: sectionLabels[s] }))}
              value={draft.section ?? undefined}
              onChange={(s) => s && chooseSection(s)}
            />
          </>
        )}
      </View>

      <View className="card form-card">
        <Text className="form-label">标题</Text>
        <Input className="boxed-input" placeholder="例如：2026年10月村级财务收支公开" value={draft.title} maxLength={60} onChange={(title) => set({ title })} />
        <Text className="form-label form-label-next">正文</Text>
        <TextArea
          className="boxed-textarea"
          placeholder="写清楚公开的事：是什么、多少钱、谁经手、什么时候"
          value={draft.body}
          maxLength={5000}
          showCount
          rows={6}
          autoSize
          onChange={(body) => set({ body })}
        />
        <Text className="form-label form-label-next">
          <Term word="所属期" />
          （可不填）
        </Text>
        <View className="form-inline">
          <Button className="form-pick" fill="outline" onClick={() => setPicking({ target: 'period' })}>
            {draft.period ? periodLabel(draft.period) : '选择月份'}
          </Button>
          {draft.period ? (
            <Button fill="none" className="form-clear" onClick={() => set({ period: null })}>
              不填所属期
            </Button>
          ) : null}
        </View>
      </View>

      {lines ? (
        <>
          <Text className="section-title">收支明细（共 {draft.rows.length} 笔）</Text>
          {draft.rows.length === 0 ? <View className="card muted">还没有收支明细，请点下面的“添加一笔”。</View> : null}
          {parsed.map(({ row, amount }, i) => (
            <View key={row.key} className="card form-card line-row">
              <View className="line-row-head">
                <Text className="line-row-number">第{i + 1}笔</Text>
                <Button fill="none" className="line-row-remove" onClick={() => onChange((d) => ({ ...d, rows: d.rows.filter((r) => r.key !== row.key) }))}>
                  删除这一笔
                </Button>
              </View>
              <Text className="form-label">日期</Text>
              <Button className="form-pick" fill="outline" onClick={() => setPicking({ target: 'row', key: row.key })}>
                {row.date ? lineDate(row.date) : '选择日期'}
              </Button>
              <Text className="form-label form-label-next">事项</Text>
              <Input className="boxed-input line-item" placeholder="例如：购买水泥" value={row.item} maxLength={60} onChange={(item) => setRow(row.key, { item })} />
              <Text className="form-label form-label-next">金额（元）</Text>
              <Input
                className="boxed-input line-amount"
                type="digit"
                placeholder="例如：860.50"
                value={row.amount}
                maxLength={16}
                onChange={(value) => setRow(row.key, { amount: value })}
              />
              {row.amount.trim() && 'error' in amount ? <Text className="error-text form-field-error">{amount.error}</Text> : null}
              <Text className="form-label form-label-next">收入还是支出</Text>
              <Chips
                label="收入还是支出"
                options={(['income', 'spending'] as const).map((dir) => ({ value: dir, label: directionLabels[dir] }))}
                value={row.direction}
                onChange={(direction) => setRow(row.key, { direction })}
              />
            </View>
          ))}
          <View className="form-add">
            <Button block size="large" fill="outline" type="primary" onClick={() => onChange((d) => ({ ...d, rows: [...d.rows, blankRow()] }))}>
              添加一笔
            </Button>
          </View>
          <View className="card form-card">
            <Text className="form-label">期初余额（元，可不填）</Text>
            <Input className="boxed-input" type="digit" placeholder="按账簿填写，例如 184133.24" value={draft.opening} maxLength={16} onChange={(opening) => set({ opening })} />
            <Text className="form-label form-label-next">期末余额（元，可不填）</Text>
            <Input className="boxed-input" type="digit" placeholder="按账簿填写" value={draft.closing} maxLength={16} onChange={(closing) => set({ closing })} />
            {balanceNote ? <Text className={balanceNote.ok ? 'muted form-field-note' : 'error-text form-field-error'}>{balanceNote.text}</Text> : null}
          </View>
          <TotalsCard totals={totals} period={draft.period} balance={typedBalance} className="form-totals" />
        </>
      ) : null}

      <PhotoPicker max={9} photos={draft.photos} onChange={(update) => onChange((d) => ({ ...d, photos: update(d.photos) }))} />

      {picking ? (
        <DatePicker
          key={picking.target === 'period' ? 'period' : `row-${picking.key}`}
          visible
          type={picking.target === 'period' ? 'year-month' : 'date'}
          title={picking.target === 'period' ? '选择所属月份' : '选择日期'}
          showChinese
          defaultValue={pickerValue}
          startDate={new Date(2015, 0, 1)}
          endDate={dayjs().add(1, 'year').endOf('year').toDate()}
          onConfirm={(_, values) => confirmPick(values)}
          onClose={() => setPicking(null)}
        />
      ) : null}
    </View>
  )
}

function withFirstRow(rows: LineRow[], wanted: boolean): LineRow[] {
  return wanted && rows.length === 0 ? [blankRow()] : rows
}
