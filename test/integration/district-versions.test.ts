import { importPowerList } from '../../cloudfunctions/setup/main'
import { bootstrapTownship } from '../../cloudfunctions/core/bootstrap'
import { type StandInStore, standInStore } from '../../cloudfunctions/adapters/wxcloud/standin'
import { ROUND_TRIP_MS, costOf } from '../../scripts/cost/main'
import { NOW, docsOf, dump, expectError, expectOk } from '../support/harness'
import type { TypedCall } from '../support/caller'
import { SETUP_SECRET, editedDistrictFiles, freshEmptyStore, newTownship } from '../support/new-township'
import { parseCsv } from '../../shared/member/roster'
import { toCsv } from '../../shared/csv'

/**
 * Issue 16: the district's guidance list is the district's. Every load of a new version by the operator is, for
 * each item it adds or changes, a new version in the item's 变更记录 with who and when; the chairs of the villages
 * whose list holds a changed item are told; townships cannot edit it.
 */

const fixture = freshEmptyStore()

const DAY = 86_400_000
const load = (dir: string, apply: boolean, by?: string) =>
  importPowerList(fixture.store, { action: 'importPowerList', secret: SETUP_SECRET, apply, ...(by ? { by } : {}) }, SETUP_SECRET, dir, fixture.clock.now())

/** The district's next version: 1-01's 决议公开 step and 1-02's name change, 7-07 is new, 7-06 is left out. */
const nextVersion = () =>
  editedDistrictFiles((file, text) => {
    if (file !== 'district-items.csv') return text
    const without706 = text.slice(0, text.indexOf('\n7-06,') + 1)
    return (
      without706
        .replace('决议公开,村民委员会,', '决议公开,村民委员会和村务监督委员会,')
        .replace('1-02,1,村级发展规划和年度工作计划制定,', '1-02,1,村级发展规划和年度工作计划编制,') +
      '7-07,7,农村宅基地申请初审,村民申请宅基地的村级初审。,《中华人民共和国土地管理法》第六十二条,村民委员会,村务监督委员会,初审结果公示7天。,提出申请,村民,,\r\n'
    )
  })

const history = async (call: TypedCall, itemId: string) => expectOk(await call('power', 'itemHistory', { itemId })).versions

describe('a township set up from nothing', () => {
  it("starts every district item's 变更记录 at version 1, loaded by the operator when the township was set up", async () => {
    const town = await newTownship(fixture.store, fixture.clock)
    for (const call of [town.villager, town.chair, town.director, town.staff]) {
      expect(await history(call, 'pw-1-01')).toEqual([
        { version: 1, change: 'created', summary: '新增了这一项', fields: [], reason: '', at: NOW.toISOString(), byName: '运营方', byTitle: '区级清单导入' },
      ])
    }
    expect(docsOf(fixture.store, 'power_item_version')).toHaveLength(40)
    expect(docsOf(fixture.store, 'power_item').every((i) => i.version === 1)).toBe(true)
  })

  it("township staff may read a district item's history but get FORBIDDEN editing or removing it, and nothing is written", async () => {
    const { staff } = await newTownship(fixture.store, fixture.clock)
    const before = dump(fixture.store)
    const edit = {
      itemId: 'pw-1-01',
      categoryId: 'cat-1',
      name: '改名',
      basis: ['依据'],
      performer: '村民委员会',
      supervisor: '村务监督委员会',
      steps: [{ name: '提出', actor: '村民委员会' }],
    }
    expect(expectError(await staff('power', 'saveTownshipItem', edit), 'FORBIDDEN', 403)).toContain('区里统一修改')
    expect(expectError(await staff('power', 'removeTownshipItem', { itemId: 'pw-1-01', reason: '不需要' }), 'FORBIDDEN', 403)).toContain('区里统一修改')
    expect(dump(fixture.store)).toEqual(before)
  })
})

