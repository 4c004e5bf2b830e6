import { randomBytes } from 'node:crypto'
import type { Actor } from '../../shared/member/rules'
import type { Caller } from './actor'
import type { Store, StoreTx } from './store'
import type { Notifier } from './notifier'
import type { CodeMaker } from './codes'
import type { FileStore } from './files'
import type { OpenData } from './open-data'
import type { UpdatableMessages } from './updatable'

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
  /** cloudID → open data (a group's opengid); none given: nothing resolves (core/open-data.ts) */
  openData?: OpenData
  /** the updatable messages of round cards; none given: cards are ordinary (core/updatable.ts) */
  updatable?: UpdatableMessages
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
  openData: OpenData
  updatable: UpdatableMessages
  /** ISO instant of this call, one value for every record it writes. */
  now: string
  /** The records resolving the caller read (their village, household, member…): use them, do not read them again. */
  caller: Caller
  /**
   * Runs `work` in a transaction that also writes this call's audit entry, issued alongside `work`'s first
   * request, so a write and its audit entry land together in the same round trips (dispatch then writes
   * none). `output` is what the handler returns once the transaction commits. For an action that does not
   * write (nothing audited), a plain transaction.
   */
  auditedTransaction<R>(output: unknown, work: (tx: StoreTx) => Promise<R>): Promise<R>
}

/** Random, unguessable ids; the prefix says what the id names when it shows up in logs. */
export function newId(prefix: string): string {
  return `${prefix}_${randomBytes(10).toString('base64url')}`
}
