import type { Choice } from '../../shared/evaluation/rules'
import type { TypedCall } from '../support/caller'
import { addHouseholds, expectError, expectOk, people, useSeededStore } from '../support/harness'

/**
 * 回避 (issue 20 item 5): a staff member with a conflict of interest steps aside from a case or a report. It goes to
 * another active staff member at once, the declarer no longer sees it anywhere, and both steps are on record.
 */
const fixture = useSeededStore()
const OFFICER = 'p-tw-officer'
const HOUR = 3_600_000
const inspector = () => fixture.as(people.inspector)
const officer = () => fixture.as(OFFICER)

async function aReport(requestId: string): Promise<string> {
  expectOk(await fixture.as(people.villager)('report', 'file', { requestId, subject: '村党支部书记', text: '书记把低保名额给了自己的亲戚。', anonymous: true }))
  return expectOk(await inspector()('report', 'inbox', { status: 'submitted' })).items[0]!.reportId
}

/** Two rounds over the threshold on a seeded disclosure: an open case. */
async function anOpenCase(): Promise<string> {
  const voters: TypedCall[] = (await addHouseholds(fixture.store, 4)).map((h) => fixture.caller(h.representative))
  const over: Choice[] = ['dissatisfied', 'dissatisfied', 'satisfied', 'basic']
  let escalationId: string | null = null
  for (const title of ['第一轮评议', '第二轮评议']) {
    const closesAt = new Date(fixture.clock.now().getTime() + 24 * HOUR).toISOString()
    const { roundId } = expectOk(await fixture.as(people.chair)('evaluation', 'openRound', { subject: { type: 'disclosure', id: 'd-shiqiao-001' }, title, closesAt }))
    for (const [i, choice] of over.entries()) expectOk(await voters[i]!('evaluation', 'castBallot', { roundId, choice }))
    fixture.clock.advance(25 * HOUR)
    escalationId = expectOk(await fixture.as(people.chair)('evaluation', 'closeRound', { roundId })).escalationId
    if (!escalationId) expectOk(await fixture.as(people.director)('evaluation', 'answerRound', { roundId, answer: '已补充公开。' }))
  }
  if (!escalationId) throw new Error('expected a case')
  return escalationId
}

const auditOf = async (action: string) => expectOk(await officer()('township', 'audit', { operation: action })).items

describe('回避 on a report', () => {
  it('takes it from the declarer at once and hands it to another staff member, both steps recorded on it and in the audit log', async () => {
    const reportId = await aReport('recusal-report-01')
    expectOk(await inspector()('report', 'acknowledge', { reportId }))
    expect(expectOk(await inspector()('report', 'get', { reportId })).handler).toMatchObject({ personId: people.inspector, name: '赵清华' })
    const before = expectOk(await inspector()('report', 'figures', {})).total

    fixture.clock.advance(HOUR)
    const handed = expectOk(await inspector()('report', 'recuse', { reportId, conflict: 'relative', reason: '被举报的书记是我表哥。' }))
    expect(handed).toEqual({ handlerId: OFFICER, handlerName: '镇纪委干事陈思远' })

    // The declarer: as if it never existed — get, every step, the inbox, the figures, the export, the to-do count.
    const declarer = inspector()
    expectError(await declarer('report', 'get', { reportId }), 'NOT_FOUND')
    expectError(await declarer('report', 'note', { reportId, text: '继续调查' }), 'NOT_FOUND')
    expectError(await declarer('report', 'conclude', { reportId, outcome: '不属实' }), 'NOT_FOUND')
    expectError(await declarer('report', 'recuse', { reportId, conflict: 'other', reason: '再来' }), 'NOT_FOUND')
    expect(expectOk(await declarer('report', 'inbox', {})).items.map((r) => r.reportId)).not.toContain(reportId)
    expect(expectOk(await declarer('report', 'figures', {})).total.received).toBe(before.received - 1)
    expect(expectOk(await declarer('township', 'export', { kind: 'reports' })).csv).not.toContain('低保名额')

    // The new handler sees who handles it and how it came to them, and takes it on.
    const detail = expectOk(await officer()('report', 'get', { reportId }))
    expect(detail.handler).toEqual({ personId: OFFICER, name: '陈思远', title: '镇纪委干事' })
    expect(detail.handling).toEqual([
      {
        kind: 'recused',
        at: fixture.clock.now().toISOString(),
        personId: people.inspector,
        name: '赵清华',
        title: '镇纪委书记',
        conflict: 'relative',
        reason: '被举报的书记是我表哥。',
      },
      { kind: 'handedOver', at: fixture.clock.now().toISOString(), personId: OFFICER, name: '陈思远', title: '镇纪委干事', conflict: null, reason: null },
    ])
    expect(expectOk(await officer()('report', 'inbox', {})).items.map((r) => r.reportId)).toContain(reportId)
    expect(expectOk(await officer()('township', 'export', { kind: 'reports' })).csv).toContain('低保名额')
    expectOk(await officer()('report', 'conclude', { reportId, outcome: '经查属实。', findingAppointmentIds: ['a-shiqiao-secretary'] }))

    // The audit log names the declarer, the report and the staff member it was handed to.
    const [entry] = await auditOf('report.recuse')
    expect(entry).toMatchObject({ personId: people.inspector, action: 'report.recuse' })
    expect(entry!.records).toEqual(expect.arrayContaining([reportId, OFFICER]))
    // …and the file of the cadre it names leaves it out for the declarer too.
    expect(expectOk(await inspector()('township', 'integrityFile', { personId: people.secretary })).reports).toEqual([])
    expect(expectOk(await officer()('township', 'integrityFile', { personId: people.secretary })).reports).toHaveLength(1)
  })

  it('is refused when no other active staff member could take it over, and the declarer keeps it', async () => {
    const reportId = await aReport('recusal-report-02')
    expectOk(await inspector()('report', 'acknowledge', { reportId }))
    expectOk(await inspector()('township', 'endAppointment', { appointmentId: 'a-tw-officer' }))
    expect(expectError(await inspector()('report', 'recuse', { reportId, conflict: 'formerPost', reason: '我曾任该村支书。' }), 'NO_OTHER_STAFF', 409)).toMatch(
      /没有其他在任的纪委工作人员/,
    )
    const still = expectOk(await inspector()('report', 'get', { reportId }))
    expect(still).toMatchObject({ handler: { personId: people.inspector }, handling: [] })
  })
})

