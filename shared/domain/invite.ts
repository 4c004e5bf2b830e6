import { z } from '../zod'

export const inviteRoles = ['township', 'chair', 'committee'] as const
export type InviteRole = (typeof inviteRoles)[number]

/**
 * A one-time code that makes its holder a township staff member, a village's
 * supervision committee chair, or a committee member. The code is the id.
 */
export const inviteSchema = z.object({
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
