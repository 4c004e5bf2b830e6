import type { AddressInfo } from 'node:net'
import type { Server } from 'node:http'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createHost } from '../../host/server'
import { issueToken } from '../../host/session'
import { NOW, dump, seededStore, storeKind, testClock, testFiles, type TestStore } from '../support/harness'
import { decodeImage, phonePng } from '../support/images'

const secret = Buffer.alloc(32, 3)
let store: TestStore
let server: Server
let base: string
let staticDir: string

async function listen(devLogin: boolean): Promise<void> {
  server = createHost({ store, clock: testClock(), secret, staticDir, devLogin, files: testFiles, storeKind })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

beforeEach(async () => {
  store = await seededStore()
  staticDir = mkdtempSync(join(tmpdir(), 'h5-'))
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>村务监督</title>')
})
afterEach(async () => {
  await new Promise((resolve) => server.close(resolve))
  store.close()
  rmSync(staticDir, { recursive: true, force: true })
})

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })

async function login(personId: string): Promise<string> {
  const res = await post('/api/dev/login', { personId })
  expect(res.status).toBe(200)
  return ((await res.json()) as { data: { token: string } }).data.token
}

describe('local host HTTP contract', () => {
  beforeEach(() => listen(true))

  it('answers the health check', async () => {
    const res = await fetch(`${base}/api/health`)
    expect(await res.json()).toEqual({ ok: true, store: storeKind })
  })

  it('lists the demo people with their roles', async () => {
    const body = (await (await fetch(`${base}/api/dev/people`)).json()) as { ok: boolean; data: { role: string; personId: string }[] }
    expect(body.ok).toBe(true)
    const roles = new Set(body.data.map((p) => p.role))
    expect([...roles].sort()).toEqual(['chair', 'committee', 'township', 'villager'])
    expect(body.data.find((p) => p.personId === 'p-shiqiao-0001-1')).toMatchObject({
      role: 'villager',
      townshipId: 'tw-shiqiao',
      villageId: 'v-shiqiao',
      householdId: 'h-shiqiao-0001',
      isRepresentative: true,
    })
  })

  it('runs a cloud function as the signed-in person, with the envelope and a mirrored status', async () => {
    const token = await login('p-shiqiao-chair')
    const ok = await post('/api/fn/member', { action: 'me' }, { authorization: `Bearer ${token}` })
    expect(ok.status).toBe(200)
    expect(await ok.json()).toMatchObject({ ok: true, data: { role: 'chair', name: '周德明' } })

    const forbidden = await post('/api/fn/power', { action: 'select', itemId: 'pw-7-04', selected: true, note: 'x' }, { authorization: `Bearer ${token}` })
    expect(forbidden.status).toBe(403)
    expect(await forbidden.json()).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })

    const missing = await post('/api/fn/member', { action: 'approve', memberId: 'm-nope' }, { authorization: `Bearer ${token}` })
    expect(missing.status).toBe(404)
    const invalid = await post('/api/fn/member', { action: 'approve' }, { authorization: `Bearer ${token}` })
    expect(invalid.status).toBe(400)
  })

  it('never takes identity from the request body', async () => {
    const token = await login('p-shiqiao-0001-1')
    const res = await post('/api/fn/member', { action: 'me', openid: 'demo:p-shiqiao-chair', personId: 'p-shiqiao-chair' }, { authorization: `Bearer ${token}` })
    expect(await res.json()).toMatchObject({ ok: true, data: { role: 'villager' } })
  })

  it('refuses missing, tampered and expired tokens with 401', async () => {
    expect((await post('/api/fn/member', { action: 'me' })).status).toBe(401)
    const token = await login('p-shiqiao-0001-1')
    expect((await post('/api/fn/member', { action: 'me' }, { authorization: `Bearer ${token}x` })).status).toBe(401)
    const expired = issueToken(secret, 'demo:p-shiqiao-chair', new Date(NOW.getTime() - 40 * 86_400_000))
    const res = await post('/api/fn/member', { action: 'me' }, { authorization: `Bearer ${expired}` })
    expect(res.status).toBe(401)
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/重新登录/)
  })

  it('rejects bad JSON, a wrong content type, a huge body and unknown functions with clear errors, storing nothing', async () => {
    const token = await login('p-shiqiao-chair')
    const auth = { authorization: `Bearer ${token}` }
    const before = dump(store)
    const bad = await post('/api/fn/member', '{"action": "me"', auth)
    expect(bad.status).toBe(400)
    expect(((await bad.json()) as { error: { message: string } }).error.message).toMatch(/JSON/)
    const text = await fetch(`${base}/api/fn/member`, { method: 'POST', headers: { 'content-type': 'text/plain', ...auth }, body: 'action=me' })
    expect(text.status).toBe(400)
    const huge = await post('/api/fn/member', { action: 'join', joinCode: 'SHIQIAO', householdNumber: '0120', name: 'x'.repeat(2_000_000) }, auth)
    expect(huge.status).toBe(413)
    expect((await post('/api/fn/nothing', { action: 'me' }, auth)).status).toBe(404)
    expect((await fetch(`${base}/api/fn/member`)).status).toBe(400)
    expect(dump(store)).toEqual(before)
  })

  it('serves the H5 app shell for the root and unknown paths, but never files outside it', async () => {
    const home = await fetch(`${base}/`)
    expect(home.headers.get('content-type')).toMatch(/text\/html/)
    expect(await home.text()).toContain('村务监督')
    expect(await (await fetch(`${base}/some/deep/link`)).text()).toContain('村务监督')
    const escape = await fetch(`${base}/..%2f..%2fetc%2fpasswd`)
    expect(await escape.text()).not.toContain('root:')
    expect((await fetch(`${base}/%E0%A4%A`)).status).toBe(404)
  })

  it("sends the app's scripts compressed to a browser that accepts it, cached for good", async () => {
    const script = `console.log("${'村务监督'.repeat(500)}")`
    writeFileSync(join(staticDir, 'app.js'), script)
    const res = await fetch(`${base}/app.js`, { headers: { 'accept-encoding': 'br, gzip' } })
    expect(res.headers.get('content-encoding')).toBe('br')
    expect(Number(res.headers.get('content-length'))).toBeLessThan(Buffer.byteLength(script) / 10)
    expect(res.headers.get('cache-control')).toMatch(/immutable/)
    // fetch decodes the body: what arrives is the script itself.
    expect(await res.text()).toBe(script)
  })
})

