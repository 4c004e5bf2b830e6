import type { Store, StoreTx } from '../../cloudfunctions/core/store'
import { snapshotOf, type AppointmentRole } from '../../shared/member/rules'
import { headOfHousehold, pick, prng, relativeOf } from './names'
import type { PowerItem } from '../../shared/power/schema'
import { readReference, readTownshipItems } from '../../cloudfunctions/core/reference'
import { districtLoader, itemVersion } from '../../shared/power/rules'
import { seedPublications } from './publications'
import { seedEvaluations } from './evaluations'
import { DAY_MS, HOUR_MS } from '../../shared/time'

/**
 * The demo township every fresh local host starts with: 石桥镇 of the invented
 * 清河区, with the main demo village 石桥村 and two smaller villages. Written in
 * one transaction through the store port, so a start is seeded whole or not at all.
 */
export const DEMO_TOWNSHIP_ID = 'tw-shiqiao'

interface VillagePlan {
  id: string
  name: string
  joinCode: string
  households: number
  inGroup: number
  pending: number
  seed: number
  officials: { key: string; role: Exclude<AppointmentRole, 'township'>; title: string; name: string }[]
}

const villages: VillagePlan[] = [
  {
    id: 'v-shiqiao',
    name: '石桥村',
    joinCode: 'SHIQIAO',
    households: 128,
    inGroup: 106,
    pending: 4,
    seed: 2026,
    officials: [
      { key: 'chair', role: 'chair', title: '村务监督委员会主任', name: '周德明' },
      { key: 'secretary', role: 'committee', title: '村党支部书记', name: '王振山' },
      { key: 'director', role: 'committee', title: '村委会主任', name: '李卫东' },
    ],
  },
  {
    id: 'v-liushu',
    name: '柳树湾村',
    joinCode: 'LIUSHUWAN',
    households: 46,
    inGroup: 35,
    pending: 1,
    seed: 7,
    officials: [
      { key: 'chair', role: 'chair', title: '村务监督委员会主任', name: '郭秀兰' },
      { key: 'secretary', role: 'committee', title: '村党支部书记', name: '马国栋' },
      { key: 'director', role: 'committee', title: '村委会主任', name: '孙立新' },
    ],
  },
  {
    id: 'v-dongling',
    name: '东岭村',
    joinCode: 'DONGLING',
    households: 38,
    inGroup: 27,
    pending: 1,
    seed: 11,
    officials: [
      { key: 'chair', role: 'chair', title: '村务监督委员会主任', name: '冯永红' },
      { key: 'secretary', role: 'committee', title: '村党支部书记', name: '韩志刚' },
      { key: 'director', role: 'committee', title: '村委会主任', name: '高春来' },
    ],
  },
]

const townshipStaff = [
  { key: 'inspector', title: '镇纪委书记', name: '赵清华' },
  { key: 'officer', title: '镇纪委干事', name: '陈思远' },
]

const groupNames = ['一组', '二组', '三组', '四组', '五组', '六组']

/** Items the main village left out of its list, and one it removed later (shown in the list's history). */
const notSelectedInMainVillage = new Set(['pw-7-04'])

const daysBefore = (now: Date, days: number, hour = 9) => new Date(now.getTime() - days * DAY_MS + hour * HOUR_MS - (now.getTime() % DAY_MS)).toISOString()

export async function isSeeded(store: Store): Promise<boolean> {
  return (await store.get('township', DEMO_TOWNSHIP_ID)) !== null
}

/**
 * The district's lists from the same data files a real township's setup loads, and the demo township's
 * featured items from a file in the same format; answers every item, for the villages' selections.
 */
async function seedPowerList(tx: StoreTx, now: Date): Promise<PowerItem[]> {
  const reference = readReference()
  const featured = readTownshipItems('demo-township-items.csv', DEMO_TOWNSHIP_ID, reference)
  for (const category of reference.categories) await tx.insert('power_category', category)
  // District items start their 变更记录 as a real township's setup starts them (insertReference): version 1.
  const district = reference.items.map((item) => ({ ...item, version: 1 }))
  for (const item of district) await tx.insert('power_item_version', itemVersion(item, 1, 'created', [], '', daysBefore(now, 500), districtLoader()))
  for (const item of [...district, ...featured]) await tx.insert('power_item', item)
  for (const duty of reference.responsibilities) await tx.insert('responsibility', duty)
  for (const prohibition of reference.prohibitions) await tx.insert('prohibition', prohibition)
  return [...district, ...featured]
}

