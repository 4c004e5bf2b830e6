import type { Change } from '../setting'
import { addDays } from '../time'
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
export const ruleChangesOf = (township: { evaluationRuleSettings?: readonly RuleChange[]; evaluationRule?: RuleChange | null } | null): readonly RuleChange[] =>
  township?.evaluationRuleSettings ?? (township?.evaluationRule ? [township.evaluationRule] : [])

/** The rule a round opened now is held to: the township's latest change, or the default. */
export function ruleInForce(changes: readonly RuleChange[]): EvaluationRule {
  const latest = changes[changes.length - 1]
  return latest ? { thresholdPermille: latest.thresholdPermille, streakLength: latest.streakLength } : DEFAULT_RULE
}

/**
 * A township's safeguards on the rule (issue 20): a round counts only if enough of its eligible
 * households voted, and a subject is evaluated again only some days after its previous round closed.
 * The source rule has neither, so the defaults are none and 0. Each round keeps the safeguards it opened under.
 */
export interface Safeguards {
  /** households that voted per eligible household, in permille, below which the round is void (参与不足); null: no minimum */
  minTurnoutPermille: number | null
  /** whole days from the close of a subject's previous round before the next may open */
  minDaysBetween: number
}

export const DEFAULT_SAFEGUARDS: Safeguards = { minTurnoutPermille: null, minDaysBetween: 0 }
export const SAFEGUARD_RANGE = { minTurnoutPermille: { min: 1, max: 1000 }, minDaysBetween: { min: 0, max: 365 } } as const

/** One change of a township's safeguards: the values, when and who. */
export type SafeguardChange = Safeguards & Change

export const safeguardChangesOf = (township: { evaluationSafeguardSettings?: readonly SafeguardChange[] } | null): readonly SafeguardChange[] =>
  township?.evaluationSafeguardSettings ?? []

/** The safeguards a round opened now is held to: the township's latest change, or the defaults. */
export function safeguardsInForce(changes: readonly SafeguardChange[]): Safeguards {
  const latest = changes[changes.length - 1]
  return latest ? { minTurnoutPermille: latest.minTurnoutPermille, minDaysBetween: latest.minDaysBetween } : DEFAULT_SAFEGUARDS
}

/** over: more than the threshold dissatisfied; within: at or under it; void: no ballots, or fewer voters than the minimum turnout: decides nothing. */
export type Outcome = 'over' | 'within' | 'void'

/** What a round's turnout is judged against: the households eligible when it opened and the minimum it opened under. */
export interface Quorum {
  eligible: number
  minTurnoutPermille: number | null
}

/** Whether enough voted: cast / eligible at least the minimum, in integers (30 of 100 at 30% counts, 29 does not). */
export const quorate = (cast: number, quorum: Quorum | null): boolean => quorum?.minTurnoutPermille == null || cast * 1000 >= quorum.minTurnoutPermille * quorum.eligible

export function tallyOf(cast: readonly Choice[]): Tally {
  const tally: Tally = { satisfied: 0, basic: 0, dissatisfied: 0, cast: cast.length }
  for (const choice of cast) tally[choice]++
  return tally
}

/**
 * dissatisfied / cast > threshold / 1000, in integers: exactly at the threshold
 * (10 of 40 at 25%) is not over, 11 of 40 is.
 */
export function outcomeOf(tally: Tally, rule: EvaluationRule, quorum: Quorum | null = null): Outcome {
  if (tally.cast === 0 || !quorate(tally.cast, quorum)) return 'void'
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
 * at or under it breaks it, a void one (no ballots, or below the minimum
 * turnout) leaves it as it was: neither reset nor advanced. The streak starts
 * from zero after a case (the re-evaluation round counts first).
 */
export function decide(previous: StreakState | null, tally: Tally, rule: EvaluationRule, quorum: Quorum | null = null): Decision {
  const before = previous === null || previous.escalated ? 0 : previous.streak
  const outcome = outcomeOf(tally, rule, quorum)
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

/** A subject's earlier round, as the opening checks read it. */
export interface EarlierRound {
  status: (typeof roundStatuses)[number]
  closedAt: string | null
  outcome: Outcome | null
  answer: unknown
  escalationId: string | null
}

export type OpeningProblem = { kind: 'unanswered'; thresholdPermille: number } | { kind: 'tooSoon'; opensAt: string }

/**
 * Why a household round may not open on a subject now, or null (issue 20, item 6).
 * Answer first, always: the subject's latest round over the threshold must have its 答复释疑 on
 * record; a township case's conclusion counts as that answer (a round that opened a case is
 * answered when the case closes, and while it is open openRound refuses anyway). A void round needs none.
 * Then the interval: `minDaysBetween` whole days from the close of the subject's latest round.
 */
export function openingProblem(
  latest: EarlierRound | null,
  latestOver: (EarlierRound & { rule: Pick<EvaluationRule, 'thresholdPermille'> }) | null,
  safeguards: Safeguards,
  now: string,
): OpeningProblem | null {
  if (latestOver && latestOver.answer == null && latestOver.escalationId === null) return { kind: 'unanswered', thresholdPermille: latestOver.rule.thresholdPermille }
  if (latest?.closedAt && safeguards.minDaysBetween > 0) {
    const opensAt = addDays(latest.closedAt, safeguards.minDaysBetween)
    if (now < opensAt) return { kind: 'tooSoon', opensAt }
  }
  return null
}

/** The chair closing before the closing time must say why; the timer, or anyone at or after it, need not. */
export const earlyClose = (closesAt: string, now: string) => now < closesAt
