import { randomBytes, randomInt } from 'node:crypto'
import type { Ballot } from '../../shared/evaluation/schema'
import { type Page, type Store, encodeCursor } from '../core/store'
import { newId } from '../core/context'

/*
 * Secret ballot storage (docs/architecture.md, "The secret ballot in storage").
 * A round's ballots are slots made when it opens, all alike and with random
 * ids; a vote fills a randomly chosen empty one. Nothing about a slot (its id,
 * its place in storage, when it was made) follows the order households voted in.
 */

/** Spare slots beyond the roster: households added to the roster during the round still find one. */
const sparesFor = (households: number) => Math.max(5, Math.ceil(households / 10))

/** How many empty slots a vote chooses among, from a random point in the id space. */
const CHOICE_WINDOW = 8

/** A placeholder receipt: longer than a real one and lowercase, so it can never equal one. */
const placeholder = () => `~${randomBytes(9).toString('hex')}`

const emptySlot = (roundId: string): Ballot => ({ _id: newId('bs'), roundId, receipt: placeholder(), choice: null })

async function addSlots(store: Store, roundId: string, count: number): Promise<void> {
  await store.insertMany(
    'ballot',
    Array.from({ length: count }, () => emptySlot(roundId)),
  )
}

/**
 * One slot per household on the village's roster (not only those in the group
 * now), plus spares. Runs after the round is stored: a crash in between leaves
 * a round with fewer slots, and `emptySlotFor` adds more when they run out.
 */
export async function openSlots(store: Store, round: { _id: string; villageId: string; panel?: { phone: number } | null }): Promise<void> {
  // A panel round's phone ballots fill slots; its paper ballots are counted by hand (evaluation/panel.ts).
  const voters = round.panel ? round.panel.phone : await store.count('household', { villageId: round.villageId })
  await addSlots(store, round._id, voters + sparesFor(voters))
}

const emptySlots = (store: Store, roundId: string, from: string | null) =>
  store.query('ballot', {
    where: { roundId, choice: null },
    orderBy: { field: '_id', direction: 'asc' },
    limit: CHOICE_WINDOW,
    cursor: from === null ? null : encodeCursor(from, from),
  })

/**
 * The empty slots after a random id: only a read, so a vote may start it before it has checked the round
 * (its result is dropped if the round is not the caller's) and hand it to `emptySlotFor`.
 */
export const slotWindow = (store: Store, roundId: string): Promise<Page<Ballot>> => emptySlots(store, roundId, newId('bs'))

/**
 * A random empty slot of the round: the few after a random id (wrapping to the
 * start), one of them at random. If every slot is full (more households joined
 * than spares allowed), a batch of new slots is made first. `window`: the
 * first random window, when already read (`slotWindow`).
 */
export async function emptySlotFor(store: Store, roundId: string, window?: Page<Ballot>): Promise<Ballot> {
  for (let tries = 0; tries < 2; tries++) {
    let { items } = tries === 0 && window ? window : await slotWindow(store, roundId)
    if (items.length === 0) items = (await emptySlots(store, roundId, null)).items
    if (items.length > 0) return items[randomInt(items.length)]!
    await addSlots(store, roundId, CHOICE_WINDOW)
  }
  throw new Error(`no empty ballot slot in ${roundId}`)
}
