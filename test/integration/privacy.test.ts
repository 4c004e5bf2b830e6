import { addHouseholds, dump, expectError, expectOk, people, useSeededStore } from '../support/harness'

const fixture = useSeededStore()

describe('what the product stores about me', () => {
  it('tells a villager, in counts, what is kept about them and their household', async () => {
    const villager = fixture.as(people.villager)
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
    expectError(await fixture.caller('visitor:nobody')('member', 'myData', {}), 'NOT_FOUND')
  })
})

describe('leaving the group', () => {
  it("hands the household's vote to the next member, and keeps past ballots counted", async () => {
    const [home] = await addHouseholds(fixture.store, 1)
    const representative = fixture.caller(home!.representative)
    const closesAt = new Date(fixture.clock.now().getTime() + 86_400_000).toISOString()
    const { roundId } = expectOk(await fixture.as(people.chair)('evaluation', 'openRound', { subject: { type: 'disclosure', id: 'd-shiqiao-001' }, title: '评议', closesAt }))
    expectOk(await representative('evaluation', 'castBallot', { roundId, choice: 'basic' }))
    expect(expectOk(await representative('member', 'leave', { reason: '外出定居' }))).toEqual({ householdInGroup: true })
    expect((await fixture.store.get('household', 'h-load-1'))!.representativeMemberId).toBe('m-load-1-2')
    expect(expectOk(await representative('member', 'me', {})).role).toBe('guest')
    const { tally } = expectOk(await fixture.as(people.chair)('evaluation', 'closeRound', { reason: '全部户代表已投票', roundId }))
    expect(tally).toMatchObject({ basic: 1, cast: 1 })
  })

  it('is for villagers in the group only, and changes nothing otherwise', async () => {
    const before = dump(fixture.store)
    expectError(await fixture.as(people.chair)('member', 'leave', {}), 'FORBIDDEN')
    expectError(await fixture.as(people.villager)('member', 'leave', { reason: '字'.repeat(201) }), 'INVALID_INPUT')
    expect(dump(fixture.store)).toEqual(before)
  })
})
