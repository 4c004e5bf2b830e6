import { feedbackArea } from '../../cloudfunctions/feedback/area'
import { localOutbox } from '../../cloudfunctions/core/notifier'
import { RUN_LIMITS } from '../../cloudfunctions/core/batches'
import { getMany } from '../../cloudfunctions/core/paging'
import type { Input } from '../../shared/contract/areas'
import { addNeighbourTownship, as, dump, expectError, expectOk, people, useSeededStore } from '../support/harness'

const fixture = useSeededStore()

const onDisclosure = (requestId: string, extra: Partial<Input<'feedback', 'submit'>> = {}): Input<'feedback', 'submit'> => ({
  requestId,
  about: { type: 'disclosure', id: 'd-shiqiao-001' },
  text: '这一笔路灯维修费和上个月一样，是不是重复报了？',
  ...extra,
})

describe('the feedback workflow', () => {
  it('goes from submitted to routed to replied to closed, and the reply on a disclosure is shown to every reader', async () => {
    const villager = fixture.as(people.villager)
    const { feedbackId, status } = expectOk(await villager('feedback', 'submit', onDisclosure('req-0000000001')))
    expect(status).toBe('submitted')

    const chair = fixture.as(people.chair)
    const inbox = expectOk(await chair('feedback', 'inbox', { status: 'submitted' })).items
    expect(inbox.map((f: { feedbackId: string }) => f.feedbackId)).toContain(feedbackId)
    expect(expectOk(await chair('feedback', 'route', { feedbackId, assignTo: people.director }))).toEqual({ status: 'routed' })

    const director = fixture.as(people.director)
    expect(expectOk(await director('feedback', 'inbox')).items.map((f: { feedbackId: string }) => f.feedbackId)).toEqual([feedbackId])
    fixture.clock.advance(3_600_000)
    expectOk(await director('feedback', 'reply', { feedbackId, text: '经核对，10月为新装路灯，11月为维修，不是重复报销，单据已贴公开栏。' }))

    const [mine] = expectOk(await villager('feedback', 'mine')).items
    expect(mine).toMatchObject({ status: 'replied', routedToName: '村委会主任李卫东', reply: { name: '李卫东', title: '村委会主任' } })
    const other = expectOk(await as(fixture.store, people.representative3)('feedback', 'onDisclosure', { disclosureId: 'd-shiqiao-001' })).items
    expect(other.map((f: { feedbackId: string }) => f.feedbackId)).toEqual([feedbackId])

    expect(expectOk(await villager('feedback', 'confirm', { feedbackId }))).toEqual({ status: 'closed' })
    expect(expectOk(await villager('feedback', 'mine')).items[0]).toMatchObject({ status: 'closed', closedBy: 'villager' })
  })

  it('lets the villager reopen a reply once, with a reason', async () => {
    const villager = fixture.as(people.villager)
    const { feedbackId } = expectOk(await villager('feedback', 'submit', onDisclosure('req-0000000002')))
    expectOk(await as(fixture.store, people.chair)('feedback', 'route', { feedbackId, assignTo: people.secretary }))
    expectOk(await as(fixture.store, people.secretary)('feedback', 'reply', { feedbackId, text: '已核实。' }))
    expect(expectOk(await villager('feedback', 'reopen', { feedbackId, reason: '没有说明核实了什么' }))).toEqual({ status: 'routed' })
    expectOk(await as(fixture.store, people.secretary)('feedback', 'reply', { feedbackId, text: '已核对发票两张，金额一致。' }))
    expect(expectError(await villager('feedback', 'reopen', { feedbackId, reason: '还是不满意' }), 'CONFLICT')).toMatch(/只能重新反映一次/)
  })

  it('can become an agenda item for the next meeting', async () => {
    const { feedbackId } = expectOk(
      await as(fixture.store, people.villager)('feedback', 'submit', { requestId: 'req-0000000003', about: { type: 'general' }, text: '建议村西头增设一处垃圾收集点。' }),
    )
    expect(expectOk(await as(fixture.store, people.chair)('feedback', 'route', { feedbackId, agenda: true }))).toEqual({ status: 'agenda' })
    expect(expectOk(await as(fixture.store, people.villager)('feedback', 'mine')).items[0]!.about).toEqual({ type: 'general', id: null, title: '意见箱' })
  })
})

