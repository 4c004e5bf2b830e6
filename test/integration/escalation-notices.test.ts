import { deliverDue } from '../../cloudfunctions/core/outbox'
import type { Notifier } from '../../cloudfunctions/core/notifier'
import type { Choice } from '../../shared/evaluation/rules'
import { addHouseholds, addNeighbourTownship, as, docsOf, expectError, expectOk, people, tamper, useSeededStore } from '../support/harness'
import type { TypedCall } from '../support/caller'

/**
 * Escalation notices reach township staff only with their consent to the escalation template:
 * a subscribe message needs it (one-time: one message per "allow"; long-term: many).
 */

const fixture = useSeededStore()
let voters: TypedCall[]
let sent: { openid: string; subject: string; page: string }[]
const recorder: Notifier = { send: async (n) => void sent.push({ openid: n.openid, subject: n.subject, page: n.page }) }

beforeEach(async () => {
  voters = (await addHouseholds(fixture.store, 4)).map((h) => fixture.caller(h.representative))
  sent = []
})
afterEach(() => {
  delete process.env.ESCALATION_TEMPLATE_KIND
})

const HOUR = 3_600_000
const officer = 'p-tw-officer'
const over: Choice[] = ['dissatisfied', 'dissatisfied', 'satisfied', 'basic']
const staff = (personId = people.inspector) => fixture.as(personId)

/** Two rounds over the threshold on a disclosure open a case for the township; returns its id. */
async function escalate(disclosureId = 'd-shiqiao-001'): Promise<string> {
  let escalationId: string | null = null
  for (let i = 0; i < 2; i++) {
    fixture.clock.advance(HOUR)
    const { roundId } = expectOk(
      await fixture.as(people.chair)('evaluation', 'openRound', {
        subject: { type: 'disclosure', id: disclosureId },
        title: `评议${i + 1}`,
        closesAt: new Date(fixture.clock.now().getTime() + 72 * HOUR).toISOString(),
      }),
    )
    for (const [n, choice] of over.entries()) expectOk(await voters[n]!('evaluation', 'castBallot', { roundId, choice }))
    escalationId = expectOk(await fixture.as(people.chair)('evaluation', 'closeRound', { reason: '全部户代表已投票', roundId })).escalationId
    // Answer first, then evaluate again (issue 20): the first round's 答复释疑 lets the second open.
    if (!escalationId) expectOk(await fixture.as(people.director)('evaluation', 'answerRound', { roundId, answer: '已说明。' }))
  }
  if (!escalationId) throw new Error('no case opened')
  return escalationId
}

const status = async (personId = people.inspector) => expectOk(await staff(personId)('announcement', 'subscription', { topic: 'escalation' }))
const queuedFor = (escalationId: string) => docsOf(fixture.store, 'notification').filter((n) => n.subject === `escalation:${escalationId}`)

