import { XLSX_BASE64_MAX } from '../../shared/township/rules'
import { ROSTER_PIECE } from '../../shared/member/roster'
import { importRosterFile } from '../support/roster'
import { addNeighbourTownship, dump, expectError, expectOk, people, useSeededStore } from '../support/harness'
import { zipSync } from 'fflate'
import { xlsxOf, type XlsxCell } from '../support/xlsx'

const fixture = useSeededStore()

const header = '户号,户主姓名,村民小组,人口数'
const withTwoBadLines = [header, '0001,王建国,一组,4', '0002,,一组,3', '0003,李秀英,二组,四', '0004,赵大海,二组,2'].join('\n')
const fixed = [header, '0001,王建国,一组,4', '0002,张桂芳,一组,3', '0003,李秀英,二组,4', '0004,赵大海,二组,2'].join('\n')

describe('a new village and its roster', () => {
  it('is previewed with every bad line, imports nothing until fixed, then imports', async () => {
    const staff = fixture.as(people.inspector)
    const { villageId, joinCode } = expectOk(await staff('township', 'createVillage', { name: '新庄村' }))
    expect(joinCode).toMatch(/^[2-9A-Z]{6}$/)
    const before = dump(fixture.store)
    const preview = expectOk(await staff('township', 'previewRoster', { villageId, csv: withTwoBadLines }))
    expect(preview).toEqual({
      rows: 2,
      creates: 2,
      updates: 0,
      notInFile: 0,
      problems: [
        { line: 3, reason: '缺少户主姓名' },
        { line: 4, reason: '人口数“四”要填1到99的整数' },
      ],
      // nothing to import while a line is bad
      households: [],
    })
    // A piece is checked again as the file was: a bad household is refused by its line in the file.
    const bad = { line: 3, number: '0002', headName: '', groupName: '一组', size: 3 }
    expect(expectError(await staff('township', 'importRoster', { villageId, households: [bad] }), 'INVALID_INPUT')).toMatch(/第3行：缺少户主姓名.*共1处问题/)
    expect(dump(fixture.store).household).toEqual(before.household)

    const { checked, done } = await importRosterFile(staff, villageId, { csv: fixed })
    expect(checked).toMatchObject({ rows: 4, creates: 4, problems: [] })
    expect(checked.households[0]).toEqual({ line: 2, number: '0001', headName: '王建国', groupName: '一组', size: 4 })
    expect(done).toEqual({ creates: 4, updates: 0, unchanged: 0, pieces: 1 })
    const households = (await fixture.store.query('household', { where: { villageId }, orderBy: { field: 'number', direction: 'asc' }, limit: 10 })).items
    expect(households.map((h) => [h.number, h.headName, h.size, h.inGroup])).toEqual([
      ['0001', '王建国', 4, false],
      ['0002', '张桂芳', 3, false],
      ['0003', '李秀英', 4, false],
      ['0004', '赵大海', 2, false],
    ])
  })

  it("updates a village's households on re-import without losing members, representatives or votes", async () => {
    const staff = fixture.as(people.inspector)
    const before = (await fixture.store.get('household', 'h-shiqiao-0001'))!
    const csv = [header, `0001,新户主,三组,5`, '9001,新来户,三组,2'].join('\n')
    const { checked, done } = await importRosterFile(staff, 'v-shiqiao', { csv })
    expect(checked).toMatchObject({ creates: 1, updates: 1, notInFile: 127 })
    expect(done).toMatchObject({ creates: 1, updates: 1, unchanged: 0 })
    const after = (await fixture.store.get('household', 'h-shiqiao-0001'))!
    expect(after).toEqual({ ...before, headName: '新户主', groupName: '三组', size: 5 })
    // The demo's road round still counts this household's participation.
    expect(await fixture.store.get('participation', 'rd-shiqiao-road:h-shiqiao-0001')).not.toBeNull()
    expect(await fixture.store.count('household', { villageId: 'v-shiqiao' })).toBe(129)
  })

  it("is the township's own: other townships and village roles are refused", async () => {
    const neighbour = fixture.as(await addNeighbourTownship(fixture.store))
    expectError(await neighbour('township', 'previewRoster', { villageId: 'v-shiqiao', csv: fixed }), 'NOT_FOUND')
    const piece = { villageId: 'v-shiqiao', households: [{ line: 2, number: '9001', headName: '新来户', groupName: '三组', size: 2 }] }
    expectError(await neighbour('township', 'importRoster', piece), 'NOT_FOUND')
    expectError(await fixture.as(people.chair)('township', 'importRoster', piece), 'FORBIDDEN')
    expectError(await fixture.as(people.inspector)('township', 'createVillage', { name: '石桥村' }), 'CONFLICT')
  })
})

