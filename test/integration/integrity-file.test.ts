import type { Choice } from '../../shared/evaluation/rules'
import type { TypedCall } from '../support/caller'
import { addHouseholds, addNeighbourTownship, expectError, expectOk, people, useSeededStore } from '../support/harness'

/**
 * 廉政档案 (issue 20 item 5): a village cadre's file, assembled from the record by ids — the posts a finding names,
 * who published, recorded or answered — holding only substantiated findings, never a reporter, and the township's alone.
 */
const fixture = useSeededStore()
let voters: TypedCall[]
beforeEach(async () => {
  voters = (await addHouseholds(fixture.store, 4)).map((h) => fixture.caller(h.representative))
})

const HOUR = 3_600_000
const DIRECTOR_POST = 'a-shiqiao-director'
const overThreshold: Choice[] = ['dissatisfied', 'dissatisfied', 'satisfied', 'basic'] // 50%
const inThreeDays = () => new Date(fixture.clock.now().getTime() + 72 * HOUR).toISOString()
const inspector = () => fixture.as(people.inspector)

/** The director publishes a disclosure: the director answers for every round on it. */
async function publishedByDirector(): Promise<string> {
  const published = await fixture.as(people.director)('disclosure', 'publish', {
    kind: 'village',
    section: 'projects',
    title: '三组村道硬化工程验收结果',
    body: '工程已于11月验收，施工单位按合同完成。',
  })
  return expectOk(published).disclosureId
}

/** A round on the disclosure, voted over the threshold and closed at its closing time. */
async function roundOverThreshold(disclosureId: string, title: string) {
  const { roundId } = expectOk(await fixture.as(people.chair)('evaluation', 'openRound', { subject: { type: 'disclosure', id: disclosureId }, title, closesAt: inThreeDays() }))
  for (const [i, choice] of overThreshold.entries()) expectOk(await voters[i]!('evaluation', 'castBallot', { roundId, choice }))
  fixture.clock.advance(73 * HOUR)
  return { roundId, ...expectOk(await fixture.as(people.chair)('evaluation', 'closeRound', { roundId })) }
}

/** Two rounds over the threshold (the first answered by the secretary), a case, and its whole cycle closed naming the director. */
async function caseCycleNamingDirector() {
  const disclosureId = await publishedByDirector()
  const first = await roundOverThreshold(disclosureId, '村道工程验收评议')
  expectOk(await fixture.as(people.secretary)('evaluation', 'answerRound', { roundId: first.roundId, answer: '验收报告和结算单已在公开栏补充。' }))
  const second = await roundOverThreshold(disclosureId, '村道工程验收再评议')
  const escalationId = second.escalationId
  if (!escalationId) throw new Error('expected the second round to open a case')
  const staff = inspector()
  expectOk(await staff('township', 'addNote', { escalationId, text: '调取了验收单，发现结算金额多出4万元。' }))
  expectOk(await staff('township', 'orderRectification', { escalationId, what: '退回多结算的工程款并公开结算明细', dueAt: '2026-12-20' }))
  expectOk(await fixture.as(people.director)('evaluation', 'reportRectification', { escalationId, text: '多结算的4万元已退回村集体账户，结算明细已公开。' }))
  const closed = expectOk(
    await staff('township', 'closeEscalation', {
      escalationId,
      conclusion: '经查村委会主任未按合同审核结算，多付工程款4万元，已责令退回并诫勉谈话。',
      reevaluationClosesAt: inThreeDays(),
      findingAppointmentIds: [DIRECTOR_POST],
    }),
  )
  return { disclosureId, first, second, escalationId, reevaluationRoundId: closed.reevaluationRoundId }
}

/** A report filed by a named villager, concluded by the township with a finding naming the director. */
async function reportConcludedNamingDirector() {
  expectOk(
    await fixture.as(people.villager)('report', 'file', {
      requestId: 'integrity-report-01',
      subject: '村委会主任',
      text: '我家隔壁看见主任把村里的水泥拉回了自家院子。',
      anonymous: false,
    }),
  )
  const staff = inspector()
  const reportId = expectOk(await staff('report', 'inbox', {})).items[0]!.reportId
  expectOk(await staff('report', 'acknowledge', { reportId }))
  expectOk(await staff('report', 'conclude', { reportId, outcome: '经查属实：村委会主任私自取用村集体水泥20袋，已责令退赔。', findingAppointmentIds: [DIRECTOR_POST] }))
  return reportId
}

