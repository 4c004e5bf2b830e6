import { diffContent, diffLines, isEmptyDiff, textHunks } from '../../shared/disclosure/diff'
import type { DisclosureContent, LineItem } from '../../shared/disclosure/schema'

const line = (item: string, amountFen: number, date = '2026-06-23', direction: LineItem['direction'] = 'spending'): LineItem => ({
  date,
  item,
  amountFen,
  direction,
})

const water = line('水电费', 42700)
const wiring = line('水房供电线路安装费', 127000, '2026-06-12')
const grant = line('上级转移支付', 500000, '2026-06-05', 'income')
const lights = line('路灯维修费', 68000, '2026-06-15')

const content = (over: Partial<DisclosureContent> = {}): DisclosureContent => ({
  title: '2026年6月财务收支公开',
  body: '本月收支如下。',
  period: '2026-06',
  lineItems: [water, wiring, grant, lights],
  attachments: [],
  ...over,
})

const summary = (after: Partial<DisclosureContent>) => diffContent(content(), content(after)).summary

describe('finance lines: the matching rule', () => {
  it('shows a line inserted at the top as one inserted line, not every later line as changed', () => {
    const cleaning = line('保洁员工资', 150000, '2026-06-01')
    expect(diffLines([water, wiring, grant], [cleaning, water, wiring, grant])).toEqual([{ change: 'inserted', to: 1, after: cleaning }])
    expect(summary({ lineItems: [cleaning, water, wiring, grant, lights] })).toBe('新增 1 笔')
  })

  it('shows a line removed in the middle as that line removed, at its old position', () => {
    expect(diffLines([water, wiring, grant, lights], [water, grant, lights])).toEqual([{ change: 'removed', from: 2, before: wiring }])
    expect(summary({ lineItems: [water, grant, lights] })).toBe('删除 1 笔')
  })

  it('shows one amount edited as that line edited (same name and date), with the amount as what changed', () => {
    const corrected = { ...wiring, amountFen: 186000 }
    expect(diffLines([water, wiring, grant], [water, corrected, grant])).toEqual([{ change: 'edited', from: 2, to: 2, before: wiring, after: corrected, fields: ['amount'] }])
    expect(summary({ lineItems: [water, corrected, grant, lights] })).toBe('改了 1 笔金额')
  })

  it('tells an income booked as spending apart from an amount change', () => {
    const flipped = { ...grant, direction: 'spending' as const }
    expect(diffLines([water, grant], [water, flipped])).toEqual([{ change: 'edited', from: 2, to: 2, before: grant, after: flipped, fields: ['direction'] }])
  })

  it('shows a reorder as lines moved, each with where it was and where it is', () => {
    expect(diffLines([water, wiring, grant], [grant, water, wiring])).toEqual([{ change: 'moved', from: 3, to: 1, item: grant }])
    expect(summary({ lineItems: [grant, water, wiring, lights] })).toBe('调整了顺序')
  })

  it('matches repeated identical lines (monthly wages) in order: one more or one fewer is one line', () => {
    const wage = line('护林员工资', 80000, '2026-06-30')
    expect(diffLines([wage, wage, wage], [wage, wage, wage, wage])).toEqual([{ change: 'inserted', to: 4, after: wage }])
    expect(diffLines([wage, wage, water, wage], [wage, water, wage])).toEqual([{ change: 'removed', from: 2, before: wage }])
    const raised = { ...wage, amountFen: 90000 }
    expect(diffLines([wage, wage], [wage, raised])).toEqual([{ change: 'edited', from: 2, to: 2, before: wage, after: raised, fields: ['amount'] }])
  })

  it('treats a line whose name or date changed as a different line: one removed, one inserted', () => {
    const renamed = { ...lights, item: '路灯维修' }
    expect(diffLines([water, lights], [water, renamed])).toEqual([
      { change: 'removed', from: 2, before: lights },
      { change: 'inserted', to: 2, after: renamed },
    ])
  })

  it('lists several changes in the order of the corrected list, and counts each kind in the summary', () => {
    const added = line('办公用品', 3500, '2026-06-20')
    const cleaning = line('保洁员工资', 150000, '2026-06-01')
    const corrected = { ...lights, amountFen: 86000 }
    const after = [cleaning, water, grant, added, corrected]
    expect(diffLines([water, wiring, grant, lights, cleaning], after)).toEqual([
      { change: 'moved', from: 5, to: 1, item: cleaning },
      { change: 'removed', from: 2, before: wiring },
      { change: 'inserted', to: 4, after: added },
      { change: 'edited', from: 4, to: 5, before: lights, after: corrected, fields: ['amount'] },
    ])
    expect(diffContent(content({ lineItems: [water, wiring, grant, lights, cleaning] }), content({ lineItems: after })).summary).toBe(
      '新增 1 笔、删除 1 笔、改了 1 笔金额、调整了顺序',
    )
  })

  it('finds nothing in identical content, which a correction must not be', () => {
    const same = diffContent(content(), content())
    expect(same).toEqual({ summary: '', fields: [], lineItems: [], attachmentsChanged: false })
    expect(isEmptyDiff(same)).toBe(true)
  })
})

