import { evaluationArea } from '../../cloudfunctions/evaluation/area'
import { localOutbox } from '../../cloudfunctions/core/notifier'
import { RUN_LIMITS } from '../../cloudfunctions/core/batches'
import type { Choice } from '../../shared/evaluation/rules'
import { addDays, beijingDay, beijingDayStart } from '../../shared/time'
import type { Input } from '../../shared/contract/areas'
import type { Envelope } from '../../shared/errors'
import type { TypedCall } from '../support/caller'
import { addHouseholds, addNeighbourTownship, as, dump, expectError, expectOk, people, useSeededStore } from '../support/harness'

const fixture = useSeededStore()
let voters: TypedCall[]
let secondMembers: TypedCall[]
beforeEach(async () => {
  const households = await addHouseholds(fixture.store, 8)
  voters = households.map((h) => fixture.caller(h.representative))
  secondMembers = households.map((h) => fixture.caller(h.second))
})

const HOUR = 3_600_000
const subject = { type: 'disclosure', id: 'd-shiqiao-001' } satisfies Input<'evaluation', 'openRound'>['subject']
const inThreeDays = () => new Date(fixture.clock.now().getTime() + 72 * HOUR).toISOString()
const chair = () => fixture.as(people.chair)
const director = () => fixture.as(people.director)
const inspector = () => fixture.as(people.inspector)

async function openRound(title = '11月财务公开评议', on: Input<'evaluation', 'openRound'>['subject'] = subject): Promise<string> {
  return expectOk(await chair()('evaluation', 'openRound', { subject: on, title, closesAt: inThreeDays() })).roundId
}

/** Each choice cast by the next voter in line; returns the receipts. */
async function vote(roundId: string, choices: Choice[]): Promise<string[]> {
  const receipts: string[] = []
  for (const [i, choice] of choices.entries()) receipts.push(expectOk(await voters[i]!('evaluation', 'castBallot', { roundId, choice })).receipt)
  return receipts
}

/** The round's filled ballots (its empty slots left out; the demo village already has a closed round of its own). */
const ballotsOf = (roundId: string) =>
  dump(fixture.store)
    .ballot!.map((b) => JSON.parse(b))
    .filter((b) => b.roundId === roundId && b.choice !== null)

const overThreshold: Choice[] = ['dissatisfied', 'dissatisfied', 'satisfied', 'basic'] // 50%
const withinThreshold: Choice[] = ['dissatisfied', 'satisfied', 'satisfied', 'basic'] // exactly 25%

async function closedRound(choices: Choice[]) {
  const roundId = await openRound()
  await vote(roundId, choices)
  return { roundId, ...expectOk(await chair()('evaluation', 'closeRound', { reason: '全部户代表已投票', roundId })) }
}

/**
 * The committee's 答复释疑 to a round over the threshold that opened no case: the rule answers first, then
 * evaluates again, so the subject's next round opens only after it (issue 20).
 */
async function answered<T extends { roundId: string }>(closing: Promise<T>): Promise<T> {
  const round = await closing
  expectOk(await director()('evaluation', 'answerRound', { roundId: round.roundId, answer: '路灯维修费用单据已补充公开。' }))
  return round
}

/** A round closed over the threshold: it must have escalated. */
async function escalatedRound(choices: Choice[]) {
  const round = await closedRound(choices)
  if (round.escalationId === null) throw new Error('expected the round to escalate')
  return { ...round, escalationId: round.escalationId }
}

