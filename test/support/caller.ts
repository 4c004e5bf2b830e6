import type { ActionOf, Area, Input, Output } from '../../shared/contract/areas'
import type { Envelope } from '../../shared/errors'

/** The input may be left out only when every field of it is optional. */
// biome-ignore lint/complexity/noBannedTypes: `{} extends T` is the type-level test for "every field of T is optional"
type InputArgs<A extends Area, K extends ActionOf<A>> = {} extends Input<A, K> ? [input?: Input<A, K>] : [input: Input<A, K>]

/**
 * Calls one action as someone: the input is checked against the action's contract at compile time and the
 * answer is typed from its output schema, so tests read fields without annotating them by hand.
 */
export interface TypedCall {
  <A extends Area, K extends ActionOf<A>>(area: A, action: K, ...input: InputArgs<A, K>): Promise<Envelope<Output<A, K>>>
  /** The same caller without the compile-time check, for requests that break the contract on purpose. */
  unchecked(area: string, action: string, input?: unknown): Promise<Envelope<unknown>>
}

/** The same caller, typed: a test caller (harness `callerFor` / `as`) seen through the contracts. */
export function typed(call: (area: string, action: string, input?: Record<string, unknown>) => Promise<Envelope<unknown>>): TypedCall {
  const unchecked = (area: string, action: string, input?: unknown) => call(area, action, input as Record<string, unknown> | undefined)
  return Object.assign(unchecked, { unchecked }) as TypedCall
}

/**
 * The typed caller over the host's HTTP API, as the app calls it: POST /api/fn/<area> with the action in the body
 * and the session token as a bearer token (null: no session).
 */
export function overHttp(base: string, token: string | null): TypedCall {
  return typed(async (area, action, input = {}) => {
    const res = await fetch(`${base}/api/fn/${area}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ ...input, action }),
    })
    return (await res.json()) as Envelope<unknown>
  })
}
