import { createHash } from 'node:crypto'
import type { Hash } from '../../shared/disclosure/rules'

export const sha256: Hash = (payload) => createHash('sha256').update(payload, 'utf8').digest('hex')

/**
 * How an invite or tracking code is stored: a one-way hash of its symbols (normalised: upper case, no spaces
 * or dashes), never the code itself. The prefix keeps the two kinds apart.
 */
export const codeHash = (kind: 'invite' | 'tracking', symbols: string): string => sha256(`${kind}:${symbols}`)
