// A round's live turnout on its card in the village group (动态消息, issue 19), against the recording fake of
// WeChat's updatable-message API (core/updatable.ts): made on open, updated (throttled) while voting, renewed or
// degraded past 24 hours, switched to the final state at close by the chair or by the timer; never a choice on it.
import { evaluationArea } from '../../cloudfunctions/evaluation/area'
import { groupArea } from '../../cloudfunctions/group/area'
import { localOutbox } from '../../cloudfunctions/core/notifier'
import { devOpenData } from '../../cloudfunctions/core/open-data'
import { RecordingUpdatable, noUpdatable, type UpdatableCall, type UpdatableMessages } from '../../cloudfunctions/core/updatable'
import { CARD_UPDATE_EVERY_MS, roundCardPath } from '../../shared/group/rules'
import type { Choice } from '../../shared/evaluation/rules'
import type { TypedCall } from '../support/caller'
import { retentionDays } from '../../shared/retention'
import { applyRetention } from '../../cloudfunctions/core/retention'
import { addHouseholds, callerFor, expectOk, people, testFiles, useSeededStore } from '../support/harness'

const fixture = useSeededStore()
const HOUR = 3_600_000
const MINUTE = 60_000

let updatable: RecordingUpdatable
let voters: TypedCall[]
const withPorts = (openid: string, ports: UpdatableMessages = updatable) =>
  callerFor(fixture.store, openid, fixture.clock, localOutbox, testFiles, { openData: devOpenData, updatable: ports })
const chair = (ports?: UpdatableMessages) => withPorts(`demo:${people.chair}`, ports)

beforeEach(async () => {
  updatable = new RecordingUpdatable()
  voters = (await addHouseholds(fixture.store, 6)).map((h) => withPorts(h.representative))
})

const timerPass = (ports: UpdatableMessages = updatable) => groupArea.timer!({ store: fixture.store, clock: fixture.clock, notifier: localOutbox, updatable: ports })
const evaluationTimer = () => evaluationArea.timer!({ store: fixture.store, clock: fixture.clock, notifier: localOutbox })

async function openRound(hours = 72, ports?: UpdatableMessages): Promise<string> {
  const closesAt = new Date(fixture.clock.now().getTime() + hours * HOUR).toISOString()
  return expectOk(await chair(ports)('evaluation', 'openRound', { subject: { type: 'disclosure', id: 'd-shiqiao-001' }, title: '11月财务公开评议', closesAt })).roundId
}

async function vote(roundId: string, choices: Choice[], from = 0) {
  for (const [i, choice] of choices.entries()) expectOk(await voters[from + i]!('evaluation', 'castBallot', { roundId, choice }))
}

const sets = () => updatable.calls.filter((c): c is Extract<UpdatableCall, { kind: 'setUpdatableMsg' }> => c.kind === 'setUpdatableMsg')
const creates = () => updatable.calls.filter((c) => c.kind === 'createActivityId')
const paramsOf = (call: { parameterList: { name: string; value: string }[] }) => Object.fromEntries(call.parameterList.map((p) => [p.name, p.value]))
const card = async (roundId: string) => expectOk(await voters[0]!('group', 'roundCard', { roundId }))

/** The chair closes the round at its closing time (the evaluation timer has not run yet). */
async function closeByChair(roundId: string, ports?: UpdatableMessages) {
  const { closesAt } = await card(roundId)
  fixture.clock.advance(Math.max(0, Date.parse(closesAt) - fixture.clock.now().getTime()))
  return expectOk(await chair(ports)('evaluation', 'closeRound', { roundId }))
}