describe('a round', () => {
  it('shows turnout while open, the tally and every ballot only once closed', async () => {
    const roundId = await openRound()
    const receipts = await vote(roundId, ['satisfied', 'basic', 'dissatisfied'])
    const open = expectOk(await voters[0]!('evaluation', 'getRound', { roundId }))
    expect(open).toMatchObject({ status: 'open', tally: null, ballots: null, turnout: { voted: 3 }, myHousehold: { voted: true, canVote: false } })
    expect(open.turnout.eligible).toBe(106 + 8)
    expect(expectOk(await voters[5]!('evaluation', 'getRound', { roundId })).myHousehold).toEqual({ voted: false, canVote: true })

    fixture.clock.advance(HOUR)
    const closed = expectOk(await chair()('evaluation', 'closeRound', { reason: '全部户代表已投票', roundId }))
    expect(closed).toEqual({ tally: { satisfied: 1, basic: 1, dissatisfied: 1, cast: 3 }, overThreshold: true, outcome: 'over', escalationId: null })
    const round = expectOk(await voters[0]!('evaluation', 'getRound', { roundId }))
    expect(round).toMatchObject({ status: 'closed', dissatisfiedPermille: 333, needsAnswer: true })
    // Every voter finds their receipt in the published list, and anyone can recount the tally from it.
    expect(round.ballots?.map((b) => b.receipt).sort()).toEqual([...receipts].sort())
    expect(round.ballots?.filter((b) => b.choice === 'dissatisfied')).toHaveLength(1)
    expectError(await voters[5]!('evaluation', 'castBallot', { roundId, choice: 'satisfied' }), 'CONFLICT')
  })

  it('takes one ballot per household: a second ballot is ALREADY_VOTED, another member is refused', async () => {
    const roundId = await openRound()
    await vote(roundId, ['satisfied'])
    expectError(await voters[0]!('evaluation', 'castBallot', { roundId, choice: 'dissatisfied' }), 'ALREADY_VOTED', 409)
    expect(expectError(await secondMembers[1]!('evaluation', 'castBallot', { roundId, choice: 'dissatisfied' }), 'FORBIDDEN', 403)).toMatch(/户代表/)
    expect(ballotsOf(roundId)).toHaveLength(1)
  })

  it('returns the same receipt to a retry of the same ballot, and counts it once', async () => {
    const roundId = await openRound()
    const ballot = { roundId, choice: 'basic', requestId: 'phone-ballot-0000001' } as const
    const receipts = await Promise.all([1, 2, 3].map(() => voters[0]!('evaluation', 'castBallot', ballot)))
    expect(new Set(receipts.map((r) => expectOk(r).receipt)).size).toBe(1)
    expect(ballotsOf(roundId)).toHaveLength(1)
    expectError(await voters[0]!('evaluation', 'castBallot', { ...ballot, requestId: 'phone-ballot-0000002' }), 'ALREADY_VOTED')
  })

  it("gives a ballot whose receipt is already another ballot's the next receipt, and that one again on a retry", async () => {
    const roundId = await openRound()
    // Two phones that happen to send the same request id derive the same first receipt.
    const requestId = 'phone-ballot-same-01'
    const taken = expectOk(await voters[1]!('evaluation', 'castBallot', { roundId, choice: 'satisfied', requestId })).receipt
    const mine = expectOk(await voters[0]!('evaluation', 'castBallot', { roundId, choice: 'dissatisfied', requestId })).receipt
    expect(mine).not.toBe(taken)
    expect(expectOk(await voters[0]!('evaluation', 'castBallot', { roundId, choice: 'dissatisfied', requestId })).receipt).toBe(mine)
    expect(
      ballotsOf(roundId)
        .map((b) => [b.receipt, b.choice])
        .sort(),
    ).toEqual(
      [
        [mine, 'dissatisfied'],
        [taken, 'satisfied'],
      ].sort(),
    )
  })

  it('opens a round with an empty slot for every household on the roster and spares, alike but for their random ids', async () => {
    const roundId = await openRound()
    const slots = dump(fixture.store)
      .ballot!.map((b) => JSON.parse(b))
      .filter((b) => b.roundId === roundId)
    const households = dump(fixture.store)
      .household!.map((h) => JSON.parse(h))
      .filter((h) => h.villageId === 'v-shiqiao')
    expect(slots.length).toBeGreaterThan(households.length)
    expect(new Set(slots.map((s) => s.choice))).toEqual(new Set([null]))
    expect(new Set(slots.map((s) => s.receipt)).size).toBe(slots.length)
    // A household added to the roster after every slot was filled still votes: more slots are made.
    for (const slot of slots) await fixture.store.update('ballot', slot._id, { choice: 'basic', receipt: `X${slot._id}` })
    expect(expectOk(await voters[0]!('evaluation', 'castBallot', { roundId, choice: 'satisfied' })).receipt).toMatch(/^[A-Z0-9]{8}$/)
    expect(ballotsOf(roundId).filter((b) => b.choice === 'satisfied')).toHaveLength(1)
  })

  it('is open at most once per subject, however many times the chair taps', async () => {
    const results = await Promise.all([1, 2, 3, 4, 5].map(() => chair()('evaluation', 'openRound', { subject, title: '评议', closesAt: inThreeDays() })))
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    for (const r of results.filter((x) => !x.ok)) expect(expectError(r, 'CONFLICT')).toMatch(/正在进行/)
    // Another subject may have its own round at the same time.
    await openRound('决策评议', { type: 'decision', id: 'dc-shiqiao-1' })
  })

  it('closes by itself at its closing time; nobody votes after it', async () => {
    const roundId = await openRound()
    await vote(roundId, ['dissatisfied'])
    fixture.clock.advance(72 * HOUR)
    expect(expectError(await voters[1]!('evaluation', 'castBallot', { roundId, choice: 'satisfied' }), 'CONFLICT')).toMatch(/已经结束/)
    expect(await evaluationArea.timer!({ store: fixture.store, clock: fixture.clock, notifier: localOutbox })).toEqual({ closed: 1 })
    const round = (await fixture.store.get('round', roundId))!
    expect(round).toMatchObject({ status: 'closed', closedBy: 'timer', outcome: 'over', tally: { cast: 1, dissatisfied: 1 } })
    expect(await evaluationArea.timer!({ store: fixture.store, clock: fixture.clock, notifier: localOutbox })).toEqual({ closed: 0 })
  })

  it('are closed by the timer in bounded runs: more due than one run closes are finished by the next, none twice', async () => {
    const disclosures = (
      await fixture.store.query('disclosure', { where: { villageId: 'v-shiqiao' }, orderBy: { field: 'publishedAt', direction: 'asc' }, limit: RUN_LIMITS.rounds + 2 })
    ).items
    expect(disclosures).toHaveLength(RUN_LIMITS.rounds + 2)
    const roundIds: string[] = []
    for (const d of disclosures) roundIds.push(await openRound(`评议${d._id}`, { type: 'disclosure', id: d._id }))
    fixture.clock.advance(72 * HOUR)
    const timer = () => evaluationArea.timer!({ store: fixture.store, clock: fixture.clock, notifier: localOutbox })
    expect(await timer()).toEqual({ closed: RUN_LIMITS.rounds })
    expect(await timer()).toEqual({ closed: 2 })
    expect(await timer()).toEqual({ closed: 0 })
    const rounds = await Promise.all(roundIds.map((id) => fixture.store.get('round', id)))
    expect(rounds.map((r) => [r!.status, r!.closedBy])).toEqual(roundIds.map(() => ['closed', 'timer']))
  })

  it('finishes a round a crash left half-closed', async () => {
    const roundId = await openRound()
    await vote(roundId, ['satisfied', 'dissatisfied'])
    await fixture.store.update('round', roundId, { status: 'counting', closedAt: fixture.clock.now().toISOString(), closedBy: 'chair' })
    await evaluationArea.timer!({ store: fixture.store, clock: fixture.clock, notifier: localOutbox })
    expect((await fixture.store.get('round', roundId))!).toMatchObject({ status: 'closed', tally: { cast: 2 } })
  })
})

