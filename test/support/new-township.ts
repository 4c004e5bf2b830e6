import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setup } from '../../cloudfunctions/setup/main'
import { referenceDir } from '../../cloudfunctions/core/reference'
import { referenceFiles } from '../../shared/power/reference'
import { subscriptionIdOf } from '../../shared/subscribe'
import type { Clock } from '../../cloudfunctions/core/context'
import { callerFor, emptyStore, expectOk, testClock, type TestStore } from './harness'
import { importRosterFile } from './roster'

export const SETUP_SECRET = 'a-long-setup-secret-0123456789'

/**
 * For a test file: an empty store (no township, no lists: a deployment before setup) and a fresh clock before
 * each test, closed after it. Read `fixture.store` and `fixture.clock` inside tests (they change for each one).
 */
export function freshEmptyStore(): { readonly store: TestStore; readonly clock: ReturnType<typeof testClock> } {
  const fixture = {} as { store: TestStore; clock: ReturnType<typeof testClock> }
  beforeEach(() => {
    fixture.clock = testClock()
    fixture.store = emptyStore()
  })
  afterEach(() => fixture.store.close())
  return fixture
}

/**
 * A township set up from an empty store the way the operator does it (the setup function), then one village
 * with the people a real one has: staff, a committee director, a chair who has allowed one WeChat message,
 * and a villager of household 0001. Everything through the actions, except the chair's consent (WeChat's
 * subscribe prompt, which only villagers and staff are shown).
 */
export async function newTownship(store: TestStore, clock: Clock) {
  const set = expectOk(await setup(store, { secret: SETUP_SECRET, township: '北坡镇', district: '清河区', staffName: '钱镇长' }, SETUP_SECRET, clock.now()))
  const staff = callerFor(store, 'wx:staff', clock)
  expectOk(await staff('member', 'acceptInvite', { code: set.inviteCode }))
  const { villageId, joinCode } = expectOk(await staff('township', 'createVillage', { name: '北坡村' }))
  const appoint = async (openid: string, role: 'committee' | 'chair', title: string, name: string) => {
    const { code } = expectOk(await staff('township', 'invite', { role, villageId, title, name }))
    const call = callerFor(store, openid, clock)
    expectOk(await call('member', 'acceptInvite', { code }))
    return call
  }
  const director = await appoint('wx:director', 'committee', '村委会主任', '孙主任')
  const chair = await appoint('wx:chair', 'chair', '村务监督委员会主任', '李主任')
  await importRosterFile(staff, villageId, { csv: '户号,户主姓名,村民小组,人口数\r\n0001,周大爷,一组,3\r\n' })
  const villager = callerFor(store, 'wx:villager', clock)
  const { memberId } = expectOk(await villager('member', 'join', { joinCode, householdNumber: '0001', name: '周大爷' }))
  expectOk(await chair('member', 'approve', { memberId }))

  const chairPerson = (await store.query('person', { where: { openid: 'wx:chair' }, orderBy: { field: '_id', direction: 'asc' }, limit: 1 })).items[0]!
  await store.insert('subscription', {
    _id: subscriptionIdOf(chairPerson._id, 'announcement'),
    personId: chairPerson._id,
    topic: 'announcement',
    villageId,
    openid: chairPerson.openid,
    remaining: 1,
    updatedAt: clock.now().toISOString(),
  })
  return { loaded: set.loaded, staff, director, chair, villager, villageId, chairPerson }
}

/** A copy of the shipped district files in a new folder, each edited as a district official would in Excel. */
export function editedDistrictFiles(edit: (file: string, text: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), 'district-'))
  cpSync(referenceDir(), dir, { recursive: true })
  for (const file of Object.values(referenceFiles)) writeFileSync(join(dir, file), edit(file, readFileSync(join(dir, file), 'utf8')))
  return dir
}
