import { beijingDayStart } from '../../shared/time'
import { permissions } from '../../shared/permissions'
import { sampleInput } from '../support/samples'
import { dump, expectOk, people, useSeededStore } from '../support/harness'

const fixture = useSeededStore()

const auditLog = () => dump(fixture.store).audit!.map((row) => JSON.parse(row))
const inThreeDays = () => new Date(fixture.clock.now().getTime() + 3 * 86_400_000).toISOString()

/** One successful call of every write action, in an order that makes each possible. */
async function everyWrite() {
  const chair = fixture.as(people.chair)
  const director = fixture.as(people.director)
  const villager = fixture.as(people.villager)
  const representative3 = fixture.as(people.representative3)
  const inspector = fixture.as(people.inspector)

  expectOk(await fixture.caller('visitor:new')('member', 'join', { joinCode: 'SHIQIAO', householdNumber: '0125', name: '新来的' }))
  expectOk(await chair('member', 'approve', { memberId: 'm-shiqiao-0107-1' }))
  expectOk(await chair('member', 'reject', { memberId: 'm-shiqiao-0108-1', reason: '不是本村户' }))
  expectOk(await chair('member', 'remove', { memberId: 'm-shiqiao-0005-1', reason: '已迁出' }))
  expectOk(await director('power', 'select', { itemId: 'pw-7-04', selected: true, note: '本村需要' }))
  // The village WeChat group (issue 19): binding and unbinding are audited; opening a card from a group is not.
  const { group } = expectOk(await chair('group', 'bind', { cloudId: 'dev-group:石桥村监督群', label: '一组群' }))
  expectOk(await chair('group', 'unbind', { groupId: group.groupId }))

  const { disclosureId } = expectOk(await director('disclosure', 'publish', { kind: 'village', section: 'services', title: '办事结果公开', body: '本月办结3件。' }))
  expectOk(await director('disclosure', 'revise', { disclosureId, title: '办事结果公开', body: '本月办结4件。', reason: '漏计一件' }))
  expectOk(await director('disclosure', 'recordDecisionStep', { stage: 'proposal', date: '2026-11-20', title: '修建文化广场', summary: '提议修建', minutes: '支部会议提议。' }))
  // 点题公开: asked, forwarded and answered by a disclosure, and one declined.
  const { topicId } = expectOk(await villager('topic', 'ask', { requestId: 'audit-topic-01', title: '村集体土地流转收入', reason: '想知道租金收了多少' }))
  expectOk(await chair('topic', 'forward', { topicId, kind: 'village', section: 'services', dueDay: '2026-11-30' }))
  expectOk(await director('disclosure', 'publish', { kind: 'village', section: 'services', title: '土地流转收入', body: '租金12000元。', topicId }))
  const declined = expectOk(await villager('topic', 'ask', { requestId: 'audit-topic-02', title: '邻居家低保怎么评的', reason: '想知道' })).topicId
  expectOk(await chair('topic', 'decline', { topicId: declined, reason: '已在办事结果栏目公开' }))

  const { announcementId } = expectOk(await chair('announcement', 'push', { title: '通知', body: '请查看。' }))
  expectOk(await villager('announcement', 'open', { announcementId }))
  expectOk(await villager('announcement', 'subscribe', {}))
  expectOk(await fixture.as(people.representative3)('announcement', 'subscribe', {}))
  expectOk(await chair('announcement', 'remind', { announcementId, householdId: 'h-shiqiao-0003' }))

  const feedback = async (requestId: string) => {
    const { feedbackId } = expectOk(await villager('feedback', 'submit', { requestId, about: { type: 'general' }, text: '路灯不亮。' }))
    expectOk(await chair('feedback', 'route', { feedbackId, assignTo: people.director }))
    expectOk(await director('feedback', 'reply', { feedbackId, text: '已修好。' }))
    return feedbackId
  }
  expectOk(await villager('feedback', 'confirm', { feedbackId: await feedback('audit-feedback-1') }))
  expectOk(await villager('feedback', 'reopen', { feedbackId: await feedback('audit-feedback-2'), reason: '还是不亮' }))
  expectOk(
    await inspector('feedback', 'remind', {
      feedbackId: (await fixture.store.query('feedback', { where: { personId: people.villager }, orderBy: { field: 'submittedAt', direction: 'asc' }, limit: 1 })).items[0]!._id,
      note: '请尽快',
    }),
  )
  expectOk(await inspector('feedback', 'setReplyDays', { days: 5 }))

  const subject = { type: 'disclosure', id: 'd-shiqiao-001' } as const
  const round = async (title: string) => {
    const { roundId } = expectOk(await chair('evaluation', 'openRound', { subject, title, closesAt: inThreeDays() }))
    expectOk(await villager('evaluation', 'castBallot', { roundId, choice: 'dissatisfied', requestId: `audit-ballot-${title === '一' ? 1 : 2}-000001` }))
    return { roundId, ...expectOk(await chair('evaluation', 'closeRound', { reason: '全部户代表已投票', roundId })) }
  }
  const first = await round('一')
  expectOk(await director('evaluation', 'answerRound', { roundId: first.roundId, answer: '已说明。' }))
  const { escalationId } = await round('二')
  if (!escalationId) throw new Error('the second round did not escalate')
  const open = expectOk(await chair('evaluation', 'openRound', { subject: { type: 'decision', id: 'dc-shiqiao-2' }, title: '三', closesAt: inThreeDays() }))
  expectOk(await representative3('evaluation', 'grantProxy', { toMemberId: 'm-shiqiao-0003-2', roundId: open.roundId }))
  expectOk(await representative3('evaluation', 'revokeProxy', {}))
  expectOk(await chair('member', 'setRepresentative', { memberId: 'm-shiqiao-0003-2' }))
  expectOk(await representative3('member', 'leave', { reason: '外出定居' }))
  expectOk(await inspector('township', 'addNote', { escalationId, text: '已约谈。' }))
  expectOk(await inspector('township', 'orderRectification', { escalationId, what: '补充公开。', dueAt: '2026-12-31' }))
  expectOk(await director('evaluation', 'reportRectification', { escalationId, text: '已补充公开。' }))
  expectOk(await inspector('township', 'closeEscalation', { escalationId, conclusion: '整改到位。', reevaluationClosesAt: inThreeDays() }))
  expectOk(await inspector('township', 'setRule', { thresholdPermille: 300, streakLength: 2 }))
  expectOk(await inspector('township', 'setSafeguards', { minTurnoutPermille: null, minDaysBetween: 0 }))
  expectOk(await inspector('township', 'setDuties', { duties: [{ label: '财务收支公开', kind: 'finance', section: 'finance', cadence: 'monthly', dueDays: 15 }] }))
  const featured = { categoryId: 'cat-7', name: '一事一议', basis: ['依据'], performer: '村民委员会', supervisor: '村务监督委员会', steps: [{ name: '提出', actor: '村民委员会' }] }
  const { itemId } = expectOk(await inspector('power', 'saveTownshipItem', featured))
  expectOk(await inspector('power', 'removeTownshipItem', { itemId, reason: '重复' }))
  expectOk(await inspector('power', 'importTownshipItems', sampleInput['power.importTownshipItems']))
  const { villageId } = expectOk(await inspector('township', 'createVillage', { name: '新庄村' }))
  const unused = expectOk(await inspector('township', 'invite', { role: 'committee', villageId, title: '村委委员', name: '备用干部' }))
  expectOk(await inspector('township', 'reissueInvite', { inviteId: unused.inviteId }))
  const { code } = expectOk(await inspector('township', 'invite', { role: 'committee', villageId, title: '村委委员', name: '新干部' }))
  expectOk(await fixture.caller('wx:new-official')('member', 'acceptInvite', { code }))
  const { appointments } = expectOk(await inspector('township', 'appointments', {}))
  expectOk(await inspector('township', 'endAppointment', { appointmentId: appointments.find((a) => a.name === '新干部')!.appointmentId }))
  expectOk(await inspector('township', 'importRoster', { villageId, households: [{ line: 2, number: '0001', headName: '王建国', groupName: '一组', size: 4 }] }))
  expectOk(await inspector('township', 'prepareExport', { kind: 'figures' }))
  expectOk(await inspector('power', 'prepareExportList', { list: 'township' }))

  expectOk(await villager('report', 'file', { requestId: 'audit-report-0001', text: '有人违规。', anonymous: true }))
  const { reportId } = expectOk(await inspector('report', 'inbox', {})).items[0]!
  expectOk(await inspector('report', 'acknowledge', { reportId }))
  expectOk(await inspector('report', 'note', { reportId, text: '查了。' }))
  expectOk(await inspector('report', 'conclude', { reportId, outcome: '属实。', findingAppointmentIds: ['a-shiqiao-director'] }))
  // The village meeting and its panel round (issue 20 items 1 and 2).
  const meeting = expectOk(
    await chair('meeting', 'schedule', {
      requestId: 'audit-meeting-0001',
      startsAt: fixture.clock.now().toISOString(),
      place: '村部',
      items: [{ kind: 'disclosure', refId: 'd-shiqiao-002' }],
    }),
  )
  expectOk(await chair('meeting', 'setPanel', { meetingId: meeting.meetingId, panel: [{ name: '李国强', role: 'deputy', votes: 'paper' }] }))
  const panelRound = expectOk(
    await chair('evaluation', 'openRound', {
      subject: { type: 'disclosure', id: 'd-shiqiao-002' },
      title: '会上评议',
      closesAt: inThreeDays(),
      meeting: { meetingId: meeting.meetingId, itemId: 'i1' },
    }),
  )
  expectOk(await chair('evaluation', 'enterPaper', { roundId: panelRound.roundId, satisfied: 1, basic: 0, dissatisfied: 0 }))
  expectOk(await chair('meeting', 'record', { meetingId: meeting.meetingId, attendance: { households: 40, others: 1 }, items: [] }))
  const other = expectOk(await chair('meeting', 'schedule', { requestId: 'audit-meeting-0002', startsAt: inThreeDays(), place: '村部', items: [{ kind: 'text', title: '其他' }] }))
  expectOk(await chair('meeting', 'cancel', { meetingId: other.meetingId, reason: '改期' }))
  // 廉政档案 and 回避 (issue 20 item 5).
  expectOk(await inspector('township', 'addIntegrityNote', { personId: people.director, text: '述职述廉。' }))
  expectOk(await inspector('township', 'prepareIntegrityExport', { personId: people.director }))
  expectOk(await inspector('report', 'recuse', { reportId, conflict: 'relative', reason: '亲属。' }))
  expectOk(await fixture.as('p-tw-officer')('township', 'recuseCase', { escalationId, conflict: 'other', reason: '曾有往来。' }))
  return { escalationId }
}

