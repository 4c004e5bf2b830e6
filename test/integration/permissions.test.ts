import type { SqliteStore } from '../../cloudfunctions/adapters/sqlite/store'
import { permissions, type QualifiedAction } from '../../shared/permissions'
import type { CallerRole } from '../../shared/roles'
import { as, callerFor, seededStore, type Call } from '../support/harness'

/** A well-formed input for every action, naming records of 石桥村 (township staff get its village id). */
const sampleInput: Record<QualifiedAction, Record<string, unknown>> = {
  'member.me': {},
  'member.join': { joinCode: 'SHIQIAO', householdNumber: '0125', name: '测试' },
  'member.listPending': {},
  'member.approve': { memberId: 'm-shiqiao-0107-1' },
  'member.reject': { memberId: 'm-shiqiao-0108-1' },
  'member.roster': {},
  'member.household': { householdId: 'h-shiqiao-0003' },
  'member.setRepresentative': { memberId: 'm-shiqiao-0003-1' },
  'member.remove': { memberId: 'm-shiqiao-0005-1', reason: '测试' },
  'member.coverage': {},
  'member.myData': {},
  'member.leave': { reason: '测试' },
  'member.acceptInvite': { code: 'NONE2345' },
  'power.categories': { villageId: 'v-shiqiao' },
  'power.list': { villageId: 'v-shiqiao' },
  'power.get': { villageId: 'v-shiqiao', itemId: 'pw-1-01' },
  'power.responsibilities': {},
  'power.prohibitions': {},
  'power.history': { villageId: 'v-shiqiao' },
  'power.catalog': {},
  'power.select': { itemId: 'pw-7-04', selected: true, note: '测试' },
  'disclosure.list': { villageId: 'v-shiqiao' },
  'disclosure.search': { villageId: 'v-shiqiao', keyword: '财务' },
  'disclosure.get': { villageId: 'v-shiqiao', disclosureId: 'd-shiqiao-001' },
  'disclosure.verify': { villageId: 'v-shiqiao', disclosureId: 'd-shiqiao-001' },
  'disclosure.publish': { kind: 'village', section: 'services', title: '测试', body: '测试' },
  'disclosure.revise': { disclosureId: 'd-shiqiao-001', title: '测试更正', body: '测试', reason: '测试' },
  'disclosure.duties': { villageId: 'v-shiqiao' },
  'disclosure.decisions': { villageId: 'v-shiqiao' },
  'disclosure.decision': { villageId: 'v-shiqiao', decisionId: 'dc-shiqiao-1' },
  'disclosure.recordDecisionStep': { stage: 'proposal', date: '2026-11-20', title: '测试', summary: '测试', minutes: '测试' },
  'disclosure.figures': { villageId: 'v-shiqiao' },
  'disclosure.publicVillage': { villageId: 'v-shiqiao' },
  'disclosure.publicList': { villageId: 'v-shiqiao' },
  'disclosure.publicGet': { villageId: 'v-shiqiao', disclosureId: 'd-shiqiao-001' },
  'disclosure.villageCode': {},
  'feedback.submit': { requestId: 'perm-test-0001', about: { type: 'general' }, text: '测试' },
  'feedback.mine': {},
  'feedback.inbox': {},
  'feedback.route': { feedbackId: 'fb-none', agenda: true },
  'feedback.assignees': {},
  'feedback.reply': { feedbackId: 'fb-none', text: '测试' },
  'feedback.confirm': { feedbackId: 'fb-none' },
  'feedback.reopen': { feedbackId: 'fb-none', reason: '测试' },
  'feedback.overdue': {},
  'feedback.remind': { feedbackId: 'fb-none', note: '测试' },
  'feedback.onDisclosure': { disclosureId: 'd-shiqiao-001' },
  'feedback.figures': { villageId: 'v-shiqiao' },
  'feedback.settings': {},
  'feedback.setReplyDays': { days: 10 },
  'evaluation.openRound': { subject: { type: 'disclosure', id: 'd-shiqiao-002' }, title: '测试', closesAt: '2026-11-28T12:00:00.000Z' },
  'evaluation.castBallot': { roundId: 'rd-none', choice: 'satisfied' },
  'evaluation.closeRound': { roundId: 'rd-none' },
  'evaluation.answerRound': { roundId: 'rd-none', answer: '测试' },
  'evaluation.getRound': { roundId: 'rd-none' },
  'evaluation.listRounds': { villageId: 'v-shiqiao' },
  'evaluation.subjectHistory': { villageId: 'v-shiqiao', subject: { type: 'disclosure', id: 'd-shiqiao-001' } },
  'evaluation.proxies': {},
  'evaluation.grantProxy': { toMemberId: 'm-none', until: '2026-12-31T00:00:00.000Z' },
  'evaluation.revokeProxy': {},
  'evaluation.reportRectification': { escalationId: 'es-none', text: '测试' },
  'township.listEscalations': {},
  'township.getEscalation': { escalationId: 'es-none' },
  'township.addNote': { escalationId: 'es-none', text: '测试' },
  'township.orderRectification': { escalationId: 'es-none', what: '测试', dueAt: '2026-12-31' },
  'township.closeEscalation': { escalationId: 'es-none', conclusion: '测试', reevaluationClosesAt: '2026-11-28T12:00:00.000Z' },
  'township.figures': {},
  'township.rule': {},
  'township.setRule': { thresholdPermille: 300, streakLength: 2 },
  'township.audit': {},
  'township.duties': {},
  'township.setDuties': { duties: [{ label: '财务收支公开', kind: 'finance', section: 'finance', cadence: 'monthly', dueDays: 15 }] },
  'township.invite': { role: 'chair', villageId: 'v-shiqiao', title: '村务监督委员会主任', name: '测试' },
  'township.appointments': {},
  'township.endAppointment': { appointmentId: 'a-none' },
  'township.createVillage': { name: '测试村' },
  'township.previewRoster': { villageId: 'v-shiqiao', csv: '户号,户主姓名,村民小组,人口数\n9001,测试,一组,2' },
  'township.importRoster': { villageId: 'v-shiqiao', csv: '户号,户主姓名,村民小组,人口数\n9001,测试,一组,2' },
  'township.export': { kind: 'figures' },
  'report.file': { requestId: 'perm-test-0001', text: '测试', anonymous: true },
  'report.track': { trackingCode: 'AAAA-BBBB-CCCC' },
  'report.inbox': {},
  'report.get': { reportId: 'rp-none' },
  'report.acknowledge': { reportId: 'rp-none' },
  'report.note': { reportId: 'rp-none', text: '测试' },
  'report.conclude': { reportId: 'rp-none', outcome: '测试' },
  'report.figures': {},
  'announcement.push': { title: '测试', body: '测试' },
  'announcement.list': {},
  'announcement.open': { announcementId: 'an-shiqiao-1' },
  'announcement.reach': {},
  'announcement.subscribe': {},
}

