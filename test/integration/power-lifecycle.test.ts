import { importPowerList } from '../../cloudfunctions/setup/main'
import { itemColumns } from '../../shared/power/reference'
import { NOW, dump, expectError, expectOk } from '../support/harness'
import type { TypedCall } from '../support/caller'
import { SETUP_SECRET, editedDistrictFiles, freshEmptyStore, newTownship } from '../support/new-township'
import { xlsxOf, type XlsxCell } from '../support/xlsx'

/**
 * Issue 16, the whole chain, from an empty store: the operator sets the township up and its power list is there;
 * a village chooses items; the operator loads a changed district list; the township imports its featured list from
 * Excel (a file with two bad lines writes nothing, a clean one lands, a later one changes an item); each item's
 * 变更记录 shows each change with who and when; the village's choices still hold; staff cannot edit district items.
 */

const fixture = freshEmptyStore()

const DAY = 86_400_000
const FEATURED = 'pw-tw-main-T-01'

/** The featured list as staff fill the district's format in Excel: one row a flowchart step. */
const featuredList = (rows: readonly (readonly XlsxCell[])[]) => ({ xlsx: xlsxOf([[...itemColumns], ...rows]).toString('base64') })
const forestry = ['T-01', 7, '林下经济项目申报', '村集体申报林下经济扶持项目。', '《中华人民共和国森林法》', '村民委员会', '村务监督委员会；乡镇纪委', '申报结果在村务公开栏公示。']
const forestrySteps = (timeLimit: string) => [
  [...forestry, '村民代表会议表决', '村民代表会议', '表决是否申报。', timeLimit],
  ['T-01', '', '', '', '', '', '', '', '报镇审核', '乡镇农业综合服务中心', '审核申报材料。', '10个工作日内'],
]
const tea = [
  'T-02',
  4,
  '茶园集体经营收益分配',
  '',
  '《中华人民共和国农村集体经济组织法》',
  '村集体经济组织',
  '村务监督委员会',
  '分配方案公示7天。',
  '拟定方案',
  '村集体经济组织',
  '',
  '',
]

const ids = (items: { itemId: string }[]) => items.map((i) => i.itemId).sort()
const history = async (call: TypedCall, itemId: string) => expectOk(await call('power', 'itemHistory', { itemId })).versions

