import { choices, decide, type Tally } from '../../shared/evaluation/rules'
import type { Escalation, Round } from '../../shared/evaluation/schema'
import { canSend, subscriptionIdOf, thingValue } from '../../shared/subscribe'
import type { Subscription } from '../../shared/announcement/schema'
import type { Area } from '../core/dispatch'
import type { Store, StoreTx } from '../core/store'
import { getMany, queryAll } from '../core/paging'
import { RUN_LIMITS } from '../core/batches'
import { AppError } from '../../shared/errors'
import { agreedPaper, panelClosingProblem } from './panel'

/** Thrown inside the closing transaction when another caller finished the round first; nothing is written. */
class AlreadyClosed extends Error {}

/** The phone ballots' counts, plus a panel round's paper ballots as the two officials agreed them. */
async function tallyOf(store: Store, round: Round): Promise<Tally> {
  const [[satisfied, basic, dissatisfied], paper] = await Promise.all([
    Promise.all(choices.map((choice) => store.count('ballot', { roundId: round._id, choice }))),
    agreedPaper(store, round),
  ])
  const counts = { satisfied: satisfied! + paper.satisfied, basic: basic! + paper.basic, dissatisfied: dissatisfied! + paper.dissatisfied }
  return { ...counts, cast: counts.satisfied + counts.basic + counts.dissatisfied }
}

/** The subject's closed rounds, latest first: enough to know the streak and which rounds formed it. */
const closedRoundsOf = (store: Store, subjectKey: string, limit: number) =>
  store.query('round', { where: { subjectKey, status: 'closed' }, orderBy: { field: 'seq', direction: 'desc' }, limit })

/** The rounds over the threshold that make up the current streak, oldest first, ending with `round`. */
async function streakRounds(store: Store, round: Round, streak: number): Promise<string[]> {
  const ids = [round._id]
  const { items } = await closedRoundsOf(store, round.subjectKey, 100)
  for (const r of items) {
    if (ids.length >= streak) break
    if (r.outcome === 'over') ids.push(r._id)
  }
  return ids.reverse()
}

/**
 * The township's active discipline staff who can be told: a subscribe message needs the person's
 * consent to the escalation template (announcement.subscribe with topic escalation), so staff
 * without one are left out (their case list says they will not be told).
 */
async function staffToTell(store: Store, townshipId: string): Promise<Subscription[]> {
  const staff = await queryAll(store, 'appointment', { townshipId, role: 'township' }, { field: 'role', direction: 'asc' })
  const ids = staff.filter((a) => a.status === 'active').map((a) => subscriptionIdOf(a.personId, 'escalation'))
  return (await getMany(store, 'subscription', ids)).filter((s) => canSend(s) && s.townshipId === townshipId)
}

/**
 * Tells the staff with a consent, through the outbox (subscribe messages in WeChat); the outbox
 * spends each consent when it sends, as for announcements (core/outbox.ts).
 */
async function notifyTownship(tx: StoreTx, staff: readonly Subscription[], escalation: Escalation, villageName: string, now: string) {
  for (const s of staff) {
    await tx.insert('notification', {
      _id: `nt:${escalation._id}:${s.personId}`,
      villageId: escalation.villageId,
      openid: s.openid,
      subject: `escalation:${escalation._id}`,
      title: thingValue(`${villageName}评议连续不满意超标，请介入`),
      page: `packages/township/case/index?escalationId=${encodeURIComponent(escalation._id)}`,
      subscriptionId: s._id,
      status: 'pending',
      attempts: 0,
      lastError: null,
      createdAt: now,
      nextAttemptAt: now,
      sentAt: null,
    })
  }
}

/**
 * Counts a round that stopped voting and applies the rule: writes the tally
 * and the streak, and opens a case when the streak is reached. The round
 * update is guarded on `counting`, so finishing twice (the chair and the
 * timer at once, or a retry after a crash) writes once.
 */
