import { groupContract } from '../../shared/group/schema'
import { meetingContract } from '../../shared/meeting/schema'
import { topicContract } from '../../shared/topic/schema'
import { memberContract } from '../../shared/member/schema'
import { powerContract } from '../../shared/power/schema'
import { disclosureContract } from '../../shared/disclosure/schema'
import { announcementContract } from '../../shared/announcement/schema'
import { feedbackContract } from '../../shared/feedback/schema'
import { reportContract } from '../../shared/report/schema'
import { evaluationContract } from '../../shared/evaluation/schema'
import { townshipContract } from '../../shared/township/schema'
import { permissions } from '../../shared/permissions'
import { errorCodes } from '../../shared/errors'

const firstMessage = (result: { success: boolean; error?: { issues: { message: string }[] } }) => result.error?.issues[0]?.message

describe('join request schema', () => {
  const join = memberContract.join.input
  it('accepts a join code, household number and name, trimming spaces', () => {
    expect(join.parse({ joinCode: ' SHIQIAO ', householdNumber: '0012', name: ' 王建国 ' })).toEqual({
      joinCode: 'SHIQIAO',
      householdNumber: '0012',
      name: '王建国',
    })
  })
  it('explains each mistake in plain Chinese', () => {
    expect(firstMessage(join.safeParse({ joinCode: 'SHIQIAO', householdNumber: '0012', name: '   ' }))).toBe('请填写姓名')
    // Any string is a join-code guess (counted by the handler, core/attempts.ts); a value of another type is not.
    expect(join.safeParse({ joinCode: '石桥', householdNumber: '0012', name: '王' }).success).toBe(true)
    expect(firstMessage(join.safeParse({ joinCode: 12345, householdNumber: '0012', name: '王' }))).toMatch(/加入码/)
    expect(firstMessage(join.safeParse({ joinCode: 'SHIQIAO', householdNumber: '12号; drop', name: '王' }))).toMatch(/户号/)
    expect(firstMessage(join.safeParse({ joinCode: 'SHIQIAO', householdNumber: '0012', name: '王'.repeat(21) }))).toBe('姓名不能超过20个字')
    expect(firstMessage(join.safeParse({ householdNumber: '0012', name: '王' }))).toBe('请填写村加入码')
  })
})

describe('power change schema', () => {
  it('requires a note for every change to the village list', () => {
    const result = powerContract.select.input.safeParse({ itemId: 'pw-1-01', selected: true, note: '' })
    expect(firstMessage(result)).toBe('请填写变更说明')
  })
})

describe('error codes', () => {
  it('map onto the HTTP statuses the local host mirrors, each with a Chinese message', () => {
    expect(errorCodes.INVALID_INPUT.status).toBe(400)
    expect(errorCodes.UNAUTHENTICATED.status).toBe(401)
    expect(errorCodes.FORBIDDEN.status).toBe(403)
    expect(errorCodes.NOT_FOUND.status).toBe(404)
    expect(errorCodes.ALREADY_VOTED.status).toBe(409)
    expect(errorCodes.INTERNAL.status).toBe(500)
    for (const { message } of Object.values(errorCodes)) expect(message).toMatch(/[\u4e00-\u9fff]/)
  })
})

const contracts = {
  member: memberContract,
  power: powerContract,
  disclosure: disclosureContract,
  announcement: announcementContract,
  feedback: feedbackContract,
  report: reportContract,
  evaluation: evaluationContract,
  township: townshipContract,
  group: groupContract,
  meeting: meetingContract,
  topic: topicContract,
}

describe('permissions table', () => {
  it('names every action of every contract, and nothing else', () => {
    const declared = Object.entries(contracts).flatMap(([area, contract]) => Object.keys(contract).map((a) => `${area}.${a}`))
    expect(Object.keys(permissions).sort()).toEqual(declared.sort())
  })
})

describe('action inputs', () => {
  it('never have a field named action, which names the call itself and would be lost', () => {
    for (const contract of Object.values(contracts)) {
      for (const { input } of Object.values(contract)) expect(Object.keys((input as { shape: object }).shape)).not.toContain('action')
    }
  })
})