describe("a village cadre's integrity file", () => {
  it('holds the concluded case naming them (finding, rectification, the village report), the concluded report naming them, and the rounds over the threshold they answered for', async () => {
    const cycle = await caseCycleNamingDirector()
    const reportId = await reportConcludedNamingDirector()

    const file = expectOk(await inspector()('township', 'integrityFile', { personId: people.director }))
    expect(file.name).toBe('李卫东')
    expect(file.posts).toEqual([expect.objectContaining({ appointmentId: DIRECTOR_POST, villageName: '石桥村', title: '村委会主任', status: 'active' })])
    expect(file.cases).toEqual([
      expect.objectContaining({
        escalationId: cycle.escalationId,
        villageName: '石桥村',
        subjectTitle: '三组村道硬化工程验收结果',
        cycle: 1,
        conclusion: expect.stringContaining('多付工程款4万元'),
        rectification: expect.objectContaining({ what: '退回多结算的工程款并公开结算明细', dueAt: '2026-12-20' }),
        villageReport: expect.objectContaining({ text: '多结算的4万元已退回村集体账户，结算明细已公开。' }),
        postTitles: ['村委会主任'],
      }),
    ])
    expect(file.reports).toEqual([{ reportId, villageName: '石桥村', concludedAt: expect.any(String), outcome: expect.stringContaining('水泥20袋'), postTitles: ['村委会主任'] }])
    // Both rounds were on a disclosure the director published; the re-evaluation round is still open and not there.
    expect(file.rounds.map((r) => [r.roundId, r.answeredAs])).toEqual([
      [cycle.second.roundId, ['published']],
      [cycle.first.roundId, ['published']],
    ])
    expect(file.rounds.map((r) => r.roundId)).not.toContain(cycle.reevaluationRoundId)
    expect(file.rounds[1]!.answer).toMatchObject({ text: '验收报告和结算单已在公开栏补充。', title: '村党支部书记' })

    // The secretary gave the first round's answer: that round is in their file, the case and the report are not.
    const secretary = expectOk(await inspector()('township', 'integrityFile', { personId: people.secretary }))
    expect(secretary.rounds.map((r) => [r.roundId, r.answeredAs])).toEqual([[cycle.first.roundId, ['answered']]])
    expect([secretary.cases, secretary.reports]).toEqual([[], []])

    const { cadres } = expectOk(await inspector()('township', 'integrityFiles', {}))
    expect(cadres.find((c) => c.personId === people.director)?.counts).toEqual({ cases: 1, reports: 1, rounds: 2, notes: 0 })
    expect(cadres.find((c) => c.personId === people.secretary)?.counts).toEqual({ cases: 0, reports: 0, rounds: 1, notes: 0 })
    expect(cadres.find((c) => c.personId === people.otherDirector)?.counts).toEqual({ cases: 0, reports: 0, rounds: 0, notes: 0 })
    // Every village post of the township, and nobody else: no staff, no villager.
    expect(cadres).toHaveLength(9)
    expect(cadres.map((c) => c.personId)).not.toContain(people.inspector)
  })

  it('never names the reporter, and a published answer still carries no person id', async () => {
    const cycle = await caseCycleNamingDirector()
    await reportConcludedNamingDirector()
    const reporter = (await fixture.store.get('person', people.villager))!
    const file = expectOk(await inspector()('township', 'integrityFile', { personId: people.director }))
    const csv = expectOk(await inspector()('township', 'exportIntegrityFile', { personId: people.director })).csv
    for (const text of [JSON.stringify(file), csv]) {
      expect(text).not.toContain(reporter.name)
      expect(text).not.toContain(people.villager)
      expect(text).not.toContain('隔壁') // the reporter's own words
      expect(text).not.toMatch(/reporter|举报人/)
    }
    expect(csv).toContain('多付工程款4万元')
    expect(csv).toContain('水泥20袋')
    // The answer keeps who gave it for the file, yet villagers read it signed by name and title only.
    const round = expectOk(await voters[0]!('evaluation', 'getRound', { roundId: cycle.first.roundId }))
    expect(round.answer).toEqual({ text: '验收报告和结算单已在公开栏补充。', at: expect.any(String), name: '王振山', title: '村党支部书记' })
    expect((await fixture.store.get('round', cycle.first.roundId))!.answer?.personId).toBe(people.secretary)
  })

  it('leaves out what is not substantiated: open cases, reports still under way, and concluded items that name nobody', async () => {
    // A round within the threshold on what the director published: no finding.
    const { roundId: within } = expectOk(
      await fixture.as(people.chair)('evaluation', 'openRound', { subject: { type: 'disclosure', id: await publishedByDirector() }, title: '满意的一轮', closesAt: inThreeDays() }),
    )
    for (const [i, choice] of (['dissatisfied', 'satisfied', 'satisfied', 'basic'] as Choice[]).entries())
      expectOk(await voters[i]!('evaluation', 'castBallot', { roundId: within, choice }))
    fixture.clock.advance(73 * HOUR)
    expect(expectOk(await fixture.as(people.chair)('evaluation', 'closeRound', { roundId: within })).outcome).toBe('within')
    // Two rounds over the threshold on what the director published and answered: a case is open and being investigated.
    const disclosureId = await publishedByDirector()
    const first = await roundOverThreshold(disclosureId, '第一轮')
    expectOk(await fixture.as(people.director)('evaluation', 'answerRound', { roundId: first.roundId, answer: '合同已补充公开。' }))
    const { escalationId } = await roundOverThreshold(disclosureId, '第二轮')
    expectOk(await inspector()('township', 'addNote', { escalationId: escalationId!, text: '正在调查工程结算。' }))
    // A report still being investigated, about the director.
    expectOk(await fixture.as(people.villager)('report', 'file', { requestId: 'integrity-open-001', subject: '村委会主任', text: '主任收了红包。', anonymous: true }))
    const staff = inspector()
    const reportId = expectOk(await staff('report', 'inbox', {})).items[0]!.reportId
    expectOk(await staff('report', 'acknowledge', { reportId }))
    expectOk(await staff('report', 'note', { reportId, text: '正在核实红包一事。' }))
    // A concluded report naming nobody: not substantiated against anyone.
    expectOk(await fixture.as(people.villager)('report', 'file', { requestId: 'integrity-none-001', subject: '村委会', text: '路灯坏了没人修。', anonymous: false }))
    const other = expectOk(await staff('report', 'inbox', { status: 'submitted' })).items[0]!.reportId
    expectOk(await staff('report', 'acknowledge', { reportId: other }))
    expectOk(await staff('report', 'conclude', { reportId: other, outcome: '经查不属实。' }))

    const file = expectOk(await staff('township', 'integrityFile', { personId: people.director }))
    expect(file.reports).toEqual([])
    expect(file.cases).toEqual([])
    // The rounds are on record (closed, over the threshold): what the committee answered for, not an allegation.
    expect(file.rounds.map((r) => r.answeredAs)).toEqual([['published'], ['published', 'answered']])
    expect(file.rounds.map((r) => r.roundId)).not.toContain(within)
    expect(JSON.stringify(file)).not.toMatch(/红包|不属实|调查工程结算/)
  })

  it('names only posts of the village concerned, current or past, offered by villagePosts', async () => {
    const { posts } = expectOk(await inspector()('township', 'villagePosts', { villageId: 'v-shiqiao' }))
    expect(posts.map((p) => p.appointmentId).sort()).toEqual(['a-shiqiao-chair', 'a-shiqiao-director', 'a-shiqiao-secretary'])
    // A past post stays a choice after it ends.
    expectOk(await inspector()('township', 'endAppointment', { appointmentId: DIRECTOR_POST }))
    const after = expectOk(await inspector()('township', 'villagePosts', { villageId: 'v-shiqiao' })).posts
    expect(after.find((p) => p.appointmentId === DIRECTOR_POST)).toMatchObject({ name: '李卫东', status: 'ended' })

    expectOk(await fixture.as(people.villager)('report', 'file', { requestId: 'integrity-wrong-01', text: '柳树湾村的事。', anonymous: false }))
    const staff = inspector()
    const reportId = expectOk(await staff('report', 'inbox', {})).items[0]!.reportId
    expectOk(await staff('report', 'acknowledge', { reportId }))
    for (const wrong of [['a-liushu-director'], ['a-tw-officer'], ['a-none']]) {
      expect(expectError(await staff('report', 'conclude', { reportId, outcome: '属实。', findingAppointmentIds: wrong }), 'INVALID_INPUT')).toMatch(/本村的村干部/)
    }
    expectOk(await staff('report', 'conclude', { reportId, outcome: '属实。', findingAppointmentIds: [DIRECTOR_POST] }))
    expect(expectOk(await staff('report', 'get', { reportId })).namedCadres).toEqual([{ appointmentId: DIRECTOR_POST, name: '李卫东', title: '村委会主任' }])
    // The file of a cadre who has left the post still shows it.
    expect(expectOk(await staff('township', 'integrityFile', { personId: people.director })).reports).toHaveLength(1)
  })

  it('takes dated notes from staff, shown newest first and exported', async () => {
    const staff = inspector()
    fixture.clock.advance(HOUR)
    expectOk(await staff('township', 'addIntegrityNote', { personId: people.director, text: '2026年述职述廉，群众评议良好。' }))
    fixture.clock.advance(HOUR)
    const { noteId } = expectOk(await fixture.as('p-tw-officer')('township', 'addIntegrityNote', { personId: people.director, text: '参加廉政教育培训。' }))
    const file = expectOk(await staff('township', 'integrityFile', { personId: people.director }))
    expect(file.notes.map((n) => [n.text, n.by.title])).toEqual([
      ['参加廉政教育培训。', '镇纪委干事'],
      ['2026年述职述廉，群众评议良好。', '镇纪委书记'],
    ])
    expect(file.notes[0]).toMatchObject({ noteId, at: fixture.clock.now().toISOString(), attachments: [] })
    const { filename, csv } = expectOk(await staff('township', 'exportIntegrityFile', { personId: people.director }))
    expect(filename).toMatch(/^廉政档案-李卫东-\d{4}-\d{2}-\d{2}\.csv$/)
    expect(csv).toContain('参加廉政教育培训。')
    // For WeChat, the same table as a private file to share from the phone (one post and two notes).
    expect(expectOk(await staff('township', 'prepareIntegrityExport', { personId: people.director }))).toMatchObject({ filename, rows: 3 })
    // Only a village cadre of this township has a file.
    for (const personId of [people.inspector, people.villager, 'p-none']) {
      expectError(await staff('township', 'addIntegrityNote', { personId, text: '记录' }), 'NOT_FOUND')
      expectError(await staff('township', 'integrityFile', { personId }), 'NOT_FOUND')
    }
  })

  it('is the township’s alone: village roles and villagers are told it does not exist, other townships find no file', async () => {
    await caseCycleNamingDirector()
    for (const person of [people.chair, people.director, people.secretary, people.villager]) {
      const caller = fixture.as(person)
      expectError(await caller('township', 'integrityFiles', {}), 'NOT_FOUND', 404)
      expectError(await caller('township', 'integrityFile', { personId: people.director }), 'NOT_FOUND', 404)
      expectError(await caller('township', 'exportIntegrityFile', { personId: people.director }), 'NOT_FOUND', 404)
      expectError(await caller('township', 'addIntegrityNote', { personId: people.director, text: '记录' }), 'NOT_FOUND', 404)
    }
    const neighbour = fixture.as(await addNeighbourTownship(fixture.store))
    expectError(await neighbour('township', 'integrityFile', { personId: people.director }), 'NOT_FOUND')
    expect(expectOk(await neighbour('township', 'integrityFiles', {})).cadres).toEqual([])
  })
})
