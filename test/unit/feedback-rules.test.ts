import { dueAtFrom, feedbackFigures, isOverdue, medianOf, replyDaysOf } from '../../shared/feedback/rules'
import { TRACKING_ALPHABET, canTake, formatTrackingCode, normalizeTrackingCode, statusAfter } from '../../shared/report/rules'

const NOW = '2026-11-21T08:00:00.000Z'
const item = (over: Partial<Parameters<typeof feedbackFigures>[0][number]> = {}) => ({
  status: 'submitted' as const,
  dueAt: '2026-11-28T08:00:00.000Z',
  submittedAt: '2026-11-21T00:00:00.000Z',
  routedAt: null,
  firstReplyAt: null,
  reopenReason: null,
  ...over,
})

describe('feedback figures', () => {
  it('has no completion rate and no median when nothing was received', () => {
    expect(feedbackFigures([], NOW)).toEqual({
      received: 0,
      routed: 0,
      replied: 0,
      closed: 0,
      reopened: 0,
      overdue: 0,
      completionPermille: null,
      medianReplyMinutes: null,
    })
  })

  it('states the completion rate in whole permille, rounded down', () => {
    const items = [item({ status: 'closed' }), item(), item()]
    expect(feedbackFigures(items, NOW).completionPermille).toBe(333)
  })

  it('counts as overdue only what is still waiting for a reply past its deadline', () => {
    const late = { dueAt: '2026-11-20T00:00:00.000Z' }
    const items = [item(late), item({ ...late, status: 'routed' }), item({ ...late, status: 'agenda' }), item({ ...late, status: 'replied' })]
    expect(feedbackFigures(items, NOW).overdue).toBe(3)
    expect(isOverdue(item({ dueAt: NOW }), NOW)).toBe(false)
  })

  it('takes the median of the minutes to the first reply', () => {
    expect(medianOf([])).toBeNull()
    expect(medianOf([30])).toBe(30)
    expect(medianOf([90, 10, 50])).toBe(50)
    expect(medianOf([10, 20, 31, 1000])).toBe(25)
  })
})

describe('the reply deadline', () => {
  it('is 7 days unless the township set its own; the latest change is in force', () => {
    const by = { setBy: '镇纪委书记赵清华' }
    expect(replyDaysOf(null)).toBe(7)
    expect(replyDaysOf({ feedbackReplyDays: null })).toBe(7)
    expect(
      replyDaysOf({
        feedbackReplyDaysSettings: [
          { days: 5, setAt: '2026-11-01T00:00:00.000Z', ...by },
          { days: 3, setAt: '2026-11-02T00:00:00.000Z', ...by },
        ],
      }),
    ).toBe(3)
    // A deadline stored before changes were kept still counts.
    expect(replyDaysOf({ feedbackReplyDays: { days: 10, setAt: '2026-10-01T00:00:00.000Z', ...by } })).toBe(10)
    expect(dueAtFrom(NOW, 3)).toBe('2026-11-24T08:00:00.000Z')
  })
})

describe('tracking codes', () => {
  it('are read back from however the reporter typed them', () => {
    expect(normalizeTrackingCode('7kq2 m9xd 4hrt')).toBe('7KQ2-M9XD-4HRT')
    expect(normalizeTrackingCode('7KQ2-M9XD-4HRT')).toBe('7KQ2-M9XD-4HRT')
    expect(formatTrackingCode('7KQ2M9XD4HRT')).toBe('7KQ2-M9XD-4HRT')
  })

  it('never contain symbols that are easy to misread, and are refused when malformed', () => {
    for (const c of '01ILO') expect(TRACKING_ALPHABET).not.toContain(c)
    expect(normalizeTrackingCode('7KQ2-M9XD-4HR')).toBeNull()
    expect(normalizeTrackingCode('7KQ2-M9XD-4HR0')).toBeNull()
    expect(normalizeTrackingCode("' OR 1=1 --")).toBeNull()
  })
})

describe('report steps', () => {
  it('acknowledge a new report, then note and conclude; nothing after the conclusion', () => {
    expect(canTake('acknowledged', 'submitted')).toBe(true)
    expect(canTake('note', 'submitted')).toBe(false)
    expect(canTake('concluded', 'submitted')).toBe(false)
    for (const status of ['acknowledged', 'investigating'] as const) {
      expect(canTake('note', status)).toBe(true)
      expect(canTake('concluded', status)).toBe(true)
      expect(canTake('acknowledged', status)).toBe(false)
    }
    for (const kind of ['acknowledged', 'note', 'concluded'] as const) expect(canTake(kind, 'concluded')).toBe(false)
    expect([statusAfter('acknowledged'), statusAfter('note'), statusAfter('concluded')]).toEqual(['acknowledged', 'investigating', 'concluded'])
  })
})
