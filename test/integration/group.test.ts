// The village WeChat group (issue 19): binding, the group as evidence, 群内活跃户, and reach by channel.
// Open data goes through the local fake (core/open-data.ts): `dev-group:<name>` is "opened from group <name>".
import { devCloudIdOf } from '../../shared/group/rules'
import { beijingDay } from '../../shared/time'
import { retentionDays } from '../../shared/retention'
import { applyRetention } from '../../cloudfunctions/core/retention'
import { addHouseholds, dump, expectError, expectOk, people, useSeededStore } from '../support/harness'

const fixture = useSeededStore()
const chair = () => fixture.as(people.chair)
const DAY = 86_400_000

const shiqiaoGroup = devCloudIdOf('石桥村监督群')
const liushuGroup = devCloudIdOf('柳树湾村监督群')
const unboundGroup = devCloudIdOf('广场舞群')

async function bindShiqiao(label = '一组群') {
  return expectOk(await chair()('group', 'bind', { cloudId: shiqiaoGroup, label }))
}

const storedDocs = (collection: 'group_binding' | 'group_seen' | 'member' | 'audit') => (dump(fixture.store)[collection] ?? []).map((d) => JSON.parse(d) as Record<string, unknown>)

describe('binding the village group', () => {
  it('records the group with who bound it and when; only the chair of that village binds', async () => {
    const bound = await bindShiqiao()
    expect(bound).toMatchObject({ rebound: false, group: { label: '一组群', boundBy: '周德明', boundAt: fixture.clock.now().toISOString() } })
    expect(expectOk(await chair()('group', 'list', {})).groups).toEqual([bound.group])

    for (const who of [people.villager, people.director, people.secretary]) {
      expectError(await fixture.as(who)('group', 'bind', { cloudId: devCloudIdOf('另一个群') }), 'FORBIDDEN')
    }
    expectError(await fixture.caller('visitor:new')('group', 'bind', { cloudId: devCloudIdOf('另一个群') }), 'FORBIDDEN')
    // Another village's chair cannot take a group bound here, nor see this village's groups.
    expectError(await fixture.as(people.otherChair)('group', 'bind', { cloudId: shiqiaoGroup }), 'CONFLICT')
    expect(expectOk(await fixture.as(people.otherChair)('group', 'list', {})).groups).toEqual([])
    expect(expectOk(await chair()('group', 'list', {})).groups).toHaveLength(1)
  })

  it('stores no group id in clear, and takes none from the phone: an unknown cloudID binds nothing', async () => {
    await bindShiqiao()
    const [binding] = storedDocs('group_binding')
    expect(JSON.stringify(binding)).not.toContain('dev-opengid')
    expect(JSON.stringify(binding)).not.toContain('石桥村监督群')
    expect(binding!._id).toMatch(/^[0-9a-f]{64}$/)
    // A made-up cloudID (or an opengid sent in clear) resolves to no group.
    const message = expectError(await chair()('group', 'bind', { cloudId: 'dev-opengid:石桥村监督群' }), 'INVALID_INPUT')
    expect(message).toContain('群里')
    expect(storedDocs('group_binding')).toHaveLength(1)
  })

  it('binds more than one group, rebinds one (new who and when), and unbinds so another village can bind it', async () => {
    const first = await bindShiqiao('一组群')
    fixture.clock.advance(60_000)
    await chair()('group', 'bind', { cloudId: devCloudIdOf('二组群'), label: '二组群' })
    expect(expectOk(await chair()('group', 'list', {})).groups.map((g) => g.label)).toEqual(['一组群', '二组群'])

    fixture.clock.advance(DAY)
    const again = expectOk(await chair()('group', 'bind', { cloudId: shiqiaoGroup }))
    expect(again).toMatchObject({ rebound: true, group: { groupId: first.group.groupId, label: '一组群', boundAt: fixture.clock.now().toISOString() } })

    expectOk(await chair()('group', 'unbind', { groupId: first.group.groupId }))
    expect(expectOk(await chair()('group', 'list', {})).groups.map((g) => g.label)).toEqual(['二组群'])
    expectError(await chair()('group', 'unbind', { groupId: first.group.groupId }), 'NOT_FOUND')
    expectOk(await fixture.as(people.otherChair)('group', 'bind', { cloudId: shiqiaoGroup, label: '柳树湾群' }))
  })
})

