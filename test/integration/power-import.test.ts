import { itemColumns } from '../../shared/power/reference'
import { townshipItemId } from '../../shared/power/rules'
import { docsOf, dump, expectError, expectOk, useSeededStore, people } from '../support/harness'
import { xlsxOf, type XlsxCell } from '../support/xlsx'
import { zipSync } from 'fflate'
import { toCsv } from '../../shared/csv'
import { XLSX_BASE64_MAX } from '../../shared/township/rules'

/**
 * Issue 16: township staff import their featured list (镇特色清单) from Excel (.xlsx, first sheet), in the district
 * files' format (one row a flowchart step). The preview lists every bad line and writes nothing; a clean file writes
 * each new or changed item as a new version (who, when, which fields), tells the chairs of the villages that use a
 * changed item, keeps the villages' selections, and the same file imported again changes nothing.
 */

const fixture = useSeededStore()

const TOWNSHIP = 'tw-shiqiao'
/** Calls as a person of the demo, at the test's clock. */
const caller = (personId: string) => fixture.as(personId)
const staff = () => caller(people.inspector)

interface Step {
  name: string
  actor: string
  detail?: string
  timeLimit?: XlsxCell
}
interface ItemRows {
  code: XlsxCell
  category: XlsxCell
  name: string
  summary?: string
  basis: string[]
  performer: string
  supervisor: string
  disclosure?: string
  steps: Step[]
}

/** An item as its rows in the file: the item's own cells on the first row, 事项编号 on every row. */
const rowsOf = (item: ItemRows): XlsxCell[][] =>
  item.steps.map((step, i) => [
    item.code,
    ...(i === 0 ? [item.category, item.name, item.summary ?? '', item.basis.join('\n'), item.performer, item.supervisor, item.disclosure ?? ''] : ['', '', '', '', '', '', '']),
    step.name,
    step.actor,
    step.detail ?? '',
    step.timeLimit ?? '',
  ])

/** The workbook of the items, header on row 1, as staff upload it (base64). */
const fileOf = (...items: ItemRows[]) => ({ xlsx: xlsxOf([[...itemColumns], ...items.flatMap(rowsOf)]).toString('base64') })

/** A featured item as it is now, in the file's terms (类别编号 as Excel keeps a typed number). */
async function asInFile(itemId: string): Promise<ItemRows> {
  const { item } = expectOk(await staff()('power', 'townshipItem', { itemId }))
  return { ...item, category: Number(item.categoryId.replace('cat-', '')) }
}

const NEW_ITEM: ItemRows = {
  code: 'T-06',
  category: 7,
  name: '村级公益事业一事一议',
  basis: ['《村民一事一议筹资筹劳管理办法》'],
  performer: '村民委员会',
  supervisor: '村务监督委员会',
  steps: [
    { name: '提出议题', actor: '村民委员会' },
    // Typed as a number, Excel keeps 15, not 15.0.
    { name: '村民代表会议表决', actor: '村民代表会议', timeLimit: 15 },
  ],
}

async function giveChairAConsent(personId: string, villageId: string) {
  const person = await fixture.store.get('person', personId)
  await fixture.store.insert('subscription', {
    _id: personId,
    personId,
    topic: 'announcement',
    villageId,
    openid: person!.openid,
    remaining: 1,
    updatedAt: fixture.clock.now().toISOString(),
  })
}

/** What an import writes; the audit log, which records even an import that changed nothing, is left out. */
const written = () => {
  const { audit: _audit, ...rest } = dump(fixture.store)
  return rest
}

