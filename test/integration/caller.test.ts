import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { SqliteStore } from '../../cloudfunctions/adapters/sqlite/store'
import { StandInStore } from '../../cloudfunctions/adapters/wxcloud/standin'
import { resolveActor } from '../../cloudfunctions/core/actor'
import { seedDemo } from '../../host/seed/demo'
import { snapshotOf } from '../../shared/member/rules'
import type { PersonSnapshot } from '../../shared/member/schema'
import { costOf } from '../../scripts/cost/main'
import { addNeighbourTownship, expectError, expectOk, NOW, people, storeKind, useSeededStore } from '../support/harness'

/*
 * Resolving the caller (core/actor.ts) reads the person, then together the records its snapshot names. The
 * snapshot is kept in step by the writes that change what a person names, and it is only ever a hint: the
 * role and ids come from the member, appointment and household records themselves.
 */

const fixture = useSeededStore()

const snapshotOfPerson = async (personId: string) => (await fixture.store.get('person', personId))!.snapshot
/** The snapshot a person should carry, from the records it names. */
const truthFor = async (personId: string): Promise<PersonSnapshot> => {
  const person = (await fixture.store.get('person', personId))!
  const [member, appointment] = await Promise.all([
    person.memberId ? fixture.store.get('member', person.memberId) : null,
    person.appointmentId ? fixture.store.get('appointment', person.appointmentId) : null,
  ])
  return snapshotOf(member, appointment)
}
/** Sequential round trips of resolving `openid` on the cloud adapter; null on SQLite, which has none to count. */
const roundTrips = async (openid: string) =>
  fixture.store instanceof StandInStore ? (await costOf(fixture.store.engine, () => resolveActor(fixture.store, openid))).sequential : null
const fast = storeKind === 'cloud' ? 2 : null

describe('the snapshot kept in step', () => {
  it('follows a member who leaves, joins another household and is approved: the next call resolves the new household', async () => {
    const villager = fixture.as(people.secondMember3)
    expectOk(await villager('member', 'leave', { reason: '搬到别户' }))
    expect(expectOk(await villager('member', 'me'))).toMatchObject({ role: 'guest', household: null, village: null })
    const { memberId } = expectOk(await villager('member', 'join', { joinCode: 'shiqiao', householdNumber: '0120', name: '新户主' }))
    expect(await snapshotOfPerson(people.secondMember3)).toEqual(await truthFor(people.secondMember3))
    expect(await snapshotOfPerson(people.secondMember3)).toMatchObject({ householdId: 'h-shiqiao-0120' })
    expectOk(await fixture.as(people.chair)('member', 'approve', { memberId }))
    const me = expectOk(await villager('member', 'me'))
    expect(me).toMatchObject({ role: 'villager', isRepresentative: true, household: { number: '0120' }, village: { villageId: 'v-shiqiao' } })
    expect(await roundTrips(`demo:${people.secondMember3}`)).toBe(fast)
  })

  it('follows a member the chair removes: the next call is a guest, with no household', async () => {
    expectOk(await fixture.as(people.chair)('member', 'remove', { memberId: 'm-shiqiao-0003-2', reason: '本人申请退出' }))
    const actor = await resolveActor(fixture.store, `demo:${people.secondMember3}`)
    expect(actor).toMatchObject({ role: 'guest', householdId: null, villageId: null, townshipId: null, isRepresentative: false })
  })

  it('follows a representative change: the vote moves with the household record, both members see it at once', async () => {
    expect((await resolveActor(fixture.store, `demo:${people.secondMember3}`)).isRepresentative).toBe(false)
    expectOk(await fixture.as(people.chair)('member', 'setRepresentative', { memberId: 'm-shiqiao-0003-2' }))
    expect(await resolveActor(fixture.store, `demo:${people.secondMember3}`)).toMatchObject({ role: 'villager', isRepresentative: true, title: '户代表' })
    expect(await resolveActor(fixture.store, `demo:${people.representative3}`)).toMatchObject({ role: 'villager', isRepresentative: false, title: '家庭成员' })
    expect(await roundTrips(`demo:${people.secondMember3}`)).toBe(fast)
  })

  it('follows an appointment: a villager who takes a post acts in its village, and is a villager again once it ends', async () => {
    const staff = fixture.as(people.inspector)
    const { code } = expectOk(await staff('township', 'invite', { role: 'committee', villageId: 'v-shiqiao', title: '村委委员', name: '王' }))
    const villager = fixture.as(people.villager)
    expectOk(await villager('member', 'acceptInvite', { code }))
    expect(await snapshotOfPerson(people.villager)).toEqual(await truthFor(people.villager))
    expect(await snapshotOfPerson(people.villager)).toMatchObject({ householdId: 'h-shiqiao-0001', postVillageId: 'v-shiqiao' })
    expect(await resolveActor(fixture.store, `demo:${people.villager}`)).toMatchObject({ role: 'committee', villageId: 'v-shiqiao', townshipId: 'tw-shiqiao' })
    expect(await roundTrips(`demo:${people.villager}`)).toBe(fast)
    const post = expectOk(await staff('township', 'appointments', {})).appointments.find((a) => a.title === '村委委员')
    if (!post) throw new Error('no 村委委员 post')
    expectOk(await staff('township', 'endAppointment', { appointmentId: post.appointmentId }))
    expect(await resolveActor(fixture.store, `demo:${people.villager}`)).toMatchObject({ role: 'villager', title: '户代表', householdId: 'h-shiqiao-0001', isRepresentative: true })
    expect(await roundTrips(`demo:${people.villager}`)).toBe(fast)
  })

  it("gives a newcomer who takes a post a snapshot naming the post's village", async () => {
    const { code } = expectOk(await fixture.as(people.inspector)('township', 'invite', { role: 'chair', villageId: 'v-liushu', title: '村务监督委员会主任', name: '钱新任' }))
    const newcomer = fixture.caller('wx:newcomer')
    expectOk(await newcomer('member', 'acceptInvite', { code }))
    const { personId } = expectOk(await newcomer('member', 'me'))
    expect(await snapshotOfPerson(personId!)).toEqual({ householdId: null, villageId: null, postVillageId: 'v-liushu' })
    expect(await roundTrips('wx:newcomer')).toBe(fast)
  })
})

