import { dump, expectError, expectOk, people, docsOf, useSeededStore } from '../support/harness'

const fixture = useSeededStore()

const stranger = (id = 'wx-stranger') => fixture.caller(`visitor:${id}`)

describe('member.me', () => {
  it('tells a villager their village, household and that they hold the vote', async () => {
    const me = expectOk(await fixture.as(people.villager)('member', 'me'))
    expect(me).toMatchObject({
      role: 'villager',
      title: '户代表',
      isRepresentative: true,
      village: { villageId: 'v-shiqiao', name: '石桥村', townshipName: '石桥镇' },
      household: { number: '0001' },
    })
  })
  it('tells a second household member they do not vote', async () => {
    const me = expectOk(await fixture.as(people.secondMember3)('member', 'me'))
    expect(me).toMatchObject({ role: 'villager', title: '家庭成员', isRepresentative: false })
  })
  it('knows officials by their appointment', async () => {
    expect(expectOk(await fixture.as(people.chair)('member', 'me'))).toMatchObject({ role: 'chair', title: '村务监督委员会主任' })
    expect(expectOk(await fixture.as(people.inspector)('member', 'me'))).toMatchObject({
      role: 'township',
      village: null,
      township: { name: '石桥镇' },
    })
  })
  it('treats an unknown WeChat user as a guest with no membership', async () => {
    expect(expectOk(await stranger()('member', 'me'))).toMatchObject({ role: 'guest', personId: null, membership: null })
  })
  it('refuses a caller with no identity', async () => {
    expectError(await fixture.caller(null)('member', 'me'), 'UNAUTHENTICATED', 401)
  })
})

describe('joining the group', () => {
  it('files a pending request that the chair sees and approves; the household gains its representative', async () => {
    const guest = stranger()
    const { memberId, status } = expectOk(await guest('member', 'join', { joinCode: 'shiqiao', householdNumber: '0120', name: '韩晓东' }))
    expect(status).toBe('pending')
    expect(expectOk(await guest('member', 'me')).membership).toMatchObject({ status: 'pending', household: { number: '0120' } })

    const chair = fixture.as(people.chair)
    const pending = expectOk(await chair('member', 'listPending'))
    expect(pending.items.map((m: { memberId: string }) => m.memberId)).toContain(memberId)

    const before = expectOk(await chair('member', 'coverage')).villages[0]!
    expect(expectOk(await chair('member', 'approve', { memberId }))).toEqual({ memberId, isRepresentative: true })
    const after = expectOk(await chair('member', 'coverage')).villages[0]!
    expect(after.householdsInGroup).toBe(before.householdsInGroup + 1)

    expect(expectOk(await guest('member', 'me'))).toMatchObject({ role: 'villager', isRepresentative: true })
  })

  it('makes a later member of a household in the group a non-voting member', async () => {
    const guest = stranger()
    const { memberId } = expectOk(await guest('member', 'join', { joinCode: 'SHIQIAO', householdNumber: '0001', name: '王海峰' }))
    expect(expectOk(await fixture.as(people.chair)('member', 'approve', { memberId })).isRepresentative).toBe(false)
    expect(expectOk(await guest('member', 'me'))).toMatchObject({ role: 'villager', isRepresentative: false })
  })

  // A 户号 the roster lacks is answered like any other (test/integration/code-guessing.test.ts); a wrong join
  // code is a counted guess, kept in the attempt counters and the security log and nowhere else.
  it('says plainly when the join code is wrong, and stores nothing but the failed attempt', async () => {
    const { attempt: _a, security_log: _s, ...before } = dump(fixture.store)
    expect(expectError(await stranger()('member', 'join', { joinCode: 'NOWHERE', householdNumber: '0001', name: '王' }), 'NOT_FOUND', 404)).toMatch(/加入码/)
    expectError(await stranger().unchecked('member', 'join', { joinCode: 'SHIQIAO', householdNumber: '0001' }), 'INVALID_INPUT', 400)
    expectError(await stranger().unchecked('member', 'join', { joinCode: 'SHIQIAO', householdNumber: 1, name: '王' }), 'INVALID_INPUT', 400)
    const { attempt, security_log, ...after } = dump(fixture.store)
    expect(after).toEqual(before)
    expect(security_log).toHaveLength(1)
  })

  it('refuses a second request while one is pending, and a request from a member', async () => {
    const guest = stranger()
    expectOk(await guest('member', 'join', { joinCode: 'SHIQIAO', householdNumber: '0120', name: '韩晓东' }))
    expectError(await guest('member', 'join', { joinCode: 'SHIQIAO', householdNumber: '0121', name: '韩晓东' }), 'ALREADY_PENDING', 409)
    expectError(await fixture.as(people.villager)('member', 'join', { joinCode: 'SHIQIAO', householdNumber: '0002', name: '王' }), 'ALREADY_MEMBER', 409)
  })

  it('files exactly one request when the same person taps twice at once', async () => {
    const guest = stranger('double-tap')
    const results = await Promise.all([1, 2, 3].map(() => guest('member', 'join', { joinCode: 'SHIQIAO', householdNumber: '0120', name: '韩晓东' })))
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    const persons = docsOf(fixture.store, 'person').filter((p) => p.openid === 'visitor:double-tap').length
    expect(persons).toBe(1)
    const pendingFor0120 = expectOk(await fixture.as(people.chair)('member', 'listPending')).items.filter((m: { household: { number: string } }) => m.household.number === '0120')
    expect(pendingFor0120).toHaveLength(1)
  })

  it('lets a rejected person ask again, and shows them why they were declined', async () => {
    const chair = fixture.as(people.chair)
    const pendingGuest = fixture.as(people.pending)
    const [request] = expectOk(await chair('member', 'listPending')).items
    if (!request) throw new Error('no pending request')
    expectOk(await chair('member', 'reject', { memberId: request.memberId, reason: '户号与姓名不符，请核对户口簿' }))
    expect(expectOk(await pendingGuest('member', 'me')).membership).toMatchObject({ status: 'rejected', reason: '户号与姓名不符，请核对户口簿' })
    expectError(await chair('member', 'approve', { memberId: request.memberId }), 'CONFLICT', 409)
    expect(expectOk(await pendingGuest('member', 'join', { joinCode: 'SHIQIAO', householdNumber: '0107', name: '郭鹏飞' })).status).toBe('pending')
  })

  it('approves a request only once, however many taps', async () => {
    const chair = fixture.as(people.chair)
    const [request] = expectOk(await chair('member', 'listPending')).items
    if (!request) throw new Error('no pending request')
    const results = await Promise.all([1, 2, 3].map(() => chair('member', 'approve', { memberId: request.memberId })))
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.error.code === 'CONFLICT')).toBe(true)
  })
})

