import { mkdtempSync, readdirSync, rmSync, utimesSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { LocalFiles, UploadQuota, UPLOADS_PER_DAY } from '../../host/files'
import { startLocalHost, type LocalHost } from '../../host/start'
import { startTestHost, type TestHost } from '../support/test-host'
import { people, storeKind, testClock, type TestClock } from '../support/harness'
import { phoneJpeg } from '../support/images'

/**
 * Photos on the local host: each person may upload so many a (Beijing) day, and an upload no record adopts
 * within a day is deleted.
 */
const HOUR = 3_600_000
let host: TestHost
let url: string
let root: string
let files: LocalFiles
let clock: TestClock

const start = async (quota?: UploadQuota) => {
  root = mkdtempSync(join(tmpdir(), 'upload-quota-'))
  files = new LocalFiles(join(root, 'files'))
  clock = testClock()
  host = await startTestHost({ clock, files, ...(quota ? { uploadQuota: quota } : {}) })
  url = `http://127.0.0.1:${host.port}`
}
afterEach(async () => {
  await host?.close()
  rmSync(root, { recursive: true, force: true })
})

async function signIn(base: string, personId: string): Promise<string> {
  const res = await fetch(`${base}/api/dev/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ personId }) })
  return ((await res.json()) as { data: { token: string } }).data.token
}

async function upload(base: string, token: string, body: Buffer = phoneJpeg()): Promise<{ status: number; code?: string; message?: string; fileId?: string }> {
  const res = await fetch(`${base}/api/files`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: new Uint8Array(body) })
  const envelope = (await res.json()) as { ok: boolean; data?: { fileId: string }; error?: { code: string; message: string } }
  return { status: res.status, code: envelope.error?.code, message: envelope.error?.message, fileId: envelope.data?.fileId }
}

const waiting = () => readdirSync(join(files.dir, 'incoming')).sort()

describe('the daily upload quota', () => {
  it('refuses (429 DAILY_QUOTA) the upload over a person’s quota for the Beijing day and stores nothing; others and the next day may upload', async () => {
    await start(new UploadQuota(3))
    const villager = await signIn(url, people.villager)
    const chair = await signIn(url, people.chair)
    // What is not stored takes no slot: a fake JPEG, a photo over 2 MB.
    expect((await upload(url, villager, Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(1000, 1)]))).status).toBe(400)
    expect((await upload(url, villager, Buffer.alloc(2 * 1024 * 1024 + 1, 0xff))).status).toBe(413)
    for (let i = 0; i < 3; i++) expect((await upload(url, villager)).status).toBe(200)
    expect(waiting()).toHaveLength(3)

    const refused = await upload(url, villager)
    expect(refused).toMatchObject({ status: 429, code: 'DAILY_QUOTA', message: '每人每天最多上传3张图片，今天已经传满了，请明天再传' })
    expect(waiting()).toHaveLength(3)
    expect((await upload(url, chair)).status).toBe(200)

    // 15:59 UTC is still 23:59 of the same day in Beijing; at 16:01 UTC a new Beijing day has begun.
    clock.advance(7 * HOUR + 59 * 60_000)
    expect((await upload(url, villager)).status).toBe(429)
    clock.advance(2 * 60_000)
    expect((await upload(url, villager)).status).toBe(200)
  })

  it(`is ${UPLOADS_PER_DAY} photos a day on the host npm start runs`, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'upload-quota-host-'))
    let local: LocalHost | null = null
    try {
      local = await startLocalHost({ PORT: '0', DATA_DIR: dataDir, STATIC_DIR: join(dataDir, 'no-h5'), STORE: storeKind, NODE_ENV: 'development' }, () => undefined)
      const token = await signIn(local.url, people.villager)
      for (let i = 0; i < UPLOADS_PER_DAY; i++) expect((await upload(local.url, token)).status).toBe(200)
      expect((await upload(local.url, token)).code).toBe('DAILY_QUOTA')
    } finally {
      await local?.close()
      rmSync(dataDir, { recursive: true, force: true })
    }
  }, 30_000)
})

describe('uploads no record adopts', () => {
  it('are deleted after a day, while an adopted one and a fresh one stay', async () => {
    await start()
    const villager = await signIn(url, people.villager)
    const [stale, adopted, fresh] = [(await upload(url, villager)).fileId!, (await upload(url, villager)).fileId!, (await upload(url, villager)).fileId!]
    const submit = (requestId: string, fileId: string) =>
      fetch(`${url}/api/fn/feedback`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${villager}` },
        body: JSON.stringify({ action: 'submit', requestId, about: { type: 'general' }, text: '村口的路灯坏了。', photos: [{ fileId, name: '路灯' }] }),
      }).then(async (res) => (await res.json()) as { ok: boolean; error?: { message: string } })
    expect((await submit('req-quota-adopted-1', adopted)).ok).toBe(true)

    // On disk: the stale upload and the adopted file a day and a minute old, the fresh upload 23 hours old.
    const at = (hoursAgo: number) => new Date(clock.now().getTime() - hoursAgo * HOUR)
    const nameOf = (fileId: string) => fileId.slice('local:'.length)
    utimesSync(join(files.dir, 'incoming', nameOf(stale)), at(24.02), at(24.02))
    utimesSync(join(files.dir, nameOf(adopted)), at(24.02), at(24.02))
    utimesSync(join(files.dir, 'incoming', nameOf(fresh)), at(23), at(23))

    expect(files.removeStaleUploads(clock.now())).toBe(1)
    expect(waiting()).toEqual([nameOf(fresh)])
    expect((await fetch(`${url}/files/${nameOf(adopted)}`)).status).toBe(200)
    expect((await submit('req-quota-fresh-1', fresh)).ok).toBe(true)
    // The form that still names the deleted upload asks for the photo again.
    expect(await submit('req-quota-stale-1', stale)).toMatchObject({ ok: false, error: { message: '第1张图片：图片没有上传成功，请重新选择' } })
  })
})