describe('a session token speaks for one person only', () => {
  beforeEach(() => listen(true))
  const as = (token: string) => (area: string, body: Record<string, unknown>) =>
    post(`/api/fn/${area}`, body, { authorization: `Bearer ${token}` }).then(async (res) => ({ status: res.status, body: (await res.json()) as any }))

  it("a token issued for one villager cannot read or act on another villager's records", async () => {
    const a = as(await login('p-shiqiao-0001-1'))
    const b = as(await login('p-shiqiao-0002-1'))
    const filed = await a('feedback', { action: 'submit', requestId: 'a-feedback-000001', about: { type: 'general' }, text: '村口路灯坏了' })
    const { feedbackId } = filed.body.data
    const before = dump(store)

    expect((await a('feedback', { action: 'mine' })).body.data.items.map((f: { feedbackId: string }) => f.feedbackId)).toEqual([feedbackId])
    expect((await b('feedback', { action: 'mine' })).body.data.items).toEqual([])
    expect(await b('feedback', { action: 'reopen', feedbackId, reason: '冒充他人' })).toMatchObject({ status: 404, body: { ok: false, error: { code: 'NOT_FOUND' } } })
    expect(dump(store)).toEqual(before)
  })

  it('a token does not outlive membership (leaving or removal revokes it), and signing in again gives no rights: who left or was removed is a guest', async () => {
    const leaver = as(await login('p-shiqiao-0001-1'))
    const removed = as(await login('p-shiqiao-0003-2'))
    const chair = as(await login('p-shiqiao-chair'))
    expect((await leaver('member', { action: 'leave' })).body.ok).toBe(true)
    expect((await chair('member', { action: 'remove', memberId: 'm-shiqiao-0003-2', reason: '已迁出本村' })).body.ok).toBe(true)
    for (const revoked of [leaver, removed]) expect((await revoked('member', { action: 'me' })).status).toBe(401)

    for (const gone of [as(await login('p-shiqiao-0001-1')), as(await login('p-shiqiao-0003-2'))]) {
      expect((await gone('member', { action: 'me' })).body.data.role).toBe('guest')
      const submit = await gone('feedback', { action: 'submit', requestId: 'gone-feedback-01', about: { type: 'general' }, text: '还想提意见' })
      expect(submit).toMatchObject({ status: 403, body: { ok: false, error: { code: 'FORBIDDEN' } } })
      expect(await gone('disclosure', { action: 'list' })).toMatchObject({ status: 403, body: { ok: false, error: { code: 'FORBIDDEN' } } })
    }
  })

  it("a token signed by another host's secret is refused", async () => {
    const foreign = issueToken(Buffer.alloc(32, 4), 'demo:p-shiqiao-chair', NOW)
    expect((await post('/api/fn/member', { action: 'me' }, { authorization: `Bearer ${foreign}` })).status).toBe(401)
  })
})