describe('text: where the wording changed', () => {
  it('marks a changed number as one change, with a little unchanged text either side', () => {
    expect(textHunks('路灯维修费680元，已支付。', '路灯维修费860元，已支付。')).toEqual([
      {
        before: [
          { text: '路灯维修费', changed: false },
          { text: '680', changed: true },
          { text: '元，已支付。', changed: false },
        ],
        after: [
          { text: '路灯维修费', changed: false },
          { text: '860', changed: true },
          { text: '元，已支付。', changed: false },
        ],
      },
    ])
  })

  it('gives two places far apart in a long body as two hunks, cut with …', () => {
    const filler = '村民代表会议讨论通过了本项目的实施方案和资金使用计划'
    const before = `一组${filler}${filler}二组`
    const after = `三组${filler}${filler}四组`
    const hunks = textHunks(before, after, 5)
    expect(hunks).toHaveLength(2)
    expect(hunks[0]!.after).toEqual([
      { text: '三', changed: true },
      { text: '组村民代表', changed: false },
      { text: '…', changed: false },
    ])
    expect(hunks[1]!.before.filter((s) => s.changed)).toEqual([{ text: '二', changed: true }])
  })

  it('reports title and body with their hunks, period and balance as before and after, for any kind of disclosure', () => {
    const party = content({ title: '党员大会决议', body: '会议决定发展两名预备党员。', period: null, lineItems: [] })
    const d = diffContent(party, { ...party, title: '党员大会决议（更正）', body: '会议决定发展三名预备党员。', period: '2026-06' })
    expect(d.lineItems).toEqual([])
    expect(d.summary).toBe('改了标题、改了正文、改了所属期')
    expect(d.fields.map((f) => [f.field, f.before, f.after])).toEqual([
      ['title', '党员大会决议', '党员大会决议（更正）'],
      ['body', '会议决定发展两名预备党员。', '会议决定发展三名预备党员。'],
      ['period', '', '2026-06'],
    ])
    expect(d.fields[1]!.hunks[0]!.before.filter((s) => s.changed)).toEqual([{ text: '两', changed: true }])
    expect(d.fields[2]!.hunks).toEqual([])
  })

  it('names a changed balance and changed attachments in the summary', () => {
    const photo = { fileId: 'f1', name: '收据.jpg', mime: 'image/jpeg', size: 10 }
    const d = diffContent(content(), content({ balance: { openingFen: 100, closingFen: 200 }, attachments: [photo] }))
    expect(d.summary).toBe('改了期初、期末余额、改了附件')
    expect(d.fields).toEqual([{ field: 'balance', before: '', after: '期初1.00元，期末2.00元', hunks: [] }])
  })
})
