import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { referenceDir, readReference } from '../../cloudfunctions/core/reference'
import { parseCsv } from '../../shared/member/roster'
import { toCsv } from '../../shared/csv'
import {
  categoryColumns,
  itemColumns,
  parseCategories,
  parseItems,
  parseProhibitions,
  parseReference,
  parseResponsibilities,
  prohibitionColumns,
  describeChange,
  referenceChange,
  referenceFiles,
} from '../../shared/power/reference'

const rowsOf = (header: readonly string[], rows: string[][]) => parseCsv(toCsv(header, rows))
const categoryIds = new Set(['cat-1', 'cat-2'])
const items = (rows: string[][]) => parseItems(rowsOf(itemColumns, rows), { level: 'district', townshipId: null, categoryIds, file: 'd.csv' })
const itemRow = (code: string, category: string, name: string, step: string, actor = '村民委员会'): string[] => [
  code,
  category,
  name,
  '说明',
  '《村民委员会组织法》\n《条例》',
  '村民委员会',
  '村务监督委员会',
  '公开',
  step,
  actor,
  '办理',
  '3日内',
]
const stepRow = (code: string, step: string, actor = '村民委员会'): string[] => [code, '', '', '', '', '', '', '', step, actor, '', '']

describe('the district files shipped with the setup function', () => {
  it('read whole: 7 categories, items with their flowcharts, 48 duties of four posts, 30 prohibitions', () => {
    const data = readReference()
    expect(data.categories.map((c) => c._id)).toEqual(['cat-1', 'cat-2', 'cat-3', 'cat-4', 'cat-5', 'cat-6', 'cat-7'])
    expect(data.items.length).toBeGreaterThanOrEqual(30)
    for (const item of data.items) {
      expect(item).toMatchObject({ level: 'district', townshipId: null, _id: `pw-${item.code.toLowerCase()}` })
      expect(item.steps.length).toBeGreaterThanOrEqual(3)
      expect(item.basis.length).toBeGreaterThanOrEqual(1)
    }
    expect(new Set(data.responsibilities.map((d) => d.post)).size).toBe(4)
    expect(data.responsibilities).toHaveLength(48)
    expect(data.prohibitions).toHaveLength(30)
  })

  it('open in Excel as Chinese text: UTF-8 with a byte-order mark', () => {
    for (const file of Object.values(referenceFiles)) expect(readFileSync(join(referenceDir(), file), 'utf8').startsWith('\uFEFF')).toBe(true)
  })
})

describe('reading items, one row a flowchart step', () => {
  it('gathers the step rows of an item under its first row, and one basis a line of the cell', () => {
    const loaded = items([itemRow('1-01', '1', '事项甲', '提议'), stepRow('1-01', '商议', '村“两委”'), stepRow('1-01', '公开'), itemRow('2-01', '2', '事项乙', '申请')])
    expect(loaded.ok).toBe(true)
    if (!loaded.ok) return
    expect(loaded.value.map((i) => [i._id, i.categoryId, i.steps.map((s) => s.name)])).toEqual([
      ['pw-1-01', 'cat-1', ['提议', '商议', '公开']],
      ['pw-2-01', 'cat-2', ['申请']],
    ])
    expect(loaded.value[0]!.basis).toEqual(['《村民委员会组织法》', '《条例》'])
    expect(loaded.value[0]!.steps[1]).toEqual({ name: '商议', actor: '村“两委”', detail: '', timeLimit: '' })
  })

  it('reports every bad line with its row number, and returns nothing', () => {
    const loaded = items([
      itemRow('1-01', '1', '事项甲', '提议'), // row 2
      stepRow('1-01', '', '村民委员会'), // row 3: a step without its name
      itemRow('1-02', '9', '事项乙', '申请'), // row 4: no such category
      itemRow('1 03', '1', '事项丙', '申请'), // row 5: a code with a space
      itemRow('1-04', '1', '', '申请'), // row 6: no name
      stepRow('1-04', '审核').map((c, i) => (i === 2 ? '别的名字' : c)), // row 7: an item column differing on a later row
      itemRow('1-01', '1', '事项甲', '又一步'), // row 8: the code used again, away from its rows
    ])
    expect(loaded).toEqual({
      ok: false,
      problems: [
        { file: 'd.csv', line: 3, reason: '这一步缺少：步骤名称' },
        { file: 'd.csv', line: 4, reason: '类别编号“9”不在类别表里' },
        { file: 'd.csv', line: 5, reason: '事项编号“1 03”只能由字母、数字和“-”组成，如 3-05' },
        { file: 'd.csv', line: 6, reason: '事项的第一行缺少：事项名称' },
        { file: 'd.csv', line: 7, reason: '事项名称和本事项第一行（第 6 行）不同；事项的内容只填在第一行' },
        { file: 'd.csv', line: 8, reason: '事项编号 1-01 已在第 2 行用过，同一事项的各步骤要排在相邻的行' },
      ],
    })
  })

  it('counts rows as Excel does when a cell holds several lines, and skips empty rows', () => {
    const loaded = items([itemRow('1-01', '1', '事项甲', '提议'), ['', '', '', '', '', '', '', '', '', '', '', ''], stepRow('1-01', '', '')])
    expect(loaded).toMatchObject({ ok: false, problems: [{ line: 4, reason: '这一步缺少：步骤名称、办理主体' }] })
  })

  it('takes codes that differ only in case for the same item', () => {
    expect(items([itemRow('T-01', '1', '事项甲', '提议'), itemRow('t-01', '1', '事项乙', '申请')])).toMatchObject({
      ok: false,
      problems: [{ line: 3, reason: '事项编号 t-01 已在第 2 行用过，同一事项的各步骤要排在相邻的行' }],
    })
  })

  it('names the missing columns of a header', () => {
    const loaded = parseItems([['事项编号', '事项名称']], { level: 'district', townshipId: null, categoryIds, file: 'd.csv' })
    expect(loaded).toMatchObject({ ok: false, problems: [{ line: 1, reason: expect.stringMatching(/^第一行缺少列：类别编号、事项说明/) }] })
  })
})

