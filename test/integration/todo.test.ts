import type { Choice } from '../../shared/evaluation/rules'
import type { Input } from '../../shared/contract/areas'
import type { TypedCall } from '../support/caller'
import { addHouseholds, dump, expectError, expectOk, people, useSeededStore } from '../support/harness'

const fixture = useSeededStore()

const DAY = 86_400_000
const chair = () => fixture.as(people.chair)
const director = () => fixture.as(people.director)
const inspector = () => fixture.as(people.inspector)
const villager = () => fixture.as(people.villager)

/** The caller's counts as { kind: count }. */
async function todo(caller: TypedCall): Promise<Record<string, number | undefined>> {
  const { items } = expectOk(await caller('member', 'todo'))
  return Object.fromEntries(items.map((i) => [i.kind, i.count]))
}

const feedback = (requestId: string): Input<'feedback', 'submit'> => ({ requestId, about: { type: 'general' }, text: '村口路灯坏了一个月了，什么时候修？' })
const report = (requestId: string): Input<'report', 'file'> => ({ requestId, subject: '村委会主任', text: '修路工程没有公开招标，直接给了亲戚。', anonymous: true })

describe('the 待办 counts (member.todo)', () => {
  it('give the chair join requests to approve and feedback to route, and move as they are done', async () => {
    const before = await todo(chair())
    expect(Object.keys(before).sort()).toEqual(['feedbackToRoute', 'joinPending', 'topicsToDecide'])
    expect(before.joinPending).toBeGreaterThanOrEqual(1)

    const pending = expectOk(await chair()('member', 'listPending')).items
    expect(pending.length).toBe(before.joinPending)
    expectOk(await chair()('member', 'approve', { memberId: pending[0]!.memberId }))
    expect((await todo(chair())).joinPending).toBe(before.joinPending! - 1)

    const { feedbackId } = expectOk(await villager()('feedback', 'submit', feedback('todo-fb-000001')))
    expect((await todo(chair())).feedbackToRoute).toBe(before.feedbackToRoute! + 1)
    expectOk(await chair()('feedback', 'route', { feedbackId, assignTo: people.director }))
    expect((await todo(chair())).feedbackToRoute).toBe(before.feedbackToRoute)
  })

  it('give a committee member the feedback routed to them and the rounds over the threshold to answer', async () => {
    const before = await todo(director())
    expect(Object.keys(before).sort()).toEqual(['feedbackToAnswer', 'powerToReview', 'roundsToAnswer', 'topicsToDisclose'])
    const secretaryBefore = await todo(fixture.as(people.secretary))

    const { feedbackId } = expectOk(await villager()('feedback', 'submit', feedback('todo-fb-000002')))
    expectOk(await chair()('feedback', 'route', { feedbackId, assignTo: people.director }))
    expect((await todo(director())).feedbackToAnswer).toBe(before.feedbackToAnswer! + 1)
    // Routed to someone else: not this member's to do.
    expect((await todo(fixture.as(people.secretary))).feedbackToAnswer).toBe(secretaryBefore.feedbackToAnswer)
    expectOk(await director()('feedback', 'reply', { feedbackId, text: '已经报修，本周修好。' }))
    expect((await todo(director())).feedbackToAnswer).toBe(before.feedbackToAnswer)

    const voters = (await addHouseholds(fixture.store, 4)).map((h) => fixture.caller(h.representative))
    const { roundId } = expectOk(
      await chair()('evaluation', 'openRound', {
        subject: { type: 'disclosure', id: 'd-shiqiao-002' },
        title: '待办测试评议',
        closesAt: new Date(fixture.clock.now().getTime() + 3 * DAY).toISOString(),
      }),
    )
    const choices: Choice[] = ['dissatisfied', 'dissatisfied', 'satisfied', 'basic']
    for (const [i, choice] of choices.entries()) expectOk(await voters[i]!('evaluation', 'castBallot', { roundId, choice }))
    expectOk(await chair()('evaluation', 'closeRound', { reason: '全部户代表已投票', roundId }))
    expect((await todo(director())).roundsToAnswer).toBe(before.roundsToAnswer! + 1)
    expectOk(await director()('evaluation', 'answerRound', { roundId, answer: '这笔费用已经核对，明细补充公开。' }))
    expect((await todo(director())).roundsToAnswer).toBe(before.roundsToAnswer)
  })

  it('give township staff new cases, unacknowledged reports and overdue feedback', async () => {
    const before = await todo(inspector())
    expect(Object.keys(before).sort()).toEqual(['newCases', 'newReports', 'overdueFeedback'])

    expectOk(await villager()('report', 'file', report('todo-rp-000001')))
    expect((await todo(inspector())).newReports).toBe(before.newReports! + 1)
    const { items } = expectOk(await inspector()('report', 'inbox', { status: 'submitted' }))
    expectOk(await inspector()('report', 'acknowledge', { reportId: items[0]!.reportId }))
    expect((await todo(inspector())).newReports).toBe(before.newReports)

    expectOk(await villager()('feedback', 'submit', feedback('todo-fb-000003')))
    expect((await todo(inspector())).overdueFeedback).toBe(before.overdueFeedback)
    fixture.clock.advance(40 * DAY)
    const overdue = expectOk(await inspector()('feedback', 'overdue', {})).items.length
    expect((await todo(inspector())).overdueFeedback).toBe(overdue)
    expect(overdue).toBeGreaterThan(before.overdueFeedback!)
  })

  it('never tell a village role about reports, and refuse villagers and guests', async () => {
    expectOk(await villager()('report', 'file', report('todo-rp-000002')))
    for (const caller of [chair(), director()]) {
      const text = JSON.stringify(expectOk(await caller('member', 'todo')))
      expect(text).not.toMatch(/report/i)
    }
    expectError(await villager()('member', 'todo'), 'FORBIDDEN')
    expectError(await fixture.as(people.pending)('member', 'todo'), 'FORBIDDEN')
  })
})

