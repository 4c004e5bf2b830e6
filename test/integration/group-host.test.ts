// The local host's simulation of WeChat for the village group (issue 19): in demo sign-in, `dev-group:<name>` is
// "opened from group <name>" and GET /api/dev/updatable shows what the round cards asked of WeChat; neither exists
// in production mode, where nothing is from a group and cards are ordinary.
import { RecordingUpdatable } from '../../cloudfunctions/core/updatable'
import { groupKeyOf } from '../../cloudfunctions/core/open-data'
import { devCloudIdOf } from '../../shared/group/rules'
import { startTestHost, type TestHost } from '../support/test-host'

let host: TestHost
afterEach(() => host.close())

const base = () => `http://127.0.0.1:${host.port}`
const post = (path: string, body: unknown, token?: string) =>
  fetch(`${base()}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  })
const json = async (res: Response) => (await res.json()) as { ok: boolean; data: any; error?: { code: string } }
const token = async (body: object) => (await json(await post('/api/dev/login', body))).data.token as string

/** 石桥村's group as bound by its chair, written as group.bind would (the key of the dev opengid). */
const bindDirectly = (store: TestHost['store']) =>
  store.insert('group_binding', {
    _id: groupKeyOf('dev-opengid:石桥村监督群'),
    villageId: 'v-shiqiao',
    townshipId: 'tw-shiqiao',
    label: '',
    status: 'bound',
    boundBy: 'p-shiqiao-chair',
    boundByName: '周德明',
    boundAt: new Date().toISOString(),
    unboundAt: null,
  })

it('in demo sign-in, simulates opening from a group and records the round card at /api/dev/updatable', async () => {
  const updatable = new RecordingUpdatable()
  host = await startTestHost({ updatable })
  const chair = await token({ personId: 'p-shiqiao-chair' })
  expect((await json(await post('/api/fn/group', { action: 'bind', cloudId: devCloudIdOf('石桥村监督群') }, chair))).ok).toBe(true)
  const visitor = await token({ guest: true })
  const opened = await json(await post('/api/fn/group', { action: 'opened', cloudId: devCloudIdOf('石桥村监督群') }, visitor))
  expect(opened.data).toMatchObject({ group: { villageName: '石桥村' }, canJoin: true })

  const closesAt = new Date(Date.now() + 72 * 3_600_000).toISOString()
  const round = await json(await post('/api/fn/evaluation', { action: 'openRound', subject: { type: 'disclosure', id: 'd-shiqiao-001' }, title: '评议', closesAt }, chair))
  expect(round.ok).toBe(true)
  const calls = (await json(await fetch(`${base()}/api/dev/updatable`))).data as { kind: string; activityId: string }[]
  expect(calls.map((c) => c.kind)).toEqual(['createActivityId'])
  const card = await json(await post('/api/fn/group', { action: 'roundCard', roundId: round.data.roundId }, chair))
  expect(card.data).toMatchObject({ state: 'live', activityId: calls[0]!.activityId })
})

it('in production mode, has no /api/dev/updatable and resolves no dev-mode cloudID', async () => {
  host = await startTestHost({ devLogin: false, guestLogin: true })
  await bindDirectly(host.store)
  expect((await fetch(`${base()}/api/dev/updatable`)).status).toBe(404)
  const visitor = await token({ guest: true })
  const opened = await json(await post('/api/fn/group', { action: 'opened', cloudId: devCloudIdOf('石桥村监督群') }, visitor))
  expect(opened.data).toEqual({ group: null, member: false, canJoin: false })
})
