import type { Input } from '../../shared/contract/areas'
import { as, expectError, expectOk, people, useSeededStore } from '../support/harness'

const fixture = useSeededStore()

const DAY = 86_400_000
const HOUR = 3_600_000

const ask = (requestId: string, extra: Partial<Input<'topic', 'ask'>> = {}): Input<'topic', 'ask'> => ({
  requestId,
  title: '村集体土地流转收入',
  reason: '去年把东坡的地流转出去了，想知道租金收了多少、用在了哪里',
  ...extra,
})

/** A forward with the due day five Beijing days after the test clock's 2026-11-21 (16:00 Beijing). */
const forwardInput = (topicId: string, extra: Partial<Input<'topic', 'forward'>> = {}): Input<'topic', 'forward'> => ({
  topicId,
  kind: 'finance',
  section: 'finance',
  dueDay: '2026-11-25',
  ...extra,
})

/** The committee publishes a finance disclosure answering the topic. */
const answer = (topicId: string) =>
  fixture.as(people.director)('disclosure', 'publish', {
    kind: 'finance',
    section: 'finance',
    title: '东坡土地流转收入和使用情况',
    body: '2025年东坡土地流转租金收入及用途。',
    lineItems: [{ date: '2026-11-01', item: '东坡土地流转租金', amountFen: 1_200_000, direction: 'income' }],
    topicId,
  })

const asked = async (requestId: string, extra: Partial<Input<'topic', 'ask'>> = {}) => expectOk(await fixture.as(people.villager)('topic', 'ask', ask(requestId, extra))).topicId

const mine = async (topicId: string) => expectOk(await fixture.as(people.villager)('topic', 'mine', {})).items.find((t) => t.topicId === topicId)!
const duty = async (topicId: string, who = people.director) => expectOk(await fixture.as(who)('topic', 'duties', {})).items.find((d) => d.topicId === topicId)

describe('点题公开: a villager asks, the chair forwards, the committees disclose', () => {
  it('goes from asked to forwarded (a duty with a due date) to disclosed on time, which the villager sees', async () => {
    const topicId = await asked('topic-req-0001')
    expect(await mine(topicId)).toMatchObject({ status: 'asked', title: '村集体土地流转收入', dutyStatus: null, requester: '赵振华' })

    const chair = fixture.as(people.chair)
    const inbox = expectOk(await chair('topic', 'inbox', { status: 'asked' }))
    expect(inbox.items.map((t) => t.topicId)).toContain(topicId)
    expect(inbox.counts.waiting).toBeGreaterThanOrEqual(1)
    // The chair sees who asked.
    expect(inbox.items.find((t) => t.topicId === topicId)!.requester).toBe('赵振华')

    // The chair edits the wording for the committees; the due day's whole Beijing day counts.
    const forwarded = expectOk(await chair('topic', 'forward', forwardInput(topicId, { title: '东坡土地流转租金的收入和使用' })))
    expect(forwarded).toEqual({ status: 'forwarded', dueAt: '2026-11-25T16:00:00.000Z' })

    // The committees see it as a duty, with the edited wording and the villager's reason, but not who asked.
    const owed = await duty(topicId)
    expect(owed).toMatchObject({ title: '东坡土地流转租金的收入和使用', status: 'notDue', kind: 'finance', section: 'finance', disclosureId: null })
    expect(JSON.stringify(owed)).not.toContain('赵振华')
    expect(expectOk(await fixture.as(people.director)('topic', 'duties', { open: true })).items.map((d) => d.topicId)).toContain(topicId)

    // Published at 23:00 Beijing time on the due day: on time.
    fixture.clock.advance(4 * DAY + 7 * HOUR)
    const { disclosureId } = expectOk(await answer(topicId))
    expect(await duty(topicId)).toMatchObject({ status: 'onTime', disclosureId })
    expect(expectOk(await fixture.as(people.director)('topic', 'duties', { open: true })).items.map((d) => d.topicId)).not.toContain(topicId)
    expect(await mine(topicId)).toMatchObject({ status: 'disclosed', dutyStatus: 'onTime', disclosureId, dutyTitle: '东坡土地流转租金的收入和使用' })
  })

  it('counts a disclosure after the due day as late, and shows a duty past it with nothing published as overdue', async () => {
    const chair = fixture.as(people.chair)
    const lateId = await asked('topic-req-0002')
    const overdueId = await asked('topic-req-0003', { title: '村部修缮工程的预算和决算' })
    expectOk(await chair('topic', 'forward', forwardInput(lateId)))
    expectOk(await chair('topic', 'forward', forwardInput(overdueId, { kind: 'village', section: 'projects' })))

    // The first moment of the next Beijing day is past the due time.
    fixture.clock.advance(4 * DAY + 8 * HOUR)
    expect(await duty(overdueId)).toMatchObject({ status: 'overdue' })
    expect(expectOk(await chair('topic', 'inbox', {})).counts.overdue).toBe(2)
    expectOk(await answer(lateId))
    expect(await duty(lateId)).toMatchObject({ status: 'late' })
    expect(await mine(lateId)).toMatchObject({ status: 'disclosed', dutyStatus: 'late' })
    const duties = expectOk(await fixture.as(people.director)('topic', 'duties', {}))
    expect(duties).toMatchObject({ overdueCount: 1, lateCount: 1 })
    // A disclosure cannot answer a topic twice.
    expect(expectError(await answer(lateId), 'CONFLICT')).toMatch(/已经有公开答复/)
  })

  it('declines with a reason the villager reads; a decided request cannot be decided again', async () => {
    const topicId = await asked('topic-req-0004', { title: '邻居家的低保是怎么评上的' })
    const chair = fixture.as(people.chair)
    expect(expectOk(await chair('topic', 'decline', { topicId, reason: '低保评定名单已在村务公开栏第3期公开，请查看“办事结果”栏目' }))).toEqual({
      status: 'declined',
    })
    expect(await mine(topicId)).toMatchObject({
      status: 'declined',
      declineReason: '低保评定名单已在村务公开栏第3期公开，请查看“办事结果”栏目',
      decidedBy: '村务监督委员会主任周德明',
    })
    expect(expectError(await chair('topic', 'forward', forwardInput(topicId)), 'CONFLICT')).toMatch(/已经处理过了/)
    expect(expectError(await chair('topic', 'decline', { topicId, reason: '再说一次' }), 'CONFLICT')).toMatch(/已经处理过了/)
    // A declined topic is not a duty and cannot be answered by a disclosure.
    expect(await duty(topicId)).toBeUndefined()
    expectError(await answer(topicId), 'CONFLICT')
  })

  it('refuses a due day already past or too far ahead, in plain words', async () => {
    const topicId = await asked('topic-req-0005')
    const chair = fixture.as(people.chair)
    expect(expectError(await chair('topic', 'forward', forwardInput(topicId, { dueDay: '2026-11-20' })), 'INVALID_INPUT')).toBe('公开期限不能早于今天')
    expect(expectError(await chair('topic', 'forward', forwardInput(topicId, { dueDay: '2027-03-01' })), 'INVALID_INPUT')).toMatch(/90天以内/)
    expect(expectError(await chair('topic', 'forward', forwardInput(topicId, { dueDay: '2026/11/25' })), 'INVALID_INPUT')).toMatch(/公开期限要写成/)
    // Today itself may be chosen.
    expectOk(await chair('topic', 'forward', forwardInput(topicId, { dueDay: '2026-11-21' })))
  })
})

