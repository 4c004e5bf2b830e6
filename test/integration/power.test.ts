import { dump, expectError, expectOk, people, testClock, useSeededStore } from '../support/harness'

const fixture = useSeededStore()

type Summary = { itemId: string; name: string; categoryId: string; level: string; code: string }

describe('browsing the power list', () => {
  it('shows a villager the seven categories with the items their village published', async () => {
    const villager = fixture.as(people.villager)
    const { categories } = expectOk(await villager('power', 'categories'))
    expect(categories).toHaveLength(7)
    const { items } = expectOk(await villager('power', 'list'))
    expect(items.length).toBeGreaterThanOrEqual(30)
    expect(categories.reduce((n: number, c: { itemCount: number }) => n + c.itemCount, 0)).toBe(items.length)
    // The item the village chose not to publish is not on its list.
    expect(items.map((i: Summary) => i.itemId)).not.toContain('pw-7-04')
    // Township featured items appear beside the district ones.
    expect(items.some((i: Summary) => i.level === 'township')).toBe(true)
  })

  it('filters by category and finds items by keyword', async () => {
    const villager = fixture.as(people.villager)
    const { items } = expectOk(await villager('power', 'list', { categoryId: 'cat-5' }))
    expect(items.length).toBeGreaterThan(0)
    expect(items.every((i: Summary) => i.categoryId === 'cat-5')).toBe(true)
    const found = expectOk(await villager('power', 'list', { keyword: '低保' })).items
    expect(found[0]!.name).toContain('最低生活保障')
    expect(expectOk(await villager('power', 'list', { keyword: '火星移民' })).items).toEqual([])
  })

  it('opens an item with its flowchart, who performs and supervises it, its basis and disclosure', async () => {
    const villager = fixture.as(people.villager)
    const [first] = expectOk(await villager('power', 'list', { keyword: '低保' })).items
    if (!first) throw new Error('no item for 低保')
    const { item } = expectOk(await villager('power', 'get', { itemId: first.itemId }))
    expect(item.flow.length).toBeGreaterThanOrEqual(4)
    expect(item.flow[0]).toMatchObject({ index: 1, actorChanged: true })
    expect(item.flow.every((n: { name: string; actor: string }) => n.name && n.actor)).toBe(true)
    expect(item.basis.length).toBeGreaterThan(0)
    expect(item.performer).toBeTruthy()
    expect(item.supervisor).toBeTruthy()
    expect(item.disclosure).toBeTruthy()
    expect(item.categoryName).toBeTruthy()
  })

  it('does not open an item the village has not published', async () => {
    expectError(await fixture.as(people.villager)('power', 'get', { itemId: 'pw-7-04' }), 'NOT_FOUND', 404)
    expectError(await fixture.as(people.villager)('power', 'get', { itemId: 'no-such-item' }), 'NOT_FOUND', 404)
  })

  it('shows the responsibility list by post and the negative list in order', async () => {
    const villager = fixture.as(people.villager)
    const { posts } = expectOk(await villager('power', 'responsibilities'))
    expect(posts).toHaveLength(4)
    expect(posts.reduce((n: number, p: { duties: string[] }) => n + p.duties.length, 0)).toBe(48)
    const { items } = expectOk(await villager('power', 'prohibitions'))
    expect(items).toHaveLength(30)
    expect(items.map((i: { order: number }) => i.order)).toEqual([...items.map((i: { order: number }) => i.order)].sort((a, b) => a - b))
  })

  it('keeps each village to its own list; the township names one of its villages', async () => {
    expectError(await fixture.as(people.villager)('power', 'list', { villageId: 'v-liushu' }), 'NOT_FOUND', 404)
    const inspector = fixture.as(people.inspector)
    expectError(await inspector('power', 'list'), 'INVALID_INPUT', 400)
    expect(expectOk(await inspector('power', 'list', { villageId: 'v-liushu' })).items.length).toBeGreaterThan(0)
    expectError(await inspector('power', 'list', { villageId: 'v-elsewhere' }), 'NOT_FOUND', 404)
  })

  it('is closed to people outside the group', async () => {
    expectError(await fixture.caller('visitor:x')('power', 'list'), 'FORBIDDEN', 403)
    expectError(await fixture.as(people.pending)('power', 'list'), 'FORBIDDEN', 403)
  })
})

