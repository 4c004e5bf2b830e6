import { randomBytes } from 'node:crypto'
import type { Actor } from '../../shared/domain/member'
import type { Store } from './store'
import type { Notifier } from './notifier'
import type { CodeMaker } from './codes'
import type { FileStore } from './files'

export interface Clock {
  now(): Date
}

export const systemClock: Clock = { now: () => new Date() }

/** What the host (cloud or local) hands to dispatch for one call. */
export interface BaseContext {
  /** WeChat OPENID in the cloud, the session's person on the local host; null when not signed in. */
  openid: string | null
  store: Store
  clock: Clock
  /** Where messages to people go: WeChat subscribe messages in the cloud, the outbox locally. */
  notifier: Notifier
  codes: CodeMaker
  files: FileStore
}

/** What a handler sees: the resolved caller, the store and the time of the call. */
export interface HandlerContext {
  /** Only for creating the caller's own person record; everything else goes by `actor`. */
  openid: string
  actor: Actor
  store: Store
  clock: Clock
  notifier: Notifier
  codes: CodeMaker
  files: FileStore
  /** ISO instant of this call, one value for every record it writes. */
  now: string
}

/** Random, unguessable ids; the prefix says what the id names when it shows up in logs. */
export function newId(prefix: string): string {
  return `${prefix}_${randomBytes(10).toString('base64url')}`
}
