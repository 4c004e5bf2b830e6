import { handleSetupEvent, importPowerList, secretMatches, setup } from '../../cloudfunctions/setup/main'
import { bootstrapTownship } from '../../cloudfunctions/core/bootstrap'
import { readReference } from '../../cloudfunctions/core/reference'
import { editedDistrictFiles } from '../support/new-township'
import { type StandInStore, standInStore } from '../../cloudfunctions/adapters/wxcloud/standin'
import { ROUND_TRIP_MS, costOf } from '../../scripts/cost/main'
import { NOW, callerFor, dump, expectError, expectOk, seededStore, type TestStore, emptyStore } from '../support/harness'

const SECRET = 'a-long-setup-secret-0123456789'
const plan = { secret: SECRET, township: '北坡镇', district: '清河区', staffName: '钱镇长' }

let store: TestStore
beforeEach(() => {
  store = emptyStore()
})
afterEach(() => store.close())

/** Setup, then the first officer creates a village and appoints its director: the director's caller. */
async function directorOfNewVillage() {
  const { inviteCode, loaded } = expectOk(await setup(store, plan, SECRET, NOW))
  const staff = callerFor(store, 'wx:first-staff')
  expectOk(await staff('member', 'acceptInvite', { code: inviteCode }))
  const { villageId } = expectOk(await staff('township', 'createVillage', { name: '北坡村' }))
  const { code } = expectOk(await staff('township', 'invite', { role: 'committee', villageId, title: '村委会主任', name: '孙主任' }))
  const director = callerFor(store, 'wx:director')
  expectOk(await director('member', 'acceptInvite', { code }))
  return { loaded, director }
}

const editedCopy = editedDistrictFiles

describe('setting up an empty deployment', () => {
  it('creates the township once, with the secret, and the first staff member takes the post by the code', async () => {
    const first = await setup(store, plan, SECRET, NOW)
    expect(first).toMatchObject({ ok: true, data: { townshipId: 'tw-main' } })
    const code = (first as { data: { inviteCode: string } }).data.inviteCode
    expect(await setup(store, { ...plan, township: '别的镇' }, SECRET, NOW)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })

    const staff = callerFor(store, 'wx:first-staff')
    expect(expectOk(await staff('member', 'acceptInvite', { code }))).toEqual({ role: 'township', title: '镇纪委书记' })
    const { villageId } = expectOk(await staff('township', 'createVillage', { name: '北坡村' }))
    expect(villageId).toMatch(/^v_/)
  })

  it('loads the district power list, responsibility list and negative list, and says so', async () => {
    const { loaded, director } = await directorOfNewVillage()
    expect(loaded).toBe('已载入 区级权力清单 40 项（7 类）、责任清单 48 条、负面清单 30 条')

    // The new village starts from the whole district list, none of it selected yet.
    const { items: catalog } = expectOk(await director('power', 'catalog', {}))
    expect(catalog).toHaveLength(40)
    expect(catalog.every((i: { level: string; selected: boolean }) => i.level === 'district' && !i.selected)).toBe(true)
    const low = catalog.find((i) => i.name.includes('最低生活保障'))!
    expectOk(await director('power', 'select', { itemId: low.itemId, selected: true, note: '经村民代表会议表决纳入' }))

    const { categories } = expectOk(await director('power', 'categories', {}))
    expect(categories.map((c: { name: string }) => c.name)).toContain('村级财务管理')
    expect(categories).toHaveLength(7)
    const { items } = expectOk(await director('power', 'list', {}))
    expect(items.map((i: { itemId: string }) => i.itemId)).toEqual([low.itemId])
    const { item } = expectOk(await director('power', 'get', { itemId: low.itemId }))
    expect(item.flow.length).toBeGreaterThanOrEqual(4)
    expect(item.basis.length).toBeGreaterThan(0)
    const { posts } = expectOk(await director('power', 'responsibilities', {}))
    expect(posts.reduce((n: number, p: { duties: string[] }) => n + p.duties.length, 0)).toBe(48)
    expect(expectOk(await director('power', 'prohibitions', {})).items).toHaveLength(30)
  })

  it('loads only what is missing when a setup cut short is run again', async () => {
    const reference = readReference()
    // A first attempt that stopped after writing part of the lists, before the township.
    await store.insertMany('power_item', reference.items.slice(0, 15))
    await store.insertMany('prohibition', reference.prohibitions.slice(0, 3))
    expectOk(await setup(store, plan, SECRET, NOW))
    const rows = dump(store)
    expect(rows.power_item).toHaveLength(40)
    expect(rows.prohibition).toHaveLength(30)
    expect(rows.responsibility).toHaveLength(48)
  })

  it("fits the cloud function's default 3 s timeout on its database work", async () => {
    // Always measured on the stand-in, whatever STORE says: its request counter is what is under test.
    const cloud: StandInStore = standInStore()
    const cost = await costOf(cloud.engine, () => bootstrapTownship(cloud, { township: '北坡镇', district: '清河区', staffName: '钱镇长', staffTitle: '镇纪委书记' }, NOW))
    cloud.close()
    // Each list, and the items' first versions, is one read of the ids already there and one batched insert, not a request a row.
    for (const collection of ['power_category', 'power_item_version', 'power_item', 'responsibility', 'prohibition']) {
      expect(cost.spans.filter((s) => s.collection === collection)).toHaveLength(2)
    }
    expect(cost.requests).toBeLessThanOrEqual(14)
    expect(cost.sequential * ROUND_TRIP_MS).toBeLessThan(3000)
  })

  it('opens nothing without the right secret, or when the function has none set', async () => {
    for (const [given, configured] of [
      ['wrong-secret-0000000000000', SECRET],
      [SECRET, undefined],
      ['short', 'short'],
    ] as const) {
      expect(await setup(store, { ...plan, secret: given }, configured, NOW)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    }
    expect(secretMatches(SECRET, SECRET)).toBe(true)
    expect(dump(store).township).toEqual([])
  })

  it('refuses an incomplete request in plain words', async () => {
    const result = await setup(store, { secret: SECRET, township: '北坡镇' }, SECRET, NOW)
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(/区县名称/) } })
  })

  it('will not set up a deployment that already has a township', async () => {
    const seeded = await seededStore()
    expect(await setup(seeded, plan, SECRET, NOW)).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(/石桥镇/) } })
    seeded.close()
  })
})

