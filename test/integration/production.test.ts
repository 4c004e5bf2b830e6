// SQLite only by nature (it starts the bundled host process, which runs on SQLite): not part of `npm run test:cloud` (STORE=cloud).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { issueToken } from '../../host/session'
import { bundleHost, startHost, stopHost, type HostProcess } from '../support/host-process'

/** The real host process (host/main.ts, bundled as `npm start` runs it), in each mode. */
const secret = Buffer.alloc(32, 9)
let bundle: string
let dataDir: string
let host: HostProcess

beforeAll(() => {
  bundle = bundleHost('production')
})
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'production-'))
  // The host keeps the session secret in its data folder; knowing it lets the test sign a token.
  writeFileSync(join(dataDir, 'session.key'), secret.toString('hex'))
  // The mode the key is for: a key kept for another mode, or for none, is replaced at start (host/session.ts).
  writeFileSync(join(dataDir, 'session.mode'), 'none')
})
afterEach(async () => {
  await stopHost(host)
  rmSync(dataDir, { recursive: true, force: true })
})

const devEndpoints = (url: string) => [
  fetch(`${url}/api/dev/people`),
  fetch(`${url}/api/dev/outbox`),
  fetch(`${url}/api/dev/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ personId: 'p-shiqiao-chair' }) }),
  fetch(`${url}/api/dev/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ guest: true }) }),
]

describe('the local host process', () => {
  it('in production mode (NODE_ENV=production) has no dev sign-in endpoints, and still serves signed-in callers', async () => {
    host = await startHost(bundle, dataDir, { NODE_ENV: 'production' })
    for (const res of await Promise.all(devEndpoints(host.url))) expect(res.status).toBe(404)
    const me = await fetch(`${host.url}/api/fn/member`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${issueToken(secret, 'demo:p-shiqiao-chair', new Date())}` },
      body: JSON.stringify({ action: 'me' }),
    })
    expect(await me.json()).toMatchObject({ ok: true, data: { role: 'chair' } })
  }, 20_000)

  it('in dev mode (the default for npm start) offers the demo sign-in', async () => {
    host = await startHost(bundle, dataDir)
    for (const res of await Promise.all(devEndpoints(host.url))) expect(res.status).toBe(200)
  }, 20_000)
})
