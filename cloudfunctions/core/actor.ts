import { anonymousGuest, roleOf, type Actor } from '../../shared/domain/member'
import type { Store } from './store'

/** Turns an openid into the caller's role and where they belong. */
export async function resolveActor(store: Store, openid: string): Promise<Actor> {
  const { items } = await store.query('person', {
    where: { openid },
    orderBy: { field: 'openid', direction: 'asc' },
    limit: 1,
  })
  const person = items[0]
  if (!person) return anonymousGuest
  const [appointment, member] = await Promise.all([
    person.appointmentId ? store.get('appointment', person.appointmentId) : null,
    person.memberId ? store.get('member', person.memberId) : null,
  ])
  const role = roleOf(appointment, member)
  const activeMember = member?.status === 'active' ? member : null
  const household = activeMember ? await store.get('household', activeMember.householdId) : null
  let villageId: string | null = null
  let townshipId: string | null = null
  if (role === 'chair' || role === 'committee' || role === 'township') {
    villageId = appointment!.villageId
    townshipId = appointment!.townshipId
  } else if (activeMember) {
    villageId = activeMember.villageId
    townshipId = (await store.get('village', villageId))?.townshipId ?? null
  }
  const isRepresentative = household !== null && household.representativeMemberId === activeMember?._id
  const title =
    appointment?.status === 'active' ? appointment.title : role === 'villager' ? (isRepresentative ? '户代表' : '家庭成员') : null
  return {
    personId: person._id,
    name: person.name,
    role,
    title,
    townshipId,
    villageId,
    householdId: activeMember?.householdId ?? null,
    memberId: activeMember?._id ?? null,
    isRepresentative,
  }
}
