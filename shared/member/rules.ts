import type { CallerRole } from '../roles'
import type { Member, Appointment, PersonSnapshot } from './schema'

/** The snapshot a person naming `member` and `appointment` should carry. */
export const snapshotOf = (member: Pick<Member, 'householdId' | 'villageId'> | null, appointment: Pick<Appointment, 'villageId'> | null): PersonSnapshot => ({
  householdId: member?.householdId ?? null,
  villageId: member?.villageId ?? null,
  postVillageId: appointment?.villageId ?? null,
})

export const sameSnapshot = (a: PersonSnapshot | null | undefined, b: PersonSnapshot): boolean =>
  a != null && a.householdId === b.householdId && a.villageId === b.villageId && a.postVillageId === b.postVillageId

export const memberStatuses = ['pending', 'active', 'rejected', 'removed'] as const
export type MemberStatus = (typeof memberStatuses)[number]

/**
 * A join request naming a 户号 that is not on the roster is taken like any other (member.join answers
 * alike, so the roster cannot be enumerated); its household is this id, which names no household, and the
 * chair sees the mismatch when reviewing. It can only be rejected.
 */
export const unlistedHouseholdId = (villageId: string, number: string): string => `unlisted:${villageId}:${number}`
export const isUnlisted = (householdId: string): boolean => householdId.startsWith('unlisted:')

export const appointmentRoles = ['chair', 'committee', 'township'] as const
export type AppointmentRole = (typeof appointmentRoles)[number]

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

// Pure figures, free of zod so the mini-program can import them too.

/**
 * Share of roster households that are in the group, in whole per-mille so the
 * figure is exact; the UI shows it as a percentage with one decimal.
 */
export function coveragePermille(inGroup: number, onRoster: number): number {
  if (onRoster <= 0) return 0
  return Math.floor((inGroup * 1000) / onRoster)
}

export function formatPermille(permille: number): string {
  return `${(permille / 10).toFixed(1)}%`
}