describe('who may do what', () => {
  it('lets a committee member reply only to what was routed to them', async () => {
    const { feedbackId } = expectOk(await as(fixture.store, people.villager)('feedback', 'submit', onDisclosure('req-0000000004')))
    expectOk(await as(fixture.store, people.chair)('feedback', 'route', { feedbackId, assignTo: people.director }))
    expectError(await as(fixture.store, people.secretary)('feedback', 'reply', { feedbackId, text: '我来答' }), 'FORBIDDEN', 403)
    expect(expectOk(await as(fixture.store, people.secretary)('feedback', 'inbox')).items).toEqual([])
    expectError(await as(fixture.store, people.otherChair)('feedback', 'route', { feedbackId, agenda: true }), 'NOT_FOUND', 404)
    expectError(await as(fixture.store, people.chair)('feedback', 'route', { feedbackId, assignTo: people.otherDirector }), 'CONFLICT')
  })

  it("offers the chair the village's committee members to route to", async () => {
    const { items } = expectOk(await as(fixture.store, people.chair)('feedback', 'assignees'))
    expect(items.map((a: { personId: string }) => a.personId).sort()).toEqual([people.director, people.secretary].sort())
    expect(items.find((a: { personId: string }) => a.personId === people.director)).toMatchObject({ name: '李卫东', title: '村委会主任' })
  })

  it('routes only to a committee member of the same village', async () => {
    const { feedbackId } = expectOk(await as(fixture.store, people.villager)('feedback', 'submit', onDisclosure('req-0000000005')))
    expect(expectError(await as(fixture.store, people.chair)('feedback', 'route', { feedbackId, assignTo: people.otherDirector }), 'NOT_FOUND')).toMatch(/两委/)
    expectError(await as(fixture.store, people.chair)('feedback', 'route', { feedbackId, assignTo: people.villager }), 'NOT_FOUND')
  })

  it("keeps a villager's feedback to themselves, except replies published on a disclosure", async () => {
    const { feedbackId } = expectOk(await as(fixture.store, people.villager)('feedback', 'submit', onDisclosure('req-0000000006')))
    expect(expectOk(await as(fixture.store, people.representative3)('feedback', 'mine')).items).toEqual([])
    expectError(await as(fixture.store, people.representative3)('feedback', 'confirm', { feedbackId }), 'NOT_FOUND')
    expect(expectOk(await as(fixture.store, people.representative3)('feedback', 'onDisclosure', { disclosureId: 'd-shiqiao-001' })).items).toEqual([])
  })
})

describe('anonymity', () => {
  it('shows village roles 村民 instead of the name, and nothing that identifies the author', async () => {
    const { feedbackId } = expectOk(await as(fixture.store, people.villager)('feedback', 'submit', onDisclosure('req-0000000007', { hideName: true })))
    expectOk(await as(fixture.store, people.chair)('feedback', 'route', { feedbackId, assignTo: people.director }))
    expectOk(await as(fixture.store, people.director)('feedback', 'reply', { feedbackId, text: '已核实。' }))
    const responses = [
      await as(fixture.store, people.chair)('feedback', 'inbox'),
      await as(fixture.store, people.director)('feedback', 'inbox'),
      await as(fixture.store, people.representative3)('feedback', 'onDisclosure', { disclosureId: 'd-shiqiao-001' }),
    ]
    const author = (await fixture.store.get('person', people.villager))!
    for (const response of responses) {
      const text = JSON.stringify(expectOk(response))
      expect(text).toContain('村民')
      for (const secret of [author.name, author.openid, author._id, 'h-shiqiao-0001', 'm-shiqiao-0001-1']) expect(text).not.toContain(secret)
    }
    expect(expectOk(await as(fixture.store, people.villager)('feedback', 'mine')).items[0]!.author).toBe(author.name)
  })
})

