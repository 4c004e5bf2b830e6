import { queryAll } from '../../cloudfunctions/core/paging'
import { isSeeded } from '../../host/seed/demo'
import { seededStore, type TestStore } from '../support/harness'

let store: TestStore
beforeAll(async () => {
  store = await seededStore()
})
afterAll(() => store.close())

describe('the demo township', () => {
  it('has at least three villages, each with one chair and two committee members', async () => {
    const villages = await queryAll(store, 'village', { townshipId: 'tw-shiqiao' }, { field: 'name', direction: 'asc' })
    expect(villages.length).toBeGreaterThanOrEqual(3)
    for (const village of villages) {
      const appointments = await queryAll(store, 'appointment', { villageId: village._id, role: { in: ['chair', 'committee'] } }, { field: '_id', direction: 'asc' })
      expect(appointments.filter((a) => a.role === 'chair')).toHaveLength(1)
      expect(appointments.filter((a) => a.role === 'committee')).toHaveLength(2)
    }
    const staff = await queryAll(store, 'appointment', { townshipId: 'tw-shiqiao', role: 'township' }, { field: '_id', direction: 'asc' })
    expect(staff).toHaveLength(2)
  })

  it('has a main village of at least 120 households, 100 in the group, each with exactly one active voting representative', async () => {
    const households = await queryAll(store, 'household', { villageId: 'v-shiqiao' }, { field: 'number', direction: 'asc' })
    expect(households.length).toBeGreaterThanOrEqual(120)
    const inGroup = households.filter((h) => h.inGroup)
    expect(inGroup.length).toBeGreaterThanOrEqual(100)
    for (const h of households) {
      const members = await queryAll(store, 'member', { householdId: h._id }, { field: 'requestedAt', direction: 'asc' })
      const active = members.filter((m) => m.status === 'active')
      if (h.inGroup) {
        expect(active.length).toBeGreaterThanOrEqual(1)
        expect(active.map((m) => m._id)).toContain(h.representativeMemberId)
      } else {
        expect(active).toHaveLength(0)
        expect(h.representativeMemberId).toBeNull()
      }
    }
    const households2 = await Promise.all(inGroup.map(async (h) => (await queryAll(store, 'member', { householdId: h._id }, { field: 'requestedAt', direction: 'asc' })).length))
    expect(households2.filter((n) => n >= 2).length).toBeGreaterThanOrEqual(5)
    expect(await store.count('member', { villageId: 'v-shiqiao', status: 'pending' })).toBeGreaterThanOrEqual(1)
  })

  it('has a power list of seven categories and at least thirty items with steps, plus the special lists', async () => {
    expect(await store.count('power_category', {})).toBe(7)
    const items = await queryAll(store, 'power_item', {}, { field: '_id', direction: 'asc' })
    expect(items.length).toBeGreaterThanOrEqual(30)
    expect(items.filter((i) => i.level === 'township').every((i) => i.townshipId === 'tw-shiqiao')).toBe(true)
    for (const item of items) {
      expect(item.steps.length).toBeGreaterThanOrEqual(3)
      expect(item.basis.length).toBeGreaterThanOrEqual(1)
    }
    const names = items
      .filter((i) => i.level === 'district')
      .map((i) => i.name)
      .join('|')
    for (const must of ['最低生活保障', '危房改造', '工程', '发包', '财务支出']) expect(names).toContain(must)
    expect(await store.count('responsibility', {})).toBe(48)
    expect(await store.count('prohibition', {})).toBe(30)
  })

  it('is recognised as seeded, so a restart does not seed twice', async () => {
    expect(await isSeeded(store)).toBe(true)
  })
})
