import { addNeighbourTownship, as, dump, expectError, expectOk, people, useSeededStore } from '../support/harness'

const fixture = useSeededStore()

const DAY = 86_400_000
const staff = () => fixture.as(people.inspector)
const chairInvite = { role: 'chair', villageId: 'v-liushu', title: '村务监督委员会主任', name: '钱新任' } as const

describe('appointing by invite code', () => {
  it('makes the person who opens the code the chair, once', async () => {
    const { code, expiresAt } = expectOk(await staff()('township', 'invite', chairInvite))
    expect(expiresAt).toBe(new Date(fixture.clock.now().getTime() + 7 * DAY).toISOString())
    const newcomer = fixture.caller('wx:newcomer')
    expect(expectOk(await newcomer('member', 'acceptInvite', { code: code.toLowerCase() }))).toEqual({ role: 'chair', title: '村务监督委员会主任' })
    expect(expectOk(await newcomer('member', 'me', {}))).toMatchObject({ role: 'chair', name: '钱新任', village: { name: '柳树湾村' } })
    expect(expectError(await fixture.caller('wx:someone-else')('member', 'acceptInvite', { code }), 'CONFLICT')).toMatch(/已经用过/)
    const { appointments } = expectOk(await staff()('township', 'appointments', {}))
    expect(appointments.filter((a: { name: string }) => a.name === '钱新任')).toHaveLength(1)
  })

  it('expires after its days', async () => {
    const { code } = expectOk(await staff()('township', 'invite', { ...chairInvite, days: 2 }))
    fixture.clock.advance(2 * DAY)
    expect(expectError(await fixture.caller('wx:late')('member', 'acceptInvite', { code }), 'CONFLICT')).toMatch(/过期/)
    expect(expectError(await fixture.caller('wx:late')('member', 'acceptInvite', { code: 'ZZZZ2345' }), 'NOT_FOUND')).toMatch(/任命码不对/)
  })

  it('never gives one person two posts, so a chair cannot also be a committee member of the village', async () => {
    const { code, inviteId } = expectOk(await staff()('township', 'invite', { role: 'committee', villageId: 'v-shiqiao', title: '村委委员', name: '周德明' }))
    expect(expectError(await fixture.as(people.chair)('member', 'acceptInvite', { code }), 'CONFLICT')).toMatch(/只能担任一个职务/)
    expect(expectOk(await staff()('township', 'appointments', {})).invites.map((i) => i.inviteId)).toContain(inviteId)
  })

  it('lets a villager become an official; ending the post keeps what they did and makes them a villager again', async () => {
    const villager = fixture.as(people.villager)
    const { feedbackId } = expectOk(await villager('feedback', 'submit', { requestId: 'appoint-0000001', about: { type: 'general' }, text: '建议。' }))
    const { code } = expectOk(await staff()('township', 'invite', { role: 'committee', villageId: 'v-shiqiao', title: '村委委员', name: '王' }))
    expectOk(await villager('member', 'acceptInvite', { code }))
    expect(expectOk(await villager('member', 'me', {})).role).toBe('committee')
    const { appointments } = expectOk(await staff()('township', 'appointments', {}))
    const post = appointments.find((a) => a.title === '村委委员')
    if (!post) throw new Error('no 村委委员 post')
    expectOk(await staff()('township', 'endAppointment', { appointmentId: post.appointmentId }))
    expect(expectOk(await villager('member', 'me', {})).role).toBe('villager')
    expect(await fixture.store.get('feedback', feedbackId)).not.toBeNull()
    expect(
      dump(fixture.store)
        .audit!.map((e) => JSON.parse(e))
        .find((e) => e.action === 'member.acceptInvite'),
    ).toMatchObject({ role: 'villager' })
  })

  it("is the township's own, and refuses bad input without storing anything", async () => {
    const neighbour = fixture.as(await addNeighbourTownship(fixture.store))
    expectError(await neighbour('township', 'invite', chairInvite), 'NOT_FOUND')
    expectError(await as(fixture.store, people.chair)('township', 'invite', chairInvite), 'FORBIDDEN')
    const before = dump(fixture.store)
    expectError(await staff()('township', 'invite', { ...chairInvite, days: 31 }), 'INVALID_INPUT')
    expectError(await staff()('township', 'invite', { ...chairInvite, villageId: undefined }), 'INVALID_INPUT')
    expectError(await staff().unchecked('township', 'invite', { ...chairInvite, role: 'mayor' }), 'INVALID_INPUT')
    expect(dump(fixture.store)).toEqual(before)
    expectError(await staff()('township', 'endAppointment', { appointmentId: 'a-tw-inspector' }), 'CONFLICT')
  })
})
