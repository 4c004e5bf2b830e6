import type { SqliteStore } from '../../cloudfunctions/adapters/sqlite/store'
import { as, dump, expectError, expectOk, people, seededStore, testClock } from '../support/harness'

let store: SqliteStore
let clock: ReturnType<typeof testClock>
beforeEach(async () => {
  clock = testClock()
  store = await seededStore(clock)
})
afterEach(() => store.close())

const finance = { label: '财务收支公开', kind: 'finance', section: 'finance', cadence: 'monthly', dueDays: 20 }

describe('the township\'s disclosure duties', () => {
  it('are the defaults until set; each change is recorded with who and when, and judges only periods ending after it', async () => {
    const staff = as(store, people.inspector, clock)
    expect(expectOk(await staff('township', 'duties', {}))).toMatchObject({ custom: false, history: [] })
    const before = expectOk(await staff('disclosure', 'duties', { villageId: 'v-shiqiao' })).duties
    clock.advance(3_600_000)
    expect(expectOk(await staff('township', 'setDuties', { duties: [finance] }))).toEqual({ count: 1 })
    expect(expectOk(await staff('township', 'duties', {}))).toEqual({
      duties: [finance],
      custom: true,
      history: [{ setAt: '2026-11-21T09:00:00.000Z', setBy: '镇纪委书记赵清华', count: 1 }],
    })
    const after = expectOk(await staff('disclosure', 'duties', { villageId: 'v-shiqiao' })).duties
    const financeBefore = before.find((d: { label: string }) => d.label === '财务收支公开')
    const financeAfter = after.find((d: { label: string }) => d.label === '财务收支公开')
    // Every period listed ended before the change: judged as they were.
    expect(financeAfter.periods).toEqual(financeBefore.periods)
    expect(financeAfter.dueDays).toBe(20)
  })

  it('refuses a bad list and changes nothing', async () => {
    const staff = as(store, people.inspector)
    const before = dump(store)
    expectError(await staff('township', 'setDuties', { duties: [] }), 'INVALID_INPUT')
    expectError(await staff('township', 'setDuties', { duties: [{ ...finance, dueDays: 0 }] }), 'INVALID_INPUT')
    expect(expectError(await staff('township', 'setDuties', { duties: [finance, finance] }), 'INVALID_INPUT')).toMatch(/相同/)
    expectError(await as(store, people.chair)('township', 'setDuties', { duties: [finance] }), 'FORBIDDEN')
    expect(dump(store)).toEqual(before)
  })
})
