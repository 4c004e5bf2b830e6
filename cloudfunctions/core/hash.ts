import { createHash } from 'node:crypto'
import type { Hash } from '../../shared/domain/disclosure-rules'

export const sha256: Hash = (payload) => createHash('sha256').update(payload, 'utf8').digest('hex')
