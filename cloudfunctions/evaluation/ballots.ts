import { createHash, randomInt } from 'node:crypto'
import { AppError } from '../../shared/errors'
import type { evaluationContract } from '../../shared/contract/evaluation'
import { TRACKING_ALPHABET } from '../../shared/domain/report'
import type { Handler } from '../core/dispatch'
import { DuplicateKeyError } from '../core/store'
import { roundInScope } from './views'
import { voteRight } from './proxies'

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
  return Array.from({ length: RECEIPT_LENGTH }, (_, i) =>
    TRACKING_ALPHABET[bytes ? bytes[i]! % TRACKING_ALPHABET.length : randomInt(TRACKING_ALPHABET.length)],
  ).join('')
}

/**
 * One ballot per household per round, by key: the participation's id is
 * `<round>:<household>`, inserted in the same transaction as the ballot, so a
 * second phone, a double tap or a retry can never add a second ballot. The
 * ballot holds only the round and the choice; its id is the receipt.
 */
export const castBallot: Handler<C['castBallot']> = async (ctx, input) => {
  const { actor } = ctx
  const round = await roundInScope(ctx, input.roundId)
  const right = await voteRight(ctx, round)
  if (!right || !actor.householdId) throw new AppError('FORBIDDEN', '每户由户代表投票，您不是本户的户代表，也没有受委托')
  if (round.status !== 'open' || round.closesAt <= ctx.now) throw new AppError('CONFLICT', '这轮评议已经结束，不能再投票')
  const participationId = `${round._id}:${actor.householdId}`
  // A one-way key of the request id: recognises a retry, and says nothing about the ballot's receipt.
  const requestKey = input.requestId ? sha256(`participation:${input.requestId}`).toString('base64url') : null
  for (let attempt = 0; attempt < RECEIPT_ATTEMPTS; attempt++) {
    const receipt = receiptFor(input.requestId, attempt)
    try {
      await ctx.store.transaction(async (tx) => {
        const current = await tx.get('round', round._id)
        if (current?.status !== 'open') throw new AppError('CONFLICT', '这轮评议已经结束，不能再投票')
        await tx.insert('participation', {
          _id: participationId,
          roundId: round._id,
          householdId: actor.householdId!,
          villageId: round.villageId,
          at: ctx.now,
          requestKey,
          byProxy: right === 'proxy',
          receiptAttempt: attempt,
        })
        await tx.insert('ballot', { _id: receipt, roundId: round._id, choice: input.choice })
      })
      return { receipt }
    } catch (error) {
      if (!(error instanceof DuplicateKeyError)) throw error
      const existing = await ctx.store.get('participation', participationId)
      if (existing) {
        if (requestKey !== null && existing.requestKey === requestKey) return { receipt: receiptFor(input.requestId, existing.receiptAttempt ?? 0) }
        throw new AppError('ALREADY_VOTED', '本户已经在这轮评议中投过票了，每户只能投一票')
      }
      // No participation: the receipt was another ballot's. The whole write rolled back; try the next receipt.
    }
  }
  throw new AppError('CONFLICT', '投票没有成功，请再投一次')
}