describe('the operator loads a new version of the district list', () => {
  it('each added or changed item gets a version with who, when and which fields; the chair of a village using a changed item is told', async () => {
    const town = await newTownship(fixture.store, fixture.clock)
    for (const itemId of ['pw-1-01', 'pw-7-06']) expectOk(await town.director('power', 'select', { itemId, selected: true, note: '经村民代表会议表决纳入' }))
    fixture.clock.advance(DAY)
    const dir = nextVersion()

    // The preview names every change, and the item only the fixture.store has; it writes nothing.
    const before = dump(fixture.store)
    const preview = expectOk(await load(dir, false, '王科长'))
    expect(preview).toMatchObject({ applied: false, versions: 0, notified: 0 })
    expect(preview.changes).toEqual(
      expect.arrayContaining([
        '区级事项：新增 1，修改 2，不变 37，文件里没有而库里有 1（不删除）',
        '  新增：7-07 农村宅基地申请初审',
        '  修改：1-01 村级重大事项“四议两公开”决策',
        '  修改：1-02 村级发展规划和年度工作计划编制',
        '  文件里没有：7-06 生育登记与计划生育奖励扶助协助',
      ]),
    )
    expect(dump(fixture.store)).toEqual(before)

    expect(expectOk(await load(dir, true, '王科长'))).toMatchObject({ applied: true, versions: 3, notified: 1 })
    const at = fixture.clock.now().toISOString()
    const by = { at, byName: '王科长', byTitle: '区级清单导入' }
    // The villager, the chair and staff read the same 变更记录, newest first.
    for (const call of [town.villager, town.chair, town.staff]) {
      expect(await history(call, 'pw-1-01')).toMatchObject([
        { version: 2, change: 'edited', summary: '改了 办理流程', fields: ['办理流程'], ...by },
        { version: 1, change: 'created', byName: '运营方', at: NOW.toISOString() },
      ])
    }
    expect(await history(town.villager, 'pw-1-02')).toMatchObject([{ version: 2, summary: '改了 事项名称', ...by }, { version: 1 }])
    expect(await history(town.villager, 'pw-7-07')).toMatchObject([{ version: 1, change: 'created', summary: '新增了这一项', ...by }])
    const item = await fixture.store.get('power_item', 'pw-1-01')
    expect(item).toMatchObject({ version: 2, level: 'district' })
    expect(item!.steps.find((s) => s.name === '决议公开')!.actor).toBe('村民委员会和村务监督委员会')

    // One notice, to the chair (who allowed a message) of the village that chose 1-01; none for 1-02, which no village chose.
    expect(docsOf(fixture.store, 'notification')).toMatchObject([
      {
        _id: `pn:pw-1-01:v2:${town.chairPerson._id}`,
        villageId: town.villageId,
        openid: 'wx:chair',
        subject: 'power:pw-1-01',
        title: '区里修改了清单事项：村级重大事项“四议两',
        page: 'packages/power/item/index?itemId=pw-1-01',
        status: 'pending',
      },
    ])

    // The village's selection still holds, the item left out of the file included: it is kept, unflagged, with no new version.
    expect(expectOk(await town.director('power', 'list', {})).items.map((i: { itemId: string }) => i.itemId)).toEqual(['pw-1-01', 'pw-7-06'])
    expect(await fixture.store.get('power_selection', `${town.villageId}:pw-7-06`)).toMatchObject({ selected: true })
    expect((await fixture.store.get('power_selection', `${town.villageId}:pw-7-06`))!.needsReview).toBeFalsy()
    expect(await history(town.villager, 'pw-7-06')).toHaveLength(1)
  })

  it('run again, the same files write nothing: no second version, no second notice', async () => {
    const town = await newTownship(fixture.store, fixture.clock)
    expectOk(await town.director('power', 'select', { itemId: 'pw-1-01', selected: true, note: '纳入' }))
    const dir = nextVersion()
    fixture.clock.advance(DAY)
    expectOk(await load(dir, true))
    const after = dump(fixture.store)
    fixture.clock.advance(DAY)
    expect(expectOk(await load(dir, true))).toMatchObject({ versions: 0, notified: 0 })
    expect(dump(fixture.store)).toEqual(after)
  })

  it.each([
    ['before the changed items are written', false],
    ['just after the first changed item is written', true],
  ])('a load cut short %s is completed by running it again: each version and notice once, none lost', async (_when, lands) => {
    const town = await newTownship(fixture.store, fixture.clock)
    expectOk(await town.director('power', 'select', { itemId: 'pw-1-01', selected: true, note: '纳入' }))
    const dir = nextVersion()
    fixture.clock.advance(DAY)
    // The function is stopped (a timeout, a crash) when it comes to update the changed items.
    const realUpdate = fixture.store.update.bind(fixture.store)
    const spy = jest.spyOn(fixture.store, 'update').mockImplementation(async (collection, ...rest) => {
      if (collection === 'power_item') {
        if (lands) await realUpdate(collection, ...(rest as [string, never]))
        throw new Error('函数超时')
      }
      return realUpdate(collection, ...(rest as [string, never]))
    })
    await expect(load(dir, true)).rejects.toThrow('函数超时')
    spy.mockRestore()

    expectOk(await load(dir, true))
    expect(expectOk(await load(dir, false)).changes).toContain('区级事项：新增 0，修改 0，不变 40，文件里没有而库里有 1（不删除）')
    expect(await fixture.store.get('power_item', 'pw-1-01')).toMatchObject({ version: 2 })
    expect(
      docsOf(fixture.store, 'power_item_version')
        .filter((v) => v.itemId === 'pw-1-01')
        .map((v) => v.version),
    ).toEqual([1, 2])
    expect(docsOf(fixture.store, 'notification').map((n) => n._id)).toEqual([`pn:pw-1-01:v2:${town.chairPerson._id}`])
    expect(await history(town.villager, 'pw-1-01')).toMatchObject([{ version: 2, summary: '改了 办理流程' }, { version: 1 }])
    expect(await history(town.villager, 'pw-1-02')).toMatchObject([{ version: 2, summary: '改了 事项名称' }, { version: 1 }])
  })

  it('two loads of the same files at once: each version and notice once, whichever lands first; the other is told to wait or finds it done', async () => {
    const town = await newTownship(fixture.store, fixture.clock)
    expectOk(await town.director('power', 'select', { itemId: 'pw-1-01', selected: true, note: '纳入' }))
    const dir = nextVersion()
    fixture.clock.advance(DAY)
    const results = await Promise.all([load(dir, true, '王科长'), load(dir, true, '王科长')])
    for (const result of results) {
      if (!result.ok) expect(result.error).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('同时有另一次导入') })
    }
    expect(results.some((r) => r.ok)).toBe(true)
    expect(expectOk(await load(dir, false)).changes).toContain('区级事项：新增 0，修改 0，不变 40，文件里没有而库里有 1（不删除）')
    expect(
      docsOf(fixture.store, 'power_item_version')
        .filter((v) => v.version === 2)
        .map((v) => v.itemId)
        .sort(),
    ).toEqual(['pw-1-01', 'pw-1-02'])
    expect(docsOf(fixture.store, 'notification').map((n) => n._id)).toEqual([`pn:pw-1-01:v2:${town.chairPerson._id}`])
  })

  it('fits a function call on the cloud adapter: round trips a batch, not an item', async () => {
    // Always measured on the stand-in, whatever STORE says: its request counter is what is under test.
    const cloud: StandInStore = standInStore()
    await bootstrapTownship(cloud, { township: '北坡镇', district: '清河区', staffName: '钱镇长', staffTitle: '镇纪委书记' }, NOW)
    // Every one of the 40 items changes (a new supervisor on each).
    const dir = editedDistrictFiles((file, text) => {
      if (file !== 'district-items.csv') return text
      const [header, ...rows] = parseCsv(text)
      const at = header!.indexOf('监督主体')
      return toCsv(
        header!,
        rows.map((row) => row.map((cell, i) => (i === at && cell ? `${cell}、区纪委` : cell))),
      )
    })
    const cost = await costOf(cloud.engine, () => importPowerList(cloud, { action: 'importPowerList', secret: SETUP_SECRET, apply: true }, SETUP_SECRET, dir, fixture.clock.now()))
    cloud.close()
    const calls = (api: string, collection: string) => cost.spans.filter((s) => s.api === `database.${api}` && s.collection === collection).length
    // The 40 versions go in one batched insert; the 40 items are updated twenty at a time, in flight together.
    expect(calls('insertDocument', 'power_item_version')).toBe(1)
    expect(calls('modifyDocument', 'power_item')).toBe(40)
    expect(cost.requests).toBeLessThanOrEqual(50)
    // The lists read at once, the selections, the versions present, their insert, two chunks of updates.
    expect(cost.sequential).toBeLessThanOrEqual(6)
    expect(cost.sequential * ROUND_TRIP_MS).toBeLessThan(3000)
  })
})