describe('who may do what', () => {
  it('lets only the chair open and close rounds', async () => {
    const roundId = await openRound()
    expectError(await director()('evaluation', 'openRound', { subject, title: '评议', closesAt: inThreeDays() }), 'FORBIDDEN', 403)
    expectError(await director()('evaluation', 'closeRound', { reason: '全部户代表已投票', roundId }), 'FORBIDDEN', 403)
    expectError(await voters[0]!('evaluation', 'closeRound', { reason: '全部户代表已投票', roundId }), 'FORBIDDEN', 403)
    expectError(await inspector()('evaluation', 'openRound', { subject, title: '评议', closesAt: inThreeDays() }), 'FORBIDDEN')
  })

  it('keeps villagers of another village out of the round', async () => {
    const roundId = await openRound()
    expectError(await fixture.as(people.otherVillager)('evaluation', 'castBallot', { roundId, choice: 'dissatisfied' }), 'NOT_FOUND', 404)
    expectError(await fixture.as(people.otherVillager)('evaluation', 'getRound', { roundId }), 'NOT_FOUND')
    expectError(await fixture.as(people.otherChair)('evaluation', 'closeRound', { reason: '全部户代表已投票', roundId }), 'NOT_FOUND')
  })

  it('lets only a committee member answer, only a round over the threshold, once', async () => {
    const within = await closedRound(withinThreshold)
    expect(within.overThreshold).toBe(false)
    expectError(await director()('evaluation', 'answerRound', { roundId: within.roundId, answer: '说明' }), 'CONFLICT')
    const over = await closedRound(overThreshold)
    expectError(await chair()('evaluation', 'answerRound', { roundId: over.roundId, answer: '说明' }), 'FORBIDDEN')
    expect(expectOk(await director()('evaluation', 'answerRound', { roundId: over.roundId, answer: '路灯维修费用单据已补充公开。' }))).toEqual({})
    expect(expectOk(await voters[7]!('evaluation', 'getRound', { roundId: over.roundId }))).toMatchObject({
      needsAnswer: false,
      answer: { text: '路灯维修费用单据已补充公开。', name: '李卫东', title: '村委会主任' },
    })
    expectError(await director()('evaluation', 'answerRound', { roundId: over.roundId, answer: '再说一次' }), 'CONFLICT')
  })
})

