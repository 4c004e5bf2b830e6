// The village group's pure rules (shared/group/rules.ts): 群内活跃户's 90 days and what a round card does next.
import { ACTIVITY_RENEW_MARGIN_MS, CARD_UPDATE_EVERY_MS, activeSinceDay, isActiveInGroup, liveParameters, planCard, type CardRecord } from '../../shared/group/rules'

const HOUR = 3_600_000
const now = Date.parse('2026-11-21T08:00:00Z') // 16:00 in Beijing
const at = (ms: number) => new Date(now + ms).toISOString()
const live = (over: Partial<CardRecord> = {}): CardRecord => ({
  state: 'live',
  activityId: 'a1',
  activityExpiresAt: at(20 * HOUR),
  sentParticipants: 3,
  sentAt: at(-CARD_UPDATE_EVERY_MS),
  ...over,
})
const voting = (participants: number) => ({ status: 'open' as const, participants, eligible: 120 })

describe('群内活跃户', () => {
  it('counts a household seen on any of the last 90 Beijing days, today included', () => {
    expect(activeSinceDay(now)).toBe('2026-08-24')
    expect(isActiveInGroup('2026-08-24', now)).toBe(true)
    expect(isActiveInGroup('2026-08-23', now)).toBe(false)
    expect(isActiveInGroup('2026-11-21', now)).toBe(true)
    expect(isActiveInGroup(null, now)).toBe(false)
  })
})

describe('a round card', () => {
  it('is updated when the turnout changed and the last update is old enough', () => {
    expect(planCard(live(), voting(4), now)).toBe('update')
    expect(planCard(live({ sentAt: at(-CARD_UPDATE_EVERY_MS + 1) }), voting(4), now)).toBe('none')
    expect(planCard(live(), voting(3), now)).toBe('none')
    expect(planCard(live({ sentAt: null, sentParticipants: null }), voting(0), now)).toBe('update')
  })

  it('is renewed before its 24-hour id expires, while voting', () => {
    expect(planCard(live({ activityExpiresAt: at(ACTIVITY_RENEW_MARGIN_MS) }), voting(3), now)).toBe('none')
    expect(planCard(live({ activityExpiresAt: at(ACTIVITY_RENEW_MARGIN_MS - 1) }), voting(3), now)).toBe('renew')
    expect(planCard(live({ activityExpiresAt: at(-HOUR) }), voting(3), now)).toBe('renew')
  })

  it('goes final once voting stopped, or retires when its id expired first', () => {
    for (const status of ['counting', 'closed'] as const) {
      expect(planCard(live(), { status, participants: 5, eligible: 120 }, now)).toBe('final')
      expect(planCard(live({ activityExpiresAt: at(-1) }), { status, participants: 5, eligible: 120 }, now)).toBe('retire')
    }
  })

  it('does nothing once final or degraded', () => {
    expect(planCard(live({ state: 'final' }), voting(9), now)).toBe('none')
    expect(planCard(live({ state: 'degraded', activityId: null }), voting(9), now)).toBe('none')
  })

  it('carries two counts and nothing else', () => {
    expect(liveParameters(7, 120)).toEqual([
      { name: 'member_count', value: '7' },
      { name: 'room_limit', value: '120' },
    ])
  })
})
