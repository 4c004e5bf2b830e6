import { AppError } from '../../shared/errors'
import { subjectKeyOf, ruleChangesOf, ruleInForce, safeguardChangesOf, safeguardsInForce, openingProblem } from '../../shared/evaluation/rules'
import { openingProblemText } from '../../shared/evaluation/labels'
import type { Round, Subject } from '../../shared/evaluation/schema'
import type { Store } from '../core/store'
import { newId } from '../core/context'
import type { PanelPlan } from './panel'
import { DAY_MS } from '../../shared/time'

const MAX_ROUND_DAYS = 30

/** Why a round cannot close at `closesAt` when opened at `now`, or null. */
function closingProblem(closesAt: string, now: string): string | null {
  const ms = Date.parse(closesAt) - Date.parse(now)
  if (ms <= 0) return '截止时间要晚于现在'
  if (ms > MAX_ROUND_DAYS * DAY_MS) return `一轮评议最长${MAX_ROUND_DAYS}天`
  return null
}

export interface RoundPlan {
  villageId: string
  townshipId: string
  subject: Subject
  title: string
  closesAt: string
  openedBy: Round['openedBy']
  reevaluationOf: string | null
  /** at a meeting: its panel votes instead of the households (evaluation/panel.ts) */
  panel?: PanelPlan
}

/** Everything a new round records when it opens: the group's size and the township's rule and safeguards at that moment. */
export async function newRound(store: Store, plan: RoundPlan, now: string): Promise<Round> {
  const problem = closingProblem(plan.closesAt, now)
  if (problem) throw new AppError('INVALID_INPUT', problem)
  const subjectKey = subjectKeyOf(plan.subject)
  // Two rounds can compute the same number only when racing to open, and the open key lets one of them in.
  const [eligible, township, held] = await Promise.all([
    plan.panel ? plan.panel.panel.phone + plan.panel.panel.paper : store.count('household', { villageId: plan.villageId, inGroup: true }),
    store.get('township', plan.townshipId),
    store.count('round', { subjectKey }),
  ])
  const rule = ruleInForce(ruleChangesOf(township))
  const safeguards = safeguardsInForce(safeguardChangesOf(township))
  return {
    _id: newId('rd'),
    villageId: plan.villageId,
    townshipId: plan.townshipId,
    subject: plan.subject,
    subjectKey,
    seq: held + 1,
    openKey: subjectKey,
    title: plan.title,
    status: 'open',
    openedAt: now,
    openedBy: plan.openedBy,
    closesAt: new Date(Date.parse(plan.closesAt)).toISOString(),
    closedAt: null,
    closedBy: null,
    eligible,
    rule,
    safeguards,
    closeReason: null,
    tally: null,
    outcome: null,
    streak: null,
    escalationId: null,
    reevaluationOf: plan.reevaluationOf,
    answer: null,
    meetingId: plan.panel?.meetingId ?? null,
    panel: plan.panel?.panel ?? null,
  }
}

/** The unique open key makes a second open round on the same subject impossible, however the calls race. */
export const ONE_OPEN_ROUND = '这个事项已有一轮评议正在进行，请等它结束后再发起'

/**
 * Refuses a round the chair opens on a subject too early (issue 20, item 6): while the subject's latest
 * round over the threshold has no 答复释疑 (ANSWER_FIRST, always), or sooner than the township's minimum
 * days after its latest round closed (TOO_SOON). Not for the re-evaluation a closed case opens: the case's
 * conclusion is that answer, and the township chose when. Reads the subject's latest rounds before the
 * insert: a closed round changes afterwards only by getting its answer, which only lifts a refusal, and an
 * open one is refused here as the open key would refuse it, so nothing read can go stale in between.
 */
export async function assertMayOpen(store: Store, townshipId: string, subjectKey: string, now: string): Promise<void> {
  const [{ items: rounds }, township] = await Promise.all([
    // Under this rule the latest over round is the latest or just before it; 50 also covers rounds held before it.
    store.query('round', { where: { subjectKey }, orderBy: { field: 'seq', direction: 'desc' }, limit: 50 }),
    store.get('township', townshipId),
  ])
  const latest = rounds[0] ?? null
  if (latest && latest.status !== 'closed') throw new AppError('CONFLICT', ONE_OPEN_ROUND)
  const safeguards = safeguardsInForce(safeguardChangesOf(township))
  const problem = openingProblem(latest, rounds.find((r) => r.outcome === 'over') ?? null, safeguards, now)
  if (problem) throw new AppError(problem.kind === 'unanswered' ? 'ANSWER_FIRST' : 'TOO_SOON', openingProblemText(problem, safeguards.minDaysBetween))
}
