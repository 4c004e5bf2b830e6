import { randomInt } from 'node:crypto'
import { INVITE_LENGTH, formatInviteCode } from '../../shared/township/rules'
import type { Invite } from '../../shared/township/schema'
import { TRACKING_ALPHABET } from '../../shared/report/rules'
import { type Store, type StoreTx, DuplicateKeyError } from './store'
import { codeHash } from './hash'

const newSymbols = () => Array.from({ length: INVITE_LENGTH }, () => TRACKING_ALPHABET[randomInt(TRACKING_ALPHABET.length)]).join('')

export type InviteFields = Omit<Invite, '_id' | 'status' | 'usedAt' | 'usedBy' | 'reissuedAs'>

/**
 * Writes a new invite and answers its code, which exists only in this answer: the record's id is the
 * code's hash, so a clash (of hashes of 12 random symbols: never in practice) is simply drawn again.
 */
export async function createInvite(store: Store | StoreTx, fields: InviteFields): Promise<{ invite: Invite; code: string }> {
  for (let attempt = 0; ; attempt++) {
    const symbols = newSymbols()
    const invite: Invite = { _id: codeHash('invite', symbols), status: 'open', usedAt: null, usedBy: null, reissuedAs: null, ...fields }
    try {
      await store.insert('invite', invite)
      return { invite, code: formatInviteCode(symbols) }
    } catch (error) {
      if (!(error instanceof DuplicateKeyError) || attempt >= 4) throw error
    }
  }
}
