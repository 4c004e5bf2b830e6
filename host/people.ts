import type { Store } from '../cloudfunctions/core/store'
import { queryAll } from '../cloudfunctions/core/paging'
import type { Role } from '../shared/roles'
import type { DevPerson } from '../shared/dev/schema'

const roleOrder: Record<Role, number> = { township: 0, chair: 1, committee: 2, villager: 3 }

/** Everyone who can sign in on the local host: appointed officials and approved villagers. */
export async function listPeople(store: Store): Promise<DevPerson[]> {
  const townships = await queryAll(store, 'township', {}, { field: '_id', direction: 'asc' })
  const people: DevPerson[] = []
  for (const township of townships) {
    for (const role of ['township', 'chair', 'committee'] as const) {
      const appointments = await queryAll(store, 'appointment', { townshipId: township._id, role }, { field: '_id', direction: 'asc' })
      for (const a of appointments.filter((x) => x.status === 'active')) {
        const person = await store.get('person', a.personId)
        if (person?.appointmentId !== a._id) continue
        const village = a.villageId ? await store.get('village', a.villageId) : null
        people.push({
          personId: person._id,
          name: person.name,
          role,
          townshipId: township._id,
          villageId: a.villageId,
          placeName: village?.name ?? township.name,
          householdId: null,
          isRepresentative: false,
        })
      }
    }
    const villages = await queryAll(store, 'village', { townshipId: township._id }, { field: 'name', direction: 'asc' })
    for (const village of villages) {
      const members = await queryAll(store, 'member', { villageId: village._id, status: 'active' }, { field: 'requestedAt', direction: 'asc' }, 100_000)
      const households = new Map((await queryAll(store, 'household', { villageId: village._id }, { field: 'number', direction: 'asc' }, 100_000)).map((h) => [h._id, h]))
      for (const m of members) {
        const household = households.get(m.householdId)
        people.push({
          personId: m.personId,
          name: m.name,
          role: 'villager',
          townshipId: township._id,
          villageId: village._id,
          placeName: village.name,
          householdId: m.householdId,
          isRepresentative: household?.representativeMemberId === m._id,
        })
      }
    }
  }
  return people.sort((a, b) => roleOrder[a.role] - roleOrder[b.role])
}
