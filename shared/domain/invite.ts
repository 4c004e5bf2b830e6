import { z } from '../zod'
import { bareSymbols, formatTrackingCode, isCodeOf } from './report'

export const inviteRoles = ['township', 'chair', 'committee'] as const
export type InviteRole = (typeof inviteRoles)[number]

/**
 * A one-time code that makes its holder a township staff member, a village's
 * supervision committee chair, or a committee member. The code itself is shown once, when it is made;
 * what is stored is its hash, as the id (cloudfunctions/core/hash.ts codeHash), so it stays a key.
 */
export const inviteSchema = z.object({
  /** the hash of the code (an invite of the cloud made before codes were hashed: the 8-symbol code) */
  _id: z.string(),
  townshipId: z.string(),
  /** null for township staff */
  villageId: z.string().nullable(),
  role: z.enum(inviteRoles),
  title: z.string(),
  /** the name the appointed person will carry */
  name: z.string(),
  status: z.enum(['open', 'used', 'revoked']),
  createdAt: z.string(),
  createdBy: z.string(),
  expiresAt: z.string(),
  usedAt: z.string().nullable(),
  usedBy: z.string().nullable(),
  /** the invite a re-issue replaced this one with (its status is then revoked) */
  reissuedAs: z.string().nullable().optional(),
})
export type Invite = z.infer<typeof inviteSchema>

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
