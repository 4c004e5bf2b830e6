import { localOutbox } from '../../cloudfunctions/core/notifier'
import { PRIVATE_URL_SECONDS } from '../../cloudfunctions/core/files'
import { cloudFileStore } from '../../cloudfunctions/adapters/wxcloud/files'
import { StorageStandIn } from '../../cloudfunctions/adapters/wxcloud/standin/storage'
import { callerFor, dump, expectError, expectOk, people, useSeededStore } from '../support/harness'
import { leaks, phoneJpeg } from '../support/images'

/**
 * Photos through the cloud file store (the adapter WeChat runs, over the storage stand-in): the function
 * has admin rights over every file, so a phone's upload is adopted only from its caller's own upload
 * folder (member.me's uploadDir), and a record's photos are linked in one getTempFileURL call with a maxAge.
 */
const fixture = useSeededStore()
let storage: StorageStandIn

const openidOf = (personId: string) => `demo:${personId}`
const caller = (personId: string) => callerFor(fixture.store, openidOf(personId), fixture.clock, localOutbox, cloudFileStore(storage))

beforeEach(async () => {
  storage = new StorageStandIn(() => fixture.clock.now())
})

/** As the phone does: asks member.me for its folder, then wx.cloud.uploadFile's there. */
async function upload(personId: string, name = 'a.jpg'): Promise<string> {
  const { uploadDir } = expectOk(await caller(personId)('member', 'me'))
  return storage.phoneUpload(openidOf(personId), `${uploadDir}${name}`, phoneJpeg())
}

const feedbackWith = (personId: string, fileId: string, requestId = 'cloud-files-0001') =>
  caller(personId)('feedback', 'submit', { requestId, about: { type: 'general' }, text: '路灯不亮，照片在这里。', photos: [{ fileId, name: '路灯' }] })

describe('cloud uploads', () => {
  it("go to a folder of the caller's own, which names no openid", async () => {
    const dirs = await Promise.all([people.villager, people.representative3, people.chair].map(async (p) => expectOk(await caller(p)('member', 'me')).uploadDir as string))
    for (const dir of dirs) expect(dir).toMatch(/^uploads\/[0-9a-f]{32}\/$/)
    expect(new Set(dirs).size).toBe(3)
    expect(dirs.join()).not.toContain('shiqiao')
    expect(expectOk(await caller(people.villager)('member', 'me')).uploadDir).toBe(dirs[0])
  })

  it("are adopted from the caller's own folder: a clean copy the function owns, the original deleted", async () => {
    const fileId = await upload(people.villager)
    expectOk(await feedbackWith(people.villager, fileId))
    const stored = [...storage.files.entries()]
    expect(stored.map(([path, f]) => [path.replace(/[0-9a-f]{32}/, 'x'), f.owner])).toEqual([['attachments/x.jpg', null]])
    expect(leaks(stored[0]![1].bytes)).toEqual([])
  })

  it('are refused to anyone but the uploader, and left untouched', async () => {
    const fileId = await upload(people.villager)
    const before = dump(fixture.store)
    expect(expectError(await feedbackWith(people.representative3, fileId), 'INVALID_INPUT')).toMatch(/第1张图片/)
    expect(dump(fixture.store)).toEqual(before)
    expect([...storage.files.keys()]).toEqual([fileId.slice(storage.bucket.length)])
    // Nor is a file outside any person's folder taken, nor a function's own file.
    const loose = storage.phoneUpload(openidOf(people.villager), 'uploads/loose.jpg', phoneJpeg())
    expectError(await feedbackWith(people.villager, loose, 'cloud-files-0002'), 'INVALID_INPUT')
    const { uploadDir } = expectOk(await caller(people.villager)('member', 'me'))
    const climbing = storage.phoneUpload(openidOf(people.villager), `${uploadDir}../x/a.jpg`, phoneJpeg())
    expectError(await feedbackWith(people.villager, climbing, 'cloud-files-0003'), 'INVALID_INPUT')
  })

  it("are linked once per record, each with a maxAge: a report's photos for 10 minutes", async () => {
    const ids = [await upload(people.villager, 'a.jpg'), await upload(people.villager, 'b.jpg')]
    expectOk(
      await caller(people.villager)('report', 'file', {
        requestId: 'cloud-files-0004',
        text: '公开栏的收支和实际不符。',
        anonymous: true,
        photos: ids.map((fileId, i) => ({ fileId, name: `照片${i + 1}` })),
      }),
    )
    const { reportId } = expectOk(await caller(people.inspector)('report', 'inbox', {})).items[0]!
    storage.calls.length = 0
    const { photos } = expectOk(await caller(people.inspector)('report', 'get', { reportId }))
    const links = storage.calls.filter((c) => c.api === 'getTempFileURL')
    expect(links).toHaveLength(1)
    expect(links[0]!.fileList).toEqual(photos.map((p: { fileId: string }) => ({ fileID: p.fileId, maxAge: PRIVATE_URL_SECONDS })))
    for (const p of photos) expect(storage.open(p.url)).not.toBeNull()
  })
})
