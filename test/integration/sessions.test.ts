import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startLocalHost, signInModeOf, type LocalHost } from '../../host/start'
import { startTestHost, type TestHost } from '../support/test-host'
import { callerFor, expectError, people, storeKind, type TestStore } from '../support/harness'
import type { StoreTx } from '../../cloudfunctions/core/store'

/**
 * Who may sign in on the local host, and for how long a token speaks for someone: the key dies when the
 * sign-in mode changes, and a person's tokens die when they leave a post or the village group.
 */

const post = (url: string, path: string, body: unknown, token?: string) =>
  fetch(`${url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  })

async function signIn(url: string, who: { personId: string } | { guest: true }): Promise<string> {
  const res = await post(url, '/api/dev/login', who)
  expect(res.status).toBe(200)
  return ((await res.json()) as { data: { token: string } }).data.token
}

/** `member.me` with a token: its HTTP status and, when it answers, the role. */
async function me(url: string, token: string): Promise<{ status: number; role?: string; code?: string }> {
  const res = await post(url, '/api/fn/member', { action: 'me' }, token)
  const body = (await res.json()) as { ok: boolean; data?: { role: string }; error?: { code: string } }
  return { status: res.status, role: body.data?.role, code: body.error?.code }
}

describe('the sign-in mode, from the environment', () => {
  it('is demo for plain npm start, guest only with SEED=none unless DEV_LOGIN=1, and none in production whatever is set', () => {
    expect(signInModeOf({}).mode).toBe('demo')
    expect(signInModeOf({ SEED: 'none' }).mode).toBe('guest')
    expect(signInModeOf({ SEED: 'none', DEV_LOGIN: '1' }).mode).toBe('demo')
    expect(signInModeOf({ DEV_LOGIN: '0' }).mode).toBe('guest')
    expect(signInModeOf({ NODE_ENV: 'production' }).mode).toBe('none')
    const forced = signInModeOf({ NODE_ENV: 'production', DEV_LOGIN: '1' })
    expect(forced.mode).toBe('none')
    expect(forced.notice).toContain('DEV_LOGIN=1 在生产模式下不起作用')
  })
})

describe('the local host started as npm start starts it', () => {
  let dataDir: string
  let host: LocalHost | null = null
  const lines: string[] = []
  const start = async (env: Record<string, string>) => {
    lines.length = 0
    host = await startLocalHost({ PORT: '0', DATA_DIR: dataDir, STATIC_DIR: join(dataDir, 'no-h5'), STORE: storeKind, NODE_ENV: 'development', ...env }, (line) => lines.push(line))
    return host
  }
  const stop = async () => {
    await host?.close()
    host = null
  }
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'sessions-'))
  })
  afterEach(async () => {
    await stop()
    rmSync(dataDir, { recursive: true, force: true })
  })

  it('refuses (401) a token from a demo sign-in once the same data folder restarts in production mode', async () => {
    let { url } = await start({})
    expect(lines).toContain('登录方式：演示模式，可以选择任何一个人的身份登录（只用于演示和试用；关闭：DEV_LOGIN=0）')
    const chair = await signIn(url, { personId: people.chair })
    expect(await me(url, chair)).toMatchObject({ status: 200, role: 'chair' })
    // The same mode again: the key stays, and so does the sign-in.
    await stop()
    ;({ url } = await start({}))
    expect(await me(url, chair)).toMatchObject({ status: 200, role: 'chair' })

    await stop()
    ;({ url } = await start({ NODE_ENV: 'production', DEV_LOGIN: '1' }))
    expect(lines.some((line) => line.startsWith('登录方式：生产模式') && line.includes('DEV_LOGIN=1 在生产模式下不起作用'))).toBe(true)
    expect(await me(url, chair)).toEqual({ status: 401, code: 'UNAUTHENTICATED' })
    expect((await fetch(`${url}/api/dev/people`)).status).toBe(404)
    expect((await post(url, '/api/dev/login', { personId: people.chair })).status).toBe(404)
    expect((await post(url, '/api/dev/login', { guest: true })).status).toBe(404)
    // The mode is kept beside the key, owner-only.
    expect(readFileSync(join(dataDir, 'session.mode'), 'utf8')).toBe('none')
    expect((statSync(join(dataDir, 'session.mode')).mode & 0o777).toString(8)).toBe('600')
  }, 30_000)

  it('replaces a key kept without its mode (a data folder from before modes)', async () => {
    let { url } = await start({})
    const chair = await signIn(url, { personId: people.chair })
    await stop()
    rmSync(join(dataDir, 'session.mode'))
    ;({ url } = await start({}))
    expect((await me(url, chair)).status).toBe(401)
  }, 30_000)

  it('with SEED=none offers only the new-visitor sign-in, and says so', async () => {
    const { url } = await start({ SEED: 'none' })
    expect(lines).toContain('登录方式：只能以新访客身份登录，再加入监督群或接受任命（选择身份登录已关闭；演示时可设 DEV_LOGIN=1）')
    expect((await fetch(`${url}/api/dev/people`)).status).toBe(404)
    expect((await fetch(`${url}/api/dev/outbox`)).status).toBe(404)
    const asSomeone = await post(url, '/api/dev/login', { personId: people.chair })
    expect(asSomeone.status).toBe(404)
    const visitor = await signIn(url, { guest: true })
    expect(await me(url, visitor)).toMatchObject({ status: 200, role: 'guest' })
  }, 30_000)

  it('with SEED=none and DEV_LOGIN=1 offers the demo sign-in too', async () => {
    const { url } = await start({ SEED: 'none', DEV_LOGIN: '1' })
    expect((await fetch(`${url}/api/dev/people`)).status).toBe(200)
  }, 30_000)

  it('deletes at start the uploads no record adopted within a day, keeping a fresh one', async () => {
    const incoming = join(dataDir, 'files', 'incoming')
    mkdirSync(incoming, { recursive: true })
    const [stale, fresh] = ['aaaaaaaaaaaaaaaaaaaaaaaa.jpg', 'bbbbbbbbbbbbbbbbbbbbbbbb.jpg']
    for (const name of [stale, fresh]) writeFileSync(join(incoming, name), 'x')
    const dayAndAMinuteAgo = new Date(Date.now() - 86_460_000)
    utimesSync(join(incoming, stale), dayAndAMinuteAgo, dayAndAMinuteAgo)
    await start({ SEED: 'none' })
    expect(() => statSync(join(incoming, stale))).toThrow()
    expect(statSync(join(incoming, fresh)).isFile()).toBe(true)
  }, 30_000)
})

describe('revoking a person’s sessions', () => {
  let host: TestHost
  let url: string
  beforeEach(async () => {
    host = await startTestHost()
    url = `http://127.0.0.1:${host.port}`
  })
  afterEach(() => host.close())

  it('refuses (401) at once the token of an official whose post is ended; other tokens keep working; a fresh sign-in works', async () => {
    const director = await signIn(url, { personId: people.director })
    const chair = await signIn(url, { personId: people.chair })
    const inspector = await signIn(url, { personId: people.inspector })
    expect(await me(url, director)).toMatchObject({ status: 200, role: 'committee' })
    const ended = await post(url, '/api/fn/township', { action: 'endAppointment', appointmentId: 'a-shiqiao-director' }, inspector)
    expect(ended.status).toBe(200)
    expect(await me(url, director)).toEqual({ status: 401, code: 'UNAUTHENTICATED' })
    expect((await post(url, '/api/files', {}, director)).status).toBe(401)
    expect(await me(url, chair)).toMatchObject({ status: 200, role: 'chair' })
    expect(await me(url, inspector)).toMatchObject({ status: 200, role: 'township' })
    // Signing in again gives a token at the new version; the post is gone from what it can do.
    const again = await signIn(url, { personId: people.director })
    expect((await me(url, again)).status).toBe(200)
    expect((await me(url, again)).role).not.toBe('committee')
  })

  it('refuses (401) at once the token of a villager who leaves the group, or whom the chair removes; the rest of the household keeps working', async () => {
    const leaver = await signIn(url, { personId: people.villager })
    const removed = await signIn(url, { personId: people.secondMember3 })
    const chair = await signIn(url, { personId: people.chair })
    const neighbour = await signIn(url, { personId: people.representative3 })
    expect((await post(url, '/api/fn/member', { action: 'leave', reason: '外出定居' }, leaver)).status).toBe(200)
    expect(await me(url, leaver)).toEqual({ status: 401, code: 'UNAUTHENTICATED' })
    expect((await post(url, '/api/fn/member', { action: 'remove', memberId: 'm-shiqiao-0003-2', reason: '已迁出' }, chair)).status).toBe(200)
    expect(await me(url, removed)).toEqual({ status: 401, code: 'UNAUTHENTICATED' })
    expect(await me(url, neighbour)).toMatchObject({ status: 200, role: 'villager' })
    expect(await me(url, chair)).toMatchObject({ status: 200, role: 'chair' })
    const again = await signIn(url, { personId: people.villager })
    expect(await me(url, again)).toMatchObject({ status: 200, role: 'guest' })
  })

  /** The host's store, except that inside a transaction writing a person fails (a write lost mid-way). */
  const failingPersonWrites = (store: TestStore): TestStore =>
    new Proxy(store, {
      get(target, prop) {
        if (prop === 'transaction') {
          return <R>(work: (tx: StoreTx) => Promise<R>) =>
            target.transaction((tx) =>
              work({
                get: (collection, id) => tx.get(collection, id),
                insert: (collection, doc) => tx.insert(collection, doc),
                update: (collection, id, patch, expect) => (collection === 'person' ? Promise.reject(new Error('write lost')) : tx.update(collection, id, patch, expect)),
              }),
            )
        }
        const value = Reflect.get(target, prop, target) as unknown
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value
      },
    })

  it('ends a post or a membership together with the revocation, or neither: when the person cannot be written, nothing changes', async () => {
    const silenced = jest.spyOn(console, 'error').mockImplementation(() => undefined)
    try {
      const store = failingPersonWrites(host.store)
      expectError(await callerFor(store, `demo:${people.inspector}`)('township', 'endAppointment', { appointmentId: 'a-shiqiao-director' }), 'INTERNAL')
      expect((await host.store.get('appointment', 'a-shiqiao-director'))?.status).toBe('active')
      expectError(await callerFor(store, `demo:${people.villager}`)('member', 'leave', { reason: '外出定居' }), 'INTERNAL')
      expect((await host.store.get('member', 'm-shiqiao-0001-1'))?.status).toBe('active')
    } finally {
      silenced.mockRestore()
    }
  })

  it('leaves the sessions alone when the change is refused: ending an ended post again revokes nothing', async () => {
    const director = await signIn(url, { personId: people.director })
    const inspector = await signIn(url, { personId: people.inspector })
    const end = () => post(url, '/api/fn/township', { action: 'endAppointment', appointmentId: 'a-shiqiao-director' }, inspector)
    expect((await end()).status).toBe(200)
    const again = await signIn(url, { personId: people.director })
    // Ending it twice is a conflict, and the token issued after the first end stays good.
    expect((await end()).status).toBe(409)
    expect((await me(url, again)).status).toBe(200)
    expect((await me(url, director)).status).toBe(401)
  })
})
