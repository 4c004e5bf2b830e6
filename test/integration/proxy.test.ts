import type { TypedCall } from '../support/caller'
import { addHouseholds, dump, expectError, expectOk, people, useSeededStore } from '../support/harness'

const fixture = useSeededStore()
let representative: TypedCall
let relative: TypedCall
let neighbour: TypedCall
beforeEach(async () => {
  const [home, next] = await addHouseholds(fixture.store, 2)
  representative = fixture.caller(home!.representative)
  relative = fixture.caller(home!.second)
  neighbour = fixture.caller(next!.second)
})

const DAY = 86_400_000
const RELATIVE = 'm-load-1-2'

async function openRound(id = 'd-shiqiao-001'): Promise<string> {
  const closesAt = new Date(fixture.clock.now().getTime() + 3 * DAY).toISOString()
  return expectOk(await fixture.as(people.chair)('evaluation', 'openRound', { subject: { type: 'disclosure', id }, title: '评议', closesAt })).roundId
}
/** The round's filled ballots (its empty slots left out). */
const ballotsOf = (roundId: string) =>
  dump(fixture.store)
    .ballot!.map((b) => JSON.parse(b))
    .filter((b) => b.roundId === roundId && b.choice !== null)

describe('a proxy for one round', () => {
  it('lets the household member vote instead of the representative; turnout counts it as by proxy', async () => {
    const roundId = await openRound()
    expectError(await relative('evaluation', 'castBallot', { roundId, choice: 'basic' }), 'FORBIDDEN', 403)
    const granted = expectOk(await representative('evaluation', 'grantProxy', { toMemberId: RELATIVE, roundId }))
    expect(granted).toMatchObject({ toName: '测试1-2', round: { roundId }, until: null, inForce: true })
    expect(expectOk(await relative('evaluation', 'getRound', { roundId })).myHousehold).toEqual({ canVote: true, voted: false })
    expectOk(await relative('evaluation', 'castBallot', { roundId, choice: 'basic' }))
    expectError(await representative('evaluation', 'castBallot', { roundId, choice: 'dissatisfied' }), 'ALREADY_VOTED', 409)
    expect(expectOk(await representative('evaluation', 'getRound', { roundId })).turnout).toMatchObject({ voted: 1, byProxy: 1 })
  })

  it('covers only its own round', async () => {
    const roundId = await openRound()
    const other = await openRound('d-shiqiao-002')
    expectOk(await representative('evaluation', 'grantProxy', { toMemberId: RELATIVE, roundId }))
    expectError(await relative('evaluation', 'castBallot', { roundId: other, choice: 'basic' }), 'FORBIDDEN')
  })
})

describe('a proxy for a period', () => {
  it('covers every round until its end date, then lapses', async () => {
    const until = new Date(fixture.clock.now().getTime() + 10 * DAY).toISOString()
    expectOk(await representative('evaluation', 'grantProxy', { toMemberId: RELATIVE, until }))
    const first = await openRound()
    expectOk(await relative('evaluation', 'castBallot', { roundId: first, choice: 'satisfied' }))
    fixture.clock.advance(11 * DAY)
    const later = await openRound('d-shiqiao-002')
    expectError(await relative('evaluation', 'castBallot', { roundId: later, choice: 'satisfied' }), 'FORBIDDEN')
    expect(expectOk(await relative('evaluation', 'proxies', {})).held).toMatchObject({ inForce: false })
    expectOk(await representative('evaluation', 'castBallot', { roundId: later, choice: 'satisfied' }))
  })
})

describe('revoking and replacing', () => {
  it('takes the vote back at once', async () => {
    const roundId = await openRound()
    expectOk(await representative('evaluation', 'grantProxy', { toMemberId: RELATIVE, roundId }))
    expect(expectOk(await representative('evaluation', 'revokeProxy', {}))).toEqual({})
    expectError(await relative('evaluation', 'castBallot', { roundId, choice: 'basic' }), 'FORBIDDEN')
    expect(expectOk(await representative('evaluation', 'proxies', {})).granted).toBeNull()
    expectError(await representative('evaluation', 'revokeProxy', {}), 'NOT_FOUND')
  })

  it('keeps one standing proxy per household: a new one replaces the old', async () => {
    const roundId = await openRound()
    expectOk(await representative('evaluation', 'grantProxy', { toMemberId: RELATIVE, roundId }))
    const until = new Date(fixture.clock.now().getTime() + 30 * DAY).toISOString()
    expectOk(await representative('evaluation', 'grantProxy', { toMemberId: RELATIVE, until }))
    const rows = dump(fixture.store).proxy!.map((p) => JSON.parse(p))
    expect(rows.map((p) => p.status).sort()).toEqual(['active', 'revoked'])
    expect(expectOk(await representative('evaluation', 'proxies', {})).granted).toMatchObject({ round: null, until })
  })
})

describe('one ballot per household, whatever happens', () => {
  it('counts one ballot when the representative and the proxy holder vote at the same moment', async () => {
    const roundId = await openRound()
    expectOk(await representative('evaluation', 'grantProxy', { toMemberId: RELATIVE, roundId }))
    const results = await Promise.all([
      representative('evaluation', 'castBallot', { roundId, choice: 'satisfied' }),
      relative('evaluation', 'castBallot', { roundId, choice: 'dissatisfied' }),
      relative('evaluation', 'castBallot', { roundId, choice: 'dissatisfied', requestId: 'proxy-retry-000000001' }),
    ])
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    for (const r of results.filter((x) => !x.ok)) expectError(r, 'ALREADY_VOTED')
    expect(ballotsOf(roundId)).toHaveLength(1)
  })
})

describe('who may hand the vote on', () => {
  it('is the representative only, to a member of their own household', async () => {
    const roundId = await openRound()
    expectError(await relative('evaluation', 'grantProxy', { toMemberId: 'm-load-1-1', roundId }), 'FORBIDDEN', 403)
    expectError(await representative('evaluation', 'grantProxy', { toMemberId: 'm-load-2-2', roundId }), 'NOT_FOUND')
    expectError(await representative('evaluation', 'grantProxy', { toMemberId: 'm-load-1-1', roundId }), 'NOT_FOUND')
    expectError(await neighbour('evaluation', 'castBallot', { roundId, choice: 'basic' }), 'FORBIDDEN')
  })

  it('refuses a proxy without a round or a date, with both, or past a year, and stores nothing', async () => {
    const roundId = await openRound()
    const before = dump(fixture.store)
    const inAYearAndAMonth = new Date(fixture.clock.now().getTime() + 400 * DAY).toISOString()
    for (const input of [{}, { roundId, until: inAYearAndAMonth }, { until: inAYearAndAMonth }, { until: '2020-01-01T00:00:00Z' }]) {
      expectError(await representative('evaluation', 'grantProxy', { toMemberId: RELATIVE, ...input }), 'INVALID_INPUT', 400)
    }
    expect(dump(fixture.store)).toEqual(before)
  })
})