let store: SqliteStore
let callers: Record<CallerRole, Call>
beforeEach(async () => {
  store = await seededStore()
  callers = {
    guest: callerFor(store, 'visitor:nobody'),
    villager: as(store, 'p-shiqiao-0002-1'),
    chair: as(store, 'p-shiqiao-chair'),
    committee: as(store, 'p-shiqiao-director'),
    township: as(store, 'p-tw-inspector'),
  }
})
afterEach(() => store.close())

const roles: CallerRole[] = ['guest', 'villager', 'chair', 'committee', 'township']

describe.each(Object.entries(permissions))('%s', (qualified, permission) => {
  const [area, action] = qualified.split('.') as [string, string]
  const allowed = permission.roles as readonly CallerRole[]

  const refused = roles.filter((r) => !allowed.includes(r))
  // A concealed action answers "not found", so a refused caller cannot tell its records exist.
  const refusal = 'conceal' in permission ? 'NOT_FOUND' : 'FORBIDDEN'
  if (refused.length > 0) {
    it.each(refused)(`is refused to %s with ${refusal}`, async (role) => {
      const result = await callers[role](area, action, sampleInput[qualified as QualifiedAction])
      expect(result).toMatchObject({ ok: false, error: { code: refusal } })
    })
  }

  it.each(roles.filter((r) => allowed.includes(r)))('is open to %s', async (role) => {
    const result = await callers[role](area, action, sampleInput[qualified as QualifiedAction])
    if (!result.ok) expect(result.error.code).not.toMatch(/FORBIDDEN|INVALID_INPUT|INTERNAL|UNKNOWN_ACTION/)
  })
})
