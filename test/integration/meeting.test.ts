import { dump, expectError, expectOk, people, useSeededStore } from '../support/harness'

const fixture = useSeededStore()

const inDays = (days: number) => new Date(fixture.clock.now().getTime() + days * 86_400_000).toISOString()

const plan = () => ({
  requestId: 'meeting-request-0001',
  startsAt: inDays(3),
  place: '村委会会议室',
  items: [
    { kind: 'disclosure' as const, refId: 'd-shiqiao-001', presenter: '村委会主任' },
    { kind: 'decision' as const, refId: 'dc-shiqiao-1' },
    { kind: 'text' as const, title: '明年村道维护安排', presenter: '村党支部' },
  ],
})

const record = (meetingId: string) => ({
  meetingId,
  attendance: { households: 58, others: 4, note: '两代表一委员到会' },
  items: [
    { itemId: 'i1', questions: [{ question: '修路的钱是从哪里出的？', answer: '上级专项资金三十万，村集体出五万。', askedBy: '村民代表' }] },
    { itemId: 'i3', questions: [{ question: '冬天谁来扫雪？', answer: '各组轮流，名单会贴在公开栏。' }] },
  ],
})

describe('the village meeting (村情发布会)', () => {
  it('is scheduled by the chair with its agenda and published to the village', async () => {
    const meeting = expectOk(await fixture.as(people.chair)('meeting', 'schedule', plan()))
    expect(meeting).toMatchObject({ title: '村情发布会', place: '村委会会议室', status: 'scheduled', itemCount: 3, scheduledBy: { title: '村务监督委员会主任' } })
    // A disclosure's or decision's title comes from the record itself; a free-text item keeps the chair's words.
    expect(meeting.items.map((i) => [i.itemId, i.kind, i.refId])).toEqual([
      ['i1', 'disclosure', 'd-shiqiao-001'],
      ['i2', 'decision', 'dc-shiqiao-1'],
      ['i3', 'text', null],
    ])
    expect(meeting.items[1]!.title).toBe('三组至五组村道硬化工程')
    expect(meeting.items[2]!.title).toBe('明年村道维护安排')

    const seen = expectOk(await fixture.as(people.villager)('meeting', 'list'))
    expect(seen.items[0]).toMatchObject({ meetingId: meeting.meetingId, status: 'scheduled', itemCount: 3 })
    expect(expectOk(await fixture.as(people.inspector)('meeting', 'list', { villageId: 'v-shiqiao' })).items[0]!.meetingId).toBe(meeting.meetingId)
  })

  it('is scheduled once however often the phone retries', async () => {
    const chair = fixture.as(people.chair)
    const first = expectOk(await chair('meeting', 'schedule', plan()))
    const again = expectOk(await chair('meeting', 'schedule', plan()))
    expect(again.meetingId).toBe(first.meetingId)
    expect(expectOk(await chair('meeting', 'list')).items.filter((m) => m.meetingId === first.meetingId)).toHaveLength(1)
  })

  it('releases only the village’s own records, and a free-text item needs its words', async () => {
    const chair = fixture.as(people.chair)
    const other = expectOk(
      await fixture.as(people.otherDirector)('disclosure', 'publish', { kind: 'village', section: 'services', title: '柳树湾村的公开', body: '正文', public: false }),
    )
    const before = dump(fixture.store)
    expectError(await chair('meeting', 'schedule', { ...plan(), items: [{ kind: 'disclosure', refId: other.disclosureId }] }), 'NOT_FOUND')
    expect(expectError(await chair('meeting', 'schedule', { ...plan(), items: [{ kind: 'text' }] }), 'INVALID_INPUT')).toBe('第1项：请填写事项名称')
    expect(expectError(await chair('meeting', 'schedule', { ...plan(), items: [] }), 'INVALID_INPUT')).toBe('请至少列出一项要发布的内容')
    expect(expectError(await chair('meeting', 'schedule', { ...plan(), startsAt: inDays(-2) }), 'INVALID_INPUT')).toBe('开会时间已经过去了，请重新选择')
    expect(dump(fixture.store)).toEqual(before)
  })

  it('gets its record after it has begun: questions under their items, attendance, who wrote it — once', async () => {
    const chair = fixture.as(people.chair)
    const { meetingId } = expectOk(await chair('meeting', 'schedule', plan()))
    expect(expectError(await chair('meeting', 'record', record(meetingId)), 'CONFLICT')).toBe('会议还没有开始，开完后再记录')

    fixture.clock.advance(3 * 86_400_000 + 2 * 3_600_000)
    const held = expectOk(await chair('meeting', 'record', record(meetingId)))
    expect(held).toMatchObject({ status: 'held', questionCount: 2, attendance: { households: 58, others: 4 }, recordedBy: { name: '周德明' } })
    expect(held.items.map((i) => i.questions.length)).toEqual([1, 0, 1])
    expect(held.items[2]!.questions[0]).toEqual({ question: '冬天谁来扫雪？', answer: '各组轮流，名单会贴在公开栏。', askedBy: '' })

    // Part of the village's public record: every member reads it.
    expect(expectOk(await fixture.as(people.villager)('meeting', 'get', { meetingId }))).toEqual(held)
    expect(expectError(await chair('meeting', 'record', record(meetingId)), 'CONFLICT')).toBe('这次会议已经记录过了')
    expect(expectError(await chair('meeting', 'cancel', { meetingId, reason: '改期' }), 'CONFLICT')).toBe('会议已经开过，不能取消')
  })

  it('refuses a record naming an item not on the agenda, or one item twice, and keeps nothing of it', async () => {
    const chair = fixture.as(people.chair)
    const { meetingId } = expectOk(await chair('meeting', 'schedule', plan()))
    fixture.clock.advance(4 * 86_400_000)
    const before = dump(fixture.store)
    const extra = { itemId: 'i9', questions: [] }
    expect(expectError(await chair('meeting', 'record', { ...record(meetingId), items: [extra] }), 'CONFLICT')).toBe('记录里有会议议程之外的事项')
    const twice = record(meetingId).items[0]!
    expect(expectError(await chair('meeting', 'record', { ...record(meetingId), items: [twice, twice] }), 'CONFLICT')).toBe('同一个事项记录了两次')
    expect(dump(fixture.store)).toEqual(before)
  })

  it('can be called off with a reason before it is held, and then gets no record', async () => {
    const chair = fixture.as(people.chair)
    const { meetingId } = expectOk(await chair('meeting', 'schedule', plan()))
    const cancelled = expectOk(await chair('meeting', 'cancel', { meetingId, reason: '遇大雪改期' }))
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelled: { reason: '遇大雪改期', by: { name: '周德明' } } })
    fixture.clock.advance(4 * 86_400_000)
    expect(expectError(await chair('meeting', 'record', record(meetingId)), 'CONFLICT')).toBe('这次会议已经取消')
  })

  it('is the village’s own: another village’s chair and villagers cannot find it, only the chair schedules', async () => {
    const { meetingId } = expectOk(await fixture.as(people.chair)('meeting', 'schedule', plan()))
    expectError(await fixture.as(people.otherChair)('meeting', 'get', { meetingId }), 'NOT_FOUND')
    expectError(await fixture.as(people.otherVillager)('meeting', 'get', { meetingId }), 'NOT_FOUND')
    expectError(await fixture.as(people.otherChair)('meeting', 'cancel', { meetingId, reason: '测试' }), 'NOT_FOUND')
    expectError(await fixture.as(people.villager)('meeting', 'schedule', plan()), 'FORBIDDEN')
    expectError(await fixture.as(people.director)('meeting', 'record', record(meetingId)), 'FORBIDDEN')
  })
})
