import { docsOf, dump, expectError, expectOk, people, useSeededStore } from '../support/harness'

/**
 * Issue 16: each township keeps its own featured list (特色清单) in the app. Staff edit an item; every change
 * is a version with who and when, shown as the item's 变更记录; a village's selection keeps pointing at the
 * item; removing it asks the selecting villages to review and tells their chairs; district items are not theirs.
 */

const fixture = useSeededStore()

const FEATURED = 'pw-t-01'
const staff = () => fixture.as(people.inspector)
const director = () => fixture.as(people.director)

/** The edit form as staff fill it from the item (power.townshipItem), with `change` applied. */
async function formOf(itemId: string, change: Record<string, unknown> = {}) {
  const { item } = expectOk(await staff()('power', 'townshipItem', { itemId }))
  const { itemId: id, categoryId, name, summary, basis, performer, supervisor, steps, disclosure } = item
  return { itemId: id, categoryId, name, summary, basis, performer, supervisor, steps, disclosure, ...change }
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

describe('township staff edit their featured list', () => {
  it('an edit is a new version with who and when, the 变更记录 shows it, and the village still has the item', async () => {
    const form = await formOf(FEATURED)
    const steps = [...form.steps]
    steps[1] = { ...steps[1]!, timeLimit: '7个工作日内' }
    const saved = expectOk(await staff()('power', 'saveTownshipItem', { ...form, name: `${form.name}（修订）`, steps }))
    expect(saved).toMatchObject({ itemId: FEATURED, version: 1, fields: ['事项名称', '办理流程'] })

    fixture.clock.advance(60_000)
    const again = expectOk(await staff()('power', 'saveTownshipItem', { ...(await formOf(FEATURED)), basis: ['《中华人民共和国森林法》'] }))
    expect(again).toMatchObject({ version: 2, fields: ['依据'] })

    // Newest first, with 职务 姓名 and time, read by staff and by the village alike.
    const { versions } = expectOk(await fixture.as(people.villager)('power', 'itemHistory', { itemId: FEATURED }))
    expect(versions.map((v: { version: number; summary: string }) => [v.version, v.summary])).toEqual([
      [2, '改了 依据'],
      [1, '改了 事项名称、办理流程'],
    ])
    const inspector = await fixture.store.get('person', people.inspector)
    expect(versions[0]).toMatchObject({ byName: inspector!.name, at: fixture.clock.now().toISOString() })
    expect(versions[0]!.byTitle).toBeTruthy()
    expect(expectOk(await staff()('power', 'itemHistory', { itemId: FEATURED })).versions).toHaveLength(2)

    // The village's selection still points at the item, which now reads as edited.
    const { item } = expectOk(await fixture.as(people.villager)('power', 'get', { itemId: FEATURED }))
    expect(item.name).toBe(`${form.name}（修订）`)
    expect(item.basis).toEqual(['《中华人民共和国森林法》'])
    expect(item.flow[1]!.timeLimit).toBe('7个工作日内')
  })

  it('a new item gets the next code and a 新增 version; the villages can then choose it', async () => {
    const form = {
      categoryId: 'cat-7',
      name: '农村集体经营性建设用地入市初审',
      basis: ['《中华人民共和国土地管理法》'],
      performer: '村民委员会',
      supervisor: '村务监督委员会',
      steps: [
        { name: '提出申请', actor: '村民委员会' },
        { name: '表决', actor: '村民会议', timeLimit: '15日内' },
      ],
    }
    const created = expectOk(await staff()('power', 'saveTownshipItem', form))
    expect(created).toMatchObject({ code: 'T-06', version: 1, fields: [] })
    expect(expectOk(await staff()('power', 'itemHistory', { itemId: created.itemId })).versions).toMatchObject([{ change: 'created', summary: '新增了这一项' }])
    const { items } = expectOk(await director()('power', 'catalog'))
    expect(items.find((i: { itemId: string }) => i.itemId === created.itemId)).toMatchObject({ selected: false, level: 'township' })
  })

  it('township staff get FORBIDDEN editing or removing a district item, and nothing is written', async () => {
    const before = dump(fixture.store)
    const district = { itemId: 'pw-1-01', categoryId: 'cat-1', name: '改名', basis: ['x'], performer: 'x', supervisor: 'x', steps: [{ name: 'x', actor: 'x' }] }
    expect(expectError(await staff()('power', 'saveTownshipItem', district), 'FORBIDDEN', 403)).toContain('区里统一修改')
    expect(expectError(await staff()('power', 'removeTownshipItem', { itemId: 'pw-1-01', reason: '不需要' }), 'FORBIDDEN', 403)).toContain('区里统一修改')
    expect(dump(fixture.store)).toEqual(before)
  })

  it('bad input is INVALID_INPUT with a Chinese message, and nothing is written', async () => {
    const before = dump(fixture.store)
    const form = await formOf(FEATURED)
    expect(expectError(await staff()('power', 'saveTownshipItem', { ...form, steps: [] }), 'INVALID_INPUT')).toBe('请至少填写一个办理步骤')
    expect(expectError(await staff()('power', 'saveTownshipItem', { ...form, name: '  ' }), 'INVALID_INPUT')).toBe('请填写事项名称')
    expect(expectError(await staff()('power', 'saveTownshipItem', { ...form, categoryId: 'cat-99' }), 'INVALID_INPUT')).toBe('没有这个类别，请重新选择')
    expect(expectError(await staff()('power', 'saveTownshipItem', form), 'INVALID_INPUT')).toBe('这一项没有任何改动，不用保存')
    expect(dump(fixture.store)).toEqual(before)
  })

  it('removing an item asks every selecting village to review and queues a notice to each chair with a consent', async () => {
    await giveChairAConsent(people.chair, 'v-shiqiao')
    const selecting = docsOf(fixture.store, 'power_selection')
      .filter((s) => s.itemId === FEATURED && s.selected)
      .map((s) => s.villageId)
    expect(selecting.length).toBeGreaterThan(1)

    const removed = expectOk(await staff()('power', 'removeTownshipItem', { itemId: FEATURED, reason: '县里已统一办理' }))
    expect(removed).toMatchObject({ villagesToReview: selecting.length, notified: 1 })

    // Only the chair with a consent gets a WeChat message, queued in the outbox for the item's page.
    const chair = await fixture.store.get('person', people.chair)
    const notices = docsOf(fixture.store, 'notification').filter((n) => n.subject === `power:${FEATURED}`)
    expect(notices).toMatchObject([{ openid: chair!.openid, status: 'pending', page: `packages/power/item/index?itemId=${FEATURED}`, subscriptionId: people.chair }])
    expect(notices[0]!.title).toContain('镇里移除了清单事项')

    // The village keeps the item selected, flagged: the committee's 待办 counts it until they answer.
    const todo = async () => expectOk(await director()('member', 'todo')).items.find((i) => i.kind === 'powerToReview')!.count
    expect(await todo()).toBe(1)
    expect(expectOk(await director()('power', 'catalog')).items.find((i: { itemId: string }) => i.itemId === FEATURED)).toMatchObject({
      selected: true,
      removed: true,
      needsReview: true,
    })
    expect(expectOk(await fixture.as(people.villager)('power', 'itemHistory', { itemId: FEATURED })).versions[0]).toMatchObject({
      change: 'removed',
      summary: '移除了这一项：县里已统一办理',
    })

    expectOk(await director()('power', 'select', { itemId: FEATURED, selected: false, note: '镇里已移除' }))
    expect(await todo()).toBe(0)
    expectError(await director()('power', 'select', { itemId: FEATURED, selected: true, note: '再加上' }), 'CONFLICT')
    // A removed item is not edited again.
    expectError(await staff()('power', 'saveTownshipItem', await formOf(FEATURED, { name: '再改' })), 'CONFLICT')
  })

  it('two edits of the same version at once: one lands, the other is told to reopen, and one version is written', async () => {
    const form = await formOf(FEATURED)
    const results = await Promise.all([
      staff()('power', 'saveTownshipItem', { ...form, supervisor: '乡镇纪委' }),
      staff()('power', 'saveTownshipItem', { ...form, disclosure: '公示10天' }),
    ])
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(expectError(results.find((r) => !r.ok)!, 'CONFLICT')).toBe('这一项刚被别人改过，请重新打开再改')
    expect(docsOf(fixture.store, 'power_item_version').filter((v) => v.itemId === FEATURED)).toHaveLength(1)
  })

  it('two new items at once: the next code is a key, so one lands and the other is told to save again', async () => {
    const form = {
      categoryId: 'cat-7',
      name: '村级小型工程项目验收',
      basis: ['《村民委员会组织法》'],
      performer: '村民委员会',
      supervisor: '村务监督委员会',
      steps: [{ name: '组织验收', actor: '村民委员会' }],
    }
    const results = await Promise.all([staff()('power', 'saveTownshipItem', form), staff()('power', 'saveTownshipItem', { ...form, name: '村级小型工程项目结算' })])
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(expectError(results.find((r) => !r.ok)!, 'CONFLICT')).toBe('刚才有人同时新增了一项，编号被占用了，请再点一次保存')
    expect(docsOf(fixture.store, 'power_item').filter((i) => i.code === 'T-06')).toHaveLength(1)
    expect(expectOk(await staff()('power', 'saveTownshipItem', { ...form, name: '村级小型工程项目结算' }))).toMatchObject({ code: 'T-07' })
  })

  it('an edit tells the chairs of the villages using the item', async () => {
    await giveChairAConsent(people.chair, 'v-shiqiao')
    const saved = expectOk(await staff()('power', 'saveTownshipItem', await formOf(FEATURED, { supervisor: '乡镇纪委' })))
    expect(saved.notified).toBe(1)
    expect(
      docsOf(fixture.store, 'notification')
        .filter((n) => n.subject === `power:${FEATURED}`)
        .map((n) => n.title),
    ).toEqual([expect.stringContaining('镇里修改了清单事项')])
  })
})