describe('changing the village list', () => {
  it('records every change with who, when and why, visible to villagers as the history', async () => {
    const clock = testClock()
    const director = fixture.as(people.director, clock)
    const catalog = expectOk(await director('power', 'catalog')).items
    const left = catalog.find((i) => !i.selected)
    if (!left) throw new Error('every item is selected')
    expect(left.itemId).toBe('pw-7-04')
    expectOk(await director('power', 'select', { itemId: left.itemId, selected: true, note: '村里新设了公益岗位，经村民代表会议表决纳入' }))

    const villager = fixture.as(people.villager)
    expect(expectOk(await villager('power', 'list')).items.map((i: Summary) => i.itemId)).toContain('pw-7-04')
    const history = expectOk(await villager('power', 'history'))
    expect(history.items[0]).toMatchObject({
      itemId: 'pw-7-04',
      change: 'added',
      note: '村里新设了公益岗位，经村民代表会议表决纳入',
      byName: '李卫东',
      byTitle: '村委会主任',
    })

    clock.advance(60_000)
    expectOk(await director('power', 'select', { itemId: 'pw-7-04', selected: false, note: '岗位撤销' }))
    expect(expectOk(await villager('power', 'history')).items[0]).toMatchObject({ change: 'removed', note: '岗位撤销' })
    expectError(await villager('power', 'get', { itemId: 'pw-7-04' }), 'NOT_FOUND')
  })

  it('pages through the history newest first', async () => {
    const villager = fixture.as(people.villager)
    const first = expectOk(await villager('power', 'history'))
    expect(first.items).toHaveLength(20)
    expect(first.nextCursor).not.toBeNull()
    const second = expectOk(await villager('power', 'history', { cursor: first.nextCursor }))
    const ids = [...first.items, ...second.items].map((c: { changeId: string }) => c.changeId)
    expect(new Set(ids).size).toBe(ids.length)
    const times = [...first.items, ...second.items].map((c: { at: string }) => c.at)
    expect([...times].sort().reverse()).toEqual(times)
  })

  it('refuses a change that changes nothing, or an item outside the district and township lists', async () => {
    const director = fixture.as(people.director)
    expectError(await director('power', 'select', { itemId: 'pw-1-01', selected: true, note: '重复' }), 'CONFLICT', 409)
    expectError(await director('power', 'select', { itemId: 'pw-made-up', selected: true, note: '自设权力' }), 'NOT_FOUND', 404)
  })

  it('lets only the village committees change the list, and never without a note', async () => {
    const before = dump(fixture.store)
    for (const who of [people.villager, people.chair, people.inspector]) {
      expectError(await fixture.as(who)('power', 'select', { itemId: 'pw-7-04', selected: true, note: '试试' }), 'FORBIDDEN', 403)
    }
    expectError(await fixture.as(people.director).unchecked('power', 'select', { itemId: 'pw-7-04', selected: true }), 'INVALID_INPUT', 400)
    expectError(await fixture.as(people.director).unchecked('power', 'select', { itemId: 'pw-7-04', selected: 'yes', note: 'x' }), 'INVALID_INPUT', 400)
    expect(dump(fixture.store)).toEqual(before)
  })

  it("changes one village's list without touching another's", async () => {
    expectOk(await fixture.as(people.otherDirector)('power', 'select', { itemId: 'pw-1-01', selected: false, note: '调整' }))
    expect(expectOk(await fixture.as(people.villager)('power', 'list')).items.map((i: Summary) => i.itemId)).toContain('pw-1-01')
    expect(expectOk(await fixture.as(people.otherVillager)('power', 'list')).items.map((i: Summary) => i.itemId)).not.toContain('pw-1-01')
  })
})