describe('who may manage the group', () => {
  it('keeps approval to the chair of the village', async () => {
    const [request] = expectOk(await fixture.as(people.chair)('member', 'listPending')).items
    if (!request) throw new Error('no pending request')
    for (const who of [people.villager, people.director, people.inspector]) {
      expectError(await fixture.as(who)('member', 'approve', { memberId: request.memberId }), 'FORBIDDEN', 403)
    }
    // Another village's chair cannot even see that the request exists.
    expectError(await fixture.as(people.otherChair)('member', 'approve', { memberId: request.memberId }), 'NOT_FOUND', 404)
    const otherPending = expectOk(await fixture.as(people.otherChair)('member', 'listPending')).items
    expect(otherPending.every((m: { memberId: string }) => m.memberId.startsWith('m-liushu'))).toBe(true)
  })

  it('keeps the roster and households to the chair of the village', async () => {
    expectError(await fixture.as(people.villager)('member', 'roster'), 'FORBIDDEN', 403)
    expectError(await fixture.as(people.director)('member', 'roster'), 'FORBIDDEN', 403)
    expectError(await fixture.as(people.otherChair)('member', 'household', { householdId: 'h-shiqiao-0001' }), 'NOT_FOUND', 404)
  })

  it('shows the township every village of its township, and a chair only their own', async () => {
    const township = expectOk(await fixture.as(people.inspector)('member', 'coverage')).villages
    expect(township.map((v: { name: string }) => v.name).sort()).toEqual(['东岭村', '柳树湾村', '石桥村'].sort())
    const mine = expectOk(await fixture.as(people.chair)('member', 'coverage')).villages
    expect(mine).toEqual([
      {
        villageId: 'v-shiqiao',
        name: '石桥村',
        joinCode: 'SHIQIAO',
        householdsOnRoster: 128,
        householdsInGroup: 106,
        coveragePermille: 828,
        householdsActiveInGroup: 0,
        groupsBound: 0,
      },
    ])
    expectError(await fixture.as(people.villager)('member', 'coverage'), 'FORBIDDEN', 403)
  })
})

