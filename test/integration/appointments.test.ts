import { addNeighbourTownship, as, callerFor, dump, expectError, expectOk, people, seededStore, testClock, type TestStore } from '../support/harness'

let store: TestStore
let clock: ReturnType<typeof testClock>
beforeEach(async () => {
  clock = testClock()
  store = await seededStore(clock)
})
afterEach(() => store.close())

const DAY = 86_400_000
const staff = () => as(store, people.inspector, clock)
const chairInvite = { role: 'chair', villageId: 'v-liushu', title: '村务监督委员会主任', name: '钱新任' }

describe('appointing by invite code', () => {
  it('makes the person who opens the code the chair, once', async () => {
    const { code, expiresAt } = expectOk(await staff()('township', 'invite', chairInvite))
    expect(expiresAt).toBe(new Date(clock.now().getTime() + 7 * DAY).toISOString())
    const newcomer = callerFor(store, 'wx:newcomer', clock)
    expect(expectOk(await newcomer('member', 'acceptInvite', { code: code.toLowerCase() }))).toEqual({ role: 'chair', title: '村务监督委员会主任' })
    expect(expectOk(await newcomer('member', 'me', {}))).toMatchObject({ role: 'chair', name: '钱新任', village: { name: '柳树湾村' } })
    expect(expectError(await callerFor(store, 'wx:someone-else', clock)('member', 'acceptInvite', { code }), 'CONFLICT')).toMatch(/已经用过/)
    const { appointments } = expectOk(await staff()('township', 'appointments', {}))
    expect(appointments.filter((a: { name: string }) => a.name === '钱新任')).toHaveLength(1)
  })

  it('expires after its days', async () => {
    const { code } = expectOk(await staff()('township', 'invite', { ...chairInvite, days: 2 }))
    clock.advance(2 * DAY)
    expect(expectError(await callerFor(store, 'wx:late', clock)('member', 'acceptInvite', { code }), 'CONFLICT')).toMatch(/过期/)
    expect(expectError(await callerFor(store, 'wx:late', clock)('member', 'acceptInvite', { code: 'ZZZZ2345' }), 'NOT_FOUND')).toMatch(/任命码不对/)
  })

  it('never gives one person two posts, so a chair cannot also be a committee member of the village', async () => {
    const { code } = expectOk(await staff()('township', 'invite', { role: 'committee', villageId: 'v-shiqiao', title: '村委委员', name: '周德明' }))
    expect(expectError(await as(store, people.chair, clock)('member', 'acceptInvite', { code }), 'CONFLICT')).toMatch(/只能担任一个职务/)
    expect(expectOk(await staff()('township', 'appointments', {})).invites.map((i: { code: string }) => i.code)).toContain(code)
  })

  it('lets a villager become an official; ending the post keeps what they did and makes them a villager again', async () => {
    const villager = as(store, people.villager, clock)
    const { feedbackId } = expectOk(await villager('feedback', 'submit', { requestId: 'appoint-0000001', about: { type: 'general' }, text: '建议。' }))
    const { code } = expectOk(await staff()('township', 'invite', { role: 'committee', villageId: 'v-shiqiao', title: '村委委员', name: '王' }))
    expectOk(await villager('member', 'acceptInvite', { code }))
    expect(expectOk(await villager('member', 'me', {})).role).toBe('committee')
    const { appointments } = expectOk(await staff()('township', 'appointments', {}))
    const post = appointments.find((a: { title: string }) => a.title === '村委委员')
    expectOk(await staff()('township', 'endAppointment', { appointmentId: post.appointmentId }))
    expect(expectOk(await villager('member', 'me', {})).role).toBe('villager')
    expect(await store.get('feedback', feedbackId)).not.toBeNull()
    expect(dump(store).audit!.map((e) => JSON.parse(e)).find((e) => e.action === 'member.acceptInvite')).toMatchObject({ role: 'villager' })
  })

  it('is the township\'s own, and refuses bad input without storing anything', async () => {
    const neighbour = as(store, await addNeighbourTownship(store), clock)
    expectError(await neighbour('township', 'invite', chairInvite), 'NOT_FOUND')
    expectError(await as(store, people.chair)('township', 'invite', chairInvite), 'FORBIDDEN')
    const before = dump(store)
    expectError(await staff()('township', 'invite', { ...chairInvite, days: 31 }), 'INVALID_INPUT')
    expectError(await staff()('township', 'invite', { ...chairInvite, villageId: undefined }), 'INVALID_INPUT')
    expectError(await staff()('township', 'invite', { ...chairInvite, role: 'mayor' }), 'INVALID_INPUT')
    expect(dump(store)).toEqual(before)
    expectError(await staff()('township', 'endAppointment', { appointmentId: 'a-tw-inspector' }), 'CONFLICT')
  })
})
