import { currentMonth, dutiesAt, dutyReport, defaultDuties, recentPeriods, type Duty, type Published } from '../../shared/disclosure/duty'

/** One duty's periods, as a township whose only duty it has always been. */
const dutyPeriods = (duty: Duty, published: readonly Published[], now: Date, months: number) =>
  dutyReport([{ setAt: '2000-01-01T00:00:00.000Z', duties: [duty] }], published, now, months)[0]?.periods ?? []

const monthly: Duty = { label: '财务收支公开', kind: 'finance', section: 'finance', cadence: 'monthly', dueDays: 10 }
const quarterly: Duty = { label: '党务公开', kind: 'party', section: null, cadence: 'quarterly', dueDays: 15 }
// 2026-11-21 16:00 Beijing
const now = new Date('2026-11-21T08:00:00.000Z')

const finance = (period: string, publishedAt: string): Published => ({ kind: 'finance', section: 'finance', period, publishedAt })

describe('recent periods', () => {
  it('lists the months that have ended, newest first, in Beijing time', () => {
    expect(recentPeriods('monthly', now, 3).map((p) => p.period)).toEqual(['2026-10', '2026-09', '2026-08'])
    // October ends at 2026-11-01 00:00 Beijing = 2026-10-31 16:00 UTC
    expect(new Date(recentPeriods('monthly', now, 1)[0]!.endsAt).toISOString()).toBe('2026-10-31T16:00:00.000Z')
    expect(recentPeriods('monthly', new Date('2026-01-05T00:00:00Z'), 1)[0]!.period).toBe('2025-12')
  })
  it('lists the quarters that have ended', () => {
    expect(recentPeriods('quarterly', now, 12).map((p) => p.period)).toEqual(['2026-Q3', '2026-Q2', '2026-Q1', '2025-Q4'])
  })
})

describe('duty timeliness', () => {
  it('tells on-time, late, overdue and not-yet-due periods apart', () => {
    const periods = dutyPeriods(monthly, [finance('2026-09', '2026-10-08T02:00:00.000Z'), finance('2026-08', '2026-09-28T02:00:00.000Z')], now, 4)
    expect(periods.map((p) => [p.period, p.status])).toEqual([
      ['2026-10', 'overdue'], // due 2026-11-10 Beijing, nothing published
      ['2026-09', 'onTime'],
      ['2026-08', 'late'], // due 2026-09-10, published 09-28
      ['2026-07', 'overdue'],
    ])
  })
  it('is not due before its deadline, and the deadline itself is still on time', () => {
    const early = new Date('2026-11-05T00:00:00.000Z')
    expect(dutyPeriods(monthly, [], early, 1)[0]).toMatchObject({ period: '2026-10', status: 'notDue' })
    const dueAt = dutyPeriods(monthly, [], now, 1)[0]!.dueAt
    expect(dutyPeriods(monthly, [finance('2026-10', dueAt)], now, 1)[0]!.status).toBe('onTime')
  })
  it('counts any section of the kind when the duty names none, but only the same period', () => {
    const party: Published = { kind: 'party', section: 'decisions', period: '2026-Q3', publishedAt: '2026-10-10T00:00:00.000Z' }
    const [q3, q2] = dutyPeriods(quarterly, [party, { ...party, period: '2026-09' }], now, 6)
    expect(q3).toMatchObject({ period: '2026-Q3', status: 'onTime' })
    expect(q2).toMatchObject({ period: '2026-Q2', status: 'overdue' })
  })
})

describe('the current month', () => {
  it('starts at midnight Beijing time, which is 16:00 UTC the day before', () => {
    expect(currentMonth(now)).toEqual({ month: '2026-11', from: '2026-10-31T16:00:00.000Z' })
    // 2026-11-30 17:00 UTC is already December 1st in Beijing.
    expect(currentMonth(new Date('2026-11-30T17:00:00.000Z')).month).toBe('2026-12')
  })
})

describe('a township changing its duties', () => {
  const now = new Date('2026-11-21T08:00:00.000Z')
  const finance: Duty = { label: '财务收支公开', kind: 'finance', section: 'finance', cadence: 'monthly', dueDays: 10 }

  it('judges each period by the duties in force when it ended, never rewriting the past', () => {
    // On 15 October the township gave villages 20 days instead of 10, from then on.
    const settings = [{ setAt: '2026-10-15T00:00:00.000Z', duties: [{ ...finance, dueDays: 20 }] }]
    const [row] = dutyReport(settings, [], now, 3)
    expect(row).toMatchObject({ label: '财务收支公开', dueDays: 20 })
    const due = Object.fromEntries(row!.periods.map((p) => [p.period, p.dueAt]))
    expect(due['2026-10']).toBe('2026-11-20T16:00:00.000Z')
    expect(due['2026-09']).toBe('2026-10-10T16:00:00.000Z')
  })

  it('uses the defaults until a township sets its own', () => {
    expect(dutiesAt([], now.getTime())).toBe(defaultDuties)
    expect(dutyReport([], [], now, 3).map((r) => r.label)).toEqual(defaultDuties.map((d) => d.label))
  })
})
