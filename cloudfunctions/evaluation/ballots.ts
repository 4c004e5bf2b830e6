import { createHash, randomInt } from 'node:crypto'
import { AppError } from '../../shared/errors'
import type { evaluationContract, Proxy, Round } from '../../shared/evaluation/schema'
import { TRACKING_ALPHABET } from '../../shared/report/rules'
import type { Handler } from '../core/dispatch'
import type { HandlerContext } from '../core/context'
import { phoneSeat, voterKeyOf } from './panel'
import { DuplicateKeyError } from '../core/store'
import { roundInScope } from './views'
import { callersProxy, voteRight } from './proxies'
import { emptySlotFor, slotWindow } from './slots'
import { beijingDay } from '../../shared/time'

type C = typeof evaluationContract

const RECEIPT_LENGTH = 8
const sha256 = (text: string) => createHash('sha256').update(text).digest()

/** How many receipts a ballot may try before giving up: a receipt taken by another ballot is a one-in-a-million event. */
const RECEIPT_ATTEMPTS = 4

/**
 * A receipt: 8 symbols that are easy to read out. With a request id it is
 * derived from it and the attempt (a retry gets the same one); otherwise it is random.
 */
function receiptFor(requestId: string | undefined, attempt: number): string {
  const bytes = requestId ? sha256(attempt === 0 ? `receipt:${requestId}` : `receipt:${requestId}:${attempt}`) : null
  return Array.from({ length: RECEIPT_LENGTH }, (_, i) => TRACKING_ALPHABET[bytes ? bytes[i]! % TRACKING_ALPHABET.length : randomInt(TRACKING_ALPHABET.length)]).join('')
}

interface Voter {
  /** the participation's key beside the round: the household, or `panel:<seat>` */
  key: string
  byProxy: boolean
}

async function householdVoter(ctx: HandlerContext, round: Round, proxy: Proxy | null): Promise<Voter> {
  const right = await voteRight(ctx, round, proxy)
  if (!right || !ctx.actor.householdId || ctx.actor.role !== 'villager') throw new AppError('FORBIDDEN', '每户由户代表投票，您不是本户的户代表，也没有受委托')
  return { key: ctx.actor.householdId, byProxy: right === 'proxy' }
}

async function panelVoter(ctx: HandlerContext, round: Round): Promise<Voter> {
  const seat = await phoneSeat(ctx, round)
  if (!seat) throw new AppError('FORBIDDEN', '这轮由村情发布会的评议团评议，您不是用手机投票的评议团成员')
  return { key: voterKeyOf(seat), byProxy: false }
}

/** Thrown inside the vote's transaction when another vote filled the chosen slot first; nothing is written. */
class SlotTaken extends Error {}

/** Slots tried for one vote before giving up: another vote taking the same slot at once is rare. */
const SLOT_ATTEMPTS = 6

/**
 * One ballot per household per round, by key: the participation's id is
 * `<round>:<household>`, inserted in the same transaction as the ballot is
 * filled, so a second phone, a double tap or a retry can never fill a second
 * slot. The ballot is a randomly chosen empty slot of the round (see slots.ts):
 * it holds only the round, the receipt and the choice. The participation keeps
 * only the day, and the audit entry too (permissions: auditDayOnly).
 *
 * Round trips (docs/performance.md): the round, a window of empty slots and
 * (for a member who may hold a proxy) the household's standing proxy are read together; inside the transaction the round's re-read, the participation,
 * the slot's guard read and the audit entry go out together (each still one
 * single-document request, as the platform requires), then the slot's write.
 */
export const castBallot: Handler<C['castBallot']> = async (ctx, input) => {
  const [round, window, proxy] = await Promise.all([roundInScope(ctx, input.roundId), slotWindow(ctx.store, input.roundId), callersProxy(ctx)])
  // A household round takes one ballot per household; a panel round (评议团) one per panel member voting by phone.
  const voter = round.panel ? await panelVoter(ctx, round) : await householdVoter(ctx, round, proxy)
  if (round.status !== 'open' || round.closesAt <= ctx.now) throw new AppError('CONFLICT', '这轮评议已经结束，不能再投票')
  const participationId = `${round._id}:${voter.key}`
  // A one-way key of the request id: recognises a retry, and says nothing about the ballot's receipt.
  const requestKey = input.requestId ? sha256(`participation:${input.requestId}`).toString('base64url') : null
  let attempt = 0
  for (let tries = 0; attempt < RECEIPT_ATTEMPTS && tries < RECEIPT_ATTEMPTS + SLOT_ATTEMPTS; tries++) {
    const receipt = receiptFor(input.requestId, attempt)
    const slot = await emptySlotFor(ctx.store, round._id, tries === 0 ? window : undefined)
    try {
      // The audit entry is written in the vote's transaction: it lands with the vote, or not at all.
      await ctx.auditedTransaction({ receipt }, async (tx) => {
        // Independent single-document operations, issued together; all settle before any verdict, so none
        // is still in flight when the transaction ends. Any failure rolls all of them back. GUESS: that the
        // platform takes several requests of one transaction in flight at once (docs/architecture.md, the
        // stand-in's guesses): the SDK sends each on its own with the transaction id and serialises nothing.
        const [current, participation, filled] = await Promise.allSettled([
          tx.get('round', round._id),
          tx.insert('participation', {
            _id: participationId,
            roundId: round._id,
            householdId: voter.key,
            villageId: round.villageId,
            at: beijingDay(ctx.now),
            requestKey,
            byProxy: voter.byProxy,
            receiptAttempt: attempt,
          }),
          tx.update('ballot', slot._id, { receipt, choice: input.choice }, { choice: null }),
        ])
        // In the order a reader would check them: a closed round first, then one ballot per household.
        if (current.status === 'rejected') throw current.reason
        if (current.value?.status !== 'open') throw new AppError('CONFLICT', '这轮评议已经结束，不能再投票')
        if (participation.status === 'rejected') throw participation.reason
        if (filled.status === 'rejected') throw filled.reason
        if (!filled.value) throw new SlotTaken()
      })
      return { receipt }
    } catch (error) {
      if (error instanceof SlotTaken) continue
      if (!(error instanceof DuplicateKeyError)) throw error
      const existing = await ctx.store.get('participation', participationId)
      if (existing) {
        if (requestKey !== null && existing.requestKey === requestKey) return { receipt: receiptFor(input.requestId, existing.receiptAttempt ?? 0) }
        throw new AppError('ALREADY_VOTED', round.panel ? '您已经在这轮评议中投过票了' : '本户已经在这轮评议中投过票了，每户只能投一票')
      }
      // No participation: the receipt was another ballot's. The whole write rolled back; try the next receipt.
      attempt++
    }
  }
  throw new AppError('CONFLICT', '投票没有成功，请再投一次')
}
