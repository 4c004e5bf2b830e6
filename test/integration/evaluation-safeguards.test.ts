// Issue 20, item 6: the safeguards on the 25%/twice rule, on both adapters (STORE=cloud runs the cloud adapter).
import { evaluationArea } from '../../cloudfunctions/evaluation/area'
import { localOutbox } from '../../cloudfunctions/core/notifier'
import type { Choice } from '../../shared/evaluation/rules'
import { formatBeijingDayTime } from '../../shared/time'
import type { Input } from '../../shared/contract/areas'
import type { TypedCall } from '../support/caller'
import { addHouseholds, docsOf, expectError, expectOk, people, useSeededStore } from '../support/harness'

const fixture = useSeededStore()
const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

/** 13 added households and 94 of the demo's 106: 107 in the group, as in the scenario. */
const ELIGIBLE = 107
let voters: TypedCall[]
beforeEach(async () => {
  voters = (await addHouseholds(fixture.store, 13)).map((h) => fixture.caller(h.representative))
  const { items } = await fixture.store.query('household', { where: { villageId: 'v-shiqiao', inGroup: true }, orderBy: { field: '_id', direction: 'desc' }, limit: 200 })
  for (const h of items.filter((x) => x._id.startsWith('h-shiqiao-')).slice(0, 106 + 13 - ELIGIBLE)) await fixture.store.update('household', h._id, { inGroup: false })
})

type SubjectInput = Input<'evaluation', 'openRound'>['subject']
const subject = { type: 'disclosure', id: 'd-shiqiao-001' } satisfies SubjectInput
const chair = () => fixture.as(people.chair)
const director = () => fixture.as(people.director)
const inspector = () => fixture.as(people.inspector)
const now = () => fixture.clock.now().getTime()
const inThreeDays = () => new Date(now() + 3 * DAY).toISOString()

const open = (on: SubjectInput = subject, title = '11月财务公开评议') => chair()('evaluation', 'openRound', { subject: on, title, closesAt: inThreeDays() })
const opened = async (on: SubjectInput = subject) => expectOk(await open(on)).roundId

/** `dissatisfied` of the first `count` voters are dissatisfied, the rest satisfied. */
async function vote(roundId: string, count: number, dissatisfied: number) {
  for (let i = 0; i < count; i++) expectOk(await voters[i]!('evaluation', 'castBallot', { roundId, choice: (i < dissatisfied ? 'dissatisfied' : 'satisfied') as Choice }))
}

/** Votes, then the chair closes the round early (so with a reason). */
async function held(count: number, dissatisfied: number, on: SubjectInput = subject) {
  const roundId = await opened(on)
  await vote(roundId, count, dissatisfied)
  return { roundId, ...expectOk(await chair()('evaluation', 'closeRound', { roundId, reason: '村民会议上当场投完' })) }
}

const answer = async (roundId: string) => expectOk(await director()('evaluation', 'answerRound', { roundId, answer: '收支明细已补充公开，欢迎到村委会查阅。' }))
const setSafeguards = async (minTurnoutPermille: number | null, minDaysBetween: number) =>
  expectOk(await inspector()('township', 'setSafeguards', { minTurnoutPermille, minDaysBetween }))
const stored = async (roundId: string) => (await fixture.store.get('round', roundId))!

const UNANSWERED = '上一轮不满意超过25%，村里还没有答复释疑，答复后才能再评议'

describe('the issue’s scenario: two rounds 2 minutes apart, 13 and 11 of 107 households voting, the first unanswered', () => {
  it('with the default settings, answer-first refuses the second round: nothing escalates', async () => {
    const first = await held(13, 5)
    expect(first).toMatchObject({ outcome: 'over', escalationId: null })
    fixture.clock.advance(2 * MINUTE)
    expect(expectError(await open(), 'ANSWER_FIRST', 409)).toBe(UNANSWERED)
    expect(docsOf(fixture.store, 'escalation')).toEqual([])
  })

  it('with a minimum turnout of 30% and 7 days between rounds, both rounds are void and the second waits a week: nothing escalates', async () => {
    await setSafeguards(300, 7)
    const first = await held(13, 13)
    expect(first).toMatchObject({ outcome: 'void', overThreshold: false, escalationId: null })
    expect(await stored(first.roundId)).toMatchObject({ streak: 0, tally: { cast: 13, dissatisfied: 13 } })
    fixture.clock.advance(2 * MINUTE)
    // A void round needs no answer; the interval is what refuses it.
    expect(expectError(await open(), 'TOO_SOON', 409)).toMatch(/至少相隔7天/)
    fixture.clock.advance(7 * DAY)
    const second = await held(11, 11)
    expect(second).toMatchObject({ outcome: 'void', escalationId: null })
    expect(docsOf(fixture.store, 'escalation')).toEqual([])
  })
})