describe('escalation notices to township staff', () => {
  it('are not sent to staff who have not subscribed, and their status says they will not be told', async () => {
    expect(await status()).toEqual({ subscribed: false, longTerm: false, remaining: 0, kind: 'one-time' })
    const escalationId = await escalate()
    expect(queuedFor(escalationId)).toEqual([])
    await deliverDue(fixture.store, recorder, fixture.clock)
    expect(sent).toEqual([])
  })

  it('after one "allow", send exactly one message to that staff member and use up the consent', async () => {
    expect(expectOk(await staff()('announcement', 'subscribe', { topic: 'escalation' }))).toEqual({ remaining: 1, longTerm: false })
    expect(await status()).toEqual({ subscribed: true, longTerm: false, remaining: 1, kind: 'one-time' })

    const escalationId = await escalate()
    expect(await deliverDue(fixture.store, recorder, fixture.clock)).toEqual({ sent: 1, failed: 0 })
    expect(sent).toEqual([{ openid: `demo:${people.inspector}`, subject: `escalation:${escalationId}`, page: `packages/township/case/index?escalationId=${escalationId}` }])
    // The officer never subscribed: told nothing. The inspector's one message is spent.
    expect(await status()).toEqual({ subscribed: false, longTerm: false, remaining: 0, kind: 'one-time' })
    expect(await status(officer)).toEqual({ subscribed: false, longTerm: false, remaining: 0, kind: 'one-time' })

    // The next case finds no consent left.
    await escalate('d-shiqiao-002')
    expect(await deliverDue(fixture.store, recorder, fixture.clock)).toEqual({ sent: 0, failed: 0 })
    expect(sent).toHaveLength(1)
  })

  it('with a long-term template, keep the consent: every case is told and the status stays 长期', async () => {
    process.env.ESCALATION_TEMPLATE_KIND = 'long-term'
    expect(expectOk(await staff()('announcement', 'subscribe', { topic: 'escalation' }))).toEqual({ remaining: 0, longTerm: true })
    const consent = docsOf(fixture.store, 'subscription').find((s) => s._id === `${people.inspector}:escalation`)
    expect(consent).toMatchObject({ topic: 'escalation', townshipId: 'tw-shiqiao', villageId: null, longTerm: true })
    await escalate('d-shiqiao-001')
    await escalate('d-shiqiao-002')
    expect(await deliverDue(fixture.store, recorder, fixture.clock)).toEqual({ sent: 2, failed: 0 })
    expect(sent.map((s) => s.openid)).toEqual([`demo:${people.inspector}`, `demo:${people.inspector}`])
    expect(await status()).toEqual({ subscribed: true, longTerm: true, remaining: 0, kind: 'long-term' })
    // Sending wrote nothing to the consent: it does not run down.
    expect(docsOf(fixture.store, 'subscription').find((s) => s._id === consent!._id)).toEqual(consent)
  })

  it('go to the township of the case only, and only while the appointment lasts', async () => {
    const neighbour = await addNeighbourTownship(fixture.store)
    expectOk(await staff(neighbour)('announcement', 'subscribe', { topic: 'escalation' }))
    expectOk(await staff(officer)('announcement', 'subscribe', { topic: 'escalation' }))
    tamper(fixture.store, 'appointment', 'a-tw-officer', (a) => void (a.status = 'ended'))
    const escalationId = await escalate()
    expect(queuedFor(escalationId)).toEqual([])
  })

  it('are what township staff subscribe to when they name no topic', async () => {
    expect(expectOk(await staff()('announcement', 'subscribe', {}))).toEqual({ remaining: 1, longTerm: false })
    expect(await status()).toEqual({ subscribed: true, longTerm: false, remaining: 1, kind: 'one-time' })
    expect(expectOk(await staff()('announcement', 'subscription', {}))).toEqual({ subscribed: true, longTerm: false, remaining: 1, kind: 'one-time' })
  })

  it('are subscribed to by township staff only; announcements by group members only', async () => {
    const before = docsOf(fixture.store, 'subscription')
    expectError(await as(fixture.store, people.villager)('announcement', 'subscribe', { topic: 'escalation' }), 'FORBIDDEN', 403)
    expectError(await as(fixture.store, people.chair)('announcement', 'subscribe', { topic: 'escalation' }), 'FORBIDDEN', 403)
    expectError(await staff()('announcement', 'subscribe', { topic: 'announcement' }), 'FORBIDDEN', 403)
    expectError(await as(fixture.store, people.villager)('announcement', 'subscription', { topic: 'escalation' }), 'FORBIDDEN', 403)
    expectError(await staff().unchecked('announcement', 'subscribe', { topic: 'cases' }), 'INVALID_INPUT', 400)
    expect(docsOf(fixture.store, 'subscription')).toEqual(before)
  })
})

describe("a villager's announcement subscription", () => {
  it('written before topics existed (no topic, no longTerm) still counts and grows', async () => {
    await fixture.store.insert('subscription', {
      _id: people.villager,
      personId: people.villager,
      villageId: 'v-shiqiao',
      openid: `demo:${people.villager}`,
      remaining: 2,
      updatedAt: fixture.clock.now().toISOString(),
    })
    const villager = fixture.as(people.villager)
    expect(expectOk(await villager('announcement', 'subscription', {}))).toEqual({ subscribed: true, longTerm: false, remaining: 2, kind: 'one-time' })
    expect(expectOk(await villager('announcement', 'subscribe', {}))).toEqual({ remaining: 3, longTerm: false })
  })

  it('with a long-term announcement template, reaches the villager on every push without running down', async () => {
    process.env.NOTICE_TEMPLATE_KIND = 'long-term'
    try {
      const villager = fixture.as(people.villager)
      expect(expectOk(await villager('announcement', 'subscribe', {}))).toEqual({ remaining: 0, longTerm: true })
      const chair = fixture.as(people.chair)
      for (const title of ['第一条', '第二条']) {
        expectOk(await chair('announcement', 'push', { title, body: '请按时参加。' }))
        fixture.clock.advance(60_000)
      }
      await deliverDue(fixture.store, recorder, fixture.clock)
      expect(sent.filter((s) => s.openid === `demo:${people.villager}`)).toHaveLength(2)
      expect(expectOk(await villager('announcement', 'subscription', {}))).toEqual({ subscribed: true, longTerm: true, remaining: 0, kind: 'long-term' })
    } finally {
      delete process.env.NOTICE_TEMPLATE_KIND
    }
  })
})
