import {
  concludedAt,
  cutoffOf,
  inviteExpired,
  membershipExpired,
  notificationExpired,
  personExpired,
  reportExpired,
  retentionDays,
  roundBallotsExpired,
  roundEndedAt,
} from '../../shared/retention'

const now = new Date('2030-06-01T00:00:00.000Z')
const cutoff = cutoffOf('ballots', now)
const closedRound = { status: 'closed' as const, closedAt: '2029-01-01T00:00:00.000Z', closesAt: '2029-01-03T00:00:00.000Z', outcome: 'within' as const, answer: null }

describe('retention rules', () => {
  it('puts the cutoff the policy’s number of days before now', () => {
    expect(cutoffOf('notifications', now)).toBe(new Date(now.getTime() - retentionDays.notifications * 86_400_000).toISOString())
  })

  it('counts a round’s period from the later of its close and its planned end', () => {
    expect(roundEndedAt(closedRound)).toBe(closedRound.closesAt)
    expect(roundEndedAt({ closedAt: '2029-01-04T00:00:00.000Z', closesAt: closedRound.closesAt })).toBe('2029-01-04T00:00:00.000Z')
    expect(roundEndedAt({ closedAt: null, closesAt: closedRound.closesAt })).toBeNull()
  })

  it('lets a round’s ballots go only when it is closed, past the period, with no case running and no answer owed', () => {
    expect(roundBallotsExpired(closedRound, false, cutoff)).toBe(true)
    expect(roundBallotsExpired({ ...closedRound, status: 'counting' }, false, cutoff)).toBe(false)
    expect(roundBallotsExpired(closedRound, true, cutoff)).toBe(false)
    expect(roundBallotsExpired({ ...closedRound, outcome: 'over' }, false, cutoff)).toBe(false)
    expect(roundBallotsExpired({ ...closedRound, outcome: 'over', answer: { text: '答复', at: '', name: '', title: '' } }, false, cutoff)).toBe(true)
    expect(roundBallotsExpired({ ...closedRound, closesAt: cutoff }, false, cutoff)).toBe(false)
  })

  it('lets a report go only once concluded, counted from the conclusion', () => {
    const step = (kind: 'acknowledged' | 'concluded', at: string) => ({ kind, at, staffId: 's', staffName: '干部', text: '' })
    const old = '2020-01-01T00:00:00.000Z'
    const report = { status: 'concluded' as const, steps: [step('acknowledged', old), step('concluded', '2029-12-01T00:00:00.000Z')] }
    const reportCutoff = cutoffOf('reports', now)
    expect(concludedAt(report)).toBe('2029-12-01T00:00:00.000Z')
    expect(reportExpired(report, reportCutoff)).toBe(false)
    expect(reportExpired({ ...report, steps: [step('acknowledged', old), step('concluded', old)] }, reportCutoff)).toBe(true)
    expect(reportExpired({ status: 'investigating', steps: [step('acknowledged', old)] }, reportCutoff)).toBe(false)
  })

  it('never lets a pending message, a current member or a person with a post go', () => {
    const old = '2020-01-01T00:00:00.000Z'
    expect(notificationExpired({ status: 'pending', createdAt: old }, cutoff)).toBe(false)
    expect(notificationExpired({ status: 'failed', createdAt: old }, cutoff)).toBe(true)
    expect(membershipExpired({ status: 'active', decidedAt: old }, cutoff)).toBe(false)
    expect(membershipExpired({ status: 'pending', decidedAt: null }, cutoff)).toBe(false)
    expect(membershipExpired({ status: 'removed', decidedAt: old }, cutoff)).toBe(true)
    expect(personExpired({ appointmentId: null }, 0, 0)).toBe(true)
    expect(personExpired({ appointmentId: 'ap-1' }, 0, 0)).toBe(false)
    expect(personExpired({ appointmentId: null }, 1, 0)).toBe(false)
    expect(personExpired({ appointmentId: null }, 0, 1)).toBe(false)
  })
})

describe('appointment codes', () => {
  it('lets a code go once made before the cutoff and no longer takeable by then', () => {
    const old = '2020-01-01T00:00:00.000Z'
    const inviteCutoff = cutoffOf('invites', now)
    expect(inviteExpired({ status: 'used', createdAt: old, expiresAt: old }, inviteCutoff)).toBe(true)
    expect(inviteExpired({ status: 'open', createdAt: old, expiresAt: old }, inviteCutoff)).toBe(true)
    expect(inviteExpired({ status: 'open', createdAt: old, expiresAt: '2031-01-01T00:00:00.000Z' }, inviteCutoff)).toBe(false)
    expect(inviteExpired({ status: 'used', createdAt: '2030-05-01T00:00:00.000Z', expiresAt: old }, inviteCutoff)).toBe(false)
  })
})
