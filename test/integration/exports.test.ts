import { EXPORT_URL_SECONDS } from '../../cloudfunctions/core/files'
import { cloudFileStore } from '../../cloudfunctions/adapters/wxcloud/files'
import { StorageStandIn } from '../../cloudfunctions/adapters/wxcloud/standin/storage'
import { exportFileStores, exportWorld } from '../support/export-files'
import { addNeighbourTownship, docsOf, expectError, expectOk, people, testClock } from '../support/harness'
import { addDays, beijingDay, beijingDayStart } from '../../shared/time'

/**
 * township.prepareExport (WeChat's two-tap export): the same CSV as township.export, written to a
 * private file that only a short-lived link opens, for township staff only, audited, and deleted a
 * day later by a later prepare. Run on both file stores (the local host's data folder, served over
 * HTTP; cloud storage through the cloud file store over the storage stand-in) and, with STORE=cloud,
 * on the cloud database adapter too.
 */
const KINDS = ['cases', 'feedback', 'reports', 'figures'] as const
const HOUR = 3_600_000

describe.each(exportFileStores)('township.prepareExport on %s', (where, make) => {
  const w = exportWorld(make)
  const caller = w.as
  const inspector = () => caller(people.inspector)

  it('writes the same CSV as township.export, with its name and row count, for every kind', async () => {
    expectOk(await caller(people.villager)('feedback', 'submit', { requestId: 'export-fb-00001', about: { type: 'general' }, text: '=危险公式\n第二行' }))
    expectOk(await caller(people.villager)('report', 'file', { requestId: 'export-rp-00001', text: '有人违规。', anonymous: true }))
    for (const kind of KINDS) {
      const direct = expectOk(await inspector()('township', 'export', { kind }))
      const prepared = expectOk(await inspector()('township', 'prepareExport', { kind }))
      expect(prepared.filename).toBe(direct.filename)
      expect((await w.fs.open(prepared.url))?.toString('utf8')).toBe(direct.csv)
      expect(prepared.expiresAt).toBe(new Date(w.clock.now().getTime() + EXPORT_URL_SECONDS * 1000).toISOString())
    }
    const rowsOf = async (kind: (typeof KINDS)[number]) => expectOk(await inspector()('township', 'prepareExport', { kind })).rows
    expect(await rowsOf('figures')).toBe(docsOf(w.store, 'village').filter((v) => v.townshipId === 'tw-shiqiao').length)
    expect(await rowsOf('reports')).toBe(docsOf(w.store, 'report').filter((r) => r.townshipId === 'tw-shiqiao').length)
    expect(await rowsOf('reports')).toBeGreaterThan(0)
  })

  it('names the file by the Beijing day it was made, also in the hours when UTC still has the day before', async () => {
    const now = w.clock.now().getTime()
    w.clock.advance(Date.parse(beijingDayStart(addDays(now, 1))) + HOUR - now) // 01:00 in Beijing
    const today = beijingDay(w.clock.now())
    expect(w.clock.now().toISOString().slice(0, 10)).not.toBe(today)
    expect(expectOk(await inspector()('township', 'prepareExport', { kind: 'figures' })).filename).toMatch(new RegExp(`-${today}\\.csv$`))
  })

  it('keeps the file private: the link alone opens it, only unaltered and only for a few minutes', async () => {
    const { url, fileId } = expectOk(await inspector()('township', 'prepareExport', { kind: 'reports' }))
    expect(await w.fs.open(url)).not.toBeNull()
    // Any change to the link, or none of its signature, is refused.
    expect(await w.fs.open(url.replace(/([?&]s(?:ign)?=)(.)/, (_: string, key: string, c: string) => `${key}${c === 'A' ? 'B' : 'A'}`))).toBeNull()
    expect(await w.fs.open(url.replace(/\?.*$/, ''))).toBeNull()
    w.clock.advance(EXPORT_URL_SECONDS * 1000 - 1000)
    expect(await w.fs.open(url)).not.toBeNull()
    w.clock.advance(2000)
    expect(await w.fs.open(url)).toBeNull()
    // Still stored (until the cleanup), just no longer reachable.
    expect(w.fs.stored(fileId)).toBe(true)
    if (where === 'cloud storage') {
      // Under private/ (phones read none of the function's files when the bucket is 仅创建者可读写), linked with a maxAge.
      expect(fileId).toMatch(/^cloud:\/\/[^/]+\/private\/exports\/[0-9a-f]{32}\.csv$/)
      expect(w.fs.storage!.calls.filter((c) => c.api === 'getTempFileURL').map((c) => c.fileList)).toEqual([[{ fileID: fileId, maxAge: EXPORT_URL_SECONDS }]])
    } else {
      // Not served as a public file either.
      expect(await w.fs.open(`/files/${fileId.replace(/^local:exports\//, '')}`)).toBeNull()
    }
  })

  it('is for township staff only, each seeing only their own township, and writes nothing for anyone else', async () => {
    for (const personId of [people.villager, people.chair, people.director]) {
      expectError(await caller(personId)('township', 'prepareExport', { kind: 'reports' }), 'FORBIDDEN')
    }
    expect(w.fs.count()).toBe(0)
    expect(docsOf(w.store, 'audit')).toEqual([])
    const neighbour = await addNeighbourTownship(w.store)
    const theirs = expectOk(await caller(neighbour)('township', 'prepareExport', { kind: 'figures' }))
    const csv = (await w.fs.open(theirs.url))!.toString('utf8')
    expect(csv).toContain('北苑村')
    expect(csv).not.toContain('石桥村')
    expect(theirs.rows).toBe(1)
  })

  it('is audited like a write: who, when, and the file it wrote', async () => {
    const { fileId } = expectOk(await inspector()('township', 'prepareExport', { kind: 'feedback' }))
    expect(docsOf(w.store, 'audit')).toEqual([
      expect.objectContaining({
        action: 'township.prepareExport',
        personId: people.inspector,
        role: 'township',
        townshipId: 'tw-shiqiao',
        at: w.clock.now().toISOString(),
        records: [fileId],
      }),
    ])
  })

  it('deletes export files over a day old on a later prepare, and only those', async () => {
    const first = expectOk(await inspector()('township', 'prepareExport', { kind: 'cases' }))
    w.clock.advance(20 * HOUR)
    const second = expectOk(await inspector()('township', 'prepareExport', { kind: 'reports' }))
    // 20 hours: nothing is a day old yet.
    expect([w.fs.stored(first.fileId), w.fs.stored(second.fileId)]).toEqual([true, true])
    w.clock.advance(5 * HOUR)
    const third = expectOk(await inspector()('township', 'prepareExport', { kind: 'figures' }))
    expect([w.fs.stored(first.fileId), w.fs.stored(second.fileId), w.fs.stored(third.fileId)]).toEqual([false, true, true])
    // Days later, one prepare clears all that remain, whoever of the township made them.
    const neighbour = await addNeighbourTownship(w.store)
    const elsewhere = expectOk(await caller(neighbour)('township', 'prepareExport', { kind: 'figures' }))
    w.clock.advance(3 * 24 * HOUR)
    const last = expectOk(await caller(people.inspector)('township', 'prepareExport', { kind: 'figures' }))
    expect([w.fs.stored(second.fileId), w.fs.stored(third.fileId), w.fs.stored(last.fileId)]).toEqual([false, false, true])
    // Another township's exports are its own to clear.
    expect(w.fs.stored(elsewhere.fileId)).toBe(true)
  })
})

describe('the cloud file store', () => {
  it("links a record's files in one getTempFileURL call, each with a maxAge; cleanup never deletes anything but exports", async () => {
    const clock = testClock()
    const storage = new StorageStandIn(() => clock.now())
    const files = cloudFileStore(storage)
    const ids = ['attachments/a.jpg', 'private/reports/b.jpg'].map((path) => storage.phoneUpload('x', path, Buffer.from('x')))
    const urls = await files.urlsOf(ids, clock.now())
    expect(urls.every((u) => u.startsWith('https://'))).toBe(true)
    expect(storage.calls.filter((c) => c.api === 'getTempFileURL')).toEqual([
      {
        api: 'getTempFileURL',
        fileList: [
          { fileID: ids[0], maxAge: 86_400 },
          { fileID: ids[1], maxAge: 600 },
        ],
      },
    ])
    await files.removeExports([...ids, `${storage.bucket}private/exports/../reports/b.jpg`])
    expect(storage.files.size).toBe(2)
  })
})
