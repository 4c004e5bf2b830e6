import { evaluationArea } from '../../cloudfunctions/evaluation/area'
import { localOutbox } from '../../cloudfunctions/core/notifier'
import { dispatch } from '../../cloudfunctions/core/dispatch'
import { devOpenData } from '../../cloudfunctions/core/open-data'
import { docsOf, dump, expectError, expectOk, people, testFiles, useSeededStore } from '../support/harness'

/*
 * Panel rounds (评议团, issue 20 item 2): at a 村情发布会 the meeting's panel votes on an agenda item instead of
 * the households. Members with phones vote by phone (same secret ballot and receipts); the others vote on paper,
 * and two officials each enter the paper counts, which must agree before the round is counted.
 */
const fixture = useSeededStore()

const HOUR = 3_600_000
const inHours = (hours: number) => new Date(fixture.clock.now().getTime() + hours * HOUR).toISOString()
const subject = { type: 'disclosure', id: 'd-shiqiao-001' } as const

/** Two members of the group vote by phone (one is not a household representative); three people vote on paper. */
const panel = [
  { personId: people.villager, role: 'villageRep', votes: 'phone' },
  { personId: people.secondMember3, role: 'partyRep', votes: 'phone' },
  { name: '李国强', role: 'deputy', votes: 'paper' },
  { name: '赵秀兰', role: 'cppcc', votes: 'paper' },
  { name: '孙福田', role: 'villageRep', votes: 'paper' },
] as const

async function meetingWithPanel() {
  const chair = fixture.as(people.chair)
  const { meetingId } = expectOk(
    await chair('meeting', 'schedule', { requestId: 'panel-meeting-0001', startsAt: inHours(1), place: '村委会会议室', items: [{ kind: 'disclosure', refId: subject.id }] }),
  )
  expectOk(await chair('meeting', 'setPanel', { meetingId, panel: [...panel] }))
  return meetingId
}

async function panelRound(meetingId: string) {
  const { roundId } = expectOk(
    await fixture.as(people.chair)('evaluation', 'openRound', { subject, title: '村情发布会评议：三季度财务', closesAt: inHours(2), meeting: { meetingId, itemId: 'i1' } }),
  )
  return roundId
}

const paper = (satisfied: number, basic: number, dissatisfied: number) => ({ satisfied, basic, dissatisfied })

describe('the meeting’s panel (评议团)', () => {
  it('is named by the chair: group members by phone, anyone by name on paper; shown to the village with roles', async () => {
    const meetingId = await meetingWithPanel()
    const seen = expectOk(await fixture.as(people.villager)('meeting', 'get', { meetingId }))
    expect(seen.panel.map((p) => [p.panelistId, p.name, p.role, p.votes])).toEqual([
      ['p1', expect.any(String), 'villageRep', 'phone'],
      ['p2', expect.any(String), 'partyRep', 'phone'],
      ['p3', '李国强', 'deputy', 'paper'],
      ['p4', '赵秀兰', 'cppcc', 'paper'],
      ['p5', '孙福田', 'villageRep', 'paper'],
    ])
  })

  it('is picked from the village group by name or 户号 (the chair’s search), never from another village', async () => {
    const found = expectOk(await fixture.as(people.chair)('meeting', 'panelCandidates', { keyword: '0003' })).items
    expect(found.map((c) => c.personId).sort()).toEqual([people.representative3, people.secondMember3].sort())
    expect(found.every((c) => c.householdNumber === '0003')).toBe(true)
    const all = expectOk(await fixture.as(people.chair)('meeting', 'panelCandidates', {})).items
    expect(all).toHaveLength(20)
    expect(all.map((c) => c.personId)).not.toContain(people.otherVillager)
  })

  it('takes by phone only members of the village group, each once', async () => {
    const chair = fixture.as(people.chair)
    const { meetingId } = expectOk(
      await chair('meeting', 'schedule', { requestId: 'panel-meeting-0002', startsAt: inHours(1), place: '村部', items: [{ kind: 'text', title: '其他' }] }),
    )
    const before = dump(fixture.store)
    expectError(await chair('meeting', 'setPanel', { meetingId, panel: [{ personId: people.otherVillager, role: 'villageRep', votes: 'phone' }] }), 'NOT_FOUND')
    expect(expectError(await chair('meeting', 'setPanel', { meetingId, panel: [{ name: '王五', role: 'villageRep', votes: 'phone' }] }), 'INVALID_INPUT')).toBe(
      '用手机投票的成员要从本村监督群里选',
    )
    const twice = { personId: people.villager, role: 'villageRep', votes: 'phone' } as const
    expect(expectError(await chair('meeting', 'setPanel', { meetingId, panel: [twice, twice] }), 'INVALID_INPUT')).toBe('同一个人在评议团里出现了两次')
    expect(dump(fixture.store)).toEqual(before)
  })

  it('is fixed once one of its rounds has opened', async () => {
    const meetingId = await meetingWithPanel()
    await panelRound(meetingId)
    expect(expectError(await fixture.as(people.chair)('meeting', 'setPanel', { meetingId, panel: [...panel] }), 'CONFLICT')).toBe('评议团已经开始评议，不能再改')
  })
})

