import { bareSymbols, isCodeOf, formatTrackingCode } from '../report/rules'
import { HOUR_MS } from '../time'
import type { Invite } from './schema'

export const inviteRoles = ['township', 'chair', 'committee'] as const
export type InviteRole = (typeof inviteRoles)[number]

export const DEFAULT_INVITE_DAYS = 7

/** Why an invite cannot be taken now, or null. */
export function inviteProblem(invite: Pick<Invite, 'status' | 'expiresAt'> | null, now: string): string | null {
  if (!invite || invite.status === 'revoked') return '任命码不对，请核对后再输入'
  if (invite.status === 'used') return '这个任命码已经用过了'
  if (invite.expiresAt <= now) return '这个任命码已过期，请镇纪委重新发一个'
  return null
}

/** Symbols of an invite code: from the tracking codes' alphabet (no 0/O, 1/I/L), shown in groups of four. */
export const INVITE_LENGTH = 12
/** Codes made before they were lengthened (8 symbols) still work until they expire. */
export const LEGACY_INVITE_LENGTH = 8

/** A code as typed (any case, spaces, dashes) in its normalised form, its bare symbols; null if it cannot be one. */
export function normalizeInviteCode(typed: string): string | null {
  const symbols = bareSymbols(typed)
  return isCodeOf(symbols, [INVITE_LENGTH, LEGACY_INVITE_LENGTH]) ? symbols : null
}

/** ABCD-EFGH-JKLM: groups of four read aloud and copied by hand more easily. */
export const formatInviteCode = formatTrackingCode

/** The codes a caller may guess at: an appointment (任命码), a village's join code (加入码), a report's 查询码. */
export const codeKinds = ['invite', 'join', 'tracking'] as const
export type CodeKind = (typeof codeKinds)[number]

/** Failed guesses one caller may make in any hour (this clock hour and the one before it together). */
export const CALLER_LIMIT = 20
/** Failed guesses of one kind all callers together may make in the same span, so many accounts cannot share the work. */
export const OVERALL_LIMIT = 200

/**
 * - wrong: one failed guess (there are at most CALLER_LIMIT of a caller and OVERALL_LIMIT in all per span)
 * - limit: a caller reached the limit
 * - refused: calls refused while a caller was over the limit, counted per caller and hour in one entry
 * - overall: calls refused because all callers together reached the overall limit, per hour in one entry
 */
export const securityEvents = ['wrong', 'limit', 'refused', 'overall'] as const
export type SecurityEvent = (typeof securityEvents)[number]

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

/*
 * A WeChat cloud function takes at most 100 KB of request text, so a roster file must fit in it: 96 KiB
 * of base64 is an Excel file of about 70 KB, and 30,000 characters of CSV about two thousand households,
 * more than a village has.
 */
export const XLSX_BASE64_MAX = 96 * 1024
export const CSV_MAX = 30_000