async function seedVillage(tx: StoreTx, plan: VillagePlan, now: Date, allItems: readonly PowerItem[]): Promise<void> {
  const random = prng(plan.seed)
  const short = plan.id.slice(2)
  await tx.insert('village', { _id: plan.id, townshipId: DEMO_TOWNSHIP_ID, name: plan.name, joinCode: plan.joinCode })

  for (const official of plan.officials) {
    const personId = `p-${short}-${official.key}`
    const appointmentId = `a-${short}-${official.key}`
    await tx.insert('person', {
      _id: personId,
      openid: `demo:${personId}`,
      name: official.name,
      memberId: null,
      appointmentId,
      snapshot: snapshotOf(null, { villageId: plan.id }),
      createdAt: daysBefore(now, 400),
    })
    await tx.insert('appointment', {
      _id: appointmentId,
      personId,
      role: official.role,
      townshipId: DEMO_TOWNSHIP_ID,
      villageId: plan.id,
      title: official.title,
      status: 'active',
      startedAt: daysBefore(now, 400),
      endedAt: null,
    })
  }
  const chairId = `p-${short}-chair`

  for (let i = 1; i <= plan.households; i++) {
    const number = String(i).padStart(4, '0')
    const householdId = `h-${short}-${number}`
    const head = headOfHousehold(random)
    const inGroup = i <= plan.inGroup
    const pending = !inGroup && i <= plan.inGroup + plan.pending
    // Every seventh household in the group also has a younger member, often working away from home.
    const second = inGroup && i % 7 === 3
    // In some households the younger member, not the elderly head, holds the vote.
    const youngerVotes = second && i % 2 === 0
    const members: { name: string; representative: boolean }[] = []
    if (inGroup) {
      const relative = second ? relativeOf(random, head) : null
      members.push({ name: head, representative: !youngerVotes })
      if (relative) members.push({ name: relative, representative: youngerVotes })
    }
    const memberIds = members.map((_, k) => `m-${short}-${number}-${k + 1}`)
    const representativeMemberId = memberIds[members.findIndex((m) => m.representative)] ?? null
    await tx.insert('household', {
      _id: householdId,
      villageId: plan.id,
      number,
      headName: head,
      groupName: groupNames[(i - 1) % groupNames.length]!,
      size: 2 + Math.floor(random() * 4),
      representativeMemberId,
      inGroup,
    })
    for (const [k, member] of members.entries()) {
      const personId = `p-${short}-${number}-${k + 1}`
      const requestedAt = daysBefore(now, 300 - i - k)
      await tx.insert('person', {
        _id: personId,
        openid: `demo:${personId}`,
        name: member.name,
        memberId: memberIds[k]!,
        appointmentId: null,
        snapshot: snapshotOf({ householdId, villageId: plan.id }, null),
        createdAt: requestedAt,
      })
      await tx.insert('member', {
        _id: memberIds[k]!,
        personId,
        name: member.name,
        villageId: plan.id,
        householdId,
        status: 'active',
        requestedAt,
        decidedAt: daysBefore(now, 299 - i - k),
        decidedBy: chairId,
        reason: null,
      })
    }
    if (pending) {
      const personId = `p-${short}-${number}-1`
      const name = pick(random, [head, relativeOf(random, head)])
      const requestedAt = daysBefore(now, plan.inGroup + plan.pending - i + 1, 20)
      await tx.insert('person', {
        _id: personId,
        openid: `demo:${personId}`,
        name,
        memberId: `m-${short}-${number}-1`,
        appointmentId: null,
        snapshot: snapshotOf({ householdId, villageId: plan.id }, null),
        createdAt: requestedAt,
      })
      await tx.insert('member', {
        _id: `m-${short}-${number}-1`,
        personId,
        name,
        villageId: plan.id,
        householdId,
        status: 'pending',
        requestedAt,
        decidedAt: null,
        decidedBy: null,
        reason: null,
      })
    }
  }

  // The village's published selection from the district list and the township's featured list.
  const director = plan.officials.find((o) => o.key === 'director')!
  const adopted = daysBefore(now, 360)
  for (const item of allItems) {
    const selected = plan.id !== 'v-shiqiao' || !notSelectedInMainVillage.has(item._id)
    await tx.insert('power_selection', {
      _id: `${plan.id}:${item._id}`,
      villageId: plan.id,
      itemId: item._id,
      selected,
      changedAt: adopted,
    })
    if (selected) {
      await tx.insert('power_change', {
        _id: `pc-${short}-${item._id}`,
        villageId: plan.id,
        itemId: item._id,
        itemName: item.name,
        change: 'added',
        note: item.level === 'township' ? '按镇特色清单纳入，经村民代表会议表决通过' : '按区指导性清单纳入，经村民代表会议表决通过',
        at: adopted,
        byPersonId: `p-${short}-director`,
        byName: director.name,
        byTitle: director.title,
      })
    }
  }
  if (plan.id === 'v-shiqiao') {
    for (const itemId of notSelectedInMainVillage) {
      const item = allItems.find((x) => x._id === itemId)
      if (!item) continue
      await tx.insert('power_change', {
        _id: `pc-${short}-${itemId}-review`,
        villageId: plan.id,
        itemId,
        itemName: item.name,
        change: 'removed',
        note: '本村无此类事项，经村民代表会议决定暂不纳入，已报镇党委备案',
        at: daysBefore(now, 350),
        byPersonId: `p-${short}-director`,
        byName: director.name,
        byTitle: director.title,
      })
    }
  }
}

export async function seedDemo(store: Store, now: Date): Promise<void> {
  await store.transaction(async (tx) => {
    await tx.insert('township', { _id: DEMO_TOWNSHIP_ID, name: '石桥镇', district: '清河区', duties: null })
    for (const staff of townshipStaff) {
      const personId = `p-tw-${staff.key}`
      const appointmentId = `a-tw-${staff.key}`
      await tx.insert('person', {
        _id: personId,
        openid: `demo:${personId}`,
        name: staff.name,
        memberId: null,
        appointmentId,
        snapshot: snapshotOf(null, { villageId: null }),
        createdAt: daysBefore(now, 500),
      })
      await tx.insert('appointment', {
        _id: appointmentId,
        personId,
        role: 'township',
        townshipId: DEMO_TOWNSHIP_ID,
        villageId: null,
        title: staff.title,
        status: 'active',
        startedAt: daysBefore(now, 500),
        endedAt: null,
      })
    }
    const powerItems = await seedPowerList(tx, now)
    for (const plan of villages) await seedVillage(tx, plan, now, powerItems)
    await seedPublications(tx, now)
    await seedEvaluations(tx, now)
  })
}