describe('two recusals at once', () => {
  it('never both land on what they read: every recusal that succeeded is on record, and the handler is never one who stepped aside', async () => {
    const reportId = await aReport('recusal-report-03')
    expectOk(await inspector()('report', 'acknowledge', { reportId }))
    const results = await Promise.all([
      inspector()('report', 'recuse', { reportId, conflict: 'relative', reason: '亲属。' }),
      officer()('report', 'recuse', { reportId, conflict: 'formerPost', reason: '曾在该村任职。' }),
    ])
    const landed = results.filter((r) => r.ok)
    expect(landed.length).toBeGreaterThanOrEqual(1)
    for (const r of results) if (!r.ok) expect(['CONFLICT', 'NO_OTHER_STAFF']).toContain(r.error.code)
    const stored = (await fixture.store.get('report', reportId))!
    expect(stored.recusedIds).toHaveLength(landed.length)
    expect(stored.handling).toHaveLength(2 * landed.length)
    expect(stored.recusedIds).not.toContain(stored.handlerId)
  })
})

describe('回避 on a case', () => {
  it('moves the case to the other staff member; the declarer loses it from the list, the figures, the export and the to-do count', async () => {
    const escalationId = await anOpenCase()
    const countsOf = async (caller: TypedCall) => ({
      listed: expectOk(await caller('township', 'listEscalations', {})).items.some((e) => e.escalationId === escalationId),
      open: expectOk(await caller('township', 'figures', {})).villages.find((v) => v.villageId === 'v-shiqiao')!.openCases,
      newCases: expectOk(await caller('member', 'todo', {})).items.find((i) => i.kind === 'newCases')?.count ?? 0,
    })
    const before = await countsOf(officer())
    expect(before.listed).toBe(true)

    // Nobody handles it yet: the case goes to the one other staff member.
    expect(expectOk(await officer()('township', 'recuseCase', { escalationId, conflict: 'formerPost', reason: '我曾在石桥村任村委会委员。' }))).toEqual({
      handlerId: people.inspector,
      handlerName: '镇纪委书记赵清华',
    })
    const after = await countsOf(officer())
    expect(after.listed).toBe(false)
    expect(after.open).toBe(before.open - 1)
    expect(after.newCases).toBe(before.newCases - 1)
    expectError(await officer()('township', 'getEscalation', { escalationId }), 'NOT_FOUND')
    expectError(await officer()('township', 'addNote', { escalationId, text: '看一下' }), 'NOT_FOUND')
    expect(expectOk(await officer()('township', 'export', { kind: 'cases' })).csv.split('\n')).toHaveLength(2) // header and the final newline only

    const { escalation } = expectOk(await inspector()('township', 'getEscalation', { escalationId }))
    expect(escalation.handler).toMatchObject({ personId: people.inspector, title: '镇纪委书记' })
    expect(escalation.handling.map((s) => [s.kind, s.personId, s.conflict])).toEqual([
      ['recused', OFFICER, 'formerPost'],
      ['handedOver', people.inspector, null],
    ])
    expect((await countsOf(inspector())).listed).toBe(true)
    expectOk(await inspector()('township', 'addNote', { escalationId, text: '已约谈村委会主任。' }))

    // The audit log names the declarer, the case and the staff member it was handed to.
    expect(await auditOf('township.recuseCase')).toEqual([
      expect.objectContaining({ personId: OFFICER, action: 'township.recuseCase', records: expect.arrayContaining([escalationId, people.inspector]) }),
    ])
  })

  it('keeps the handler who may still handle it, and refuses when the last one steps aside', async () => {
    const escalationId = await anOpenCase()
    // The inspector took the first step, so handles it; the officer's recusal leaves that as it is.
    expectOk(await inspector()('township', 'addNote', { escalationId, text: '开始调查。' }))
    expect(expectOk(await officer()('township', 'recuseCase', { escalationId, conflict: 'other', reason: '与村委会主任有生意往来。' })).handlerId).toBe(people.inspector)
    // Now the inspector too steps aside: nobody else may take it.
    expectError(await inspector()('township', 'recuseCase', { escalationId, conflict: 'relative', reason: '亲属' }), 'NO_OTHER_STAFF')
    expect(expectOk(await inspector()('township', 'getEscalation', { escalationId })).escalation.handler?.personId).toBe(people.inspector)
  })
})
