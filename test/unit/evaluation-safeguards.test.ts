import { DEFAULT_RULE, DEFAULT_SAFEGUARDS, decide, openingProblem, outcomeOf, quorate, safeguardsInForce, type EarlierRound, type Tally } from '../../shared/evaluation/rules'
import { openingProblemText } from '../../shared/evaluation/labels'

const tally = (dissatisfied: number, cast: number): Tally => ({ satisfied: cast - dissatisfied, basic: 0, dissatisfied, cast })
const closedAt = '2026-11-21T08:00:00.000Z'
const round = (over: Partial<EarlierRound> = {}): EarlierRound & { rule: { thresholdPermille: number } } => ({
  status: 'closed',
  closedAt,
  outcome: 'within',
  answer: null,
  escalationId: null,
  rule: { thresholdPermille: 250 },
  ...over,
})

describe('the minimum turnout', () => {
  it('counts a round at exactly the minimum and voids one a household short, in integers', () => {
    expect(quorate(30, { eligible: 100, minTurnoutPermille: 300 })).toBe(true)
    expect(quorate(29, { eligible: 100, minTurnoutPermille: 300 })).toBe(false)
    // 13 of 107 is 12.1%: void at 30%, counted with no minimum.
    expect(outcomeOf(tally(13, 13), DEFAULT_RULE, { eligible: 107, minTurnoutPermille: 300 })).toBe('void')
    expect(outcomeOf(tally(13, 13), DEFAULT_RULE, { eligible: 107, minTurnoutPermille: null })).toBe('over')
  })

  it('leaves the streak as it was when a round is void for turnout', () => {
    const quorum = { eligible: 107, minTurnoutPermille: 300 }
    expect(decide({ streak: 1, escalated: false }, tally(13, 13), DEFAULT_RULE, quorum)).toEqual({ outcome: 'void', streak: 1, escalates: false })
    expect(decide({ streak: 1, escalated: false }, tally(40, 40), DEFAULT_RULE, quorum)).toEqual({ outcome: 'over', streak: 2, escalates: true })
  })

  it('defaults to none, and the latest change is in force', () => {
    expect(safeguardsInForce([])).toEqual(DEFAULT_SAFEGUARDS)
    expect(DEFAULT_SAFEGUARDS).toEqual({ minTurnoutPermille: null, minDaysBetween: 0 })
    const changes = [
      { minTurnoutPermille: 300, minDaysBetween: 7, setAt: closedAt, setBy: '甲' },
      { minTurnoutPermille: null, minDaysBetween: 3, setAt: closedAt, setBy: '乙' },
    ]
    expect(safeguardsInForce(changes)).toEqual({ minTurnoutPermille: null, minDaysBetween: 3 })
  })
})

describe('opening the next round on a subject', () => {
  const week = { minTurnoutPermille: null, minDaysBetween: 7 }
  it('waits for the answer of the latest round over the threshold, whatever the settings', () => {
    const over = round({ outcome: 'over' })
    expect(openingProblem(over, over, DEFAULT_SAFEGUARDS, '2026-12-30T00:00:00.000Z')).toEqual({ kind: 'unanswered', thresholdPermille: 250 })
    expect(openingProblem(over, { ...over, answer: { text: '已说明' } }, DEFAULT_SAFEGUARDS, '2026-12-30T00:00:00.000Z')).toBeNull()
    // A round that opened a case is answered by the case's conclusion.
    expect(openingProblem(over, { ...over, escalationId: 'es-1' }, DEFAULT_SAFEGUARDS, '2026-12-30T00:00:00.000Z')).toBeNull()
    expect(openingProblemText({ kind: 'unanswered', thresholdPermille: 300 }, 0)).toBe('上一轮不满意超过30%，村里还没有答复释疑，答复后才能再评议')
  })

  it('opens exactly the minimum days after the previous close, not a minute before', () => {
    expect(openingProblem(round(), null, week, '2026-11-28T07:59:00.000Z')).toEqual({ kind: 'tooSoon', opensAt: '2026-11-28T08:00:00.000Z' })
    expect(openingProblem(round(), null, week, '2026-11-28T08:00:00.000Z')).toBeNull()
    expect(openingProblemText({ kind: 'tooSoon', opensAt: '2026-11-28T08:00:00.000Z' }, 7)).toBe('同一事项两轮评议至少相隔7天，这个事项2026年11月28日 16:00以后才能再评议')
    expect(openingProblem(null, null, week, closedAt)).toBeNull()
  })
})