describe('a roster saved as an Excel workbook (.xlsx)', () => {
  const title: XlsxCell[] = ['户号', '户主姓名', '村民小组', '人口数']
  const base64 = (rows: (XlsxCell[] | null)[]) => xlsxOf(rows).toString('base64')
  const households = async (villageId: string) =>
    (await fixture.store.query('household', { where: { villageId }, orderBy: { field: 'number', direction: 'asc' }, limit: 100 })).items.map((h) => [
      h.number,
      h.headName,
      h.groupName,
      h.size,
    ])

  it('is previewed and imported from its first sheet: a title row above the header, 户号 as text, 人口数 as numbers', async () => {
    const staff = fixture.as(people.inspector)
    const { villageId } = expectOk(await staff('township', 'createVillage', { name: '新庄村' }))
    const xlsx = base64([['新庄村户籍花名册'], title, ['0001', '王建国', '一组', 4], ['0002', '张桂芳', '一组', 3], null, ['0003', '李秀英', '二组', 4]])
    const before = dump(fixture.store)
    expect(expectOk(await staff('township', 'previewRoster', { villageId, xlsx }))).toMatchObject({ rows: 3, creates: 3, updates: 0, notInFile: 0, problems: [] })
    expect(dump(fixture.store)).toEqual(before)
    expect((await importRosterFile(staff, villageId, { xlsx })).done).toMatchObject({ creates: 3 })
    expect(await households(villageId)).toEqual([
      ['0001', '王建国', '一组', 4],
      ['0002', '张桂芳', '一组', 3],
      ['0003', '李秀英', '二组', 4],
    ])
  })

  it('reports bad lines exactly as the same table saved as CSV, and imports nothing', async () => {
    const staff = fixture.as(people.inspector)
    const { villageId } = expectOk(await staff('township', 'createVillage', { name: '新庄村' }))
    const xlsx = base64([title, ['0001', '王建国', '一组', 4], ['0002', null, '一组', 3], ['0003', '李秀英', '二组', '四'], ['0004', '赵大海', '二组', 2]])
    const fromExcel = expectOk(await staff('township', 'previewRoster', { villageId, xlsx }))
    expect(fromExcel).toEqual(expectOk(await staff('township', 'previewRoster', { villageId, csv: withTwoBadLines })))
    expect(fromExcel.problems).toEqual([
      { line: 3, reason: '缺少户主姓名' },
      { line: 4, reason: '人口数“四”要填1到99的整数' },
    ])
    expect(fromExcel.households).toEqual([])
  })

  it('says which number and date cells cannot be read, and 户号 that lost their leading zeros', async () => {
    const staff = fixture.as(people.inspector)
    const xlsx = base64([
      title,
      [1, '王建国', '一组', 4],
      ['0002', '张桂芳', '一组', 2.5],
      [9001.5, '新来户', '三组', 2],
      [new Date(Date.UTC(2026, 0, 12)), '李四', '三组', 2],
      [9002, '赵六', '三组', 3],
    ])
    const preview = expectOk(await staff('township', 'previewRoster', { villageId: 'v-shiqiao', xlsx }))
    expect(preview.problems).toEqual([
      { line: 2, reason: '户号“1”在表格里是数字格式，前面的0没有了；花名册上是“0001”。请把户号这一列设为文本格式，照花名册填写' },
      { line: 3, reason: '人口数“2.5”要填1到99的整数' },
      { line: 4, reason: '户号“9001.5”在表格里是数字格式，读不准。请把户号这一列设为文本格式后重新填写' },
      { line: 5, reason: '户号在表格里被当成了日期（2026-01-12）。请把户号这一列设为文本格式后重新填写' },
    ])
    // A whole number no household has with leading zeros is a 户号 as it reads.
    expect(preview).toMatchObject({ rows: 1, creates: 1 })
  })

  it('refuses a file that is not a readable .xlsx with a plain message, and stores nothing', async () => {
    const staff = fixture.as(people.inspector)
    const before = dump(fixture.store)
    const refused = async (xlsx: string) => expectError(await staff('township', 'previewRoster', { villageId: 'v-shiqiao', xlsx }), 'INVALID_INPUT', 400)
    expect(await refused(Buffer.from(withTwoBadLines).toString('base64'))).toMatch(/不是 Excel 表格（\.xlsx）/)
    expect(await refused(Buffer.from('PK\x03\x04 cut short').toString('base64'))).toMatch(/不是 Excel 表格（\.xlsx）/)
    // An old binary Excel file (.xls) starts with the compound-document signature.
    expect(await refused(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]).toString('base64'))).toMatch(/旧版 Excel 文件（\.xls）.*另存为/)
    expect(await refused('这不是base64')).toBe('表格文件格式不对')
    expect(await refused('A'.repeat(XLSX_BASE64_MAX + 4))).toMatch(/表格文件太大/)
    // A few KB that unpack to 40 MB: refused before anything is unpacked.
    const bomb = zipSync({ 'xl/worksheets/sheet1.xml': new Uint8Array(40 * 1024 * 1024) }, { level: 9 })
    expect(bomb.length).toBeLessThan(XLSX_BASE64_MAX)
    expect(await refused(Buffer.from(bomb).toString('base64'))).toMatch(/Excel 表格太大了/)
    expect(expectError(await staff('township', 'previewRoster', { villageId: 'v-shiqiao' }), 'INVALID_INPUT')).toMatch(/请选择一个花名册文件/)
    expect(expectError(await staff('township', 'previewRoster', { villageId: 'v-shiqiao', csv: fixed, xlsx: base64([title]) }), 'INVALID_INPUT')).toMatch(/请选择一个花名册文件/)
    expect(dump(fixture.store)).toEqual(before)
  })

  it('updates households in place on re-import, keeping members, representatives and votes', async () => {
    const staff = fixture.as(people.inspector)
    const before = (await fixture.store.get('household', 'h-shiqiao-0001'))!
    const xlsx = base64([title, ['0001', '新户主', '三组', 5], ['9001', '新来户', '三组', 2]])
    const { checked, done } = await importRosterFile(staff, 'v-shiqiao', { xlsx })
    expect(checked).toMatchObject({ creates: 1, updates: 1, notInFile: 127 })
    expect(done).toMatchObject({ creates: 1, updates: 1 })
    expect(await fixture.store.get('household', 'h-shiqiao-0001')).toEqual({ ...before, headName: '新户主', groupName: '三组', size: 5 })
    expect(await fixture.store.get('participation', 'rd-shiqiao-road:h-shiqiao-0001')).not.toBeNull()
    expect(await fixture.store.count('household', { villageId: 'v-shiqiao' })).toBe(129)
  })
})

