import { finalParameters, liveParameters, planCard, roundCardPath, type CardRound } from '../../shared/group/rules'
import type { RoundCard } from '../../shared/group/schema'
import type { Round } from '../../shared/evaluation/schema'
import type { Store } from '../core/store'
import { DuplicateKeyError } from '../core/store'
import type { Clock } from '../core/context'
import { getMany } from '../core/paging'
import { noUpdatable, type UpdatableMessages } from '../core/updatable'

/**
 * A round's live turnout on its card in the group (动态消息, issue 19): made when the round opens, updated while
 * voting, switched to the final state at close. Only two counts ever leave: households that took part and
 * households eligible. Nothing here reads a ballot.
 */

/** At most this many cards (and this many open rounds without one) handled a pass; the rest wait a minute. */
const PASS_LIMIT = 50

/** Households that took part so far (kept on the round once retention removed its participations). */
export const participantsOf = async (store: Store, round: Round): Promise<number> => (round.purged ? round.purged.voted : store.count('participation', { roundId: round._id }))

const cardRoundOf = async (store: Store, round: Round): Promise<CardRound> => ({
  status: round.status,
  participants: await participantsOf(store, round),
  eligible: round.eligible,
})

/**
 * The card of a round that just opened: an activity id when the platform gives one, else an ordinary card
 * (degraded). Once per round: the card's `_id` is the round's; a second attempt leaves the first. `sharedWith`: the
 * turnout the card starts with.
 */
export async function openCard(store: Store, updatable: UpdatableMessages, round: Round, now: string, sharedWith: number | null = 0): Promise<RoundCard> {
  let made: { activityId: string; expiresAt: string } | null = null
  // A host without the capability (the local host outside demo sign-in) degrades quietly; a refusal is worth a line.
  if (updatable !== noUpdatable) {
    try {
      made = await updatable.createActivityId(now)
    } catch (error) {
      console.warn(`[group] no updatable message for round ${round._id}: ${String(error)}`)
    }
  }
  const card: RoundCard = {
    _id: round._id,
    villageId: round.villageId,
    state: made ? 'live' : 'degraded',
    activityId: made?.activityId ?? null,
    activityExpiresAt: made?.expiresAt ?? null,
    // The phone shares the card with the turnout of group.roundCard (0 at opening): the first vote is the first
    // change, sent at the next pass. A card made later for a running round (null) gets its figure at once.
    sentParticipants: sharedWith,
    sentAt: null,
    renewals: 0,
    createdAt: now,
  }
  try {
    await store.insert('round_card', card)
    return card
  } catch (error) {
    if (!(error instanceof DuplicateKeyError)) throw error
    return (await store.get('round_card', round._id)) ?? card
  }
}

/**
 * One step of a card's life at `now` (shared/group/rules.ts `planCard`), each write guarded on what was read so a
 * chair's close and a timer pass at once send and record once. Answers the card as it is afterwards.
 */
async function stepCard(store: Store, updatable: UpdatableMessages, card: RoundCard, round: Round | null, now: string): Promise<RoundCard> {
  if (!round) {
    // The round is gone (retention): nothing to show any more.
    await store.update('round_card', card._id, { state: 'degraded', activityId: null }, { state: card.state })
    return { ...card, state: 'degraded', activityId: null }
  }
  const current = await cardRoundOf(store, round)
  const plan = planCard(card, current, now)
  if (plan === 'none') return card
  if (plan === 'retire') {
    // Over, and its id expired before the final state could be sent: the card keeps its last figure.
    await store.update('round_card', card._id, { state: 'degraded', activityId: null }, { activityId: card.activityId })
    return { ...card, state: 'degraded', activityId: null }
  }
  const activityId = card.activityId!
  if (plan === 'final') {
    await updatable.setUpdatableMsg({ activityId, targetState: 1, parameterList: finalParameters(roundCardPath(round._id), updatable.versionType) }, now)
    await store.update('round_card', card._id, { state: 'final', sentParticipants: current.participants, sentAt: now }, { state: 'live', activityId })
    return { ...card, state: 'final', sentParticipants: current.participants, sentAt: now }
  }
  if (plan === 'renew') {
    let made: { activityId: string; expiresAt: string } | null = null
    try {
      made = await updatable.createActivityId(now)
    } catch (error) {
      console.warn(`[group] could not renew the card of round ${round._id}: ${String(error)}`)
    }
    // A day-long round past its id's life without a new one: shared from now on as an ordinary card.
    const patch = made
      ? { activityId: made.activityId, activityExpiresAt: made.expiresAt, renewals: card.renewals + 1, sentParticipants: null, sentAt: null }
      : { state: 'degraded' as const, activityId: null, activityExpiresAt: null }
    if (!(await store.update('round_card', card._id, patch, { activityId }))) return card
    const renewed = { ...card, ...patch }
    // The new id shows the turnout at once (the throttle counts per id).
    return made ? stepCard(store, updatable, renewed, round, now) : renewed
  }
  await updatable.setUpdatableMsg({ activityId, targetState: 0, parameterList: liveParameters(current.participants, current.eligible) }, now)
  await store.update('round_card', card._id, { sentParticipants: current.participants, sentAt: now }, { activityId, sentAt: card.sentAt })
  return { ...card, sentParticipants: current.participants, sentAt: now }
}

/** The chair closed the round: the card switches to its final state now, not at the next pass. */
export async function closeCard(store: Store, updatable: UpdatableMessages, round: Round, now: string): Promise<void> {
  const card = await store.get('round_card', round._id)
  if (card?.state !== 'live') return
  try {
    await stepCard(store, updatable, card, round, now)
  } catch (error) {
    // The timer's pass tries again; closing the round does not wait on WeChat.
    console.warn(`[group] card of round ${round._id} not switched yet: ${String(error)}`)
  }
}

/**
 * The timer's pass (cloudfunctions/group/config.json: every minute): cards for open rounds that have none (a
 * re-evaluation round opened by the township, a crash after opening), then every live card one step: turnout
 * (throttled), renewal, the final state once the round closed, by the chair or by the evaluation timer.
 */
export async function cardPass({ store, clock, updatable }: { store: Store; clock: Clock; updatable: UpdatableMessages }) {
  const now = clock.now().toISOString()
  const counts = { made: 0, updated: 0, renewed: 0, finished: 0, failed: 0 }
  const open = await store.query('round', { where: { status: 'open' }, orderBy: { field: 'closesAt', direction: 'asc' }, limit: PASS_LIMIT })
  const have = new Set(
    (
      await getMany(
        store,
        'round_card',
        open.items.map((r) => r._id),
      )
    ).map((c) => c._id),
  )
  for (const round of open.items.filter((r) => !have.has(r._id))) {
    await openCard(store, updatable, round, now, null)
    counts.made += 1
  }
  const live = await store.query('round_card', { where: { state: 'live' }, orderBy: { field: 'createdAt', direction: 'asc' }, limit: PASS_LIMIT })
  const rounds = new Map(
    (
      await getMany(
        store,
        'round',
        live.items.map((c) => c._id),
      )
    ).map((r) => [r._id, r]),
  )
  for (const card of live.items) {
    try {
      const after = await stepCard(store, updatable, card, rounds.get(card._id) ?? null, now)
      if (after.state === 'final' && card.state !== 'final') counts.finished += 1
      else if (after.renewals > card.renewals) counts.renewed += 1
      else if (after.sentAt !== card.sentAt) counts.updated += 1
    } catch (error) {
      counts.failed += 1
      console.warn(`[group] card of round ${card._id}: ${String(error)}`)
    }
  }
  return counts
}
