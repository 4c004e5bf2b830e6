import { randomBytes, randomInt } from 'node:crypto'
import { standInStore, type StandInStore } from '../../cloudfunctions/adapters/wxcloud/standin'
import { seedDemo } from '../../host/seed/demo'
import type { Choice } from '../../shared/evaluation/rules'
import { LIMIT, VOTERS, choicesToCast, pairByRank } from '../support/forensics'
import { addHouseholds, as, callerFor, docsOf, expectOk, people, standInOptions, testClock } from '../support/harness'

/*
 * The secret ballot against whoever holds the cloud database (the row-order attack of
 * ballot-forensics.test.ts, on the cloud adapter over the CloudBase stand-in). The WeChat cloud keeps its
 * own files, logs and backups, which are not ours to rewrite (README, privacy), so what the adapter can
 * protect is what a console export or an unsorted query shows: the order documents were inserted in.
 * Participations are necessarily inserted in the order households voted; ballots must not follow it.
 * Both are read with the stand-in's `dump` (a console export: insertion order; GUESS in the stand-in that
 * the real export follows insertion order). The attack may link no more households than chance
 * (about a third with three choices); the test fails above 60%. The same attack against ballots inserted
 * as votes arrive links all 30, so it is a real attack.
 *
 * This file runs on the stand-in whatever STORE says; the SQLite side is ballot-forensics.test.ts.
 */

interface Scenario {
  store: StandInStore
  clock: ReturnType<typeof testClock>
  roundId: string
  truth: Map<string, Choice>
}

async function openRound(): Promise<Omit<Scenario, 'truth'>> {
  const clock = testClock()
  const store = standInStore(standInOptions)
  await seedDemo(store, clock.now())
  await addHouseholds(store, VOTERS)
  const closesAt = new Date(clock.now().getTime() + 3 * 86_400_000).toISOString()
  const opened = await as(store, people.chair, clock)('evaluation', 'openRound', { subject: { type: 'disclosure', id: 'd-shiqiao-001' }, title: '11月财务公开评议', closesAt })
  return { store, clock, roundId: expectOk(opened).roundId }
}

async function voted(): Promise<Scenario> {
  const s = await openRound()
  const truth = new Map<string, Choice>()
  const cast = choicesToCast()
  for (let n = 1; n <= VOTERS; n++) {
    truth.set(`h-load-${n}`, cast[n - 1]!)
    s.clock.advance(randomInt(2, 40) * 1_000)
    expectOk(await callerFor(s.store, `load:${n}:1`, s.clock)('evaluation', 'castBallot', { roundId: s.roundId, choice: cast[n - 1]!, requestId: randomBytes(12).toString('hex') }))
  }
  return { ...s, truth }
}

/** Participations in export order against cast ballots in export order. */
function exportOrder(s: Scenario): number {
  const households = docsOf(s.store, 'participation')
    .filter((p) => p.roundId === s.roundId)
    .map((p) => p.householdId)
  const ballots = docsOf(s.store, 'ballot')
    .filter((b) => b.roundId === s.roundId && b.choice !== null)
    .map((b) => b.choice as Choice)
  expect(households).toHaveLength(VOTERS)
  expect(ballots).toHaveLength(VOTERS)
  return pairByRank(households, ballots, s.truth)
}

describe('the secret ballot against a cloud database export (stand-in)', () => {
  it('links every household when ballots are inserted as votes arrive, so the attack is real', async () => {
    const s = await openRound()
    const truth = new Map<string, Choice>()
    const cast = choicesToCast()
    for (let n = 1; n <= VOTERS; n++) {
      const householdId = `h-load-${n}`
      truth.set(householdId, cast[n - 1]!)
      await s.store.transaction(async (tx) => {
        await tx.insert('participation', {
          _id: `${s.roundId}:${householdId}`,
          roundId: s.roundId,
          householdId,
          villageId: 'v-shiqiao',
          at: '2026-11-21',
          requestKey: null,
          byProxy: false,
        })
        await tx.insert('ballot', { _id: `old-${n}`, roundId: s.roundId, receipt: randomBytes(4).toString('hex'), choice: cast[n - 1]! } as never)
      })
    }
    expect(exportOrder({ ...s, truth })).toBe(VOTERS)
    s.store.close()
  }, 60_000)

  it('links no more households than chance while the round is open, and after it closes', async () => {
    const s = await voted()
    expect(exportOrder(s)).toBeLessThanOrEqual(LIMIT)
    s.clock.advance(60_000)
    expectOk(await as(s.store, people.chair, s.clock)('evaluation', 'closeRound', { reason: '全部户代表已投票', roundId: s.roundId }))
    expect(exportOrder(s)).toBeLessThanOrEqual(LIMIT)
    s.store.close()
  }, 60_000)
})