describe('minimum turnout (quorum)', () => {
  it('makes a round below it void (参与不足), needing no answer, and leaves the streak neither reset nor advanced', async () => {
    await setSafeguards(100, 0) // 10% of 107: 11 households count, 10 do not
    const first = await held(12, 4)
    expect(first).toMatchObject({ outcome: 'over', escalationId: null })
    expect((await stored(first.roundId)).streak).toBe(1)
    await answer(first.roundId)

    // Every one of the 10 dissatisfied, but too few voted: it decides nothing.
    const thin = await held(10, 10)
    expect(thin).toMatchObject({ outcome: 'void', overThreshold: false, escalationId: null })
    expect(await stored(thin.roundId)).toMatchObject({ streak: 1, safeguards: { minTurnoutPermille: 100, minDaysBetween: 0 } })
    const view = expectOk(await voters[0]!('evaluation', 'getRound', { roundId: thin.roundId }))
    expect(view).toMatchObject({ outcome: 'void', needsAnswer: false, safeguards: { minTurnoutPermille: 100 }, turnout: { voted: 10, eligible: ELIGIBLE } })
    // The township's figures count it apart: 参与不足, neither over nor within.
    const { villages } = expectOk(await inspector()('township', 'figures', {}))
    expect(villages.find((v) => v.villageId === 'v-shiqiao')).toMatchObject({ roundsVoid: 1, roundsOverThreshold: 1 })

    // No answer was needed for the void round; the next, at exactly the minimum, counts and completes the streak.
    const second = await held(11, 4)
    expect(second.outcome).toBe('over')
    expect(second.escalationId).not.toBeNull()
    expect((await fixture.store.get('escalation', second.escalationId!))!.roundIds).toEqual([first.roundId, second.roundId])
  })
})

describe('minimum days between rounds on a subject', () => {
  it('refuses a round sooner than the minimum after the previous round closed, saying when it may open', async () => {
    await setSafeguards(null, 7)
    const first = await held(12, 1)
    const closedAt = (await stored(first.roundId)).closedAt!
    fixture.clock.advance(7 * DAY - MINUTE)
    const opensAt = formatBeijingDayTime(Date.parse(closedAt) + 7 * DAY)
    expect(expectError(await open(), 'TOO_SOON', 409)).toBe(`同一事项两轮评议至少相隔7天，这个事项${opensAt}以后才能再评议`)
    // Another subject is not held back by this one.
    await opened({ type: 'decision', id: 'dc-shiqiao-1' })
    fixture.clock.advance(MINUTE)
    await opened()
  })
})

describe('answer first', () => {
  it('refuses the next round while the previous round over the threshold has no 答复释疑, and opens it once answered', async () => {
    const first = await held(12, 4)
    expect(expectError(await open(), 'ANSWER_FIRST', 409)).toBe(UNANSWERED)
    // The refusal names the threshold the unanswered round was held to.
    expectOk(await inspector()('township', 'setRule', { thresholdPermille: 300, streakLength: 2 }))
    expect(expectError(await open(), 'ANSWER_FIRST')).toMatch(/^上一轮不满意超过25%/)
    await answer(first.roundId)
    const next = await opened()
    expect((await stored(next)).reevaluationOf).toBeNull()
  })

  it('needs no answer after a round within the threshold or without ballots', async () => {
    await held(12, 1)
    await held(0, 0)
    await opened()
  })

  it('counts a closed case’s conclusion as the answer: closing it opens the re-evaluation, and the chair may open after that', async () => {
    await setSafeguards(null, 30)
    const first = await held(12, 4)
    await answer(first.roundId)
    fixture.clock.advance(30 * DAY)
    const second = await held(12, 4)
    const escalationId = second.escalationId!
    expect(escalationId).not.toBeNull()

    const staff = inspector()
    expectOk(await staff('township', 'orderRectification', { escalationId, what: '补充公开维修合同和验收单', dueAt: '2026-12-31' }))
    expectOk(await director()('evaluation', 'reportRectification', { escalationId, text: '维修合同和验收单已补充公开。' }))
    // The escalating round was never answered and only a day has passed: the case's conclusion answers it and the township chose the time.
    fixture.clock.advance(DAY)
    const closed = expectOk(await staff('township', 'closeEscalation', { escalationId, conclusion: '整改到位，再次评议。', reevaluationClosesAt: inThreeDays() }))
    expect(await stored(closed.reevaluationRoundId)).toMatchObject({ status: 'open', reevaluationOf: escalationId })

    fixture.clock.advance(3 * DAY)
    await evaluationArea.timer!({ store: fixture.store, clock: fixture.clock, notifier: localOutbox })
    expect(await stored(closed.reevaluationRoundId)).toMatchObject({ status: 'closed', outcome: 'void' })
    // The latest round over the threshold is the escalating one, answered by the case: only the interval remains.
    expect(expectError(await open(), 'TOO_SOON')).toMatch(/至少相隔30天/)
    fixture.clock.advance(30 * DAY)
    await opened()
  })
})

