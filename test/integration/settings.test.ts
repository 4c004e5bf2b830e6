import { dump, expectError, expectOk, people, useSeededStore } from '../support/harness'

const fixture = useSeededStore()

const finance = { label: '财务收支公开', kind: 'finance', section: 'finance', cadence: 'monthly', dueDays: 20 } as const

describe("the township's disclosure duties", () => {
  it('are the defaults until set; each change is recorded with who and when, and judges only periods ending after it', async () => {
    const staff = fixture.as(people.inspector)
    expect(expectOk(await staff('township', 'duties', {}))).toMatchObject({ custom: false, history: [] })
    const before = expectOk(await staff('disclosure', 'duties', { villageId: 'v-shiqiao' })).duties
    fixture.clock.advance(3_600_000)
    expect(expectOk(await staff('township', 'setDuties', { duties: [finance] }))).toEqual({ count: 1 })
    expect(expectOk(await staff('township', 'duties', {}))).toEqual({
      duties: [finance],
      custom: true,
      history: [{ setAt: '2026-11-21T09:00:00.000Z', setBy: '镇纪委书记赵清华', count: 1 }],
    })
    const after = expectOk(await staff('disclosure', 'duties', { villageId: 'v-shiqiao' })).duties
    const financeBefore = before.find((d) => d.label === '财务收支公开')!
    const financeAfter = after.find((d) => d.label === '财务收支公开')!
    // Every period listed ended before the change: judged as they were.
    expect(financeAfter.periods).toEqual(financeBefore.periods)
    expect(financeAfter.dueDays).toBe(20)
  })

  it('refuses a bad list and changes nothing', async () => {
    const staff = fixture.as(people.inspector)
    const before = dump(fixture.store)
    expectError(await staff('township', 'setDuties', { duties: [] }), 'INVALID_INPUT')
    expectError(await staff('township', 'setDuties', { duties: [{ ...finance, dueDays: 0 }] }), 'INVALID_INPUT')
    expect(expectError(await staff('township', 'setDuties', { duties: [finance, finance] }), 'INVALID_INPUT')).toMatch(/相同/)
    expectError(await fixture.as(people.chair)('township', 'setDuties', { duties: [finance] }), 'FORBIDDEN')
    expect(dump(fixture.store)).toEqual(before)
  })
})

describe("the township's evaluation rule", () => {
  const officer = 'p-tw-officer'
  const openRound = async (id: string) =>
    expectOk(
      await fixture.as(people.chair)('evaluation', 'openRound', {
        subject: { type: 'disclosure', id },
        title: '评议',
        closesAt: new Date(fixture.clock.now().getTime() + 3 * 86_400_000).toISOString(),
      }),
    ).roundId as string
  const ruleOfRound = async (roundId: string) => expectOk(await fixture.as(people.chair)('evaluation', 'getRound', { roundId })).rule

  it('keeps every change with who and when, newest first; rounds keep the rule they opened under', async () => {
    const staff = fixture.as(people.inspector)
    expect(expectOk(await staff('township', 'rule', {}))).toEqual({ thresholdPermille: 250, streakLength: 2, custom: false, setAt: null, setBy: null, history: [] })
    const before = await openRound('d-shiqiao-001')

    fixture.clock.advance(3_600_000)
    expectOk(await staff('township', 'setRule', { thresholdPermille: 300, streakLength: 2 }))
    const between = await openRound('d-shiqiao-002')
    fixture.clock.advance(3_600_000)
    expect(expectOk(await fixture.as(officer)('township', 'setRule', { thresholdPermille: 400, streakLength: 3 }))).toEqual({
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
      fixture.as(people.inspector)('township', 'setRule', { thresholdPermille: 300, streakLength: 2 }),
      fixture.as(officer)('township', 'setRule', { thresholdPermille: 400, streakLength: 3 }),
    ])
    const { history } = expectOk(await fixture.as(people.inspector)('township', 'rule', {}))
    expect(history.map((h: { thresholdPermille: number }) => h.thresholdPermille).sort()).toEqual([300, 400])
  })

  it('keeps the latest 50 changes; the one in force is always the latest', async () => {
    const staff = fixture.as(people.inspector)
    for (let streak = 1; streak <= 10; streak++) {
      for (let threshold = 1; threshold <= 6; threshold++) {
        fixture.clock.advance(60_000)
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
    const before = dump(fixture.store)
    expectError(await fixture.as(people.inspector)('township', 'setRule', { thresholdPermille: 1000, streakLength: 2 }), 'INVALID_INPUT')
    expectError(await fixture.as(people.chair)('township', 'setRule', { thresholdPermille: 300, streakLength: 2 }), 'FORBIDDEN')
    expect(dump(fixture.store)).toEqual(before)
  })
})

describe("the township's reply deadline", () => {
  it('keeps every change with who and when, newest first; feedback keeps the deadline it was filed under', async () => {
    const staff = fixture.as(people.inspector)
    const villager = fixture.as(people.villager)
    const submit = async (requestId: string) => expectOk(await villager('feedback', 'submit', { requestId, about: { type: 'general' }, text: '村口路灯坏了' })).dueAt as string
    expect(expectOk(await staff('feedback', 'settings', {}))).toEqual({ days: 7, custom: false, setAt: null, setBy: null, history: [] })
    const before = await submit('req-history-01')
    fixture.clock.advance(3_600_000)
    expectOk(await staff('feedback', 'setReplyDays', { days: 5 }))
    fixture.clock.advance(3_600_000)
    expect(expectOk(await fixture.as('p-tw-officer')('feedback', 'setReplyDays', { days: 3 }))).toEqual({
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
    await Promise.all([fixture.as(people.inspector)('feedback', 'setReplyDays', { days: 5 }), fixture.as('p-tw-officer')('feedback', 'setReplyDays', { days: 10 })])
    const { history } = expectOk(await fixture.as(people.inspector)('feedback', 'settings', {}))
    expect(history.map((h: { days: number }) => h.days).sort((a: number, b: number) => a - b)).toEqual([5, 10])
  })
})
