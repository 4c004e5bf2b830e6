import { DEFAULT_RULE, decide, outcomeOf, permilleOf, ruleChangesOf, ruleInForce, tallyOf, type Decision, type Tally } from '../../shared/evaluation/rules'

const tally = (dissatisfied: number, cast: number): Tally => ({ satisfied: cast - dissatisfied, basic: 0, dissatisfied, cast })
const over = tally(11, 40)
const within = tally(10, 40)
const none = tally(0, 0)

/** Folds rounds through `decide`, as closing them one after another does. */
function replay(rounds: Tally[], rule = DEFAULT_RULE): Decision[] {
  const decisions: Decision[] = []
  for (const t of rounds) {
    const previous = decisions.at(-1)
    decisions.push(decide(previous ? { streak: previous.streak, escalated: previous.escalates } : null, t, rule))
  }
  return decisions
}

describe('the 25% threshold', () => {
  it('is not crossed at exactly 25%: 10 of 40', () => {
    expect(outcomeOf(tally(10, 40), DEFAULT_RULE)).toBe('within')
    expect(outcomeOf(tally(1, 4), DEFAULT_RULE)).toBe('within')
  })

  it('is crossed just above 25%: 11 of 40', () => {
    expect(outcomeOf(tally(11, 40), DEFAULT_RULE)).toBe('over')
  })

  it('counts one dissatisfied ballot of one as 100%', () => {
    expect(outcomeOf(tally(1, 1), DEFAULT_RULE)).toBe('over')
    expect(permilleOf(1, 1)).toBe(1000)
  })

  it('decides nothing when no ballot was cast', () => {
    expect(outcomeOf(none, DEFAULT_RULE)).toBe('void')
    expect(permilleOf(0, 0)).toBeNull()
  })

  it('uses whole numbers only, so shares like 1/3 have no rounding edge', () => {
    expect(outcomeOf(tally(1, 3), { thresholdPermille: 333, streakLength: 2 })).toBe('over')
    expect(outcomeOf(tally(1, 3), { thresholdPermille: 334, streakLength: 2 })).toBe('within')
    expect(outcomeOf(tally(250_001, 1_000_000), DEFAULT_RULE)).toBe('over')
    expect(outcomeOf(tally(250_000, 1_000_000), DEFAULT_RULE)).toBe('within')
  })

  it('counts 基本满意 as not dissatisfied', () => {
    expect(tallyOf(['satisfied', 'basic', 'basic', 'dissatisfied'])).toEqual({ satisfied: 1, basic: 2, dissatisfied: 1, cast: 4 })
    expect(outcomeOf(tallyOf(['basic', 'basic', 'basic', 'dissatisfied']), DEFAULT_RULE)).toBe('within')
  })
})

describe('the streak of two', () => {
  it('escalates on the second consecutive round over the threshold, not the first', () => {
    expect(replay([over, over]).map((d) => d.escalates)).toEqual([false, true])
  })

  it('is broken by a round at or under the threshold', () => {
    expect(replay([over, within, over]).map((d) => [d.streak, d.escalates])).toEqual([
      [1, false],
      [0, false],
      [1, false],
    ])
  })

  it('is neither broken nor extended by a round without ballots', () => {
    expect(replay([over, none, over]).map((d) => [d.outcome, d.streak, d.escalates])).toEqual([
      ['over', 1, false],
      ['void', 1, false],
      ['over', 2, true],
    ])
    expect(replay([none, none]).map((d) => d.streak)).toEqual([0, 0])
  })

  it('starts again from zero after a case: two more rounds over the threshold re-escalate', () => {
    const rounds = replay([over, over, over, within, over, over, over, over])
    expect(rounds.map((d) => d.escalates)).toEqual([false, true, false, false, false, true, false, true])
    expect(rounds.map((d) => d.streak)).toEqual([1, 2, 1, 0, 1, 2, 1, 2])
  })

  it('lets a subject escalate any number of times', () => {
    const rounds = replay(Array.from({ length: 20 }, () => over))
    expect(rounds.filter((d) => d.escalates)).toHaveLength(10)
  })
})

describe("a township's own rule", () => {
  it('applies its threshold', () => {
    const rule = { thresholdPermille: 100, streakLength: 2 }
    expect(outcomeOf(tally(5, 40), rule)).toBe('over')
    expect(outcomeOf(tally(4, 40), rule)).toBe('within')
  })

  it('applies its streak length', () => {
    expect(replay([over, over, over], { thresholdPermille: 250, streakLength: 3 }).map((d) => d.escalates)).toEqual([false, false, true])
    expect(replay([over, over], { thresholdPermille: 250, streakLength: 1 }).map((d) => d.escalates)).toEqual([true, true])
  })
})

describe('the rule in force', () => {
  const by = { setBy: '镇纪委书记赵清华' }
  it('is the default until the township changes it, then its latest change', () => {
    expect(ruleInForce(ruleChangesOf(null))).toEqual(DEFAULT_RULE)
    expect(ruleInForce(ruleChangesOf({ evaluationRuleSettings: [] }))).toEqual(DEFAULT_RULE)
    const changes = [
      { thresholdPermille: 300, streakLength: 2, setAt: '2026-11-01T00:00:00.000Z', ...by },
      { thresholdPermille: 400, streakLength: 3, setAt: '2026-11-02T00:00:00.000Z', ...by },
    ]
    expect(ruleInForce(ruleChangesOf({ evaluationRuleSettings: changes }))).toEqual({ thresholdPermille: 400, streakLength: 3 })
  })

  it('counts a rule stored before changes were kept as the first change', () => {
    const legacy = { thresholdPermille: 300, streakLength: 2, setAt: '2026-10-01T00:00:00.000Z', ...by }
    expect(ruleChangesOf({ evaluationRule: legacy })).toEqual([legacy])
    expect(ruleInForce(ruleChangesOf({ evaluationRule: legacy }))).toEqual({ thresholdPermille: 300, streakLength: 2 })
  })
})