describe('the round card', () => {
  it('gets an activity id when the round opens, and shares the turnout as participants of eligible households', async () => {
    const roundId = await openRound()
    expect(creates()).toHaveLength(1)
    const shared = await card(roundId)
    expect(shared).toMatchObject({ roundId, title: '11月财务公开评议', state: 'live', activityId: creates()[0]!.activityId, participants: 0 })
    expect(shared.eligible).toBeGreaterThan(100)
    expect(paramsOf(shared)).toEqual({ member_count: '0', room_limit: String(shared.eligible) })
  })

  it('is updated while voting at most once every few minutes, and only when the turnout changed', async () => {
    const roundId = await openRound()
    const { eligible } = await card(roundId)
    // Shared with 0 of eligible: nothing to send until someone votes, and then at once.
    await timerPass()
    expect(sets()).toEqual([])
    await vote(roundId, ['satisfied', 'dissatisfied', 'basic'])
    await timerPass()
    expect(sets().map((c) => [c.targetState, paramsOf(c)])).toEqual([[0, { member_count: '3', room_limit: String(eligible) }]])

    await vote(roundId, ['dissatisfied'], 3)
    fixture.clock.advance(CARD_UPDATE_EVERY_MS - MINUTE)
    await timerPass()
    expect(sets()).toHaveLength(1) // throttled
    fixture.clock.advance(MINUTE)
    await timerPass()
    expect(paramsOf(sets()[1]!)).toEqual({ member_count: '4', room_limit: String(eligible) })
    fixture.clock.advance(CARD_UPDATE_EVERY_MS)
    await timerPass()
    expect(sets()).toHaveLength(2) // nothing changed, nothing sent
    expect(paramsOf(await card(roundId))).toEqual({ member_count: '4', room_limit: String(eligible) })
  })

  it('carries nothing about any household choice: two counts, then the page and version', async () => {
    const roundId = await openRound(2)
    const choices: Choice[] = ['dissatisfied', 'dissatisfied', 'dissatisfied', 'satisfied', 'basic']
    await vote(roundId, choices)
    await timerPass()
    await closeByChair(roundId)
    const { eligible } = await card(roundId)
    const allowed = new Set(['5', String(eligible), roundCardPath(roundId), 'develop'])
    for (const call of sets()) {
      for (const p of call.parameterList) {
        expect(['member_count', 'room_limit', 'path', 'version_type']).toContain(p.name)
        expect(allowed).toContain(p.value)
      }
    }
    // The tally (3 dissatisfied, 1 each of the others) appears nowhere in what was sent.
    expect(sets().map((c) => c.targetState)).toEqual([0, 1])
    const sent = JSON.stringify(updatable.calls)
    expect(sent).not.toMatch(/satisf|basic|满意|"3"|"1"/)
  })

  it('switches to the final state when the chair closes the round', async () => {
    const roundId = await openRound(2)
    await vote(roundId, ['satisfied', 'basic'])
    await closeByChair(roundId)
    const final = sets().at(-1)!
    expect(final).toMatchObject({ targetState: 1, activityId: creates()[0]!.activityId })
    expect(paramsOf(final)).toEqual({ path: roundCardPath(roundId), version_type: 'develop' })
    expect(await card(roundId)).toMatchObject({ state: 'final', activityId: null, parameterList: [], participants: 2 })
    await timerPass()
    expect(sets().filter((c) => c.targetState === 1)).toHaveLength(1) // once
  })

  it('switches to the final state when the evaluation timer closes the round', async () => {
    const roundId = await openRound(2)
    await vote(roundId, ['satisfied'])
    fixture.clock.advance(2 * HOUR + MINUTE)
    expect(await evaluationTimer()).toEqual({ closed: 1 })
    expect(sets().filter((c) => c.targetState === 1)).toHaveLength(0)
    await timerPass()
    expect(
      sets()
        .filter((c) => c.targetState === 1)
        .map((c) => c.activityId),
    ).toEqual([creates()[0]!.activityId])
    expect((await card(roundId)).state).toBe('final')
  })

  it('is renewed with a new activity id before the 24-hour id expires, for rounds longer than a day', async () => {
    const roundId = await openRound(72)
    const first = creates()[0]!.activityId
    await vote(roundId, ['satisfied'])
    fixture.clock.advance(21 * HOUR)
    await timerPass()
    expect(creates()).toHaveLength(1)
    fixture.clock.advance(HOUR + MINUTE) // less than two hours left on the first id
    await timerPass()
    expect(creates()).toHaveLength(2)
    const second = creates()[1]!.activityId
    expect(second).not.toBe(first)
    // The new id shows the turnout at once, and is what a card shared from now on carries.
    expect(sets().at(-1)).toMatchObject({ activityId: second, targetState: 0 })
    expect(await card(roundId)).toMatchObject({ state: 'live', activityId: second })

    fixture.clock.advance(30 * HOUR)
    await vote(roundId, ['basic'], 1)
    await timerPass()
    expect(creates()).toHaveLength(3)
    await closeByChair(roundId)
    expect(sets().at(-1)).toMatchObject({ activityId: creates()[2]!.activityId, targetState: 1 })
  })

  it('degrades to an ordinary card when no activity id can be had, and the round works as before', async () => {
    const roundId = await openRound(72, noUpdatable)
    expect(await card(roundId)).toMatchObject({ state: 'degraded', activityId: null, parameterList: [], title: '11月财务公开评议' })
    await vote(roundId, ['satisfied'])
    await timerPass(noUpdatable)
    expect((await closeByChair(roundId, noUpdatable)).tally.cast).toBe(1)
  })

  it('degrades when renewal is refused past a day', async () => {
    const roundId = await openRound(72)
    fixture.clock.advance(23 * HOUR)
    const refusing: UpdatableMessages = {
      versionType: 'develop',
      createActivityId: async () => {
        throw new Error('45009 reach max api daily quota limit')
      },
      setUpdatableMsg: (call, now) => updatable.setUpdatableMsg(call, now),
    }
    await timerPass(refusing)
    expect(await card(roundId)).toMatchObject({ state: 'degraded', activityId: null })
    // No more attempts on a degraded card.
    await timerPass()
    expect(creates()).toHaveLength(1)
  })

  it('gets a card from the timer when a round opened without one (a re-evaluation, a crash)', async () => {
    const roundId = await openRound(72, noUpdatable)
    await fixture.store.removeMany('round_card', [roundId])
    await timerPass()
    expect(creates()).toHaveLength(1)
    expect((await card(roundId)).state).toBe('live')
  })

  it('is deleted a year after it stopped being live; a live one stays', async () => {
    const closedId = await openRound(2)
    await closeByChair(closedId)
    const openId = await openRound(72)
    const later = new Date(fixture.clock.now().getTime() + (retentionDays.roundCards + 1) * 24 * HOUR)
    await applyRetention(fixture.store, later, { dryRun: false })
    expect(await fixture.store.get('round_card', closedId)).toBeNull()
    expect(await fixture.store.get('round_card', openId)).not.toBeNull()
  })
})
