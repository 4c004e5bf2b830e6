import { z } from '../zod'
import type { CallerRole } from '../roles'

/**
 * A WeChat user known to the product. `memberId` and `appointmentId` point at
 * the current membership and appointment; both records keep their history.
 */
export const personSchema = z.object({
  _id: z.string(),
  openid: z.string(),
  name: z.string(),
  memberId: z.string().nullable(),
  appointmentId: z.string().nullable(),
  createdAt: z.string(),
})
export type Person = z.infer<typeof personSchema>

export const memberStatuses = ['pending', 'active', 'rejected', 'removed'] as const
export type MemberStatus = (typeof memberStatuses)[number]

export const memberSchema = z.object({
  _id: z.string(),
  personId: z.string(),
  name: z.string(),
  villageId: z.string(),
  householdId: z.string(),
  status: z.enum(memberStatuses),
  requestedAt: z.string(),
  decidedAt: z.string().nullable(),
  decidedBy: z.string().nullable(),
  /** Why the chair rejected or removed; kept for the record. */
  reason: z.string().nullable(),
})
export type Member = z.infer<typeof memberSchema>

export const appointmentRoles = ['chair', 'committee', 'township'] as const
export type AppointmentRole = (typeof appointmentRoles)[number]

export const appointmentSchema = z.object({
  _id: z.string(),
  personId: z.string(),
  role: z.enum(appointmentRoles),
  townshipId: z.string(),
  /** null for township staff, who serve every village of their township. */
  villageId: z.string().nullable(),
  /** e.g. 村党支部书记, 村委会主任, 纪委书记 */
  title: z.string(),
  status: z.enum(['active', 'ended']),
  startedAt: z.string(),
  endedAt: z.string().nullable(),
})
export type Appointment = z.infer<typeof appointmentSchema>

/** What dispatch knows about the caller once their openid is resolved. */
export interface Actor {
  personId: string | null
  name: string | null
  role: CallerRole
  /** The appointment's title (e.g. 村委会主任); for villagers 户代表 or 家庭成员. */
  title: string | null
  townshipId: string | null
  villageId: string | null
  householdId: string | null
  memberId: string | null
  isRepresentative: boolean
}

export const anonymousGuest: Actor = {
  personId: null,
  name: null,
  role: 'guest',
  title: null,
  townshipId: null,
  villageId: null,
  householdId: null,
  memberId: null,
  isRepresentative: false,
}

/** The caller's role: an active appointment wins over membership; otherwise an active member is a villager. */
export function roleOf(appointment: Appointment | null, member: Member | null): CallerRole {
  if (appointment?.status === 'active') return appointment.role
  if (member?.status === 'active') return 'villager'
  return 'guest'
}

/**
 * When a representative leaves, the household's vote passes to the member who
 * joined earliest among those still active; with none left the household
 * leaves the group.
 */
export function successorOf(members: readonly Member[], leavingMemberId: string): Member | null {
  const candidates = members
    .filter((m) => m.status === 'active' && m._id !== leavingMemberId)
    .sort((a, b) => a.requestedAt.localeCompare(b.requestedAt) || a._id.localeCompare(b._id))
  return candidates[0] ?? null
}
