import { CALLER_LIMIT, hourOf, mayTry, previousHourOf, triesAgainAt } from '../../shared/township/rules'

describe('attempt windows (shared/township/rules.ts)', () => {
  it('name clock hours in UTC, and the hour before', () => {
    expect(hourOf('2026-11-21T08:59:59.999Z')).toBe('2026-11-21T08')
    expect(previousHourOf('2026-11-21T08:00:00.000Z')).toBe('2026-11-21T07')
    expect(previousHourOf('2026-11-22T00:30:00.000Z')).toBe('2026-11-21T23')
  })

  it('count this hour and the one before, so no 60 minutes hold more than the limit', () => {
    expect(mayTry(CALLER_LIMIT - 1, 0, CALLER_LIMIT)).toBe(true)
    expect(mayTry(CALLER_LIMIT, 0, CALLER_LIMIT)).toBe(false)
    expect(mayTry(10, 10, CALLER_LIMIT)).toBe(false)
    expect(mayTry(0, CALLER_LIMIT - 1, CALLER_LIMIT)).toBe(true)
  })

  it('say when a refused caller may try again: the next hour, or the one after if this hour alone holds the limit', () => {
    expect(triesAgainAt('2026-11-21T08:40:00.000Z', 12, CALLER_LIMIT)).toBe('2026-11-21T09:00:00.000Z')
    expect(triesAgainAt('2026-11-21T08:40:00.000Z', CALLER_LIMIT, CALLER_LIMIT)).toBe('2026-11-21T10:00:00.000Z')
  })
})
