import type { Change } from '../setting'
import type { Subject, Proxy } from './schema'

export const choices = ['satisfied', 'basic', 'dissatisfied'] as const
export type Choice = (typeof choices)[number]

export interface Tally {
  satisfied: number
  basic: number
  dissatisfied: number
  /** ballots cast: the sum of the three */
  cast: number
}

/** A township's rule; each round keeps the rule it was opened under. */
export interface EvaluationRule {
  /** "over threshold" means dissatisfied / cast is more than this, in permille (250 = 25%) */
  thresholdPermille: number
  /** consecutive rounds over the threshold that open a case for the township */
  streakLength: number
}

export const DEFAULT_RULE: EvaluationRule = { thresholdPermille: 250, streakLength: 2 }
export const RULE_RANGE = { thresholdPermille: { min: 1, max: 999 }, streakLength: { min: 1, max: 10 } } as const

/** One change of a township's rule: the rule, when and who. */
export type RuleChange = EvaluationRule & Change

/** Every change of a township's rule, oldest first; a rule stored before changes were kept is the first. */
export const ruleChangesOf = (
  township: { evaluationRuleSettings?: readonly RuleChange[]; evaluationRule?: RuleChange | null } | null,
): readonly RuleChange[] => township?.evaluationRuleSettings ?? (township?.evaluationRule ? [township.evaluationRule] : [])

/** The rule a round opened now is held to: the township's latest change, or the default. */
export function ruleInForce(changes: readonly RuleChange[]): EvaluationRule {
  const latest = changes[changes.length - 1]
  return latest ? { thresholdPermille: latest.thresholdPermille, streakLength: latest.streakLength } : DEFAULT_RULE
}

/** over: more than the threshold dissatisfied; within: at or under it; void: no ballots, decides nothing. */
export type Outcome = 'over' | 'within' | 'void'

export function tallyOf(cast: readonly Choice[]): Tally {
  const tally: Tally = { satisfied: 0, basic: 0, dissatisfied: 0, cast: cast.length }
  for (const choice of cast) tally[choice]++
  return tally
}

/**
 * dissatisfied / cast > threshold / 1000, in integers: exactly at the threshold
 * (10 of 40 at 25%) is not over, 11 of 40 is.
 */
export function outcomeOf(tally: Tally, rule: EvaluationRule): Outcome {
  if (tally.cast === 0) return 'void'
  return tally.dissatisfied * 1000 > rule.thresholdPermille * tally.cast ? 'over' : 'within'
}

/** Share of a part in permille, rounded down; null when there is no whole. */
export const permilleOf = (part: number, whole: number): number | null => (whole === 0 ? null : Math.floor((part * 1000) / whole))

/** What the previous closed round of the subject left behind. */
export interface StreakState {
  streak: number
  /** whether it opened a case: its case resets the count when it closes */
  escalated: boolean
}

export interface Decision {
  outcome: Outcome
  /** consecutive rounds over the threshold, this one included */
  streak: number
  escalates: boolean
}

/**
 * Decides a closed round. A round over the threshold extends the streak, one
 * at or under it breaks it, one without ballots leaves it as it was. The
 * streak starts from zero after a case (the re-evaluation round counts first).
 */
export function decide(previous: StreakState | null, tally: Tally, rule: EvaluationRule): Decision {
  const before = previous === null || previous.escalated ? 0 : previous.streak
  const outcome = outcomeOf(tally, rule)
  const streak = outcome === 'over' ? before + 1 : outcome === 'within' ? 0 : before
  return { outcome, streak, escalates: outcome === 'over' && streak >= rule.streakLength }
}

export const roundStatuses = ['open', 'counting', 'closed'] as const
export const subjectTypes = ['disclosure', 'decision'] as const

/** One key per subject: rounds, cases and the streak are all counted per subject. */
export const subjectKeyOf = (subject: Pick<Subject, 'type' | 'id'>) => `${subject.type}:${subject.id}`

export const escalationStatuses = ['open', 'investigating', 'rectifying', 'reported', 'closed'] as const
export type EscalationStatus = (typeof escalationStatuses)[number]

/** Whether a proxy lets its holder vote in `roundId` at `now`. */
export const proxyCovers = (p: Pick<Proxy, 'status' | 'roundId' | 'until'>, roundId: string, now: string) =>
  p.status === 'active' && (p.roundId !== null ? p.roundId === roundId : p.until !== null && now <= p.until)