describe('asking', () => {
  it('files one request however often the same request id arrives, even at once', async () => {
    const villager = fixture.as(people.villager)
    const input = ask('topic-retry-0001')
    const [a, b] = await Promise.all([villager('topic', 'ask', input), villager('topic', 'ask', input)])
    expect(expectOk(a).topicId).toBe(expectOk(b).topicId)
    expect(expectOk(await villager('topic', 'ask', input)).topicId).toBe(expectOk(a).topicId)
    expect(expectOk(await villager('topic', 'mine', {})).items.filter((t) => t.topicId === expectOk(a).topicId)).toHaveLength(1)
    expect(await fixture.store.count('topic', { personId: people.villager })).toBe(1)
    // Another request id is another request.
    expectOk(await villager('topic', 'ask', ask('topic-retry-0002')))
    expect(await fixture.store.count('topic', { personId: people.villager })).toBe(2)
    // 我的信息 counts them.
    expect(expectOk(await villager('member', 'myData', {})).topics).toBe(2)
  })

  it('checks the topic and the reason with Chinese messages', async () => {
    const villager = fixture.as(people.villager)
    expect(expectError(await villager('topic', 'ask', ask('topic-bad-0001', { title: '   ' })), 'INVALID_INPUT')).toBe('请填写想让村里公开的事')
    expect(expectError(await villager('topic', 'ask', ask('topic-bad-0002', { title: '收入' })), 'INVALID_INPUT')).toBe('想让村里公开的事请至少写4个字')
    expect(expectError(await villager('topic', 'ask', ask('topic-bad-0003', { title: '地'.repeat(61) })), 'INVALID_INPUT')).toBe('想让村里公开的事不能超过60个字')
    expect(expectError(await villager('topic', 'ask', ask('topic-bad-0004', { reason: '' })), 'INVALID_INPUT')).toBe('请填写想了解的原因')
    expect(expectError(await villager('topic', 'ask', ask('topic-bad-0005', { reason: '因'.repeat(301) })), 'INVALID_INPUT')).toBe('想了解的原因不能超过300个字')
    expect(await fixture.store.count('topic', { personId: people.villager })).toBe(0)
  })
})