describe('retries and bad input', () => {
  it('files exactly one record however often the same submission arrives', async () => {
    const villager = fixture.as(people.villager)
    const results = await Promise.all([1, 2, 3, 4].map(() => villager('feedback', 'submit', onDisclosure('req-retry-00001'))))
    const ids = new Set(results.map((r) => expectOk(r).feedbackId))
    expect(ids.size).toBe(1)
    expect(expectOk(await villager('feedback', 'submit', onDisclosure('req-retry-00001'))).feedbackId).toBe([...ids][0])
    expect(expectOk(await villager('feedback', 'mine')).items).toHaveLength(1)
  })

  it('refuses bad input with a clear message and stores nothing', async () => {
    const villager = as(fixture.store, people.villager)
    const before = dump(fixture.store)
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ ...onDisclosure('req-bad-000001'), text: '  ' }, /请填写反馈内容/],
      [{ ...onDisclosure('req-bad-000002'), text: '字'.repeat(1001) }, /不能超过1000个字/],
      [onDisclosure('short'), /请求编号/],
      [{ ...onDisclosure('req-bad-000003'), about: { type: 'rumour' } }, /反馈对象/],
      [{ ...onDisclosure('req-bad-000004'), about: { type: 'disclosure' } }, /哪一条/],
      [{ ...onDisclosure('req-bad-000005'), photos: [1, 2, 3, 4].map(() => ({ fileId: 'local:x', name: '图' })) }, /最多3张/],
    ]
    for (const [input, message] of cases) expect(expectError(await villager.unchecked('feedback', 'submit', input), 'INVALID_INPUT', 400)).toMatch(message)
    expectError(await villager('feedback', 'submit', onDisclosure('req-bad-000006', { about: { type: 'disclosure', id: 'd-liushu-001' } })), 'NOT_FOUND')
    expect(dump(fixture.store)).toEqual(before)
  })
})

describe('deadlines', () => {
  it("puts items unanswered past 7 days on the township's supervision list, where staff remind the village", async () => {
    const { feedbackId } = expectOk(await fixture.as(people.villager)('feedback', 'submit', onDisclosure('req-late-000001')))
    const inspector = fixture.as(people.inspector)
    expect(expectOk(await inspector('feedback', 'overdue')).items).toEqual([])
    fixture.clock.advance(7 * 86_400_000 + 60_000)
    const [late] = expectOk(await inspector('feedback', 'overdue')).items
    expect(late).toMatchObject({ feedbackId, overdue: true, villageId: 'v-shiqiao' })
    expect(expectOk(await inspector('feedback', 'remind', { feedbackId, note: '已超过7天未答复，请于3日内答复并报镇纪委' }))).toEqual({ reminders: 1 })
    const [seen] = expectOk(await fixture.as(people.chair)('feedback', 'inbox')).items
    expect(seen?.reminders).toEqual([expect.objectContaining({ name: '赵清华', note: '已超过7天未答复，请于3日内答复并报镇纪委' })])
    expectError(await as(fixture.store, people.chair)('feedback', 'overdue'), 'FORBIDDEN')
  })

  it('closes a reply by itself when the villager neither confirms nor reopens it within 7 days', async () => {
    const { feedbackId } = expectOk(await fixture.as(people.villager)('feedback', 'submit', onDisclosure('req-stale-00001')))
    expectOk(await fixture.as(people.chair)('feedback', 'route', { feedbackId, assignTo: people.director }))
    expectOk(await fixture.as(people.director)('feedback', 'reply', { feedbackId, text: '已核实。' }))
    const timer = feedbackArea.timer!
    fixture.clock.advance(6 * 86_400_000)
    expect(await timer({ store: fixture.store, clock: fixture.clock, notifier: localOutbox })).toEqual({ closed: 0 })
    fixture.clock.advance(86_400_000)
    expect(await timer({ store: fixture.store, clock: fixture.clock, notifier: localOutbox })).toEqual({ closed: 1 })
    expect(expectOk(await fixture.as(people.villager)('feedback', 'mine')).items[0]).toMatchObject({ status: 'closed', closedBy: 'timeout' })
  })
})

