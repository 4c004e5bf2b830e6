import { z } from '../zod'
import type { CallerRole } from '../roles'

/**
 * A WeChat user known to the product. `memberId` and `appointmentId` point at
 * the current membership and appointment; both records keep their history.
 */
/**
 * Ids copied from the member and appointment a person names, so that resolving a caller can read those
 * records, the household and the village in one round trip (cloudfunctions/core/actor.ts). Only a hint of
 * what to read together: resolution checks the records themselves, and reads again (and repairs the copy)
 * when it is missing or disagrees. A member's household and village and an appointment's village never
 * change, so the copy changes only with `memberId` and `appointmentId`.
 */
export const personSnapshotSchema = z.object({
  /** the household and village of the member `memberId` names, whatever its status */
  householdId: z.string().nullable(),
  villageId: z.string().nullable(),
  /** the village of the appointment `appointmentId` names (null for township staff), whatever its status */
  postVillageId: z.string().nullable(),
})
export type PersonSnapshot = z.infer<typeof personSnapshotSchema>

export const personSchema = z.object({
  _id: z.string(),
  openid: z.string(),
  name: z.string(),
  memberId: z.string().nullable(),
  appointmentId: z.string().nullable(),
  /** null (or absent, on cloud data written before it) until first written: resolution then repairs it */
  snapshot: personSnapshotSchema.nullable(),
  createdAt: z.string(),
  /**
   * Bumped when the person leaves a post or the village group: the local host refuses its tokens issued at an
   * older version (host/session.ts). Absent reads as 0 (records from before it; no migration needed).
   */
  sessionVersion: z.number().int().optional(),
})
export type Person = z.infer<typeof personSchema>

/** The snapshot a person naming `member` and `appointment` should carry. */
export const snapshotOf = (
  member: Pick<Member, 'householdId' | 'villageId'> | null,
  appointment: Pick<Appointment, 'villageId'> | null,
): PersonSnapshot => ({
  householdId: member?.householdId ?? null,
  villageId: member?.villageId ?? null,
  postVillageId: appointment?.villageId ?? null,
})

export const sameSnapshot = (a: PersonSnapshot | null | undefined, b: PersonSnapshot): boolean =>
  a != null && a.householdId === b.householdId && a.villageId === b.villageId && a.postVillageId === b.postVillageId

export const memberStatuses = ['pending', 'active', 'rejected', 'removed'] as const
export type MemberStatus = (typeof memberStatuses)[number]

export const memberSchema = z.object({
  _id: z.string(),
  personId: z.string(),
  name: z.string(),
  villageId: z.string(),
  /** for a request naming a 户号 not on the roster, an id no household has: `unlistedHouseholdId` */
  householdId: z.string(),
  /** the 户号 the person gave when asking to join (absent on records from before it) */
  householdNumber: z.string().optional(),
  status: z.enum(memberStatuses),
  requestedAt: z.string(),
  decidedAt: z.string().nullable(),
  decidedBy: z.string().nullable(),
  /** Why the chair rejected or removed; kept for the record. */
  reason: z.string().nullable(),
})
export type Member = z.infer<typeof memberSchema>

/**
 * A join request naming a 户号 that is not on the roster is taken like any other (member.join answers
 * alike, so the roster cannot be enumerated); its household is this id, which names no household, and the
 * chair sees the mismatch when reviewing. It can only be rejected.
 */
export const unlistedHouseholdId = (villageId: string, number: string): string => `unlisted:${villageId}:${number}`
export const isUnlisted = (householdId: string): boolean => householdId.startsWith('unlisted:')

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