describe('a roster bigger than one piece', () => {
  const rows = (count: number, name = '户主') =>
    [header, ...Array.from({ length: count }, (_, i) => `${String(i + 1).padStart(4, '0')},${name}${i + 1},${(i % 5) + 1}组,${(i % 6) + 1}`)].join('\n')

  it('goes in pieces of ROSTER_PIECE, each its own call; the pieces add up to what the check said', async () => {
    const staff = fixture.as(people.inspector)
    const { villageId } = expectOk(await staff('township', 'createVillage', { name: '新庄村' }))
    const count = ROSTER_PIECE * 2 + 7
    const { checked, done } = await importRosterFile(staff, villageId, { csv: rows(count) })
    expect(checked).toMatchObject({ rows: count, creates: count, updates: 0 })
    expect(done).toEqual({ creates: count, updates: 0, unchanged: 0, pieces: 3 })
    expect(await fixture.store.count('household', { villageId })).toBe(count)
    // Renaming every household: the same pieces now update.
    expect((await importRosterFile(staff, villageId, { csv: rows(count, '新户主') })).done).toEqual({ creates: 0, updates: count, unchanged: 0, pieces: 3 })
  })

  it('takes no more than ROSTER_PIECE households a call', async () => {
    const staff = fixture.as(people.inspector)
    const { villageId } = expectOk(await staff('township', 'createVillage', { name: '新庄村' }))
    const { households } = expectOk(await staff('township', 'previewRoster', { villageId, csv: rows(ROSTER_PIECE + 1) }))
    const before = dump(fixture.store)
    expect(expectError(await staff('township', 'importRoster', { villageId, households }), 'INVALID_INPUT')).toBe(`每批最多${ROSTER_PIECE}户`)
    expect(dump(fixture.store)).toEqual(before)
  })

  it('can send a piece again, or twice at once: each household is added once, and the repeat says unchanged', async () => {
    const staff = fixture.as(people.inspector)
    const { villageId } = expectOk(await staff('township', 'createVillage', { name: '新庄村' }))
    const { households } = expectOk(await staff('township', 'previewRoster', { villageId, csv: rows(ROSTER_PIECE) }))
    const piece = { villageId, households }
    // A retry after an answer that never arrived.
    expect(expectOk(await staff('township', 'importRoster', piece))).toEqual({ creates: ROSTER_PIECE, updates: 0, unchanged: 0 })
    expect(expectOk(await staff('township', 'importRoster', piece))).toEqual({ creates: 0, updates: 0, unchanged: ROSTER_PIECE })
    expect(await fixture.store.count('household', { villageId })).toBe(ROSTER_PIECE)

    // Two copies of a new piece at once: both answer, one adds and the other finds them added.
    const { households: more } = expectOk(await staff('township', 'previewRoster', { villageId, csv: rows(ROSTER_PIECE + 5) }))
    const next = { villageId, households: more.slice(ROSTER_PIECE) }
    const answers = await Promise.all([staff('township', 'importRoster', next), staff('township', 'importRoster', next)])
    expect(
      answers
        .map((a) => expectOk(a))
        .map((a) => a.creates)
        .sort(),
    ).toEqual([0, 5])
    expect(await fixture.store.count('household', { villageId })).toBe(ROSTER_PIECE + 5)
  })
})