describe('the feedback timer', () => {
  it('closes stale replies in bounded runs: more than one run closes are finished by the next, none twice', async () => {
    // with the reply made above as their template, 15 more than one run closes
    const stale = RUN_LIMITS.feedback + 14
    const { feedbackId } = expectOk(await fixture.as(people.villager)('feedback', 'submit', onDisclosure('req-bulk-000001')))
    expectOk(await fixture.as(people.chair)('feedback', 'route', { feedbackId, assignTo: people.director }))
    expectOk(await fixture.as(people.director)('feedback', 'reply', { feedbackId, text: '已核实。' }))
    const template = (await fixture.store.get('feedback', feedbackId))!
    const repliedAt = fixture.clock.now().toISOString()
    await fixture.store.insertMany(
      'feedback',
      Array.from({ length: stale }, (_, i) => ({
        ...template,
        _id: `fb-stale-${String(i).padStart(4, '0')}`,
        status: 'replied' as const,
        reply: { text: '已核实。', at: repliedAt, name: '李村主任', title: '村委会主任' },
        closedAt: null,
        closedBy: null,
      })) as never,
    )
    fixture.clock.advance(8 * 86_400_000)
    const timer = () => feedbackArea.timer!({ store: fixture.store, clock: fixture.clock, notifier: localOutbox })
    // Two runs at once take the same replies; the guarded close lets each count once.
    const [first, second] = (await Promise.all([timer(), timer()])) as { closed: number }[]
    expect(first!.closed + second!.closed).toBe(RUN_LIMITS.feedback)
    expect(await timer()).toEqual({ closed: 15 })
    expect(await timer()).toEqual({ closed: 0 })
    const ids = Array.from({ length: stale }, (_, i) => `fb-stale-${String(i).padStart(4, '0')}`)
    const after = await getMany(fixture.store, 'feedback', ids)
    expect(after.map((f) => [f.status, f.closedBy])).toEqual(ids.map(() => ['closed', 'timeout']))
  })
})

describe("the township's reply deadline", () => {
  it('applies a new deadline to feedback filed after the change, never to what was already filed', async () => {
    const villager = fixture.as(people.villager)
    const inspector = fixture.as(people.inspector)
    expect(expectOk(await inspector('feedback', 'settings'))).toEqual({ days: 7, custom: false, setAt: null, setBy: null, history: [] })
    const before = expectOk(await villager('feedback', 'submit', onDisclosure('req-days-000001')))
    expect(expectOk(await inspector('feedback', 'setReplyDays', { days: 3 }))).toMatchObject({ days: 3, custom: true, setBy: '镇纪委书记赵清华' })
    const after = expectOk(await villager('feedback', 'submit', onDisclosure('req-days-000002')))
    const due = new Map(expectOk(await villager('feedback', 'mine')).items.map((f: { feedbackId: string; dueAt: string }) => [f.feedbackId, f.dueAt]))
    expect(due.get(before.feedbackId)).toBe('2026-11-28T08:00:00.000Z')
    expect(due.get(after.feedbackId)).toBe('2026-11-24T08:00:00.000Z')
    fixture.clock.advance(3 * 86_400_000 + 1)
    expect(expectOk(await inspector('feedback', 'overdue')).items.map((f: { feedbackId: string }) => f.feedbackId)).toEqual([after.feedbackId])
  })

  it('accepts whole days from 1 to 30 and changes nothing otherwise', async () => {
    const inspector = as(fixture.store, people.inspector)
    const before = dump(fixture.store)
    for (const [days, message] of [
      [0, /至少1天/],
      [31, /最多30天/],
      [2.5, /整天数/],
      ['7', /天数/],
    ] as const) {
      expect(expectError(await inspector.unchecked('feedback', 'setReplyDays', { days }), 'INVALID_INPUT', 400)).toMatch(message)
    }
    expect(dump(fixture.store)).toEqual(before)
    expectError(await as(fixture.store, people.chair)('feedback', 'setReplyDays', { days: 3 }), 'FORBIDDEN', 403)
  })
})

