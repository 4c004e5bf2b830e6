import { dueAtOf, dueDayProblem, topicDutyStatus, topicFigures } from '../../shared/topic/rules'

// 2026-11-21 16:00 in Beijing.
const now = '2026-11-21T08:00:00.000Z'

describe('a 点题 duty’s due day', () => {
  it('counts the whole Beijing day: it ends at the next day’s first instant', () => {
    expect(dueAtOf('2026-11-25')).toBe('2026-11-25T16:00:00.000Z')
  })

  it('may be today, never before, and at most 90 days ahead', () => {
    expect(dueDayProblem('2026-11-21', now)).toBeNull()
    expect(dueDayProblem('2026-11-20', now)).toBe('公开期限不能早于今天')
    expect(dueDayProblem('2027-02-19', now)).toBeNull()
    expect(dueDayProblem('2027-02-20', now)).toBe('公开期限最多定在90天以内')
  })
})

describe('a forwarded topic judged as a duty', () => {
  const dueAt = dueAtOf('2026-11-25')
  it('is on time when disclosed before its due time, late at or after it', () => {
    expect(topicDutyStatus({ status: 'disclosed', dueAt, disclosedAt: '2026-11-25T15:59:59.999Z' }, now)).toBe('onTime')
    expect(topicDutyStatus({ status: 'disclosed', dueAt, disclosedAt: dueAt }, now)).toBe('late')
  })

  it('is not yet due until its due time, then overdue while nothing answers it', () => {
    expect(topicDutyStatus({ status: 'forwarded', dueAt, disclosedAt: null }, '2026-11-25T15:59:59.999Z')).toBe('notDue')
    expect(topicDutyStatus({ status: 'forwarded', dueAt, disclosedAt: null }, dueAt)).toBe('overdue')
  })

  it('is no duty at all while waiting or once declined', () => {
    expect(topicDutyStatus({ status: 'asked', dueAt: null, disclosedAt: null }, now)).toBeNull()
    expect(topicDutyStatus({ status: 'declined', dueAt: null, disclosedAt: null }, now)).toBeNull()
  })
})

it('counts the figures of a set of requests', () => {
  const dueAt = dueAtOf('2026-11-20')
  const items = [
    { status: 'asked', dueAt: null, disclosedAt: null },
    { status: 'declined', dueAt: null, disclosedAt: null },
    { status: 'forwarded', dueAt, disclosedAt: null },
    { status: 'disclosed', dueAt, disclosedAt: '2026-11-19T00:00:00.000Z' },
    { status: 'disclosed', dueAt, disclosedAt: '2026-11-21T00:00:00.000Z' },
  ] as const
  expect(topicFigures(items, now)).toEqual({ requested: 5, waiting: 1, forwarded: 3, declined: 1, disclosedOnTime: 1, disclosedLate: 1, overdue: 1 })
})
