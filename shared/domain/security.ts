import { z } from '../zod'
import { HOUR_MS } from '../time'

/** The codes a caller may guess at: an appointment (任命码), a village's join code (加入码), a report's 查询码. */
export const codeKinds = ['invite', 'join', 'tracking'] as const
export type CodeKind = (typeof codeKinds)[number]

/** Failed guesses one caller may make in any hour (this clock hour and the one before it together). */
export const CALLER_LIMIT = 20
/** Failed guesses of one kind all callers together may make in the same span, so many accounts cannot share the work. */
export const OVERALL_LIMIT = 200

/**
 * A failed-guess counter: one document per kind, caller (or `all`) and clock hour, raised atomically
 * (Store.increment). The caller is a one-way hash of the openid; the code tried is never stored.
 */
export const attemptCounterSchema = z.object({
  _id: z.string(),
  kind: z.enum(codeKinds),
  hour: z.string(),
  count: z.number().int(),
})
export type AttemptCounter = z.infer<typeof attemptCounterSchema>

/**
 * - wrong: one failed guess (there are at most CALLER_LIMIT of a caller and OVERALL_LIMIT in all per span)
 * - limit: a caller reached the limit
 * - refused: calls refused while a caller was over the limit, counted per caller and hour in one entry
 * - overall: calls refused because all callers together reached the overall limit, per hour in one entry
 */
export const securityEvents = ['wrong', 'limit', 'refused', 'overall'] as const
export type SecurityEvent = (typeof securityEvents)[number]

/**
 * An entry of the security log, apart from the audit log (township.audit). `who` is a name, 新访客 for a
 * visitor the product does not know yet, or 匿名查询 for a tracking-code lookup, which never names anyone.
 */
export const securityEntrySchema = z.object({
  _id: z.string(),
  at: z.string(),
  kind: z.enum(codeKinds),
  event: z.enum(securityEvents),
  who: z.string(),
  personId: z.string().nullable(),
  /** how many calls the entry stands for (1 for a guess or the limit; the refused calls of the hour) */
  count: z.number().int(),
})
export type SecurityEntry = z.infer<typeof securityEntrySchema>

export const ANONYMOUS_LOOKUP = '匿名查询'
export const NEW_VISITOR = '新访客'

/** The clock hour of an instant (UTC), the name of a counter's bucket: 2026-12-07T13. */
export const hourOf = (at: string | number): string => new Date(Math.floor(new Date(at).getTime() / HOUR_MS) * HOUR_MS).toISOString().slice(0, 13)

/** The clock hour before `at`'s. */
export const previousHourOf = (at: string | number): string => hourOf(new Date(at).getTime() - HOUR_MS)

/**
 * Whether a caller with `current` failures this clock hour and `previous` in the one before may try once more
 * under `limit`: counting both hours, no 60 minutes ever hold more than `limit` failures.
 */
export const mayTry = (current: number, previous: number, limit: number): boolean => current + previous < limit

/**
 * When a refused caller may try again: the next clock hour drops the previous hour's failures, unless this
 * hour's alone reach the limit, which then wait for the hour after.
 */
export function triesAgainAt(now: string, current: number, limit: number): string {
  const thisHour = Math.floor(new Date(now).getTime() / HOUR_MS) * HOUR_MS
  return new Date(thisHour + (current >= limit ? 2 : 1) * HOUR_MS).toISOString()
}
