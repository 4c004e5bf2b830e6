import { addHouseholds, as, callerFor, dump, expectError, expectOk, people, seededStore, testClock, type TestStore } from '../support/harness'

let store: TestStore
let clock: ReturnType<typeof testClock>
beforeEach(async () => {
  clock = testClock()
  store = await seededStore(clock)
})
afterEach(() => store.close())

describe('what the product stores about me', () => {
  it('tells a villager, in counts, what is kept about them and their household', async () => {
    const villager = as(store, people.villager, clock)
    expectOk(await villager('feedback', 'submit', { requestId: 'privacy-0000001', about: { type: 'general' }, text: '建议。' }))
    expectOk(await villager('announcement', 'open', { announcementId: 'an-shiqiao-1' }))
    expect(expectOk(await villager('member', 'myData', {}))).toMatchObject({
      village: '石桥村',
      householdNumber: '0001',
      title: '户代表',
      membershipStatus: 'active',
      feedback: 1,
      announcementsRead: 1,
      // The demo's road round: household 0001 took part; what it chose is stored with no household.
      householdRoundsVoted: 1,
    })
  })

  it('has nothing to show a stranger who never asked to join', async () => {
    expectError(await callerFor(store, 'visitor:nobody')('member', 'myData', {}), 'NOT_FOUND')
  })
})

describe('leaving the group', () => {
  it('hands the household\'s vote to the next member, and keeps past ballots counted', async () => {
    const [home] = await addHouseholds(store, 1)
    const representative = callerFor(store, home!.representative, clock)
    const closesAt = new Date(clock.now().getTime() + 86_400_000).toISOString()
    const { roundId } = expectOk(await as(store, people.chair, clock)('evaluation', 'openRound', { subject: { type: 'disclosure', id: 'd-shiqiao-001' }, title: '评议', closesAt }))
    expectOk(await representative('evaluation', 'castBallot', { roundId, choice: 'basic' }))
    expect(expectOk(await representative('member', 'leave', { reason: '外出定居' }))).toEqual({ householdInGroup: true })
    expect((await store.get('household', 'h-load-1'))!.representativeMemberId).toBe('m-load-1-2')
    expect(expectOk(await representative('member', 'me', {})).role).toBe('guest')
    const { tally } = expectOk(await as(store, people.chair, clock)('evaluation', 'closeRound', { roundId }))
    expect(tally).toMatchObject({ basic: 1, cast: 1 })
  })

  it('is for villagers in the group only, and changes nothing otherwise', async () => {
    const before = dump(store)
    expectError(await as(store, people.chair)('member', 'leave', {}), 'FORBIDDEN')
    expectError(await as(store, people.villager)('member', 'leave', { reason: '字'.repeat(201) }), 'INVALID_INPUT')
    expect(dump(store)).toEqual(before)
  })
})
