import { roleOf, successorOf, coveragePermille, formatPermille } from '../../shared/member/rules'
import type { Appointment, Member } from '../../shared/member/schema'

const member = (id: string, status: Member['status'], requestedAt: string): Member => ({
  _id: id,
  personId: `p-${id}`,
  name: id,
  villageId: 'v',
  householdId: 'h',
  status,
  requestedAt,
  decidedAt: null,
  decidedBy: null,
  reason: null,
})

const appointment = (role: Appointment['role'], status: Appointment['status']): Appointment => ({
  _id: 'a',
  personId: 'p',
  role,
  townshipId: 't',
  villageId: 'v',
  title: '',
  status,
  startedAt: '2026-01-01T00:00:00.000Z',
  endedAt: null,
})

describe('roleOf', () => {
  it('an active appointment decides the role, even for a member', () => {
    expect(roleOf(appointment('chair', 'active'), member('m', 'active', 'x'))).toBe('chair')
    expect(roleOf(appointment('township', 'active'), null)).toBe('township')
  })
  it('an ended appointment falls back to membership', () => {
    expect(roleOf(appointment('committee', 'ended'), member('m', 'active', 'x'))).toBe('villager')
  })
  it('only an approved member is a villager; pending, rejected and removed are guests', () => {
    expect(roleOf(null, member('m', 'active', 'x'))).toBe('villager')
    for (const status of ['pending', 'rejected', 'removed'] as const) expect(roleOf(null, member('m', status, 'x'))).toBe('guest')
    expect(roleOf(null, null)).toBe('guest')
  })
})

describe('coverage', () => {
  it('is households in the group per thousand on the roster, rounded down', () => {
    expect(coveragePermille(106, 128)).toBe(828)
    expect(coveragePermille(1, 3)).toBe(333)
    expect(coveragePermille(128, 128)).toBe(1000)
  })
  it('is zero for an empty roster rather than a division by zero', () => {
    expect(coveragePermille(0, 0)).toBe(0)
  })
  it('formats as a percentage with one decimal', () => {
    expect(formatPermille(828)).toBe('82.8%')
    expect(formatPermille(1000)).toBe('100.0%')
  })
})

describe('successorOf', () => {
  const members = [
    member('late', 'active', '2026-03-01'),
    member('leaving', 'active', '2026-01-01'),
    member('gone', 'removed', '2025-01-01'),
    member('early', 'active', '2026-02-01'),
    member('asking', 'pending', '2025-06-01'),
  ]
  it('passes the vote to the earliest-joined member still active', () => {
    expect(successorOf(members, 'leaving')?._id).toBe('early')
  })
  it('returns null when nobody active is left', () => {
    expect(successorOf([member('leaving', 'active', 'x'), member('gone', 'removed', 'y')], 'leaving')).toBeNull()
  })
})