describe('the secret ballot', () => {
  it('lets no role learn how a household voted', async () => {
    const roundId = await openRound()
    await vote(roundId, ['dissatisfied', 'satisfied', 'basic', 'dissatisfied'])
    await chair()('evaluation', 'closeRound', { reason: '全部户代表已投票', roundId })
    const voterIds = ['h-load-', 'p-load-', 'm-load-', 'load:', '测试', 'L000']
    const responses: Envelope<unknown>[] = []
    for (const [caller, villageId] of [[voters[0]!], [chair()], [director()], [inspector(), 'v-shiqiao']] as const) {
      responses.push(
        await caller('evaluation', 'getRound', { roundId, villageId }),
        await caller('evaluation', 'listRounds', { villageId }),
        await caller('evaluation', 'subjectHistory', { subject, villageId }),
      )
    }
    responses.push(await inspector()('township', 'figures', {}))
    for (const response of responses) {
      const text = JSON.stringify(expectOk(response))
      for (const id of voterIds) expect(text).not.toContain(id)
    }
    // Stored ballots carry the round, the receipt and the choice only: no household, person or time to join on.
    for (const ballot of dump(fixture.store).ballot!) expect(Object.keys(JSON.parse(ballot)).sort()).toEqual(['_id', 'choice', 'receipt', 'roundId'])
  })
})