describe('attachment uploads on the local host', () => {
  beforeEach(() => listen(true))
  const png = phonePng()
  const upload = (body: Buffer, token?: string) =>
    fetch(`${base}/api/files`, { method: 'POST', headers: token ? { authorization: `Bearer ${token}` } : {}, body: new Uint8Array(body) })

  it('stores an image for a signed-in person, re-encoded, and serves it only once a record adopts it', async () => {
    const token = await login('p-shiqiao-director')
    const res = await upload(png, token)
    expect(res.status).toBe(200)
    const { data } = (await res.json()) as { data: { fileId: string; mime: string; size: number } }
    expect(data).toMatchObject({ mime: 'image/png', size: expect.any(Number) })
    const path = `/files/${data.fileId.slice('local:'.length)}`
    expect((await fetch(`${base}${path}`)).status).toBe(404)
    expect(await testFiles.adopt(data.fileId, { private: false })).toMatchObject({ fileId: data.fileId, mime: 'image/png', size: data.size })
    const served = await fetch(`${base}${path}`)
    expect(served.headers.get('content-type')).toBe('image/png')
    expect(decodeImage(Buffer.from(await served.arrayBuffer()))).toMatchObject({ width: 16, height: 8 })
  })

  it('refuses strangers, non-images and oversized files with clear errors', async () => {
    expect((await upload(png)).status).toBe(401)
    const token = await login('p-shiqiao-director')
    const text = await upload(Buffer.from('not an image'), token)
    expect(text.status).toBe(400)
    expect(((await text.json()) as { error: { message: string } }).error.message).toMatch(/JPG 或 PNG/)
    expect((await upload(Buffer.concat([png, Buffer.alloc(2 * 1024 * 1024)]), token)).status).toBe(413)
    expect((await fetch(`${base}/files/..%2fsession.key`)).status).toBe(404)
  })
})

describe('local host in production mode', () => {
  beforeEach(() => listen(false))

  it('has no dev sign-in endpoints', async () => {
    expect((await fetch(`${base}/api/dev/people`)).status).toBe(404)
    expect((await post('/api/dev/login', { personId: 'p-shiqiao-chair' })).status).toBe(404)
    expect((await post('/api/dev/login', { guest: true })).status).toBe(404)
    expect((await fetch(`${base}/api/dev/outbox`)).status).toBe(404)
  })
})