describe('the group as evidence on join requests', () => {
  beforeEach(async () => {
    await bindShiqiao()
    expectOk(await fixture.as(people.otherChair)('group', 'bind', { cloudId: liushuGroup }))
  })

  it('a visitor who opened a card from the bound group is offered the village and joins with 户号 and name only, marked 从本村监督群进入', async () => {
    const visitor = fixture.caller('visitor:from-group')
    expect(expectOk(await visitor('group', 'opened', { cloudId: shiqiaoGroup }))).toEqual({
      group: { villageId: 'v-shiqiao', villageName: '石桥村', townshipName: '石桥镇', label: '一组群' },
      member: false,
      canJoin: true,
    })
    const request = expectOk(await visitor('member', 'join', { groupCloudId: shiqiaoGroup, householdNumber: '0125', name: '王小明' }))
    expect(request).toMatchObject({ status: 'pending', fromGroup: true })

    const pending = expectOk(await chair()('member', 'listPending', {})).items
    expect(pending.find((m) => m.memberId === request.memberId)).toMatchObject({ name: '王小明', fromGroup: true, household: { number: '0125' } })
    // The seeded request came in by join code: not marked.
    expect(pending.filter((m) => m.memberId !== request.memberId).every((m) => !m.fromGroup)).toBe(true)
  })

  it('a cloudID resolving to another group does not mark the request', async () => {
    // A group no village bound, and a group bound to another village, with this village's join code.
    for (const [n, cloudId] of [unboundGroup, liushuGroup].entries()) {
      const visitor = fixture.caller(`visitor:elsewhere-${n}`)
      const request = expectOk(await visitor('member', 'join', { joinCode: 'SHIQIAO', groupCloudId: cloudId, householdNumber: `012${6 + n}`, name: '李四' }))
      expect(request.fromGroup).toBe(false)
    }
    const visitor = fixture.caller('visitor:plain')
    expect(expectOk(await visitor('member', 'join', { joinCode: 'SHIQIAO', householdNumber: '0128', name: '赵六' })).fromGroup).toBe(false)
    expect(expectOk(await chair()('member', 'listPending', {})).items.filter((m) => m.fromGroup)).toEqual([])
    // Without a join code, a group no village bound names no village.
    expectError(await fixture.caller('visitor:lost')('member', 'join', { groupCloudId: unboundGroup, householdNumber: '0129', name: '钱七' }), 'NOT_FOUND')
    expect(expectOk(await fixture.caller('visitor:lost')('group', 'opened', { cloudId: unboundGroup }))).toEqual({ group: null, member: false, canJoin: false })
  })
})

describe('群内活跃户 next to the roster figure', () => {
  const shiqiao = async () => expectOk(await chair()('member', 'coverage', {})).villages[0]!

  it('counts a household once when its members open cards from a bound group, for 90 days', async () => {
    await bindShiqiao()
    expect(await shiqiao()).toMatchObject({ householdsActiveInGroup: 0, groupsBound: 1 })
    const opened = expectOk(await fixture.as(people.representative3)('group', 'opened', { cloudId: shiqiaoGroup }))
    expect(opened).toMatchObject({ member: true, canJoin: false })
    await fixture.as(people.secondMember3)('group', 'opened', { cloudId: shiqiaoGroup })
    await fixture.as(people.villager)('group', 'opened', { cloudId: unboundGroup })
    // Another village's member opening this village's group is not this village's household.
    await fixture.as(people.otherVillager)('group', 'opened', { cloudId: shiqiaoGroup })
    const figure = await shiqiao()
    expect(figure).toMatchObject({ householdsActiveInGroup: 1 })
    expect(figure.householdsOnRoster).toBeGreaterThan(100)

    // One record per household with the day only: no log of who opened what.
    const today = beijingDay(fixture.clock.now())
    expect(storedDocs('group_seen')).toEqual([{ _id: 'h-shiqiao-0003', villageId: 'v-shiqiao', day: today }])
    expect(expectOk(await fixture.as(people.secondMember3)('member', 'myData', {})).householdLastSeenInGroup).toBe(today)
    expect(expectOk(await chair()('member', 'myData', {})).groupsBoundByMe).toBe(1)

    fixture.clock.advance(89 * DAY)
    expect((await shiqiao()).householdsActiveInGroup).toBe(1)
    fixture.clock.advance(DAY)
    expect((await shiqiao()).householdsActiveInGroup).toBe(0)
    await fixture.as(people.secondMember3)('group', 'opened', { cloudId: shiqiaoGroup })
    expect((await shiqiao()).householdsActiveInGroup).toBe(1)
  })

  it('pages through a large village to the 90-day edge', async () => {
    await bindShiqiao()
    const households = await addHouseholds(fixture.store, 130)
    for (const [i, h] of households.entries()) {
      // Ten seen long ago, then 120 lately: more than one page of active households.
      if (i === 10) fixture.clock.advance(91 * DAY)
      await fixture.caller(h.representative)('group', 'opened', { cloudId: shiqiaoGroup })
    }
    expect((await shiqiao()).householdsActiveInGroup).toBe(120)
  })
})

