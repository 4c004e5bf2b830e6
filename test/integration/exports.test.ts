import type { AddressInfo } from 'node:net'
import type { Server } from 'node:http'
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { areas } from '../../cloudfunctions/areas'
import { dispatch } from '../../cloudfunctions/core/dispatch'
import { localOutbox } from '../../cloudfunctions/core/notifier'
import { noCodes } from '../../cloudfunctions/core/codes'
import { EXPORT_URL_SECONDS, type FileStore } from '../../cloudfunctions/core/files'
import { cloudFileStore } from '../../cloudfunctions/adapters/wxcloud/files'
import { StorageStandIn } from '../../cloudfunctions/adapters/wxcloud/standin/storage'
import { createHost } from '../../host/server'
import { LocalFiles, signingKey } from '../../host/files'
import { addNeighbourTownship, docsOf, expectError, expectOk, people, seededStore, testClock, type Call, type TestStore } from '../support/harness'

/**
 * township.prepareExport (WeChat's two-tap export): the same CSV as township.export, written to a
 * private file that only a short-lived link opens, for township staff only, audited, and deleted a
 * day later by a later prepare. Run on both file stores (the local host's data folder, served over
 * HTTP; cloud storage through the cloud file store over the storage stand-in) and, with STORE=cloud,
 * on the cloud database adapter too.
 */
const KINDS = ['cases', 'feedback', 'reports', 'figures'] as const
const HOUR = 3_600_000

interface Files {
  files: FileStore
  /** what fetching a returned link answers: the bytes, or null for a refusal (expired, tampered, gone) */
  open(url: string): Promise<Buffer | null>
  /** whether the file behind an id is still stored */
  stored(fileId: string): boolean
  close(): Promise<void>
}

let clock: ReturnType<typeof testClock>
let store: TestStore

/** The local host's file store, its links fetched from the real HTTP host. */
async function localFiles(): Promise<Files> {
  const root = mkdtempSync(join(tmpdir(), 'exports-'))
  const secret = Buffer.alloc(32, 7)
  const files = new LocalFiles(join(root, 'files'), signingKey(secret))
  const server: Server = createHost({ store, clock, secret, staticDir: join(root, 'no-h5'), devLogin: false, files })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    files,
    async open(url) {
      const res = await fetch(`${base}${url}`)
      if (res.status !== 200) return null
      expect(res.headers.get('cache-control')).toBe('private, no-store')
      return Buffer.from(await res.arrayBuffer())
    },
    stored: (fileId) => existsSync(join(files.dir, fileId.replace(/^local:/, ''))),
    async close() {
      await new Promise((resolve) => server.close(resolve))
      rmSync(root, { recursive: true, force: true })
    },
  }
}

/** The cloud file store over the storage stand-in, which keeps the test's clock. */
let storage: StorageStandIn
async function cloudFiles(): Promise<Files> {
  storage = new StorageStandIn(() => clock.now())
  return {
    files: cloudFileStore(storage),
    open: async (url) => storage.open(url),
    stored: (fileId) => storage.files.has(fileId.slice(storage.bucket.length)),
    close: async () => {},
  }
}