describe('a panel round', () => {
  it('has the panel as its electorate: its phone members vote once each, households outside it cannot', async () => {
    const roundId = await panelRound(await meetingWithPanel())
    const round = expectOk(await fixture.as(people.chair)('evaluation', 'getRound', { roundId }))
    expect(round.turnout.eligible).toBe(5)
    expect(expectOk(await fixture.as(people.villager)('meeting', 'get', { meetingId: round.panel!.meetingId })).rounds).toEqual([{ itemId: 'i1', roundId, status: 'open' }])
    expect(round.panel).toMatchObject({ itemId: 'i1', phone: 2, paper: 3, paperEntered: 0, paperState: 'waiting' })

    // A household representative outside the panel: this round is not the households'.
    expectError(await fixture.as(people.representative3)('evaluation', 'castBallot', { roundId, choice: 'satisfied' }), 'FORBIDDEN')
    // A member who is not their household's representative votes in their own seat.
    expect(expectOk(await fixture.as(people.secondMember3)('evaluation', 'getRound', { roundId })).myHousehold).toEqual({ canVote: true, voted: false })
    const { receipt } = expectOk(await fixture.as(people.secondMember3)('evaluation', 'castBallot', { roundId, choice: 'dissatisfied' }))
    expect(receipt).toMatch(/^[2-9A-Z]{8}$/)
    expectError(await fixture.as(people.secondMember3)('evaluation', 'castBallot', { roundId, choice: 'satisfied' }), 'ALREADY_VOTED')
    expect(expectOk(await fixture.as(people.secondMember3)('evaluation', 'getRound', { roundId })).myHousehold).toEqual({ canVote: false, voted: true })
  })

  it('counts paper ballots only when two officials entered the same counts, added to the phone ballots', async () => {
    const roundId = await panelRound(await meetingWithPanel())
    expectOk(await fixture.as(people.villager)('evaluation', 'castBallot', { roundId, choice: 'satisfied' }))
    expectOk(await fixture.as(people.secondMember3)('evaluation', 'castBallot', { roundId, choice: 'dissatisfied' }))
    const chair = fixture.as(people.chair)

    expect(expectError(await chair('evaluation', 'closeRound', { roundId, reason: '会上投票结束' }), 'CONFLICT')).toBe('纸质票还没有录入，请两位干部分别录入后再结束')
    expect(expectOk(await chair('evaluation', 'enterPaper', { roundId, ...paper(1, 1, 1) }))).toEqual({ entered: 1, state: 'waiting' })
    // The same official entering again corrects their own entry: it is not the second one.
    expect(expectOk(await chair('evaluation', 'enterPaper', { roundId, ...paper(1, 0, 2) }))).toEqual({ entered: 1, state: 'waiting' })
    expect(expectError(await chair('evaluation', 'closeRound', { roundId, reason: '会上投票结束' }), 'CONFLICT')).toBe('纸质票还要另一位干部核对录入，两次一致才能结束')

    // While open, nobody sees the counts: only that they agree.
    expect(expectOk(await fixture.as(people.director)('evaluation', 'enterPaper', { roundId, ...paper(1, 0, 2) }))).toEqual({ entered: 2, state: 'agreed' })
    const open = expectOk(await fixture.as(people.villager)('evaluation', 'getRound', { roundId }))
    expect(open.tally).toBeNull()
    expect(open.panel).toMatchObject({ paperEntered: 2, paperState: 'agreed' })

    const closed = expectOk(await chair('evaluation', 'closeRound', { roundId, reason: '会上投票结束' }))
    expect(closed.tally).toEqual({ satisfied: 2, basic: 0, dissatisfied: 3, cast: 5 })
    expect(closed.overThreshold).toBe(true)
    // Published ballots are the phone ballots with their receipts; paper ballots have none.
    expect(expectOk(await fixture.as(people.villager)('evaluation', 'getRound', { roundId })).ballots).toHaveLength(2)
  })

  it('cannot close while the two entries disagree, by the chair or the timer; a correction lets it', async () => {
    const roundId = await panelRound(await meetingWithPanel())
    expectOk(await fixture.as(people.chair)('evaluation', 'enterPaper', { roundId, ...paper(3, 0, 0) }))
    expect(expectOk(await fixture.as(people.director)('evaluation', 'enterPaper', { roundId, ...paper(2, 1, 0) }))).toEqual({ entered: 2, state: 'disagree' })
    expect(expectOk(await fixture.as(people.villager)('evaluation', 'getRound', { roundId })).panel!.paperState).toBe('disagree')
    expect(expectError(await fixture.as(people.chair)('evaluation', 'closeRound', { roundId, reason: '会上投票结束' }), 'CONFLICT')).toBe(
      '两位干部录入的纸质票数不一致，请重新清点后再录入',
    )

    fixture.clock.advance(3 * HOUR)
    expect(await evaluationArea.timer!({ store: fixture.store, clock: fixture.clock, notifier: localOutbox })).toEqual({ closed: 0 })
    expect(expectOk(await fixture.as(people.villager)('evaluation', 'getRound', { roundId })).status).toBe('open')
    // Voting by phone stopped at the closing time all the same.
    expectError(await fixture.as(people.villager)('evaluation', 'castBallot', { roundId, choice: 'satisfied' }), 'CONFLICT')

    expectOk(await fixture.as(people.director)('evaluation', 'enterPaper', { roundId, ...paper(3, 0, 0) }))
    expect(await evaluationArea.timer!({ store: fixture.store, clock: fixture.clock, notifier: localOutbox })).toEqual({ closed: 1 })
    const round = expectOk(await fixture.as(people.villager)('evaluation', 'getRound', { roundId }))
    expect(round).toMatchObject({ status: 'closed', tally: { satisfied: 3, basic: 0, dissatisfied: 0, cast: 3 } })
  })

  it('refuses more paper ballots than panel members voting on paper, and a third official', async () => {
    const roundId = await panelRound(await meetingWithPanel())
    const before = dump(fixture.store)
    expect(expectError(await fixture.as(people.chair)('evaluation', 'enterPaper', { roundId, ...paper(2, 1, 1) }), 'INVALID_INPUT')).toBe(
      '纸质票一共只有 3 张，录入的合计是 4 张，请核对',
    )
    expect(dump(fixture.store)).toEqual(before)
    expectOk(await fixture.as(people.chair)('evaluation', 'enterPaper', { roundId, ...paper(1, 1, 1) }))
    expectOk(await fixture.as(people.director)('evaluation', 'enterPaper', { roundId, ...paper(1, 1, 1) }))
    expect(expectError(await fixture.as(people.secretary)('evaluation', 'enterPaper', { roundId, ...paper(1, 1, 1) }), 'CONFLICT')).toBe('两位干部已经录入了纸质票')
  })

  it('keeps the secret ballot: participations name seats and days only, ballots hold no seat or person', async () => {
    const roundId = await panelRound(await meetingWithPanel())
    expectOk(await fixture.as(people.villager)('evaluation', 'castBallot', { roundId, choice: 'dissatisfied' }))
    const participations = docsOf(fixture.store, 'participation').filter((p) => p.roundId === roundId)
    expect(participations.map((p) => p.householdId)).toEqual(['panel:p1'])
    expect(participations[0]!.at).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    const ballots = JSON.stringify(docsOf(fixture.store, 'ballot').filter((b) => b.roundId === roundId))
    expect(ballots).not.toMatch(/panel:|p-shiqiao|personId|householdId/)
  })

  it('counts in the same streak as household rounds on the subject: household over, answered, then panel over → a case', async () => {
    const chair = fixture.as(people.chair)
    const { roundId: first } = expectOk(await chair('evaluation', 'openRound', { subject, title: '三季度财务评议', closesAt: inHours(1) }))
    expectOk(await fixture.as(people.villager)('evaluation', 'castBallot', { roundId: first, choice: 'dissatisfied' }))
    expect(expectOk(await chair('evaluation', 'closeRound', { roundId: first, reason: '测试' })).overThreshold).toBe(true)
    expectOk(await fixture.as(people.director)('evaluation', 'answerRound', { roundId: first, answer: '支出有发票，已在公开栏张贴。' }))

    const roundId = await panelRound(await meetingWithPanel())
    expectOk(await fixture.as(people.villager)('evaluation', 'castBallot', { roundId, choice: 'dissatisfied' }))
    expectOk(await chair('evaluation', 'enterPaper', { roundId, ...paper(0, 1, 2) }))
    expectOk(await fixture.as(people.director)('evaluation', 'enterPaper', { roundId, ...paper(0, 1, 2) }))
    const closed = expectOk(await chair('evaluation', 'closeRound', { roundId, reason: '会上投票结束' }))
    expect(closed.overThreshold).toBe(true)
    expect(closed.escalationId).not.toBeNull()
  })

  it('has a code for the room: in WeChat a mini-program code opening the round page, locally none (the app draws a QR code)', async () => {
    const roundId = await panelRound(await meetingWithPanel())
    expect(expectOk(await fixture.as(people.chair)('evaluation', 'roundCode', { roundId }))).toEqual({ roundId, page: 'packages/evaluation/round/index', image: null })
    const asked: string[] = []
    const codes = {
      villageCode: async () => null,
      roundCode: async (scene: string, page: string) => {
        asked.push(`${scene} ${page}`)
        return 'data:image/jpeg;base64,AAAA'
      },
    }
    const answer = await dispatch(
      evaluationArea,
      { action: 'roundCode', roundId },
      { openid: `demo:${people.chair}`, store: fixture.store, clock: fixture.clock, notifier: localOutbox, codes, files: testFiles, openData: devOpenData },
    )
    expect(answer).toEqual({ ok: true, data: { roundId, page: 'packages/evaluation/round/index', image: 'data:image/jpeg;base64,AAAA' } })
    // The scene is the round itself (WeChat allows 32 characters).
    expect(asked).toEqual([`${roundId} packages/evaluation/round/index`])
    expect(roundId.length).toBeLessThanOrEqual(32)
    expectError(await fixture.as(people.otherChair)('evaluation', 'roundCode', { roundId }), 'NOT_FOUND')
  })

  it('must be on the agenda item’s own subject, at a meeting of the village that has a panel', async () => {
    const chair = fixture.as(people.chair)
    const { meetingId } = expectOk(
      await chair('meeting', 'schedule', { requestId: 'panel-meeting-0003', startsAt: inHours(1), place: '村部', items: [{ kind: 'disclosure', refId: subject.id }] }),
    )
    const open = (input: Record<string, unknown>) => chair('evaluation', 'openRound', { subject, title: '评议', closesAt: inHours(2), ...input } as never)
    expect(expectError(await open({ meeting: { meetingId, itemId: 'i1' } }), 'CONFLICT')).toBe('这次会议还没有确定评议团成员')
    expectOk(await chair('meeting', 'setPanel', { meetingId, panel: [...panel] }))
    expectError(await open({ meeting: { meetingId, itemId: 'i9' } }), 'NOT_FOUND')
    expect(expectError(await open({ subject: { type: 'decision', id: 'dc-shiqiao-1' }, meeting: { meetingId, itemId: 'i1' } }), 'INVALID_INPUT')).toBe(
      '评议的事项要和会议议程上的这一项一致',
    )
    expectError(await fixture.as(people.otherChair)('evaluation', 'openRound', { subject, title: '评议', closesAt: inHours(2), meeting: { meetingId, itemId: 'i1' } }), 'NOT_FOUND')
  })
})