describe('households that have not read an announcement', () => {
  const notice = { title: '本周六召开村情发布会', body: '11月29日上午9点在村委会会议室召开村情发布会。' }

  it('are listed for the chair by household number, paged, and leave the list once they open it', async () => {
    const { announcementId } = expectOk(await chair()('announcement', 'push', notice))
    const first = expectOk(await chair()('announcement', 'unread', { announcementId }))
    expect(first).toMatchObject({ title: notice.title, householdsRead: 0, householdsInGroup: 106 })
    expect(first.items.length).toBeGreaterThanOrEqual(20)
    expect(first.items.map((h: { number: string }) => h.number)).toEqual([...first.items.map((h: { number: string }) => h.number)].sort())
    expect(first.items.find((h: { householdId: string }) => h.householdId === 'h-shiqiao-0001')).toBeDefined()

    expectOk(await villager()('announcement', 'open', { announcementId }))
    const after = expectOk(await chair()('announcement', 'unread', { announcementId }))
    expect(after.householdsRead).toBe(1)
    expect(after.items.find((h: { householdId: string }) => h.householdId === 'h-shiqiao-0001')).toBeUndefined()

    // Every page together: exactly the group minus the one that read it.
    const seen: string[] = []
    let cursor: string | null = null
    do {
      const page: { items: { householdId: string }[]; nextCursor: string | null } = expectOk(await chair()('announcement', 'unread', { announcementId, cursor }))
      seen.push(...page.items.map((h) => h.householdId))
      cursor = page.nextCursor
    } while (cursor)
    expect(new Set(seen).size).toBe(seen.length)
    expect(seen.length).toBe(106 - 1)
  })

  it('get one reminder where someone subscribed, and a plain refusal where no one did', async () => {
    const { announcementId } = expectOk(await chair()('announcement', 'push', notice))
    expectOk(await fixture.as(people.representative3)('announcement', 'subscribe'))
    const row = async (householdId: string) =>
      expectOk(await chair()('announcement', 'unread', { announcementId })).items.find((h: { householdId: string }) => h.householdId === householdId)
    expect(await row('h-shiqiao-0003')).toMatchObject({ canRemind: true, reminded: false })
    const withoutSubscription = (await row('h-shiqiao-0004')) ?? (await row('h-shiqiao-0002'))
    if (!withoutSubscription) throw new Error('no household without a subscription')
    expect(withoutSubscription.canRemind).toBe(false)

    expectOk(await chair()('announcement', 'remind', { announcementId, householdId: 'h-shiqiao-0003' }))
    expect(await row('h-shiqiao-0003')).toMatchObject({ reminded: true })
    const outbox = dump(fixture.store)
      .notification!.map((n) => JSON.parse(n))
      .filter((n) => n._id.startsWith('rm:'))
    expect(outbox).toHaveLength(1)
    expect(outbox[0]).toMatchObject({ openid: 'demo:p-shiqiao-0003-1', subject: `announcement:${announcementId}` })

    expect(expectError(await chair()('announcement', 'remind', { announcementId, householdId: 'h-shiqiao-0003' }), 'CONFLICT')).toMatch(/已经提醒过/)
    const before = dump(fixture.store)
    expect(expectError(await chair()('announcement', 'remind', { announcementId, householdId: withoutSubscription.householdId }), 'CONFLICT')).toMatch(/没有人开通微信消息提醒/)
    expect(dump(fixture.store)).toEqual(before)
  })

  it('belong to the chair of the announcement’s own village only', async () => {
    const { announcementId } = expectOk(await chair()('announcement', 'push', notice))
    expectError(await fixture.as(people.otherChair)('announcement', 'unread', { announcementId }), 'NOT_FOUND')
    expectError(await fixture.as(people.otherChair)('announcement', 'remind', { announcementId, householdId: 'h-shiqiao-0003' }), 'NOT_FOUND')
    for (const who of [people.director, people.villager, people.inspector]) {
      expectError(await fixture.as(who)('announcement', 'unread', { announcementId }), 'FORBIDDEN')
    }
  })
})