describe('escalation', () => {
  it('opens a case for the township after two consecutive rounds over the threshold, and tells the staff who subscribed', async () => {
    for (const staff of [people.inspector, 'p-tw-officer']) expectOk(await as(fixture.store, staff)('announcement', 'subscribe', { topic: 'escalation' }))
    const first = await answered(closedRound(overThreshold))
    expect(first.escalationId).toBeNull()
    fixture.clock.advance(HOUR)
    const second = await closedRound(overThreshold)
    expect(second.escalationId).not.toBeNull()

    const { items } = expectOk(await inspector()('township', 'listEscalations', {}))
    expect(items).toEqual([
      expect.objectContaining({
        escalationId: second.escalationId,
        villageId: 'v-shiqiao',
        villageName: '石桥村',
        subject: { type: 'disclosure', id: 'd-shiqiao-001', title: expect.any(String) },
        cycle: 1,
        status: 'open',
        roundIds: [first.roundId, second.roundId],
      }),
    ])
    expect(items[0]!.rounds.map((r) => r.tally?.dissatisfied)).toEqual([2, 2])
    const outbox = dump(fixture.store)
      .notification!.map((n) => JSON.parse(n))
      .filter((n) => n.subject === `escalation:${second.escalationId}`)
    expect(outbox.map((n) => n.openid).sort()).toEqual(['demo:p-tw-inspector', 'demo:p-tw-officer'])
  })

  it('is not reached when a round at or under the threshold breaks the streak, nor changed by a round without ballots', async () => {
    await answered(closedRound(overThreshold))
    await closedRound(withinThreshold)
    expect((await answered(closedRound(overThreshold))).escalationId).toBeNull()
    expect((await closedRound([])).outcome).toBe('void')
    expect((await closedRound(overThreshold)).escalationId).not.toBeNull()
  })

  it("goes through investigation, rectification and the village's report; closing it opens the re-evaluation round", async () => {
    await answered(closedRound(overThreshold))
    const { escalationId } = await escalatedRound(overThreshold)
    expectError(await chair()('evaluation', 'openRound', { subject, title: '再来', closesAt: inThreeDays() }), 'CONFLICT')

    const staff = inspector()
    expect(expectOk(await staff('township', 'addNote', { escalationId, text: '已约谈村委会主任，调取了维修合同。' }))).toEqual({ status: 'investigating' })
    expect(expectOk(await staff('township', 'orderRectification', { escalationId, what: '补充公开维修合同和验收单', dueAt: '2026-12-05' }))).toEqual({
      status: 'rectifying',
    })
    expect(expectError(await staff('township', 'closeEscalation', { escalationId, conclusion: '结', reevaluationClosesAt: inThreeDays() }), 'CONFLICT')).toMatch(/整改情况/)
    expect(expectOk(await director()('evaluation', 'reportRectification', { escalationId, text: '维修合同和验收单已在公开栏补充公开。' }))).toEqual({
      status: 'reported',
    })
    const closed = expectOk(await staff('township', 'closeEscalation', { escalationId, conclusion: '整改到位，再次评议。', reevaluationClosesAt: inThreeDays() }))
    expect(closed.status).toBe('closed')

    const [reevaluation] = expectOk(await voters[0]!('evaluation', 'listRounds', { status: 'open' })).items
    expect(reevaluation).toMatchObject({ roundId: closed.reevaluationRoundId, reevaluationOf: escalationId, status: 'open' })
    const history = expectOk(await voters[0]!('evaluation', 'subjectHistory', { subject }))
    expect(history.rounds).toHaveLength(3)
    expect(history.escalations).toEqual([
      expect.objectContaining({
        cycle: 1,
        status: 'closed',
        rectification: expect.objectContaining({ what: '补充公开维修合同和验收单', dueAt: '2026-12-05' }),
        villageReport: expect.objectContaining({ text: '维修合同和验收单已在公开栏补充公开。' }),
        conclusion: '整改到位，再次评议。',
      }),
    ])
    // Internal notes stay with the township.
    expect(JSON.stringify(history)).not.toContain('约谈')
    expect(JSON.stringify(expectOk(await staff('township', 'getEscalation', { escalationId })))).toContain('约谈')
  })

  it('takes a rectification due today by the Beijing calendar, also in the hours when UTC still has yesterday', async () => {
    await answered(closedRound(overThreshold))
    const { escalationId } = await escalatedRound(overThreshold)
    // To 01:00 on the next Beijing day: UTC's date is still the day before.
    const now = fixture.clock.now().getTime()
    fixture.clock.advance(Date.parse(beijingDayStart(addDays(now, 1))) + HOUR - now)
    const today = beijingDay(fixture.clock.now())
    const yesterday = beijingDay(addDays(fixture.clock.now(), -1))
    expect(fixture.clock.now().toISOString().slice(0, 10)).toBe(yesterday)
    expect(expectError(await inspector()('township', 'orderRectification', { escalationId, what: '补充公开', dueAt: yesterday }), 'INVALID_INPUT')).toBe('整改期限不能早于今天')
    expect(expectOk(await inspector()('township', 'orderRectification', { escalationId, what: '补充公开', dueAt: today }))).toEqual({ status: 'rectifying' })
  })

  it('re-escalates as a new cycle when the subject fails twice more after the case closed', async () => {
    await answered(closedRound(overThreshold))
    const { escalationId } = await escalatedRound(overThreshold)
    await inspector()('township', 'closeEscalation', { escalationId, conclusion: '经查无问题。', reevaluationClosesAt: inThreeDays() })
    const reevaluationId = (await fixture.store.get('escalation', escalationId))!.reevaluationRoundId!
    await vote(reevaluationId, overThreshold)
    const afterFirst = expectOk(await chair()('evaluation', 'closeRound', { reason: '全部户代表已投票', roundId: reevaluationId }))
    expect(afterFirst.escalationId).toBeNull()
    expectOk(await director()('evaluation', 'answerRound', { roundId: reevaluationId, answer: '维修明细已补充公开。' }))
    const again = await escalatedRound(overThreshold)
    expect(again.escalationId).not.toBeNull()
    expect((await fixture.store.get('escalation', again.escalationId!))!).toMatchObject({ cycle: 2, roundIds: [reevaluationId, again.roundId] })

    const { escalation, cycles, rounds } = expectOk(await inspector()('township', 'getEscalation', { escalationId: again.escalationId }))
    expect(escalation.cycle).toBe(2)
    expect(cycles.map((c: { cycle: number; status: string }) => [c.cycle, c.status])).toEqual([
      [1, 'closed'],
      [2, 'open'],
    ])
    expect(rounds).toHaveLength(4)
  })
})