describe('roster and representatives', () => {
  it('pages through the whole roster in household-number order, filtering by group membership', async () => {
    const chair = fixture.as(people.chair)
    const numbers: string[] = []
    let cursor: string | null = null
    do {
      const page: { items: { number: string }[]; nextCursor: string | null } = expectOk(await chair('member', 'roster', { cursor }))
      numbers.push(...page.items.map((h) => h.number))
      cursor = page.nextCursor
    } while (cursor)
    expect(numbers).toHaveLength(128)
    expect([...numbers].sort()).toEqual(numbers)
    const outside = expectOk(await chair('member', 'roster', { inGroup: false }))
    expect(outside.items.every((h: { inGroup: boolean }) => !h.inGroup)).toBe(true)
  })

  it('moves the vote to another active member of the household', async () => {
    const chair = fixture.as(people.chair)
    const { members } = expectOk(await chair('member', 'household', { householdId: 'h-shiqiao-0003' }))
    expect(members.filter((m: { isRepresentative: boolean }) => m.isRepresentative)).toHaveLength(1)
    const second = members.find((m) => !m.isRepresentative)
    if (!second) throw new Error('household 0003 has no second member')
    expectOk(await chair('member', 'setRepresentative', { memberId: second.memberId }))
    const after = expectOk(await chair('member', 'household', { householdId: 'h-shiqiao-0003' })).members
    expect(after.filter((m: { isRepresentative: boolean }) => m.isRepresentative).map((m: { memberId: string }) => m.memberId)).toEqual([second.memberId])
    expect(expectOk(await fixture.as(people.secondMember3)('member', 'me')).isRepresentative).toBe(true)
    expect(expectOk(await fixture.as(people.representative3)('member', 'me')).isRepresentative).toBe(false)
  })

  it('removes a member without deleting them, handing the vote on to the remaining member', async () => {
    const chair = fixture.as(people.chair)
    const result = expectOk(await chair('member', 'remove', { memberId: 'm-shiqiao-0003-1', reason: '本人申请退出' }))
    expect(result).toEqual({ memberId: 'm-shiqiao-0003-1', householdInGroup: true })
    const { members } = expectOk(await chair('member', 'household', { householdId: 'h-shiqiao-0003' }))
    expect(members).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ memberId: 'm-shiqiao-0003-1', status: 'removed', reason: '本人申请退出', isRepresentative: false }),
        expect.objectContaining({ memberId: 'm-shiqiao-0003-2', status: 'active', isRepresentative: true }),
      ]),
    )
    expect(expectOk(await fixture.as(people.representative3)('member', 'me')).role).toBe('guest')
  })

  it('takes a household out of the group when its only member is removed', async () => {
    const chair = fixture.as(people.chair)
    const before = expectOk(await chair('member', 'coverage')).villages[0]!.householdsInGroup
    expect(expectOk(await chair('member', 'remove', { memberId: 'm-shiqiao-0001-1', reason: '已迁出本村' })).householdInGroup).toBe(false)
    expect(expectOk(await chair('member', 'coverage')).villages[0]!.householdsInGroup).toBe(before - 1)
    expectError(await chair('member', 'remove', { memberId: 'm-shiqiao-0001-1', reason: '再次移出' }), 'CONFLICT')
  })

  it('requires a reason to remove anyone, and changes nothing without one', async () => {
    const before = dump(fixture.store)
    expect(expectError(await fixture.as(people.chair)('member', 'remove', { memberId: 'm-shiqiao-0001-1', reason: ' ' }), 'INVALID_INPUT')).toBe('请填写移出原因')
    expect(dump(fixture.store)).toEqual(before)
  })

  it('will not make a removed or pending member the representative', async () => {
    const chair = fixture.as(people.chair)
    expectError(await chair('member', 'setRepresentative', { memberId: 'm-shiqiao-0107-1' }), 'CONFLICT')
  })
})

describe('bad requests', () => {
  it('answers an unknown action, a non-object event and a forged cursor with clear errors', async () => {
    const chair = fixture.as(people.chair)
    expectError(await chair.unchecked('member', 'dropTables'), 'UNKNOWN_ACTION', 400)
    expectError(await chair.unchecked('member', '__proto__'), 'UNKNOWN_ACTION', 400)
    expectError(await chair('member', 'roster', { cursor: 'eyJ4Ijoi' }), 'INVALID_INPUT', 400)
    expectError(await chair.unchecked('member', 'roster', { inGroup: 'yes' }), 'INVALID_INPUT', 400)
  })
})