describe("the operator loading a new version of the district list (the setup function's importPowerList)", () => {
  const load = (dir: string, apply = false) => importPowerList(store, { action: 'importPowerList', secret: SECRET, apply }, SECRET, dir)

  it('previews what changes, writes nothing until applied, then changes items in place and a village keeps its selection', async () => {
    const { director } = await directorOfNewVillage()
    expectOk(await director('power', 'select', { itemId: 'pw-1-01', selected: true, note: '经村民代表会议表决纳入' }))

    const dir = editedCopy((file, text) =>
      file === 'district-items.csv'
        ? text.replace('决议公开,村民委员会,', '决议公开,村民委员会和村务监督委员会,')
        : file === 'prohibitions.csv'
          ? `${text}31,财务,不得用村集体资金购买烟酒礼品。\r\n`
          : text,
    )
    const before = dump(store)
    const preview = expectOk(await load(dir))
    expect(preview.applied).toBe(false)
    expect(preview.changes).toEqual(
      expect.arrayContaining([
        '区级事项：新增 0，修改 1，不变 39',
        '  修改：1-01 村级重大事项“四议两公开”决策',
        '负面清单：新增 1，修改 0，不变 30',
        '类别：新增 0，修改 0，不变 7',
      ]),
    )
    expect(dump(store)).toEqual(before)

    expect(expectOk(await load(dir, true)).applied).toBe(true)
    const { item } = expectOk(await director('power', 'get', { itemId: 'pw-1-01' }))
    expect(item.flow.find((s) => s.name === '决议公开')?.actor).toBe('村民委员会和村务监督委员会')
    expect(expectOk(await director('power', 'list', {})).items.map((i: { itemId: string }) => i.itemId)).toEqual(['pw-1-01'])
    expect(expectOk(await director('power', 'prohibitions', {})).items).toHaveLength(31)
    // Loaded again, the same files change nothing.
    expect(expectOk(await load(dir)).changes.filter((line) => /新增 [1-9]|修改 [1-9]/.test(line))).toEqual([])
  })

  it('lists every bad line of a broken file, and writes nothing even when told to apply', async () => {
    expectOk(await setup(store, plan, SECRET, NOW))
    const dir = editedCopy((file, text) =>
      file === 'district-items.csv'
        ? text.replace('\r\n1-02,1,', '\r\n1-02,9,')
        : file === 'prohibitions.csv'
          ? text.replace('\r\n3,决策,', '\r\n2,决策,').replace('不得将重大事项拆分化小', '不得拆分')
          : text,
    )
    const before = dump(store)
    const message = expectError(await load(dir, true), 'INVALID_INPUT')
    expect(message).toMatch(/^表格有 2 处错误，什么也没有写入：\ndistrict-items\.csv 第 \d+ 行：类别编号“9”不在类别表里\nprohibitions\.csv 第 4 行：编号 2 和第 3 行重复$/)
    expect(dump(store)).toEqual(before)
  })

  it("is the setup function's event when it names the action, and opens only with the secret", async () => {
    expectOk(await setup(store, plan, SECRET, NOW))
    expectError(await handleSetupEvent(store, { action: 'importPowerList', secret: 'wrong-secret-0000000000000' }, SECRET, NOW), 'FORBIDDEN')
    expect(await handleSetupEvent(store, { action: 'importPowerList', secret: SECRET }, SECRET, NOW)).toMatchObject({
      ok: true,
      data: { applied: false, changes: expect.arrayContaining(['区级事项：新增 0，修改 0，不变 40']) },
    })
  })
})