describe('figures', () => {
  it('counts received, routed, replied, closed and reopened feedback, the completion rate and the median time to reply', async () => {
    const villager = fixture.as(people.villager)
    const chair = fixture.as(people.chair)
    const director = fixture.as(people.director)
    const ids: string[] = []
    for (const n of [1, 2, 3, 4]) ids.push(expectOk(await villager('feedback', 'submit', onDisclosure(`req-figures-00${n}`))).feedbackId)
    const [a, b, c] = ids as [string, string, string]
    expect(expectOk(await chair('feedback', 'figures')).total).toMatchObject({ received: 4, closed: 0, completionPermille: 0, medianReplyMinutes: null })

    for (const id of [a, b]) expectOk(await chair('feedback', 'route', { feedbackId: id, assignTo: people.director }))
    expectOk(await chair('feedback', 'route', { feedbackId: c, agenda: true }))
    fixture.clock.advance(60 * 60_000)
    expectOk(await director('feedback', 'reply', { feedbackId: a, text: '已核实。' }))
    fixture.clock.advance(120 * 60_000)
    expectOk(await director('feedback', 'reply', { feedbackId: b, text: '已核实。' }))
    expectOk(await villager('feedback', 'confirm', { feedbackId: a }))
    expectOk(await villager('feedback', 'reopen', { feedbackId: b, reason: '没说清楚' }))
    fixture.clock.advance(600 * 60_000)
    expectOk(await director('feedback', 'reply', { feedbackId: b, text: '补充说明。' }))

    const { villages, total, replyDays } = expectOk(await chair('feedback', 'figures'))
    const expected = { received: 4, routed: 3, replied: 2, closed: 1, reopened: 1, overdue: 0, completionPermille: 250 }
    expect(total).toMatchObject(expected)
    // The first replies came after 60 and 180 minutes; a reply after reopening does not move the figure.
    expect(total.medianReplyMinutes).toBe(120)
    expect(villages).toEqual([{ villageId: 'v-shiqiao', villageName: '石桥村', ...total }])
    expect(replyDays).toBe(7)

    const township = expectOk(await fixture.as(people.inspector)('feedback', 'figures'))
    expect(township.villages.map((v: { villageName: string }) => v.villageName)).toEqual(['东岭村', '柳树湾村', '石桥村'])
    expect(township.total).toMatchObject(expected)
    expect(expectOk(await fixture.as(people.inspector)('feedback', 'figures', { villageId: 'v-liushu' })).total.received).toBe(0)
  })
})

describe('township scope', () => {
  it('gives staff of another township nothing of this one', async () => {
    const { feedbackId } = expectOk(await fixture.as(people.villager)('feedback', 'submit', onDisclosure('req-scope-00001')))
    fixture.clock.advance(8 * 86_400_000)
    const neighbour = as(fixture.store, await addNeighbourTownship(fixture.store), fixture.clock)
    expect(expectOk(await neighbour('feedback', 'overdue')).items).toEqual([])
    expectError(await neighbour('feedback', 'remind', { feedbackId, note: '请答复' }), 'NOT_FOUND')
    expectError(await neighbour('feedback', 'figures', { villageId: 'v-shiqiao' }), 'NOT_FOUND')
    expect(expectOk(await neighbour('feedback', 'figures')).villages.map((v: { villageName: string }) => v.villageName)).toEqual(['北苑村'])
  })
})