describe('the township', () => {
  it('applies a new rule to rounds opened afterwards, never to a round already open', async () => {
    const before = await openRound()
    expect(expectOk(await inspector()('township', 'setRule', { thresholdPermille: 500, streakLength: 3 }))).toMatchObject({
      thresholdPermille: 500,
      streakLength: 3,
      custom: true,
      setBy: '镇纪委书记赵清华',
    })
    await vote(before, overThreshold)
    expect(expectOk(await chair()('evaluation', 'closeRound', { reason: '全部户代表已投票', roundId: before })).overThreshold).toBe(true)
    expectOk(await director()('evaluation', 'answerRound', { roundId: before, answer: '路灯维修费用单据已补充公开。' }))
    const after = await openRound()
    await vote(after, overThreshold)
    // 50% is not more than 50%.
    expect(expectOk(await chair()('evaluation', 'closeRound', { reason: '全部户代表已投票', roundId: after })).overThreshold).toBe(false)
    expectError(await inspector()('township', 'setRule', { thresholdPermille: 1000, streakLength: 2 }), 'INVALID_INPUT')
    expectError(await chair()('township', 'setRule', { thresholdPermille: 300, streakLength: 2 }), 'FORBIDDEN')
  })

  it("sees only its own villages' cases and rounds", async () => {
    await answered(closedRound(overThreshold))
    const { escalationId, roundId } = await escalatedRound(overThreshold)
    const neighbour = fixture.as(await addNeighbourTownship(fixture.store))
    expect(expectOk(await neighbour('township', 'listEscalations', {})).items).toEqual([])
    expectError(await neighbour('township', 'getEscalation', { escalationId }), 'NOT_FOUND')
    expectError(await neighbour('township', 'addNote', { escalationId, text: '看看' }), 'NOT_FOUND')
    expectError(await neighbour('evaluation', 'getRound', { roundId }), 'NOT_FOUND')
    expectError(await neighbour('evaluation', 'listRounds', { villageId: 'v-shiqiao' }), 'NOT_FOUND')
  })

  it('counts rounds, turnout, satisfaction, rounds over the threshold and cases per village', async () => {
    await answered(closedRound(overThreshold))
    await closedRound(['satisfied', 'satisfied', 'basic', 'satisfied'])
    const { villages } = expectOk(await inspector()('township', 'figures', {}))
    const shiqiao = villages.find((v: { villageId: string }) => v.villageId === 'v-shiqiao')
    // With the demo's road round (84 of 106 households; 60 满意, 18 基本满意): 92 ballots of 334 eligible, 84 satisfied.
    expect(shiqiao).toEqual({
      villageId: 'v-shiqiao',
      villageName: '石桥村',
      roundsHeld: 3,
      turnoutPermille: Math.floor((92 * 1000) / (106 + 114 + 114)),
      satisfactionPermille: Math.floor((84 * 1000) / 92),
      roundsOverThreshold: 1,
      roundsVoid: 0,
      openCases: 0,
      casesByCycle: [],
    })
  })
})