describe('the audit log', () => {
  it('has an entry for every write action in the permissions table, with time, person, role, action and records', async () => {
    await everyWrite()
    const writes = Object.entries(permissions)
      .filter(([, p]) => p.writes)
      .map(([action]) => action)
      .sort()
    const log = auditLog()
    expect([...new Set(log.map((e) => e.action))].sort()).toEqual(writes)
    expect(log.find((e) => e.action === 'feedback.route')).toMatchObject({
      at: '2026-11-21T08:00:00.000Z',
      personId: people.chair,
      name: '周德明',
      role: 'chair',
      title: '村务监督委员会主任',
      villageId: 'v-shiqiao',
      townshipId: 'tw-shiqiao',
      records: [expect.stringMatching(/^fb_/)],
    })
  })

  it('keeps an anonymous report anonymous, and never ties a ballot to its household', async () => {
    await everyWrite()
    const log = auditLog()
    expect(log.find((e) => e.action === 'report.file')).toMatchObject({ personId: null, name: '', title: '', records: [] })
    expect(log.find((e) => e.action === 'report.file')).toMatchObject({ at: beijingDayStart(fixture.clock.now().toISOString()), dayOnly: true })
    const ballots = dump(fixture.store).ballot!.map((b) => JSON.parse(b))
    const votes = log.filter((e) => e.action === 'evaluation.castBallot')
    expect(votes.length).toBeGreaterThan(0)
    for (const entry of votes) {
      // Who took part in which round, on which day: no moment to order voters by, and no slot or receipt.
      expect(entry).toMatchObject({ at: beijingDayStart(fixture.clock.now().toISOString()), dayOnly: true })
      for (const ballot of ballots) {
        expect(entry.records).not.toContain(ballot._id)
        expect(entry.records).not.toContain(ballot.receipt)
      }
    }
  })

  it('records nothing for a refused write', async () => {
    await fixture.as(people.villager)('feedback', 'submit', { requestId: 'audit-bad-0001', about: { type: 'general' }, text: '' })
    await fixture.as(people.director).unchecked('evaluation', 'openRound', {})
    expect(auditLog()).toEqual([])
  })

  it('lets township staff browse it by village, person and action, and only their own township', async () => {
    await everyWrite()
    const inspector = fixture.as(people.inspector)
    const byAction = expectOk(await inspector('township', 'audit', { operation: 'evaluation.closeRound' })).items
    expect(byAction).toHaveLength(2)
    expect(byAction.every((e: { action: string }) => e.action === 'evaluation.closeRound')).toBe(true)
    const byPerson = expectOk(await inspector('township', 'audit', { personId: people.director })).items
    expect(new Set(byPerson.map((e) => e.personId))).toEqual(new Set([people.director]))
    const byVillage = expectOk(await inspector('township', 'audit', { villageId: 'v-shiqiao', operation: 'member.approve' })).items
    expect(byVillage.map((e: { records: string[] }) => e.records)).toEqual([['m-shiqiao-0107-1']])
    expect(expectOk(await inspector('township', 'audit', { villageId: 'v-liushu' })).items).toEqual([])
  })
})
