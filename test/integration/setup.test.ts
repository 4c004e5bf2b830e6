import { secretMatches, setup } from '../../cloudfunctions/setup/main'
import { NOW, callerFor, dump, expectOk, seededStore, type TestStore, emptyStore } from '../support/harness'

const SECRET = 'a-long-setup-secret-0123456789'
const plan = { secret: SECRET, township: '北坡镇', district: '清河区', staffName: '钱镇长' }

let store: TestStore
beforeEach(() => {
  store = emptyStore()
})
afterEach(() => store.close())

describe('setting up an empty deployment', () => {
  it('creates the township once, with the secret, and the first staff member takes the post by the code', async () => {
    const first = await setup(store, plan, SECRET, NOW)
    expect(first).toMatchObject({ ok: true, data: { townshipId: 'tw-main' } })
    const code = (first as { data: { inviteCode: string } }).data.inviteCode
    expect(await setup(store, { ...plan, township: '别的镇' }, SECRET, NOW)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })

    const staff = callerFor(store, 'wx:first-staff')
    expect(expectOk(await staff('member', 'acceptInvite', { code }))).toEqual({ role: 'township', title: '镇纪委书记' })
    const { villageId } = expectOk(await staff('township', 'createVillage', { name: '北坡村' }))
    expect(villageId).toMatch(/^v_/)
  })

  it('opens nothing without the right secret, or when the function has none set', async () => {
    for (const [given, configured] of [
      ['wrong-secret-0000000000000', SECRET],
      [SECRET, undefined],
      ['short', 'short'],
    ] as const) {
      expect(await setup(store, { ...plan, secret: given }, configured, NOW)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    }
    expect(secretMatches(SECRET, SECRET)).toBe(true)
    expect(dump(store).township).toEqual([])
  })

  it('refuses an incomplete request in plain words', async () => {
    const result = await setup(store, { secret: SECRET, township: '北坡镇' }, SECRET, NOW)
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(/区县名称/) } })
  })

  it('will not set up a deployment that already has a township', async () => {
    const seeded = await seededStore()
    expect(await setup(seeded, plan, SECRET, NOW)).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(/石桥镇/) } })
    seeded.close()
  })
})
