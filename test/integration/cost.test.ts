// The request counting behind `npm run cost` (scripts/cost/main.ts). Always on the stand-in, whatever STORE says:
// it is the stand-in's own bookkeeping under test. No timing is asserted here; the figures are printed by the script.
import { sequentialRoundTrips, standInStore, type RequestSpan } from '../../cloudfunctions/adapters/wxcloud/standin'
import { resolveActor } from '../../cloudfunctions/core/actor'
import { seedDemo } from '../../host/seed/demo'
import { costOf, measure } from '../../scripts/cost/main'
import { NOW, people } from '../support/harness'

const span = (api: string, issued: number, answered: number): RequestSpan => ({ api, collection: null, issued, answered })

describe('sequential round trips', () => {
  it('count requests in flight together once, and a request issued after another was answered as one more', () => {
    expect(sequentialRoundTrips([])).toBe(0)
    // a and b together; c after both; d issued while c is in flight but after a and b were answered
    const spans = [span('a', 1, 3), span('b', 2, 4), span('c', 5, 7), span('d', 6, 8), span('e', 9, 10)]
    expect(sequentialRoundTrips(spans)).toBe(3)
    expect(sequentialRoundTrips([span('a', 1, 2), span('b', 3, 4), span('c', 5, 6)])).toBe(3)
  })
})

describe('the cost of work on the cloud adapter over the stand-in', () => {
  const seeded = (async () => {
    const store = standInStore()
    await seedDemo(store, NOW)
    return store
  })()
  afterAll(async () => (await seeded).close())

  it('counts every SDK request, and requests sent together (Promise.all) as one round trip', async () => {
    const store = await seeded
    const together = await costOf(store.engine, () => Promise.all([store.get('village', 'v-shiqiao'), store.get('township', 'tw-shiqiao')]))
    expect({ requests: together.requests, sequential: together.sequential }).toEqual({ requests: 2, sequential: 1 })
    const inTurn = await costOf(store.engine, async () => {
      await store.get('village', 'v-shiqiao')
      await store.get('township', 'tw-shiqiao')
    })
    expect({ requests: inTurn.requests, sequential: inTurn.sequential }).toEqual({ requests: 2, sequential: 2 })
  })

  it("counts a transaction's start and commit", async () => {
    const store = await seeded
    const cost = await costOf(store.engine, () => store.transaction((tx) => tx.get('village', 'v-shiqiao')))
    expect(cost.spans.map((s) => s.api)).toEqual(['database.startTransaction', 'database.getDocument', 'database.commitTransaction'])
    expect(cost.sequential).toBe(3)
  })

  // Pins the caller resolution (cloudfunctions/core/actor.ts) as docs/performance.md describes it: change both together.
  it('resolving a villager reads the person, then its member, household and village together', async () => {
    const store = await seeded
    const cost = await costOf(store.engine, () => resolveActor(store, `demo:${people.villager}`))
    const [first, ...rest] = cost.spans
    expect(`${first!.api} ${first!.collection}`).toBe('database.getDocument person')
    expect(rest.map((s) => `${s.api} ${s.collection}`).sort()).toEqual(['database.getDocument household', 'database.getDocument member', 'database.getDocument village'])
    // all three issued before any of them was answered, and after the person was
    expect(rest.every((s) => s.issued > first!.answered! && rest.every((o) => o.answered! > s.issued))).toBe(true)
    expect(cost.sequential).toBe(2)
  })
})

describe('every villager action within its budget (scripts/cost/main.ts, the rows with a budget of their own)', () => {
  it('resolves the caller in ≤ 2, reads in ≤ 4 and casts a ballot in ≤ 7 sequential round trips', async () => {
    const measured = await measure((row) => row.budget.kind !== 'timeout')
    const seen = measured.map(({ row, cost }) => ({ action: `${row.name} (${row.who})`, sequential: cost.sequential, max: (row.budget as { max: number }).max }))
    // the villager's daily actions are all measured (a row dropped from the script fails here, not silently)
    for (const action of ['member.me', 'announcement.list', 'evaluation.listRounds', 'disclosure.list', 'disclosure.get', 'evaluation.castBallot']) {
      expect(seen.filter((m) => m.action.includes(action) && m.action.includes('村民')).length).toBeGreaterThan(0)
    }
    expect(seen.filter((m) => m.action.includes('resolving the caller'))).toHaveLength(3)
    expect(seen.filter((m) => m.sequential > m.max)).toEqual([])
    // a ballot still writes its whole transaction: start, the batch, the slot write, commit
    const ballot = measured.find(({ row }) => row.name === 'evaluation.castBallot')!
    expect(ballot.cost.spans.filter((s) => s.api.endsWith('Transaction')).map((s) => s.api)).toEqual(['database.startTransaction', 'database.commitTransaction'])
    expect(
      ballot.cost.spans
        .filter((s) => s.api === 'database.insertDocument')
        .map((s) => s.collection)
        .sort(),
    ).toEqual(['audit', 'participation'])
  }, 120_000)
})
