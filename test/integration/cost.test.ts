// The request counting behind `npm run cost` (scripts/cost/main.ts). Always on the stand-in, whatever STORE says:
// it is the stand-in's own bookkeeping under test. No timing is asserted here; the figures are printed by the script.
import { sequentialRoundTrips, standInStore, type RequestSpan } from '../../cloudfunctions/adapters/wxcloud/standin'
import { resolveActor } from '../../cloudfunctions/core/actor'
import { seedDemo } from '../../host/seed/demo'
import { costOf } from '../../scripts/cost/main'
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

  it('counts a transaction\'s start and commit', async () => {
    const store = await seeded
    const cost = await costOf(store.engine, () => store.transaction((tx) => tx.get('village', 'v-shiqiao')))
    expect(cost.spans.map((s) => s.api)).toEqual(['database.startTransaction', 'database.getDocument', 'database.commitTransaction'])
    expect(cost.sequential).toBe(3)
  })

  // Pins today's caller resolution (cloudfunctions/core/actor.ts) as docs/performance.md describes it: change both together.
  it('resolving a villager reads person, member, household and village, each waiting for the one before', async () => {
    const store = await seeded
    const cost = await costOf(store.engine, () => resolveActor(store, `demo:${people.villager}`))
    expect(cost.spans.map((s) => `${s.api} ${s.collection}`)).toEqual([
      'database.getDocument person',
      'database.getDocument member',
      'database.getDocument household',
      'database.getDocument village',
    ])
    expect(cost.sequential).toBe(4)
  })
})
