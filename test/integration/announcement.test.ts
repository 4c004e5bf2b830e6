import { deliverDue, NO_CONSENT_LEFT } from '../../cloudfunctions/core/outbox'
import { RUN_LIMITS } from '../../cloudfunctions/core/batches'
import { announcementArea } from '../../cloudfunctions/announcement/area'
import type { Notifier } from '../../cloudfunctions/core/notifier'
import { MAX_ATTEMPTS } from '../../shared/announcement/rules'
import { as, dump, expectError, expectOk, people, testFiles, docsOf, useSeededStore } from '../support/harness'
import { phonePng } from '../support/images'

const fixture = useSeededStore()

const notice = { title: '本周六召开村情发布会', body: '11月29日上午9点在村委会会议室召开村情发布会，公开第三季度财务并接受评议。' }

describe('announcements', () => {
  it('reach villagers newest first, unread until opened', async () => {
    const chair = fixture.as(people.chair)
    const { announcementId } = expectOk(await chair('announcement', 'push', notice))
    const villager = fixture.as(people.villager)
    const before = expectOk(await villager('announcement', 'list'))
    expect(before.unreadCount).toBeGreaterThanOrEqual(1)
    expect(before.items[0]).toMatchObject({ announcementId, title: notice.title, read: false, byTitle: '村务监督委员会主任' })

    const opened = expectOk(await villager('announcement', 'open', { announcementId }))
    expect(opened.announcement).toMatchObject({ body: notice.body, byName: '周德明', read: true })
    const after = expectOk(await villager('announcement', 'list'))
    expect(after.unreadCount).toBe(before.unreadCount - 1)
    expect(after.items[0]!.read).toBe(true)
  })

  it('counts reach by household: the second member of a household adds nothing, opening twice adds nothing', async () => {
    const chair = fixture.as(people.chair)
    const { announcementId } = expectOk(await chair('announcement', 'push', notice))
    const reach = async () => expectOk(await chair('announcement', 'reach')).items[0]!
    expect(await reach()).toMatchObject({ householdsRead: 0, householdsInGroup: 106 })
    expectOk(await as(fixture.store, people.representative3)('announcement', 'open', { announcementId }))
    expect((await reach()).householdsRead).toBe(1)
    expectOk(await as(fixture.store, people.secondMember3)('announcement', 'open', { announcementId }))
    expectOk(await as(fixture.store, people.representative3)('announcement', 'open', { announcementId }))
    expect((await reach()).householdsRead).toBe(1)
    expectOk(await as(fixture.store, people.villager)('announcement', 'open', { announcementId }))
    expect((await reach()).householdsRead).toBe(2)
  })

  it('carry an optional image, checked from its bytes', async () => {
    const saved = testFiles.save(phonePng())
    if ('problem' in saved) throw new Error(saved.problem)
    const chair = fixture.as(people.chair)
    const { announcementId } = expectOk(await chair('announcement', 'push', { ...notice, attachment: { fileId: saved.fileId, name: '通知原件' } }))
    const { announcement } = expectOk(await as(fixture.store, people.villager)('announcement', 'open', { announcementId }))
    expect(announcement.attachment).toMatchObject({ name: '通知原件', mime: 'image/png', url: expect.stringMatching(/^\/files\//) })
    const before = dump(fixture.store)
    expect(expectError(await chair('announcement', 'push', { ...notice, attachment: { fileId: 'local:nope', name: 'x' } }), 'INVALID_INPUT')).toMatch(/没有上传成功/)
    expect(dump(fixture.store)).toEqual(before)
  })

  it('are pushed by the chair only, stay in their village, and need a title and body', async () => {
    for (const who of [people.villager, people.director, people.inspector]) {
      expectError(await as(fixture.store, who)('announcement', 'push', notice), 'FORBIDDEN', 403)
    }
    const before = dump(fixture.store)
    expect(expectError(await as(fixture.store, people.chair)('announcement', 'push', { ...notice, title: '' }), 'INVALID_INPUT', 400)).toBe('请填写标题')
    expectError(await as(fixture.store, people.chair)('announcement', 'push', { ...notice, link: { type: 'disclosure', id: 'd-elsewhere' } }), 'NOT_FOUND', 404)
    expect(dump(fixture.store)).toEqual(before)
    const { announcementId } = expectOk(await as(fixture.store, people.chair)('announcement', 'push', notice))
    expectError(await as(fixture.store, people.otherVillager)('announcement', 'open', { announcementId }), 'NOT_FOUND', 404)
    expect(expectOk(await as(fixture.store, people.otherVillager)('announcement', 'list')).items).toEqual([])
  })

  it('may link an evaluation round of the village, for villagers to go and vote', async () => {
    const chair = as(fixture.store, people.chair)
    const pushed = expectOk(await chair('announcement', 'push', { ...notice, link: { type: 'round', id: 'rd-shiqiao-road' } }))
    const opened = expectOk(await as(fixture.store, people.villager)('announcement', 'open', { announcementId: pushed.announcementId }))
    expect(opened.announcement.link).toEqual({ type: 'round', id: 'rd-shiqiao-road' })
    expectError(await chair('announcement', 'push', { ...notice, link: { type: 'round', id: 'rd-elsewhere' } }), 'NOT_FOUND')
  })
})

describe('subscribe messages', () => {
  const outboxTimer = (notifier: Notifier) => announcementArea.timer!({ store: fixture.store, clock: fixture.clock, notifier }) as Promise<{ sent: number; failed: number }>

  it('are queued by push, which returns at once; the outbox timer sends one per accepted subscription', async () => {
    const sent: string[] = []
    const notifier: Notifier = { send: async (n) => void sent.push(`${n.openid}|${n.title}`) }
    expect(expectOk(await as(fixture.store, people.villager)('announcement', 'subscribe'))).toMatchObject({ remaining: 1 })
    expect(expectOk(await as(fixture.store, people.villager)('announcement', 'subscribe'))).toMatchObject({ remaining: 2 })
    expectOk(await as(fixture.store, people.representative3)('announcement', 'subscribe'))

    const { queued } = expectOk(await fixture.as(people.chair, fixture.clock, notifier)('announcement', 'push', notice))
    expect(queued).toBe(2)
    // Nothing is sent in the request: the chair's reach says queued, not sent.
    expect(sent).toEqual([])
    const reach = async () => expectOk(await as(fixture.store, people.chair)('announcement', 'reach')).items[0]
    expect(await reach()).toMatchObject({ notificationsSent: 0, notificationsPending: 2, notificationsFailed: 0 })

    expect(await outboxTimer(notifier)).toEqual({ sent: 2, failed: 0 })
    expect(sent.sort()).toEqual([`demo:${people.villager}|${notice.title}`, `demo:${people.representative3}|${notice.title}`].sort())
    expect(await reach()).toMatchObject({ notificationsSent: 2, notificationsPending: 0 })
    // Sending spent one allowance each: the second push reaches only the villager who allowed two messages.
    fixture.clock.advance(60_000)
    expect(expectOk(await fixture.as(people.chair, fixture.clock, notifier)('announcement', 'push', { ...notice, title: '第二条' })).queued).toBe(1)
    expect(await outboxTimer(notifier)).toEqual({ sent: 1, failed: 0 })
    expect(await reach()).toMatchObject({ notificationsSent: 1, notificationsPending: 0 })
    expect(docsOf(fixture.store, 'subscription').map((s) => s.remaining)).toEqual([0, 0])
  })

  it('record a failed send with its error and retry it later, spending the allowance once; give up visibly after repeated failures', async () => {
    let failures = 2
    const flaky: Notifier = {
      send: async () => {
        if (failures-- > 0) throw new Error('errcode 43101: user refuse to accept the msg')
      },
    }
    expectOk(await as(fixture.store, people.villager)('announcement', 'subscribe'))
    expectOk(await fixture.as(people.chair, fixture.clock, flaky)('announcement', 'push', notice))
    expect(await deliverDue(fixture.store, flaky, fixture.clock)).toEqual({ sent: 0, failed: 1 })
    const [pending] = docsOf(fixture.store, 'notification')
    expect(pending).toMatchObject({ status: 'pending', attempts: 1, lastError: expect.stringContaining('43101') })
    // The message opens the announcement saying where the reader came from (reach by channel).
    expect(pending!.page).toMatch(/^packages\/announcement\/detail\/index\?announcementId=[^&]+&fromMessage=1$/)
    expect(docsOf(fixture.store, 'subscription')[0]!.remaining).toBe(0)

    // Not due yet: nothing is sent again.
    expect(await deliverDue(fixture.store, flaky, fixture.clock)).toEqual({ sent: 0, failed: 0 })
    fixture.clock.advance(61_000)
    expect(await deliverDue(fixture.store, flaky, fixture.clock)).toEqual({ sent: 0, failed: 1 })
    fixture.clock.advance(121_000)
    // The retry that succeeds needs no second allowance.
    expect(await deliverDue(fixture.store, flaky, fixture.clock)).toEqual({ sent: 1, failed: 0 })
    expect(expectOk(await as(fixture.store, people.chair)('announcement', 'reach')).items[0]).toMatchObject({ notificationsSent: 1, notificationsFailed: 0 })

    const broken: Notifier = { send: async () => Promise.reject(new Error('down')) }
    fixture.clock.advance(60_000)
    expectOk(await as(fixture.store, people.villager)('announcement', 'subscribe'))
    expectOk(await fixture.as(people.chair, fixture.clock, broken)('announcement', 'push', { ...notice, title: '第二条' }))
    for (let i = 0; i < MAX_ATTEMPTS; i++) {
      await deliverDue(fixture.store, broken, fixture.clock)
      fixture.clock.advance(60 * 60_000)
    }
    expect(expectOk(await as(fixture.store, people.chair)('announcement', 'reach')).items[0]).toMatchObject({ notificationsFailed: 1, notificationsPending: 0 })
  })

  it('queued twice on one allowance: the first is sent, the second fails with why, and nothing is sent without an allowance', async () => {
    const sent: string[] = []
    const notifier: Notifier = { send: async (n) => void sent.push(n.title) }
    expectOk(await as(fixture.store, people.villager)('announcement', 'subscribe'))
    expect(expectOk(await fixture.as(people.chair)('announcement', 'push', notice)).queued).toBe(1)
    fixture.clock.advance(1000)
    expect(expectOk(await fixture.as(people.chair)('announcement', 'push', { ...notice, title: '第二条' })).queued).toBe(1)
    expect(await outboxTimer(notifier)).toEqual({ sent: 1, failed: 1 })
    expect(sent).toEqual([notice.title])
    expect(docsOf(fixture.store, 'notification').find((n) => n.title === '第二条')).toMatchObject({ status: 'failed', lastError: NO_CONSENT_LEFT })
  })

  it('are claimed before sending: two timer runs at once send each message once and spend each allowance once', async () => {
    const sent: string[] = []
    const notifier: Notifier = { send: async (n) => void sent.push(n.openid) }
    for (const who of [people.villager, people.representative3, people.secondMember3]) expectOk(await as(fixture.store, who)('announcement', 'subscribe'))
    expect(expectOk(await fixture.as(people.chair)('announcement', 'push', notice)).queued).toBe(3)
    const runs = await Promise.all([outboxTimer(notifier), outboxTimer(notifier)])
    expect(runs.reduce((total, r) => total + r.sent, 0)).toBe(3)
    expect(runs.reduce((total, r) => total + r.failed, 0)).toBe(0)
    expect(docsOf(fixture.store, 'notification').map((n) => n.status)).toEqual(['sent', 'sent', 'sent'])
    expect(sent.sort()).toEqual([people.villager, people.representative3, people.secondMember3].map((p) => `demo:${p}`).sort())
    expect(docsOf(fixture.store, 'subscription').map((s) => s.remaining)).toEqual([0, 0, 0])
  })

  it('go out in bounded runs: more due than one run takes are finished by the next run, none twice, even with two runs at once', async () => {
    const due = RUN_LIMITS.outbox + 30
    await fixture.store.insertMany(
      'notification',
      Array.from({ length: due }, (_, i) => ({
        _id: `nt-bulk-${String(i).padStart(4, '0')}`,
        villageId: 'v-shiqiao',
        openid: `demo:bulk-${i}`,
        subject: 'announcement:an-bulk',
        title: '停水通知',
        page: 'packages/announcement/detail/index?announcementId=an-bulk',
        status: 'pending' as const,
        attempts: 0,
        lastError: null,
        createdAt: fixture.clock.now().toISOString(),
        nextAttemptAt: fixture.clock.now().toISOString(),
        sentAt: null,
      })),
    )
    const sent: string[] = []
    const notifier: Notifier = { send: async (n) => void sent.push(n._id) }
    // Two runs at once take the same first batch; the claim lets each message go once.
    const [first, second] = await Promise.all([outboxTimer(notifier), outboxTimer(notifier)])
    expect(first.sent + second.sent).toBe(RUN_LIMITS.outbox)
    expect(await outboxTimer(notifier)).toEqual({ sent: 30, failed: 0 })
    expect(await outboxTimer(notifier)).toEqual({ sent: 0, failed: 0 })
    expect(sent).toHaveLength(due)
    expect(new Set(sent).size).toBe(due)
  })

  it('a reminder to a household that has not read it is queued too, and the timer sends it on the reminded member’s allowance', async () => {
    const sent: string[] = []
    const notifier: Notifier = { send: async (n) => void sent.push(`${n.openid}|${n.title}`) }
    const { announcementId } = expectOk(await fixture.as(people.chair)('announcement', 'push', notice))
    expectOk(await fixture.as(people.representative3)('announcement', 'subscribe'))
    expectOk(await fixture.as(people.chair, fixture.clock, notifier)('announcement', 'remind', { announcementId, householdId: 'h-shiqiao-0003' }))
    expect(sent).toEqual([])
    expect(docsOf(fixture.store, 'subscription')[0]!.remaining).toBe(1)
    expect(await outboxTimer(notifier)).toEqual({ sent: 1, failed: 0 })
    expect(sent).toEqual([`demo:${people.representative3}|提醒：${notice.title}`])
    expect(docsOf(fixture.store, 'subscription')[0]!.remaining).toBe(0)
  })

  it('skip people who have left the group since they subscribed', async () => {
    expectOk(await as(fixture.store, people.villager)('announcement', 'subscribe'))
    expectOk(await as(fixture.store, people.chair)('member', 'remove', { memberId: 'm-shiqiao-0001-1', reason: '迁出' }))
    expect(expectOk(await as(fixture.store, people.chair)('announcement', 'push', notice)).queued).toBe(0)
  })

  it('are for group members only', async () => {
    expectError(await as(fixture.store, people.chair)('announcement', 'subscribe'), 'FORBIDDEN', 403)
  })
})
