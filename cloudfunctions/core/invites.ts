import { randomInt } from 'node:crypto'
import type { Invite } from '../../shared/domain/invite'
import { TRACKING_ALPHABET } from '../../shared/domain/report'
import type { Store } from './store'
import { DuplicateKeyError } from './store'

const newCode = () => Array.from({ length: 8 }, () => TRACKING_ALPHABET[randomInt(TRACKING_ALPHABET.length)]).join('')

/** Writes a new invite; the random code is its id, so a clash is simply drawn again. */
export async function createInvite(store: Store, fields: Omit<Invite, '_id' | 'status' | 'usedAt' | 'usedBy'>): Promise<Invite> {
  for (let attempt = 0; ; attempt++) {
    const invite: Invite = { _id: newCode(), status: 'open', usedAt: null, usedBy: null, ...fields }
    try {
      await store.insert('invite', invite)
      return invite
    } catch (error) {
      if (!(error instanceof DuplicateKeyError) || attempt >= 4) throw error
    }
  }
}