describe('bad input', () => {
  it('is refused with a clear message and changes nothing', async () => {
    const before = dump(fixture.store)
    const cases: [string, Record<string, unknown>, RegExp][] = [
      ['openRound', { subject, title: '评议', closesAt: new Date(fixture.clock.now().getTime() - HOUR).toISOString() }, /晚于现在/],
      ['openRound', { subject, title: '评议', closesAt: new Date(fixture.clock.now().getTime() + 31 * 24 * HOUR).toISOString() }, /最长30天/],
      ['openRound', { subject, title: '评议', closesAt: '下周五' }, /截止时间格式不对/],
      ['openRound', { subject: { type: 'feedback', id: 'x' }, title: '评议', closesAt: inThreeDays() }, /评议对象/],
      ['openRound', { subject, title: ' ', closesAt: inThreeDays() }, /请填写评议标题/],
    ]
    for (const [action, input, message] of cases) expect(expectError(await chair().unchecked('evaluation', action, input), 'INVALID_INPUT', 400)).toMatch(message)
    expectError(await chair()('evaluation', 'openRound', { subject: { type: 'disclosure', id: 'd-liushu-001' }, title: '评议', closesAt: inThreeDays() }), 'NOT_FOUND')
    const roundId = 'rd-none'
    expect(expectError(await voters[0]!.unchecked('evaluation', 'castBallot', { roundId, choice: 'angry' }), 'INVALID_INPUT')).toMatch(/满意/)
    expect(dump(fixture.store)).toEqual(before)
  })
})

describe('exports', () => {
  it('gives township staff CSV that Excel opens as Chinese, with times in Beijing time', async () => {
    await answered(closedRound(overThreshold))
    await closedRound(overThreshold)
    expectOk(await voters[0]!('feedback', 'submit', { requestId: 'export-fb-00001', about: { type: 'general' }, text: '=危险公式' }))
    expectOk(await voters[1]!('report', 'file', { requestId: 'export-rp-00001', text: '有人违规。', anonymous: true }))
    const inspector = fixture.as(people.inspector)
    const sheets = Object.fromEntries(
      await Promise.all((['cases', 'feedback', 'reports', 'figures'] as const).map(async (kind) => [kind, expectOk(await inspector('township', 'export', { kind }))])),
    )
    for (const { csv } of Object.values(sheets) as { csv: string }[]) expect(csv.startsWith('\uFEFF')).toBe(true)
    expect(sheets.cases.filename).toBe('评议升级案件-2026-11-21.csv')
    expect(sheets.cases.csv).toContain('石桥村')
    expect(sheets.cases.csv).toContain('2026-11-21 16:00')
    expect(sheets.feedback.csv).toContain("'=危险公式")
    expect(sheets.reports.csv).toContain('匿名')
    expect(sheets.figures.csv.split('\r\n')[0]).toContain('办结率')
    expectError(await chair()('township', 'export', { kind: 'reports' }), 'FORBIDDEN')
  })
})
