import { anonymousGuest, roleOf, sameSnapshot, snapshotOf, type Actor } from '../../shared/member/rules'
import type { Appointment, Member, Person } from '../../shared/member/schema'
import type { Household, Village } from '../../shared/township/schema'
import type { Store } from './store'

/** The resolved caller and the records resolving read, so handlers need not read them again. */
export interface Caller {
  actor: Actor
  person: Person | null
  /** the member record the person names, whatever its status */
  member: Member | null
  /** the appointment the person names, whatever its status */
  appointment: Appointment | null
  /** that member's household, whatever the member's status (null when not read) */
  household: Household | null
  /** the caller's own village (`actor.villageId`); null for township staff and guests */
  village: Village | null
}

const guest: Caller = { actor: anonymousGuest, person: null, member: null, appointment: null, household: null, village: null }

/**
 * Turns an openid into the caller's role and where they belong, in two round trips: the person by its
 * openid, then together the appointment and member it names and the household and village(s) its snapshot
 * names (shared/member/schema.ts `personSnapshotSchema`). The role and ids come from the records
 * themselves (member active, appointment active, the household's representative); the snapshot only says
 * what to read together. A household or village it did not name is read afterwards, and the snapshot
 * repaired, so stale or missing data costs a round trip but never grants a role.
 */
export async function resolveCaller(store: Store, openid: string): Promise<Caller> {
  const { items } = await store.query('person', {
    where: { openid },
    orderBy: { field: 'openid', direction: 'asc' },
    limit: 1,
  })
  const person = items[0]
  if (!person) return guest
  // Cloud data written before the snapshot has none (there are no migrations in the cloud).
  const hint = person.snapshot ?? null
  const hintedVillages = [...new Set([hint?.villageId, hint?.postVillageId].filter((id): id is string => !!id))]
  const [appointment, member, hintedHousehold, ...villages] = await Promise.all([
    person.appointmentId ? store.get('appointment', person.appointmentId) : null,
    person.memberId ? store.get('member', person.memberId) : null,
    hint?.householdId ? store.get('household', hint.householdId) : null,
    ...hintedVillages.map((id) => store.get('village', id)),
  ])
  const role = roleOf(appointment, member)
  const activeMember = member?.status === 'active' ? member : null
  const post = role === 'chair' || role === 'committee' || role === 'township'
  const villageId = post ? appointment!.villageId : (activeMember?.villageId ?? null)
  const householdId = activeMember?.householdId ?? null

  // Only a record the truth names counts; anything else the hint brought is ignored.
  let household = member && hintedHousehold?._id === member.householdId ? hintedHousehold : null
  let village = villages.find((v) => v !== null && v._id === villageId) ?? null
  const truth = snapshotOf(member, appointment)
  const stale = !sameSnapshot(hint, truth)
  if ((householdId && !household) || (villageId && !village) || stale) {
    const [readHousehold, readVillage] = await Promise.all([
      householdId && !household ? store.get('household', householdId) : household,
      villageId && !village ? store.get('village', villageId) : village,
      // Guarded on the pointers just read, so a concurrent join or appointment is not overwritten with
      // an older copy. A failure only leaves the hint stale: the next call tries again.
      stale
        ? store
            .update('person', person._id, { snapshot: truth }, { memberId: person.memberId, appointmentId: person.appointmentId })
            .catch((error: unknown) => console.warn('[actor] snapshot repair failed', error))
        : null,
    ])
    household = readHousehold
    village = readVillage
  }

  const activeHousehold = activeMember && household?._id === activeMember.householdId ? household : null
  const townshipId = post ? appointment!.townshipId : activeMember ? (village?.townshipId ?? null) : null
  const isRepresentative = activeHousehold !== null && activeHousehold.representativeMemberId === activeMember?._id
  const title = appointment?.status === 'active' ? appointment.title : role === 'villager' ? (isRepresentative ? '户代表' : '家庭成员') : null
  return {
    actor: {
      personId: person._id,
      name: person.name,
      role,
      title,
      townshipId,
      villageId,
      householdId,
      memberId: activeMember?._id ?? null,
      isRepresentative,
    },
    person,
    member,
    appointment,
    household,
    village: villageId ? village : null,
  }
}

/** The caller's role and where they belong (see `resolveCaller`). */
export async function resolveActor(store: Store, openid: string): Promise<Actor> {
  return (await resolveCaller(store, openid)).actor
}
