import { docsOf, expectError, expectOk, people, useSeededStore } from '../support/harness'

/*
 * A handler may hand dispatch's audit entry to its own transaction (HandlerContext.auditedTransaction, used
 * by evaluation.castBallot): the entry then lands with the write or not at all, and dispatch writes no second one.
 */

const fixture = useSeededStore()

const votesAudited = () => docsOf(fixture.store, 'audit').filter((e) => e.action === 'evaluation.castBallot')

it("writes one audit entry per ballot, in the ballot's transaction, and none for a ballot that rolled back", async () => {
  const { roundId } = expectOk(
    await fixture.as(people.chair)('evaluation', 'openRound', {
      subject: { type: 'disclosure', id: 'd-shiqiao-001' },
      title: '审计测试评议',
      closesAt: new Date(fixture.clock.now().getTime() + 72 * 3_600_000).toISOString(),
    }),
  )
  const villager = fixture.as(people.villager)
  expectOk(await villager('evaluation', 'castBallot', { roundId, choice: 'satisfied', requestId: 'audit-ballot-00001' }))
  expect(votesAudited()).toHaveLength(1)
  expect(votesAudited()[0]).toMatchObject({ personId: people.villager, records: [roundId], dayOnly: true })
  // The second ballot's transaction wrote its audit entry and its participation clashed: both rolled back.
  expectError(await villager('evaluation', 'castBallot', { roundId, choice: 'dissatisfied', requestId: 'audit-ballot-00002' }), 'ALREADY_VOTED')
  expect(votesAudited()).toHaveLength(1)
})
