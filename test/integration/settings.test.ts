import { as, dump, expectError, expectOk, people, seededStore, testClock, type TestStore } from '../support/harness'

let store: TestStore
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

describe('the township\'s evaluation rule', () => {
  const officer = 'p-tw-officer'
  const openRound = async (id: string) =>
    expectOk(
      await as(store, people.chair, clock)('evaluation', 'openRound', {
        subject: { type: 'disclosure', id },
        title: '评议',
        closesAt: new Date(clock.now().getTime() + 3 * 86_400_000).toISOString(),
      }),
    ).roundId as string
  const ruleOfRound = async (roundId: string) => expectOk(await as(store, people.chair, clock)('evaluation', 'getRound', { roundId })).rule

  it('keeps every change with who and when, newest first; rounds keep the rule they opened under', async () => {
    const staff = as(store, people.inspector, clock)
    expect(expectOk(await staff('township', 'rule', {}))).toEqual({ thresholdPermille: 250, streakLength: 2, custom: false, setAt: null, setBy: null, history: [] })
    const before = await openRound('d-shiqiao-001')

    clock.advance(3_600_000)
    expectOk(await staff('township', 'setRule', { thresholdPermille: 300, streakLength: 2 }))
    const between = await openRound('d-shiqiao-002')
    clock.advance(3_600_000)
    expect(expectOk(await as(store, officer, clock)('township', 'setRule', { thresholdPermille: 400, streakLength: 3 }))).toEqual({
      thresholdPermille: 400,
      streakLength: 3,
      custom: true,
      setAt: '2026-11-21T10:00:00.000Z',
      setBy: '镇纪委干事陈思远',
      history: [
        { thresholdPermille: 400, streakLength: 3, setAt: '2026-11-21T10:00:00.000Z', setBy: '镇纪委干事陈思远' },
        { thresholdPermille: 300, streakLength: 2, setAt: '2026-11-21T09:00:00.000Z', setBy: '镇纪委书记赵清华' },
      ],
    })
    const after = await openRound('d-shiqiao-003')
    expect(await ruleOfRound(before)).toEqual({ thresholdPermille: 250, streakLength: 2 })
    expect(await ruleOfRound(between)).toEqual({ thresholdPermille: 300, streakLength: 2 })
    expect(await ruleOfRound(after)).toEqual({ thresholdPermille: 400, streakLength: 3 })
  })

  it('loses no change when two are saved at the same moment', async () => {
    await Promise.all([
      as(store, people.inspector, clock)('township', 'setRule', { thresholdPermille: 300, streakLength: 2 }),
      as(store, officer, clock)('township', 'setRule', { thresholdPermille: 400, streakLength: 3 }),
    ])
    const { history } = expectOk(await as(store, people.inspector, clock)('township', 'rule', {}))
    expect(history.map((h: { thresholdPermille: number }) => h.thresholdPermille).sort()).toEqual([300, 400])
  })

  it('keeps the latest 50 changes; the one in force is always the latest', async () => {
    const staff = as(store, people.inspector, clock)
    for (let streak = 1; streak <= 10; streak++) {
      for (let threshold = 1; threshold <= 6; threshold++) {
        clock.advance(60_000)
        expectOk(await staff('township', 'setRule', { thresholdPermille: threshold * 100, streakLength: streak }))
      }
    }
    const rule = expectOk(await staff('township', 'rule', {}))
    expect(rule).toMatchObject({ thresholdPermille: 600, streakLength: 10 })
    expect(rule.history).toHaveLength(50)
    expect(rule.history[0]).toMatchObject({ thresholdPermille: 600, streakLength: 10 })
    // 60 changes: the first 10 (streak 1 and the first four of streak 2) are gone.
    expect(rule.history[49]).toMatchObject({ thresholdPermille: 500, streakLength: 2 })
  })

  it('refuses a bad rule and changes nothing', async () => {
    const before = dump(store)
    expectError(await as(store, people.inspector)('township', 'setRule', { thresholdPermille: 1000, streakLength: 2 }), 'INVALID_INPUT')
    expectError(await as(store, people.chair)('township', 'setRule', { thresholdPermille: 300, streakLength: 2 }), 'FORBIDDEN')
    expect(dump(store)).toEqual(before)
  })
})

describe('the township\'s reply deadline', () => {
  it('keeps every change with who and when, newest first; feedback keeps the deadline it was filed under', async () => {
    const staff = as(store, people.inspector, clock)
    const villager = as(store, people.villager, clock)
    const submit = async (requestId: string) =>
      expectOk(await villager('feedback', 'submit', { requestId, about: { type: 'general' }, text: '村口路灯坏了' })).dueAt as string
    expect(expectOk(await staff('feedback', 'settings', {}))).toEqual({ days: 7, custom: false, setAt: null, setBy: null, history: [] })
    const before = await submit('req-history-01')
    clock.advance(3_600_000)
    expectOk(await staff('feedback', 'setReplyDays', { days: 5 }))
    clock.advance(3_600_000)
    expect(expectOk(await as(store, 'p-tw-officer', clock)('feedback', 'setReplyDays', { days: 3 }))).toEqual({
      days: 3,
      custom: true,
      setAt: '2026-11-21T10:00:00.000Z',
      setBy: '镇纪委干事陈思远',
      history: [
        { days: 3, setAt: '2026-11-21T10:00:00.000Z', setBy: '镇纪委干事陈思远' },
        { days: 5, setAt: '2026-11-21T09:00:00.000Z', setBy: '镇纪委书记赵清华' },
      ],
    })
    const after = await submit('req-history-02')
    expect(before).toBe('2026-11-28T08:00:00.000Z')
    expect(after).toBe('2026-11-24T10:00:00.000Z')
  })

  it('loses no change when two are saved at the same moment', async () => {
    await Promise.all([
      as(store, people.inspector, clock)('feedback', 'setReplyDays', { days: 5 }),
      as(store, 'p-tw-officer', clock)('feedback', 'setReplyDays', { days: 10 }),
    ])
    const { history } = expectOk(await as(store, people.inspector, clock)('feedback', 'settings', {}))
    expect(history.map((h: { days: number }) => h.days).sort((a: number, b: number) => a - b)).toEqual([5, 10])
  })
})