describe('who may do what', () => {
  it('lets only group members ask, and only the chair decide', async () => {
    expectError(await fixture.as(people.pending)('topic', 'ask', ask('topic-perm-0001')), 'FORBIDDEN')
    expectError(await fixture.caller('visitor:nobody')('topic', 'ask', ask('topic-perm-0002')), 'FORBIDDEN')
    expectError(await fixture.as(people.chair)('topic', 'ask', ask('topic-perm-0003')), 'FORBIDDEN')
    const topicId = await asked('topic-perm-0004')
    for (const who of [people.director, people.villager, people.inspector]) {
      expectError(await fixture.as(who)('topic', 'forward', forwardInput(topicId)), 'FORBIDDEN')
      expectError(await fixture.as(who)('topic', 'decline', { topicId, reason: '不行' }), 'FORBIDDEN')
      expectError(await fixture.as(who)('topic', 'inbox', {}), 'FORBIDDEN')
    }
    expect((await fixture.store.get('topic', topicId))!.status).toBe('asked')
  })

  it("answers NOT_FOUND to another village's chair and committee, and keeps its requests out of their lists", async () => {
    const topicId = await asked('topic-perm-0005')
    const otherChair = fixture.as(people.otherChair)
    expectError(await otherChair('topic', 'forward', forwardInput(topicId)), 'NOT_FOUND')
    expectError(await otherChair('topic', 'decline', { topicId, reason: '不行' }), 'NOT_FOUND')
    expect(expectOk(await otherChair('topic', 'inbox', {})).items.map((t) => t.topicId)).not.toContain(topicId)
    expectOk(await fixture.as(people.chair)('topic', 'forward', forwardInput(topicId)))
    expect(expectOk(await fixture.as(people.otherDirector)('topic', 'duties', {})).items.map((d) => d.topicId)).not.toContain(topicId)
    // Another village's committee cannot answer it with its own disclosure.
    const other = await fixture.as(people.otherDirector)('disclosure', 'publish', {
      kind: 'village',
      section: 'services',
      title: '别村的公开',
      body: '内容',
      topicId,
    })
    expectError(other, 'NOT_FOUND')
    expect((await fixture.store.get('topic', topicId))!.status).toBe('forwarded')
    // Another village's villager does not see it among their own.
    expect(expectOk(await fixture.as(people.otherVillager)('topic', 'mine', {})).items.map((t) => t.topicId)).not.toContain(topicId)
  })
})

describe('figures', () => {
  it('counts requested, forwarded, declined, disclosed on time and late, and overdue for the chair and the township', async () => {
    const chair = fixture.as(people.chair)
    const ids = await Promise.all(['a', 'b', 'c', 'd', 'e'].map((s) => asked(`topic-fig-000${s}`)))
    const [onTime, late, overdue, declined] = ids as [string, string, string, string, string]
    for (const id of [onTime, late, overdue]) expectOk(await chair('topic', 'forward', forwardInput(id)))
    expectOk(await chair('topic', 'decline', { topicId: declined, reason: '已公开过' }))
    expectOk(await answer(onTime))
    fixture.clock.advance(6 * DAY)
    expectOk(await answer(late))
    // Another village's request counts for the township, not for this chair.
    expectOk(await fixture.as(people.otherVillager)('topic', 'ask', ask('topic-fig-other')))

    const expected = { requested: 5, waiting: 1, forwarded: 3, declined: 1, disclosedOnTime: 1, disclosedLate: 1, overdue: 1 }
    const own = expectOk(await chair('topic', 'figures', {}))
    expect(own.total).toEqual(expected)
    expect(own.villages).toHaveLength(1)
    const township = expectOk(await fixture.as(people.inspector)('topic', 'figures', {}))
    expect(township.villages.find((v) => v.villageName === '石桥村')).toMatchObject(expected)
    expect(township.villages.find((v) => v.villageName === '柳树湾村')).toMatchObject({ requested: 1, waiting: 1 })
    expect(township.total.requested).toBe(6)
    // The 待办 counts: the chair's one waiting request; the committee's one forwarded and still owed.
    const chairTodo = expectOk(await chair('member', 'todo', {})).items
    expect(chairTodo.find((i) => i.kind === 'topicsToDecide')!.count).toBe(1)
    const committeeTodo = expectOk(await as(fixture.store, people.director)('member', 'todo', {})).items
    expect(committeeTodo.find((i) => i.kind === 'topicsToDisclose')!.count).toBe(1)
  })
})