describe('township staff import their featured list from Excel', () => {
  it('a file with two bad lines: the preview and the import both name each, and nothing is written', async () => {
    const before = dump(fixture.store)
    const file = fileOf(
      // Row 2 is fine; row 3, its second step, has no 办理主体.
      { ...NEW_ITEM, steps: [NEW_ITEM.steps[0]!, { name: '村民代表会议表决', actor: '' }] },
      // Row 4: a category the district's list does not have.
      { ...NEW_ITEM, code: 'T-07', category: 99, steps: [NEW_ITEM.steps[0]!] },
    )
    const preview = expectOk(await staff()('power', 'previewTownshipImport', file))
    expect(preview.problems).toEqual([
      { line: 3, reason: '这一步缺少：办理主体' },
      { line: 4, reason: '类别编号“99”不在类别表里' },
    ])
    expect(preview).toMatchObject({ added: [], changed: [], unchanged: 0 })

    const refused = expectError(await staff()('power', 'importTownshipItems', file), 'INVALID_INPUT', 400)
    expect(refused).toBe('表格有 2 处错误，什么也没有写入：第 3 行：这一步缺少：办理主体；第 4 行：类别编号“99”不在类别表里')
    expect(dump(fixture.store)).toEqual(before)
  })

  it('a clean file: new and changed items become versions with who and when, the village keeps the item, its chair is told, and the same file again changes nothing', async () => {
    await giveChairAConsent(people.chair, 'v-shiqiao')
    const t01 = await asInFile('pw-t-01')
    const steps = t01.steps.map((s, i) => (i === 1 ? { ...s, timeLimit: '7个工作日内' } : s))
    const file = fileOf({ ...t01, basis: [...t01.basis, '《林木林地权属争议处理办法》'], steps }, NEW_ITEM)
    const before = dump(fixture.store)

    const preview = expectOk(await staff()('power', 'previewTownshipImport', file))
    const newId = townshipItemId(TOWNSHIP, 'T-06')
    expect(preview).toEqual({
      problems: [],
      added: [{ itemId: newId, code: 'T-06', name: NEW_ITEM.name }],
      changed: [{ itemId: 'pw-t-01', code: 'T-01', name: t01.name, fields: ['依据', '办理流程'] }],
      unchanged: 0,
      // In the list and not in the file: kept, an import removes nothing.
      kept: ['T-02', 'T-03', 'T-04', 'T-05'].map((code) => expect.objectContaining({ code })),
    })
    expect(dump(fixture.store)).toEqual(before)

    fixture.clock.advance(60_000)
    expect(expectOk(await staff()('power', 'importTownshipItems', file))).toEqual({ added: 1, changed: 1, unchanged: 0, notified: 1 })

    // The 变更记录 says what changed, who and when, as an edit in the app does.
    const inspector = await fixture.store.get('person', people.inspector)
    const history = async (itemId: string) => expectOk(await caller(people.villager)('power', 'itemHistory', { itemId })).versions
    expect(await history('pw-t-01')).toMatchObject([
      { version: 1, change: 'edited', summary: '改了 依据、办理流程', fields: ['依据', '办理流程'], byName: inspector!.name, at: fixture.clock.now().toISOString() },
    ])
    expect(expectOk(await staff()('power', 'itemHistory', { itemId: newId })).versions).toMatchObject([{ version: 1, change: 'created', byName: inspector!.name }])
    const created = expectOk(await staff()('power', 'townshipItem', { itemId: newId })).item
    expect(created).toMatchObject({ code: 'T-06', categoryId: 'cat-7', name: NEW_ITEM.name, version: 1 })
    expect(created.steps[1]).toMatchObject({ name: '村民代表会议表决', timeLimit: '15' })

    // The village's selection still points at the item, which now reads as imported.
    const director = caller(people.director)
    expect(expectOk(await director('power', 'catalog')).items.find((i: { itemId: string }) => i.itemId === 'pw-t-01')).toMatchObject({
      selected: true,
      removed: false,
      needsReview: false,
    })
    const { item } = expectOk(await caller(people.villager)('power', 'get', { itemId: 'pw-t-01' }))
    expect(item.basis).toContain('《林木林地权属争议处理办法》')
    expect(item.flow[1]!.timeLimit).toBe('7个工作日内')

    // The chair with a consent gets a WeChat message about the changed item (the new one no village has chosen yet).
    const chair = await fixture.store.get('person', people.chair)
    const notices = docsOf(fixture.store, 'notification').filter((n) => n.subject.startsWith('power:'))
    expect(notices).toMatchObject([{ subject: 'power:pw-t-01', openid: chair!.openid, status: 'pending' }])
    expect(notices[0]!.title).toContain('镇里修改了清单事项')

    // The same file again: every item is as the file says, so no version, no notice, nothing written.
    const after = written()
    fixture.clock.advance(60_000)
    const again = expectOk(await staff()('power', 'previewTownshipImport', file))
    expect(again).toMatchObject({ problems: [], added: [], changed: [], unchanged: 2 })
    expect(expectOk(await staff()('power', 'importTownshipItems', file))).toEqual({ added: 0, changed: 0, unchanged: 2, notified: 0 })
    expect(written()).toEqual(after)
  })

  it('the same file imported twice at once: each item gets one version, and a later import finds nothing left to do', async () => {
    const t01 = await asInFile('pw-t-01')
    // As CSV, read at once, so both imports have read the list before either writes.
    const rows = [{ ...t01, supervisor: '乡镇纪委' }, NEW_ITEM].flatMap(rowsOf).map((r) => r.map((c) => String(c ?? '')))
    const file = { csv: toCsv(itemColumns, rows) }
    const results = await Promise.all([staff()('power', 'importTownshipItems', file), staff()('power', 'importTownshipItems', file)])
    // An item the other import wrote first is a conflict; whatever each wrote stays, whole.
    for (const r of results) if (!r.ok) expect(expectError(r, 'CONFLICT')).toBe('导入时有人同时改了清单里的事项，已导入的部分保留。请重新检查后再导入')
    const versions = docsOf(fixture.store, 'power_item_version')
    expect(versions.filter((v) => v.itemId === 'pw-t-01').map((v) => [v.version, v.fields])).toEqual([[1, ['监督主体']]])
    expect(versions.filter((v) => v.itemId === townshipItemId(TOWNSHIP, 'T-06')).map((v) => v.change)).toEqual(['created'])
    expect(expectOk(await staff()('power', 'importTownshipItems', file))).toMatchObject({ added: 0, changed: 0, unchanged: 2 })
  })

  it('a district code, a removed item and a code Excel turned into a date are bad lines, each with its reason', async () => {
    expectOk(await staff()('power', 'removeTownshipItem', { itemId: 'pw-t-05', reason: '县里已统一办理' }))
    const before = dump(fixture.store)
    const file = fileOf(
      { ...NEW_ITEM, code: '1-01', steps: [NEW_ITEM.steps[0]!] },
      { ...(await asInFile('pw-t-05')), name: '设施农业用地备案' },
      { ...NEW_ITEM, code: new Date(Date.UTC(2026, 2, 5)), steps: [NEW_ITEM.steps[0]!] },
    )
    const { problems } = expectOk(await staff()('power', 'previewTownshipImport', file))
    const t05Rows = (await asInFile('pw-t-05')).steps.length
    expect(problems.map((p: { line: number }) => p.line)).toEqual([2, 3, 3 + t05Rows])
    expect(problems[0]!.reason).toBe('事项编号 1-01 是区级指导性清单的事项，由区里统一修改；本镇的特色事项请换一个编号，如 T-06')
    expect(problems[1]!.reason).toMatch(/^事项 T-05（.+）已经移除，不能再导入/)
    expect(problems[2]!.reason).toContain('事项编号被 Excel 当成了日期')
    expect(expectError(await staff()('power', 'importTownshipItems', file), 'INVALID_INPUT')).toMatch(/^表格有 3 处错误/)
    expect(dump(fixture.store)).toEqual(before)
  })

  it('is refused to a villager, a chair and the committee: FORBIDDEN, nothing written', async () => {
    const before = dump(fixture.store)
    const file = fileOf(NEW_ITEM)
    for (const person of [people.villager, people.chair, people.director]) {
      expectError(await caller(person)('power', 'previewTownshipImport', file), 'FORBIDDEN', 403)
      expectError(await caller(person)('power', 'importTownshipItems', file), 'FORBIDDEN', 403)
    }
    expect(dump(fixture.store)).toEqual(before)
  })

  it('refuses a file too big, in the words of the list (a roster keeps its own), and writes nothing', async () => {
    const before = dump(fixture.store)
    const refused = async (xlsx: string) => expectError(await staff()('power', 'previewTownshipImport', { xlsx }), 'INVALID_INPUT', 400)
    expect(await refused('A'.repeat(XLSX_BASE64_MAX + 4))).toBe('表格文件太大（最多约70KB）：请删去清单以外的内容，或分成几份导入')
    // A few KB that unpack to 40 MB: refused before anything is unpacked.
    const bomb = Buffer.from(zipSync({ 'xl/worksheets/sheet1.xml': new Uint8Array(40 * 1024 * 1024) }, { level: 9 })).toString('base64')
    expect(await refused(bomb)).toBe('这个 Excel 表格太大了。特色清单只需要事项编号、类别编号、事项名称等十二列，请删去其他内容后再导入')
    expect(expectError(await staff()('township', 'previewRoster', { villageId: 'v-shiqiao', xlsx: bomb }), 'INVALID_INPUT')).toMatch(/^这个 Excel 表格太大了。花名册只需要/)
    expect(expectError(await staff()('power', 'importTownshipItems', {}), 'INVALID_INPUT')).toBe('请选择一个清单文件（Excel 表格或 CSV）')
    expect(dump(fixture.store)).toEqual(before)
  })

  it('reads a CSV saved from Excel the same way, and holds items to the edit form’s limits', async () => {
    const csv = [itemColumns.join(','), `T-06,7,${'很'.repeat(41)},,依据,村民委员会,村务监督委员会,,申请,申请人,,`].join('\n')
    const { problems } = expectOk(await staff()('power', 'previewTownshipImport', { csv }))
    expect(problems).toEqual([{ line: 2, reason: '事项 T-06：事项名称不能超过40个字' }])
  })
})