describe('a stale or missing snapshot', () => {
  it('never grants a role or a household: a removed member whose snapshot still names the household is a guest', async () => {
    expectOk(await fixture.as(people.chair)('member', 'remove', { memberId: 'm-shiqiao-0001-1', reason: '本人申请退出' }))
    // What the person carried while a member, put back as if no write had touched it.
    await fixture.store.update('person', people.villager, { snapshot: { householdId: 'h-shiqiao-0001', villageId: 'v-shiqiao', postVillageId: 'v-shiqiao' } })
    expect(await resolveActor(fixture.store, `demo:${people.villager}`)).toMatchObject({ role: 'guest', householdId: null, villageId: null, isRepresentative: false })
    expectError(await fixture.as(people.villager)('evaluation', 'proxies'), 'FORBIDDEN')
  })

  it('naming another household and village is ignored: the caller resolves to their own, and the snapshot is repaired', async () => {
    // household 0003's second member, pointed at household 0001 (whose representative someone else is) and a village of another township
    await addNeighbourTownship(fixture.store)
    await fixture.store.update('person', people.secondMember3, { snapshot: { householdId: 'h-shiqiao-0001', villageId: 'v-beiyuan', postVillageId: 'v-beiyuan' } })
    const actor = await resolveActor(fixture.store, `demo:${people.secondMember3}`)
    expect(actor).toMatchObject({ role: 'villager', householdId: 'h-shiqiao-0003', villageId: 'v-shiqiao', townshipId: 'tw-shiqiao', isRepresentative: false, title: '家庭成员' })
    expect(await snapshotOfPerson(people.secondMember3)).toEqual(await truthFor(people.secondMember3))
    // and the scope check serves the caller's own village, not the one the snapshot named
    const rounds = expectOk(await fixture.as(people.secondMember3)('evaluation', 'listRounds', {}))
    expect(rounds.items.every((r: { villageId: string }) => r.villageId === 'v-shiqiao')).toBe(true)
  })

  it('missing (cloud data written before it) costs one more round trip once, then resolves in two', async () => {
    await fixture.store.update('person', people.villager, { snapshot: null })
    if (fixture.store instanceof StandInStore) fixture.store.engine.tamper('person', people.villager, (doc) => delete doc.snapshot)
    const before = await roundTrips(`demo:${people.villager}`)
    expect(await resolveActor(fixture.store, `demo:${people.villager}`)).toMatchObject({
      role: 'villager',
      householdId: 'h-shiqiao-0001',
      isRepresentative: true,
      townshipId: 'tw-shiqiao',
    })
    expect(await snapshotOfPerson(people.villager)).toEqual(await truthFor(people.villager))
    if (storeKind === 'cloud') expect(before).toBe(3)
    expect(await roundTrips(`demo:${people.villager}`)).toBe(fast)
  })
})

;(storeKind === 'sqlite' ? describe : describe.skip)('migration 13 (SQLite)', () => {
  it('gives every person stored before it the snapshot of the records it names', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'snapshot-'))
    try {
      const file = join(dir, 'village.db')
      const seeded = SqliteStore.open(file)
      await seedDemo(seeded, NOW)
      seeded.db.exec(`UPDATE person SET doc = json_remove(doc, '$.snapshot')`)
      seeded.db.pragma('user_version = 12')
      seeded.close()
      const reopened = SqliteStore.open(file)
      const persons = (reopened.db.prepare('SELECT doc FROM person').all() as { doc: string }[]).map((r) => JSON.parse(r.doc))
      expect(persons.length).toBeGreaterThan(100)
      for (const person of persons) {
        const member = person.memberId ? await reopened.get('member', person.memberId) : null
        const appointment = person.appointmentId ? await reopened.get('appointment', person.appointmentId) : null
        expect({ personId: person._id, snapshot: person.snapshot }).toEqual({ personId: person._id, snapshot: snapshotOf(member, appointment) })
      }
      expect(persons.some((p) => p.snapshot.householdId !== null)).toBe(true)
      expect(persons.some((p) => p.snapshot.postVillageId !== null)).toBe(true)
      reopened.close()
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