describe.each([
  ['the local host', localFiles],
  ['cloud storage', cloudFiles],
])('township.prepareExport on %s', (where, make) => {
  let fs: Files
  const caller =
    (personId: string): Call =>
    (area, action, input = {}) =>
      dispatch(areas[area]!, { ...input, action }, { openid: `demo:${personId}`, store, clock, notifier: localOutbox, codes: noCodes, files: fs.files })
  const inspector = () => caller(people.inspector)

  beforeEach(async () => {
    clock = testClock()
    store = await seededStore(clock)
    fs = await make()
  })
  afterEach(async () => {
    await fs.close()
    store.close()
  })

  it('writes the same CSV as township.export, with its name and row count, for every kind', async () => {
    expectOk(await caller(people.villager)('feedback', 'submit', { requestId: 'export-fb-00001', about: { type: 'general' }, text: '=危险公式\n第二行' }))
    expectOk(await caller(people.villager)('report', 'file', { requestId: 'export-rp-00001', text: '有人违规。', anonymous: true }))
    for (const kind of KINDS) {
      const direct = expectOk(await inspector()('township', 'export', { kind }))
      const prepared = expectOk(await inspector()('township', 'prepareExport', { kind }))
      expect(prepared.filename).toBe(direct.filename)
      expect((await fs.open(prepared.url))?.toString('utf8')).toBe(direct.csv)
      expect(prepared.expiresAt).toBe(new Date(clock.now().getTime() + EXPORT_URL_SECONDS * 1000).toISOString())
    }
    const rowsOf = async (kind: (typeof KINDS)[number]) => expectOk(await inspector()('township', 'prepareExport', { kind })).rows
    expect(await rowsOf('figures')).toBe(docsOf(store, 'village').filter((v) => v.townshipId === 'tw-shiqiao').length)
    expect(await rowsOf('reports')).toBe(docsOf(store, 'report').filter((r) => r.townshipId === 'tw-shiqiao').length)
    expect(await rowsOf('reports')).toBeGreaterThan(0)
  })

  it('keeps the file private: the link alone opens it, only unaltered and only for a few minutes', async () => {
    const { url, fileId } = expectOk(await inspector()('township', 'prepareExport', { kind: 'reports' }))
    expect(await fs.open(url)).not.toBeNull()
    // Any change to the link, or none of its signature, is refused.
    expect(await fs.open(url.replace(/([?&]s(?:ign)?=)(.)/, (_: string, key: string, c: string) => `${key}${c === 'A' ? 'B' : 'A'}`))).toBeNull()
    expect(await fs.open(url.replace(/\?.*$/, ''))).toBeNull()
    clock.advance(EXPORT_URL_SECONDS * 1000 - 1000)
    expect(await fs.open(url)).not.toBeNull()
    clock.advance(2000)
    expect(await fs.open(url)).toBeNull()
    // Still stored (until the cleanup), just no longer reachable.
    expect(fs.stored(fileId)).toBe(true)
    if (where === 'cloud storage') {
      // Under private/ (phones read none of the function's files when the bucket is 仅创建者可读写), linked with a maxAge.
      expect(fileId).toMatch(/^cloud:\/\/[^/]+\/private\/exports\/[0-9a-f]{32}\.csv$/)
      expect(storage.calls.filter((c) => c.api === 'getTempFileURL').map((c) => c.fileList)).toEqual([[{ fileID: fileId, maxAge: EXPORT_URL_SECONDS }]])
    } else {
      // Not served as a public file either.
      expect(await fs.open(`/files/${fileId.replace(/^local:exports\//, '')}`)).toBeNull()
    }
  })

  it('is for township staff only, each seeing only their own township, and writes nothing for anyone else', async () => {
    const filesBefore = () => (where === 'cloud storage' ? storage.files.size : readdirSync(join((fs.files as LocalFiles).dir, 'exports')).length)
    for (const personId of [people.villager, people.chair, people.director]) {
      expectError(await caller(personId)('township', 'prepareExport', { kind: 'reports' }), 'FORBIDDEN')
    }
    expect(filesBefore()).toBe(0)
    expect(docsOf(store, 'audit')).toEqual([])
    const neighbour = await addNeighbourTownship(store)
    const theirs = expectOk(await caller(neighbour)('township', 'prepareExport', { kind: 'figures' }))
    const csv = (await fs.open(theirs.url))!.toString('utf8')
    expect(csv).toContain('北苑村')
    expect(csv).not.toContain('石桥村')
    expect(theirs.rows).toBe(1)
  })

  it('is audited like a write: who, when, and the file it wrote', async () => {
    const { fileId } = expectOk(await inspector()('township', 'prepareExport', { kind: 'feedback' }))
    expect(docsOf(store, 'audit')).toEqual([
      expect.objectContaining({
        action: 'township.prepareExport',
        personId: people.inspector,
        role: 'township',
        townshipId: 'tw-shiqiao',
        at: clock.now().toISOString(),
        records: [fileId],
      }),
    ])
  })

  it('deletes export files over a day old on a later prepare, and only those', async () => {
    const first = expectOk(await inspector()('township', 'prepareExport', { kind: 'cases' }))
    clock.advance(20 * HOUR)
    const second = expectOk(await inspector()('township', 'prepareExport', { kind: 'reports' }))
    // 20 hours: nothing is a day old yet.
    expect([fs.stored(first.fileId), fs.stored(second.fileId)]).toEqual([true, true])
    clock.advance(5 * HOUR)
    const third = expectOk(await inspector()('township', 'prepareExport', { kind: 'figures' }))
    expect([fs.stored(first.fileId), fs.stored(second.fileId), fs.stored(third.fileId)]).toEqual([false, true, true])
    // Days later, one prepare clears all that remain, whoever of the township made them.
    const neighbour = await addNeighbourTownship(store)
    const elsewhere = expectOk(await caller(neighbour)('township', 'prepareExport', { kind: 'figures' }))
    clock.advance(3 * 24 * HOUR)
    const last = expectOk(await caller(people.inspector)('township', 'prepareExport', { kind: 'figures' }))
    expect([fs.stored(second.fileId), fs.stored(third.fileId), fs.stored(last.fileId)]).toEqual([false, false, true])
    // Another township's exports are its own to clear.
    expect(fs.stored(elsewhere.fileId)).toBe(true)
  })
})

describe('the cloud file store', () => {
  beforeEach(() => {
    clock = testClock()
  })

  it('links a record\'s files in one getTempFileURL call, each with a maxAge; cleanup never deletes anything but exports', async () => {
    storage = new StorageStandIn(() => clock.now())
    const files = cloudFileStore(storage)
    const ids = ['attachments/a.jpg', 'private/reports/b.jpg'].map((path) => storage.phoneUpload('x', path, Buffer.from('x')))
    const urls = await files.urlsOf(ids, clock.now())
    expect(urls.every((u) => u.startsWith('https://'))).toBe(true)
    expect(storage.calls.filter((c) => c.api === 'getTempFileURL')).toEqual([
      { api: 'getTempFileURL', fileList: [{ fileID: ids[0], maxAge: 86_400 }, { fileID: ids[1], maxAge: 600 }] },
    ])
    await files.removeExports([...ids, `${storage.bucket}private/exports/../reports/b.jpg`])
    expect(storage.files.size).toBe(2)
  })
})
