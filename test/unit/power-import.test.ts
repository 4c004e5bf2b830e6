import { cellText, IMPORT_MAX_ITEMS, planImport, type TownshipList } from '../../shared/power/import'
import { itemColumns } from '../../shared/power/reference'
import type { PowerItem } from '../../shared/power/schema'
import type { Cell } from '../../shared/member/roster'

/**
 * The pure part of the featured-list import: a file's cells read as Excel shows them, then planned against the
 * township's list (new, changed with their fields, unchanged, kept), or every bad line.
 */

const item = (code: string, patch: Partial<PowerItem> = {}): PowerItem => ({
  _id: `pw-${code.toLowerCase()}`,
  level: 'township',
  townshipId: 'tw-1',
  categoryId: 'cat-7',
  code,
  name: `事项${code}`,
  summary: '',
  basis: ['《村民委员会组织法》'],
  performer: '村民委员会',
  supervisor: '村务监督委员会',
  steps: [{ name: '申请', actor: '申请人', detail: '', timeLimit: '' }],
  disclosure: '',
  ...patch,
})

/** An item's one row in the file; 类别编号 as given (a number when Excel keeps it as one). */
const rowOf = (i: PowerItem, category: Cell = 7): Cell[] => [
  i.code,
  category,
  i.name,
  i.summary,
  i.basis.join('\n'),
  i.performer,
  i.supervisor,
  i.disclosure,
  i.steps[0]!.name,
  i.steps[0]!.actor,
  '',
  '',
]
const table = (...rows: Cell[][]): Cell[][] => [[...itemColumns], ...rows]
const listOf = (present: PowerItem[], patch: Partial<TownshipList> = {}): TownshipList => ({
  townshipId: 'tw-1',
  categoryIds: new Set(['cat-7']),
  present,
  districtCodes: ['1-01'],
  ...patch,
})

describe('cells as Excel shows them', () => {
  it('numbers without .0 and to 15 digits, TRUE/FALSE, dates as days, empty as empty', () => {
    expect([7, 7.0, 0.1 + 0.2, 15.5, 1234567890123].map(cellText)).toEqual(['7', '7', '0.3', '15.5', '1234567890123'])
    expect([true, false, new Date(Date.UTC(2026, 2, 5)), null, undefined, ' 文字 '].map(cellText)).toEqual(['TRUE', 'FALSE', '2026-03-05', '', '', ' 文字 '])
  })
})

describe('planImport', () => {
  const present = [item('T-01'), item('T-02'), item('T-03', { removedAt: '2026-11-01T00:00:00.000Z', version: 2 })]

  it('matches items by 事项编号 whatever its case; a changed one keeps its id, code and township and takes the next version', () => {
    const plan = planImport(table(rowOf(item('t-01', { name: '新名字' }))), listOf(present))
    if (!plan.ok) throw new Error(JSON.stringify(plan.problems))
    expect(plan.added).toEqual([])
    expect(plan.changed).toEqual([{ item: { ...present[0], name: '新名字', version: 1, removedAt: null }, before: present[0], fields: ['事项名称'] }])
    // In the list, not in the file, not removed: kept as they are.
    expect(plan.kept.map((i) => i.code)).toEqual(['T-02'])
  })

  it('gives a new item the township-and-code id at version 1', () => {
    const plan = planImport(table(rowOf(item('T-09'))), listOf(present))
    if (!plan.ok) throw new Error(JSON.stringify(plan.problems))
    expect(plan.added.map(({ item: i, before }) => [i._id, i.version, before])).toEqual([['pw-tw-1-T-09', 1, null]])
  })

  it('writes nothing the second time: the list after the import plans as all unchanged', () => {
    const file = table(rowOf(item('T-01', { basis: ['《新依据》'] })), rowOf(item('T-09')))
    const first = planImport(file, listOf(present))
    if (!first.ok) throw new Error(JSON.stringify(first.problems))
    const after = [...present.filter((p) => p.code !== 'T-01'), ...[...first.added, ...first.changed].map((c) => c.item)]
    const second = planImport(file, listOf(after))
    expect(second).toMatchObject({ ok: true, added: [], changed: [], unchanged: [expect.objectContaining({ code: 'T-01' }), expect.objectContaining({ code: 'T-09' })] })
  })

  it('reports a district code, a removed item and an item the edit form would refuse, each on its line', () => {
    const plan = planImport(table(rowOf(item('1-01')), rowOf(item('T-03')), rowOf(item('T-09'))), listOf(present, { check: (i) => (i.code === 'T-09' ? '太长' : null) }))
    expect(plan).toEqual({
      ok: false,
      problems: [
        { line: 2, reason: expect.stringContaining('区级指导性清单') },
        { line: 3, reason: expect.stringContaining('已经移除') },
        { line: 4, reason: '事项 T-09：太长' },
      ],
    })
  })

  it(`takes at most ${IMPORT_MAX_ITEMS} items and says where the first one too many stands`, () => {
    const rows = Array.from({ length: IMPORT_MAX_ITEMS + 1 }, (_, i) => rowOf(item(`T-${i + 10}`)))
    expect(planImport(table(...rows), listOf([]))).toEqual({
      ok: false,
      problems: [{ line: IMPORT_MAX_ITEMS + 2, reason: expect.stringContaining(`一次最多导入 ${IMPORT_MAX_ITEMS} 项`) }],
    })
    expect(planImport(table(...rows.slice(1)), listOf([])).ok).toBe(true)
  })
})
