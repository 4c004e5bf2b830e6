// Starts the bundled host itself with STORE=cloud whatever the harness's STORE is: the same on both runs.
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { bundleHost, startHost, stopHost, type HostProcess } from '../support/host-process'

/** The real host process (host/main.ts, bundled as `npm start` runs it) with the Store port on the cloud adapter over the stand-in. */
let bundle: string
let dataDir: string
let host: HostProcess

beforeAll(() => {
  bundle = bundleHost('cloud')
})
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'host-cloud-'))
})
afterEach(async () => {
  await stopHost(host)
  rmSync(dataDir, { recursive: true, force: true })
})

const post = (url: string, body: unknown, token?: string) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  }).then(async (res) => ({ status: res.status, body: (await res.json()) as { ok: boolean; data?: any; error?: { code: string } } }))

describe('the local host on the cloud adapter (STORE=cloud)', () => {
  it('says so in its health check, serves the seeded demo township, and writes no village.db', async () => {
    host = await startHost(bundle, dataDir, { STORE: 'cloud' })
    expect(await (await fetch(`${host.url}/api/health`)).json()).toEqual({ ok: true, store: 'cloud' })

    const login = await post(`${host.url}/api/dev/login`, { personId: 'p-shiqiao-0001-1' })
    expect(login.status).toBe(200)
    const token = login.body.data.token as string

    // A read: who the caller is, from the seeded demo.
    const me = await post(`${host.url}/api/fn/member`, { action: 'me' }, token)
    expect(me.body).toMatchObject({ ok: true, data: { role: 'villager', name: '赵振华', village: { villageId: 'v-shiqiao' } } })

    // A write, read back through the same store.
    const submitted = await post(
      `${host.url}/api/fn/feedback`,
      { action: 'submit', requestId: 'host-cloud-0001', about: { type: 'general' }, text: '村口路灯坏了，请尽快修理' },
      token,
    )
    expect(submitted.body).toMatchObject({ ok: true, data: { status: expect.any(String) } })
    const mine = await post(`${host.url}/api/fn/feedback`, { action: 'mine' }, token)
    expect(mine.body.data.items).toContainEqual(expect.objectContaining({ feedbackId: submitted.body.data.feedbackId, text: '村口路灯坏了，请尽快修理' }))

    // Data lives in memory: the data folder holds the session key (and the files folder), never a database.
    expect(existsSync(join(dataDir, 'village.db'))).toBe(false)
    expect(readdirSync(dataDir).filter((name) => name.startsWith('village.db'))).toEqual([])
  })

  it('stays on SQLite by default, and says so', async () => {
    // STORE='' rather than nothing: under `npm run test:cloud` the test process itself has STORE=cloud.
    host = await startHost(bundle, dataDir, { STORE: '' })
    expect(await (await fetch(`${host.url}/api/health`)).json()).toEqual({ ok: true, store: 'sqlite' })
    expect(existsSync(join(dataDir, 'village.db'))).toBe(true)
  })
})
