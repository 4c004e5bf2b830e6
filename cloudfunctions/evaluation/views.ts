import { AppError } from '../../shared/errors'
import type { Escalation, Round } from '../../shared/evaluation/schema'
import { DEFAULT_SAFEGUARDS, permilleOf } from '../../shared/evaluation/rules'
import type { HandlerContext } from '../core/context'
import { voteRight } from './proxies'
import { paperOf, phoneSeat, voterKeyOf } from './panel'

/** A round the caller may read: their village's, or for township staff a village of their township. */
export async function roundInScope(ctx: HandlerContext, roundId: string): Promise<Round> {
  const round = await ctx.store.get('round', roundId)
  const visible = round !== null && (ctx.actor.role === 'township' ? round.townshipId === ctx.actor.townshipId : round.villageId === ctx.actor.villageId)
  if (!visible) throw new AppError('NOT_FOUND', '没有找到这轮评议')
  return round
}

/** Whether the caller's household has voted: its participation is looked up by key, never listed. */
async function householdOf(ctx: HandlerContext, round: Round) {
  if (round.panel) return panelSeatOf(ctx, round)
  const { actor } = ctx
  if (actor.role !== 'villager' || !actor.householdId || round.villageId !== actor.villageId) return null
  const [voted, right] = await Promise.all([ctx.store.get('participation', `${round._id}:${actor.householdId}`).then((p) => p !== null), voteRight(ctx, round)])
  return { canVote: right !== null && round.status === 'open' && round.closesAt > ctx.now && !voted, voted }
}

/** In a panel round, the caller's own seat: whether they vote by phone in it and whether they have. */
async function panelSeatOf(ctx: HandlerContext, round: Round) {
  const seat = await phoneSeat(ctx, round)
  if (!seat) return null
  const voted = (await ctx.store.get('participation', `${round._id}:${voterKeyOf(seat)}`)) !== null
  return { canVote: round.status === 'open' && round.closesAt > ctx.now && !voted, voted }
}

/** A panel round's meeting and item, its voters by way, and where its paper count stands (never the counts). */
async function panelViewOf(ctx: HandlerContext, round: Round) {
  if (!round.panel || !round.meetingId) return null
  const paper = await paperOf(ctx.store, round)
  return { meetingId: round.meetingId, ...round.panel, paperEntered: paper.entered, paperState: paper.state.kind }
}

export async function roundViewOf(ctx: HandlerContext, round: Round) {
  // The household's part is read with the counts, not after them (a villager's read in ≤ 4 round trips).
  const [[voted, byProxy], myHousehold, panel] = await Promise.all([
    // Past its retention period a round's participations are gone; it kept their counts (core/retention.ts).
    round.purged
      ? [round.purged.voted, round.purged.byProxy]
      : Promise.all([ctx.store.count('participation', { roundId: round._id }), ctx.store.count('participation', { roundId: round._id, byProxy: true })]),
    householdOf(ctx, round),
    panelViewOf(ctx, round),
  ])
  const tally = round.status === 'closed' ? round.tally : null
  return {
    roundId: round._id,
    villageId: round.villageId,
    subject: round.subject,
    title: round.title,
    status: round.status,
    openedAt: round.openedAt,
    openedByName: `${round.openedBy.title}${round.openedBy.name}`,
    closesAt: round.closesAt,
    closedAt: round.closedAt,
    turnout: { voted, eligible: round.eligible, byProxy },
    rule: round.rule,
    safeguards: round.safeguards ?? DEFAULT_SAFEGUARDS,
    tally,
    outcome: round.status === 'closed' ? round.outcome : null,
    overThreshold: round.status === 'closed' ? round.outcome === 'over' : null,
    dissatisfiedPermille: tally ? permilleOf(tally.dissatisfied, tally.cast) : null,
    // Signed by name and title only: the person id is kept for the township's integrity files, never published.
    answer: round.answer && { text: round.answer.text, at: round.answer.at, name: round.answer.name, title: round.answer.title },
    needsAnswer: round.status === 'closed' && round.outcome === 'over' && round.answer === null,
    escalationId: round.escalationId,
    reevaluationOf: round.reevaluationOf,
    closeReason: round.closeReason ?? null,
    myHousehold,
    panel,
    ballotsDeletedAt: round.purged?.at ?? null,
  }
}

/** A case as villagers read it: never the township's internal notes. */
export const escalationPublicViewOf = (e: Escalation) => ({
  escalationId: e._id,
  cycle: e.cycle,
  status: e.status,
  roundIds: e.roundIds,
  openedAt: e.openedAt,
  rectification: e.rectification ? { what: e.rectification.what, dueAt: e.rectification.dueAt, at: e.rectification.at } : null,
  villageReport: e.villageReport,
  closedAt: e.closedAt,
  conclusion: e.closedBy?.conclusion ?? null,
  reevaluationRoundId: e.reevaluationRoundId,
})