describe('reach by channel', () => {
  it('separates households reached through the group card from a subscribe message and the app', async () => {
    await bindShiqiao()
    const { announcementId } = expectOk(await chair()('announcement', 'push', { title: '停水通知', body: '明天上午停水' }))
    await fixture.as(people.villager)('announcement', 'open', { announcementId, groupCloudId: shiqiaoGroup })
    await fixture.as(people.representative3)('announcement', 'open', { announcementId, fromMessage: true })
    // The same household again, this time from the group: its first way in stands.
    await fixture.as(people.secondMember3)('announcement', 'open', { announcementId, groupCloudId: shiqiaoGroup })
    const households = await addHouseholds(fixture.store, 2)
    await fixture.caller(households[0]!.representative)('announcement', 'open', { announcementId })
    // A card from a group that is not this village's counts as the app.
    await fixture.caller(households[1]!.representative)('announcement', 'open', { announcementId, groupCloudId: unboundGroup })
    const reach = expectOk(await chair()('announcement', 'reach', {})).items.find((a) => a.announcementId === announcementId)
    expect(reach).toMatchObject({ householdsRead: 4, householdsReadViaGroup: 1, householdsReadViaMessage: 1, householdsReadInApp: 2 })
  })

  it('still adds up for reach recorded before channels were kept', async () => {
    await bindShiqiao()
    const { announcementId } = expectOk(await chair()('announcement', 'push', { title: '停水通知', body: '明天上午停水' }))
    // A reach record as written before issue 19: no channel. It counts as the app.
    await fixture.store.insert('announcement_reach', {
      _id: `${announcementId}:h-shiqiao-0001`,
      announcementId,
      villageId: 'v-shiqiao',
      householdId: 'h-shiqiao-0001',
      at: fixture.clock.now().toISOString(),
    })
    await fixture.as(people.representative3)('announcement', 'open', { announcementId, groupCloudId: shiqiaoGroup })
    const reach = expectOk(await chair()('announcement', 'reach', {})).items.find((a) => a.announcementId === announcementId)
    expect(reach).toMatchObject({ householdsRead: 2, householdsReadInApp: 1, householdsReadViaGroup: 1, householdsReadViaMessage: 0 })
  })
})

describe('keeping only what the figures need', () => {
  it('deletes a household last seen before the 90 days, a group unbound a year ago, and keeps what is current', async () => {
    const bound = await bindShiqiao()
    await chair()('group', 'bind', { cloudId: devCloudIdOf('二组群'), label: '二组群' })
    await fixture.as(people.villager)('group', 'opened', { cloudId: shiqiaoGroup })
    expectOk(await chair()('group', 'unbind', { groupId: bound.group.groupId }))
    const later = (days: number) => new Date(fixture.clock.now().getTime() + days * DAY)

    await applyRetention(fixture.store, later(retentionDays.groupSeen - 1), { dryRun: false })
    expect(storedDocs('group_seen')).toHaveLength(1)
    const { counts } = await applyRetention(fixture.store, later(retentionDays.groupSeen + 1), { dryRun: false })
    expect(counts.group_seen).toBe(1)
    expect(storedDocs('group_seen')).toEqual([])

    expect(storedDocs('group_binding')).toHaveLength(2)
    await applyRetention(fixture.store, later(retentionDays.groupBindings + 1), { dryRun: false })
    // The unbound one went; the bound one stays however old.
    expect(storedDocs('group_binding').map((b) => b.label)).toEqual(['二组群'])
  })
})

describe('what opening a card from the group leaves behind', () => {
  it('no audit entry per open, only the household day', async () => {
    await bindShiqiao()
    const before = storedDocs('audit').length
    for (const who of [people.villager, people.representative3, people.secondMember3]) {
      expectOk(await fixture.as(who)('group', 'opened', { cloudId: shiqiaoGroup }))
    }
    expectOk(await fixture.caller('visitor:curious')('group', 'opened', { cloudId: shiqiaoGroup }))
    expect(storedDocs('audit')).toHaveLength(before)
    expect(
      storedDocs('group_seen')
        .map((s) => s._id)
        .sort(),
    ).toEqual(['h-shiqiao-0001', 'h-shiqiao-0003'])
  })
})