describe("a township's power list from an empty fixture.store to its third version", () => {
  it("bootstrap → choices → a new district list → the featured list from Excel → history, choices kept, district items not the township's", async () => {
    // Set up from nothing: the district list, categories, responsibilities and prohibitions are there.
    const { loaded, staff, director, chair, villager } = await newTownship(fixture.store, fixture.clock)
    expect(loaded).toBe('已载入 区级权力清单 40 项（7 类）、责任清单 48 条、负面清单 30 条')
    expect(expectOk(await villager('power', 'categories', {})).categories).toHaveLength(7)
    expect(expectOk(await director('power', 'catalog', {})).items).toHaveLength(40)
    const { posts } = expectOk(await villager('power', 'responsibilities', {}))
    expect(posts.reduce((n: number, p: { duties: string[] }) => n + p.duties.length, 0)).toBe(48)
    expect(expectOk(await villager('power', 'prohibitions', {})).items).toHaveLength(30)

    // The village chooses two district items.
    for (const itemId of ['pw-1-01', 'pw-3-01']) expectOk(await director('power', 'select', { itemId, selected: true, note: '经村民代表会议表决纳入' }))

    // The operator loads the district's next version: 1-01's 决议公开 step has a new actor.
    fixture.clock.advance(DAY)
    const dir = editedDistrictFiles((file, text) => (file === 'district-items.csv' ? text.replace('决议公开,村民委员会,', '决议公开,村民委员会和村务监督委员会,') : text))
    expect(
      expectOk(await importPowerList(fixture.store, { action: 'importPowerList', secret: SETUP_SECRET, apply: true, by: '王科长' }, SETUP_SECRET, dir, fixture.clock.now())),
    ).toMatchObject({
      applied: true,
      versions: 1,
      notified: 1,
    })

    // The township imports its featured list: a file with two bad lines reports both and writes nothing.
    fixture.clock.advance(DAY)
    const bad = featuredList([...forestrySteps('15日内'), ['T-02', 9, ...tea.slice(2)], ['1-01', ...tea.slice(1)]])
    const before = dump(fixture.store)
    const preview = expectOk(await staff('power', 'previewTownshipImport', bad))
    expect(preview.problems.map((p: { line: number }) => p.line)).toEqual([4, 5])
    expect(preview.problems[0]!.reason).toContain('类别编号')
    expect(preview.problems[1]!.reason).toContain('1-01')
    expect(expectError(await staff('power', 'importTownshipItems', bad), 'INVALID_INPUT')).toContain('第 4 行')
    expect(dump(fixture.store)).toEqual(before)

    // The clean file lands: two new items, and the village chooses one of them.
    const clean = featuredList([...forestrySteps('15日内'), tea])
    expect(expectOk(await staff('power', 'previewTownshipImport', clean))).toMatchObject({
      problems: [],
      added: [{ itemId: FEATURED, code: 'T-01' }, { code: 'T-02' }],
      changed: [],
    })
    expect(expectOk(await staff('power', 'importTownshipItems', clean))).toMatchObject({ added: 2, changed: 0 })
    expectOk(await director('power', 'select', { itemId: FEATURED, selected: true, note: '本村有林地' }))

    // A later file changes T-01's first step's time limit: a new version, and the chair of the village using it is told.
    fixture.clock.advance(DAY)
    expect(expectOk(await staff('power', 'importTownshipItems', featuredList([...forestrySteps('7个工作日内'), tea])))).toMatchObject({
      added: 0,
      changed: 1,
      unchanged: 1,
      notified: 1,
    })

    // Each change is in its item's 变更记录, newest first, with who and when, for the villager, the chair and staff alike.
    const day = (n: number) => new Date(NOW.getTime() + n * DAY).toISOString()
    for (const call of [villager, chair, staff]) {
      expect(await history(call, 'pw-1-01')).toMatchObject([
        { version: 2, summary: '改了 办理流程', byTitle: '区级清单导入', byName: '王科长', at: day(1) },
        { version: 1, summary: '新增了这一项', byTitle: '区级清单导入', byName: '运营方', at: day(0) },
      ])
      expect(await history(call, FEATURED)).toMatchObject([
        { version: 2, summary: '改了 办理流程', byTitle: '镇纪委书记', byName: '钱镇长', at: day(3) },
        { version: 1, summary: '新增了这一项', byTitle: '镇纪委书记', byName: '钱镇长', at: day(2) },
      ])
    }

    // The village's choices still hold, and read as the latest versions.
    expect(ids(expectOk(await villager('power', 'list', {})).items)).toEqual(['pw-1-01', 'pw-3-01', FEATURED])
    const { item: district } = expectOk(await villager('power', 'get', { itemId: 'pw-1-01' }))
    expect(district.flow.find((s) => s.name === '决议公开')?.actor).toBe('村民委员会和村务监督委员会')
    const { item: featured } = expectOk(await villager('power', 'get', { itemId: FEATURED }))
    expect(featured.flow[0]!.timeLimit).toBe('7个工作日内')

    // District items are the district's: township staff get FORBIDDEN editing or removing one, and nothing is written.
    const unchanged = dump(fixture.store)
    const edit = {
      itemId: 'pw-1-01',
      categoryId: 'cat-1',
      name: '改名',
      basis: ['依据'],
      performer: '村民委员会',
      supervisor: '村务监督委员会',
      steps: [{ name: '提出', actor: '村民委员会' }],
    }
    expectError(await staff('power', 'saveTownshipItem', edit), 'FORBIDDEN', 403)
    expectError(await staff('power', 'removeTownshipItem', { itemId: 'pw-1-01', reason: '不需要' }), 'FORBIDDEN', 403)
    expect(dump(fixture.store)).toEqual(unchanged)
  })
})