async function finish(store: Store, round: Round, now: string): Promise<Round> {
  // Voting has stopped, so no slot changes any more: rewrite them before anything is read or published.
  await store.reshuffle('ballot', { roundId: round._id })
  const tally = await tallyOf(store, round)
  const { items: previous } = await closedRoundsOf(store, round.subjectKey, 1)
  const last = previous[0]
  // Below the township's minimum turnout (when the round opened) the round is void and leaves the streak as it was.
  const quorum = { eligible: round.eligible, minTurnoutPermille: round.safeguards?.minTurnoutPermille ?? null }
  const decision = decide(last ? { streak: last.streak ?? 0, escalated: last.escalationId !== null } : null, tally, round.rule, quorum)
  let escalation: Escalation | null = null
  if (decision.escalates) {
    const cycle = (await store.count('escalation', { subjectKey: round.subjectKey })) + 1
    escalation = {
      _id: `es-${round.subject.type}-${round.subject.id}-${cycle}`,
      villageId: round.villageId,
      townshipId: round.townshipId,
      subject: round.subject,
      subjectKey: round.subjectKey,
      cycle,
      status: 'open',
      roundIds: await streakRounds(store, round, decision.streak),
      openedAt: now,
      notes: [],
      rectification: null,
      villageReport: null,
      closedAt: null,
      closedBy: null,
      reevaluationRoundId: null,
    }
  }
  const closed: Round = {
    ...round,
    status: 'closed',
    openKey: round._id,
    tally,
    outcome: decision.outcome,
    streak: decision.streak,
    escalationId: escalation?._id ?? null,
  }
  // Everything read is read before the transaction: inside it the store allows single-document work only.
  const village = escalation ? await store.get('village', round.villageId) : null
  const staff = escalation ? await staffToTell(store, round.townshipId) : []
  try {
    await store.transaction(async (tx) => {
      const patch = { status: closed.status, openKey: closed.openKey, tally, outcome: closed.outcome, streak: closed.streak, escalationId: closed.escalationId }
      if (!(await tx.update('round', round._id, patch, { status: 'counting' }))) throw new AlreadyClosed()
      if (escalation) {
        await tx.insert('escalation', escalation)
        await notifyTownship(tx, staff, escalation, village?.name ?? '', now)
      }
    })
  } catch (error) {
    if (!(error instanceof AlreadyClosed)) throw error
    return (await store.get('round', round._id))!
  }
  return closed
}

/** Stops the vote (guarded on `open`) and counts it; the chair's reason for closing early is written with the stop. Returns the closed round, whoever closed it. */
export async function stopAndCount(store: Store, round: Round, now: string, by: 'chair' | 'timer', closeReason: string | null = null): Promise<Round> {
  // A panel round is counted only once its paper ballots were entered twice alike: the chair is told why, and the
  // timer leaves it open (voting by phone has stopped at its closing time) until the officials agree.
  const paperProblem = round.status === 'open' ? await panelClosingProblem(store, round) : null
  if (paperProblem && by === 'chair') throw new AppError('CONFLICT', paperProblem)
  if (paperProblem) return round
  if (round.status === 'open') {
    const stopped = await store.update('round', round._id, { status: 'counting', closedAt: now, closedBy: by, closeReason }, { status: 'open' })
    const current = stopped ? { ...round, status: 'counting' as const, closedAt: now, closedBy: by, closeReason } : (await store.get('round', round._id))!
    if (current.status === 'closed') return current
    return finish(store, current, now)
  }
  return round.status === 'counting' ? finish(store, round, now) : round
}

/**
 * Timer: no round stays open past its closing time, and a round a crash left in `counting` is finished.
 * One run closes at most RUN_LIMITS.rounds rounds (each ~11 round trips, one after another), stuck ones
 * first since they were due earlier; the rest are still `open` past their time or `counting`, so the next
 * run (every minute) finds them. The guarded steps of `stopAndCount` make a round close once, however many
 * runs or chairs reach it.
 */
export const closeDue: NonNullable<Area['timer']> = async ({ store, clock }) => {
  const now = clock.now().toISOString()
  const byClosing = { field: 'closesAt', direction: 'asc' } as const
  const [stuck, open] = await Promise.all([
    store.query('round', { where: { status: 'counting' }, orderBy: byClosing, limit: RUN_LIMITS.rounds }),
    store.query('round', { where: { status: 'open' }, orderBy: byClosing, limit: RUN_LIMITS.rounds }),
  ])
  const due = open.items.filter((r) => r.closesAt <= now)
  const batch = [...stuck.items, ...due].slice(0, RUN_LIMITS.rounds)
  let closed = 0
  // A panel round whose paper ballots are not yet entered alike stays open (stopAndCount): it is not counted here.
  for (const round of batch) if ((await stopAndCount(store, round, now, 'timer')).status === 'closed') closed++
  return { closed }
}