describe('reading categories, duties and prohibitions', () => {
  it("numbers them from the 编号 column, and a duty's place among its post's duties from the file's order", () => {
    expect(parseCategories(rowsOf(categoryColumns, [['1', '决策', '说明']]))).toEqual({ ok: true, value: [{ _id: 'cat-1', name: '决策', order: 1, description: '说明' }] })
    const duties = parseResponsibilities(
      rowsOf(
        ['编号', '岗位', '职责'],
        [
          ['1', '书记', '甲'],
          ['2', '主任', '乙'],
          ['3', '书记', '丙'],
        ],
      ),
    )
    expect(duties.ok && duties.value.map((d) => [d._id, d.post, d.order])).toEqual([
      ['duty-01', '书记', 1],
      ['duty-02', '主任', 1],
      ['duty-03', '书记', 2],
    ])
  })

  it('reports a repeated or missing number and an empty text, line by line', () => {
    expect(
      parseProhibitions(
        rowsOf(prohibitionColumns, [
          ['1', '财务', '不得……'],
          ['1', '财务', '不得……'],
          ['x', '', '不得……'],
        ]),
      ),
    ).toEqual({
      ok: false,
      problems: [
        { file: 'prohibitions.csv', line: 3, reason: '编号 1 和第 2 行重复' },
        { file: 'prohibitions.csv', line: 4, reason: '编号“x”应是 1 到 999 的整数' },
        { file: 'prohibitions.csv', line: 4, reason: '缺少方面' },
      ],
    })
  })

  it('gives every problem of every file at once, and no data', () => {
    const loaded = parseReference({
      categories: rowsOf(categoryColumns, [['1', '决策', '']]),
      items: rowsOf(itemColumns, [itemRow('1-01', '2', '事项', '提议')]),
      responsibilities: rowsOf(['编号', '岗位', '职责'], [['1', '书记', '']]),
      prohibitions: rowsOf(prohibitionColumns, [['1', '财务', '不得']]),
    })
    expect(loaded).toEqual({
      ok: false,
      problems: [
        { file: 'district-items.csv', line: 2, reason: '类别编号“2”不在类别表里' },
        { file: 'responsibilities.csv', line: 2, reason: '缺少职责' },
      ],
    })
  })
})

describe('what a new version changes', () => {
  const data = readReference()
  it('finds nothing changed in the same lists read back with their fields in another order', () => {
    const backwards = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).reverse()) as T
    const reordered = { ...data, items: data.items.map((i) => backwards({ ...i, steps: i.steps.map(backwards) })) }
    expect(Object.keys(reordered.items[0]!)[0]).toBe('disclosure')
    const change = referenceChange(reordered, data)
    expect([change.items.changed, change.items.added, change.items.missing, change.items.unchanged]).toEqual([[], [], [], data.items.length])
  })
  it('lists items added, changed, and only in the store, which it never deletes', () => {
    const [first, second, ...rest] = data.items
    const incoming = { ...data, items: [{ ...first!, name: '新名称' }, ...rest, { ...second!, _id: 'pw-9-99', code: '9-99' }] }
    const lines = describeChange(referenceChange(data, incoming))
    const at = lines.findIndex((l) => l.startsWith('区级事项'))
    expect(lines.slice(at, at + 4)).toEqual([
      `区级事项：新增 1，修改 1，不变 ${data.items.length - 2}，文件里没有而库里有 1（不删除）`,
      `  新增：9-99 ${second!.name}`,
      '  修改：1-01 新名称',
      `  文件里没有：${second!.code} ${second!.name}`,
    ])
    expect(lines).toContain('类别：新增 0，修改 0，不变 7')
  })
})