describe('closing early', () => {
  it('needs a reason before the closing time, which the township reads; none at or after it', async () => {
    const roundId = await opened()
    await vote(roundId, 3, 1)
    expect(expectError(await chair()('evaluation', 'closeRound', { roundId }), 'INVALID_INPUT', 400)).toBe('还没到截止时间，提前结束要写明原因')
    expect(expectError(await chair()('evaluation', 'closeRound', { roundId, reason: '   ' }), 'INVALID_INPUT')).toBe('还没到截止时间，提前结束要写明原因')
    expect((await stored(roundId)).status).toBe('open')
    expectOk(await chair()('evaluation', 'closeRound', { roundId, reason: '村民会议上当场投完' }))
    expect(expectOk(await inspector()('evaluation', 'getRound', { roundId, villageId: 'v-shiqiao' }))).toMatchObject({ status: 'closed', closeReason: '村民会议上当场投完' })

    const onTime = await opened({ type: 'decision', id: 'dc-shiqiao-1' })
    fixture.clock.advance(3 * DAY)
    expectOk(await chair()('evaluation', 'closeRound', { roundId: onTime }))
    expect(expectOk(await inspector()('evaluation', 'getRound', { roundId: onTime, villageId: 'v-shiqiao' })).closeReason).toBeNull()
  })

  it('shows the reason on the township’s case page, with the rounds that opened the case', async () => {
    const first = await held(12, 4)
    await answer(first.roundId)
    const second = await held(12, 4)
    const { rounds } = expectOk(await inspector()('township', 'getEscalation', { escalationId: second.escalationId! }))
    expect(rounds.map((r) => [r.roundId, r.closeReason])).toEqual([
      [first.roundId, '村民会议上当场投完'],
      [second.roundId, '村民会议上当场投完'],
    ])
  })
})

describe('the township’s settings', () => {
  it('default to none, keep every change with who and when, and are for township staff only', async () => {
    expect(expectOk(await inspector()('township', 'safeguards', {}))).toEqual({ minTurnoutPermille: null, minDaysBetween: 0, custom: false, setAt: null, setBy: null, history: [] })
    await setSafeguards(300, 7)
    fixture.clock.advance(HOUR)
    const view = await setSafeguards(null, 3)
    expect(view).toMatchObject({ minTurnoutPermille: null, minDaysBetween: 3, custom: true, setBy: '镇纪委书记赵清华' })
    expect(view.history.map((h) => [h.minTurnoutPermille, h.minDaysBetween])).toEqual([
      [null, 3],
      [300, 7],
    ])
    expectError(await chair()('township', 'setSafeguards', { minTurnoutPermille: 300, minDaysBetween: 7 }), 'FORBIDDEN')
    expectError(await inspector()('township', 'setSafeguards', { minTurnoutPermille: 1001, minDaysBetween: 7 }), 'INVALID_INPUT')
    expectError(await inspector()('township', 'setSafeguards', { minTurnoutPermille: 300, minDaysBetween: -1 }), 'INVALID_INPUT')
  })

  it('apply only to rounds opened after they change: a round keeps the minimum turnout it opened under', async () => {
    const before = await opened()
    await setSafeguards(300, 0)
    const after = await opened({ type: 'decision', id: 'dc-shiqiao-1' })
    for (const roundId of [before, after]) await vote(roundId, 13, 5)
    // Lifting the minimum now does not rescue the round opened under it.
    await setSafeguards(null, 0)
    fixture.clock.advance(3 * DAY)
    await evaluationArea.timer!({ store: fixture.store, clock: fixture.clock, notifier: localOutbox })
    expect(await stored(before)).toMatchObject({ outcome: 'over', safeguards: { minTurnoutPermille: null } })
    expect(await stored(after)).toMatchObject({ outcome: 'void', safeguards: { minTurnoutPermille: 300 } })
  })

  it('hold the interval to rounds opened after it changes, measured from the previous close', async () => {
    await held(12, 1)
    await opened({ type: 'decision', id: 'dc-shiqiao-1' })
    await setSafeguards(null, 7)
    expectError(await open(), 'TOO_SOON')
    await setSafeguards(null, 0)
    await opened()
  })
})
