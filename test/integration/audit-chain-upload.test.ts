import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { LocalFiles } from '../../host/files'
import { startTestHost, type TestHost } from '../support/test-host'
import { docsOf, people } from '../support/harness'
import { phoneJpeg } from '../support/images'

/*
 * Uploads in the audit log (issue 18): an official's photo is recorded with who uploaded which file; a villager's is
 * not, since it may be for an anonymous report and the upload cannot tell (cloudfunctions/core/audit-log.ts).
 */
let host: TestHost
let root: string
let url: string

beforeEach(async () => {
  root = mkdtempSync(join(tmpdir(), 'audit-upload-'))
  host = await startTestHost({ files: new LocalFiles(join(root, 'files')) })
  url = `http://127.0.0.1:${host.port}`
})
afterEach(async () => {
  await host.close()
  rmSync(root, { recursive: true, force: true })
})

async function upload(personId: string, body: Buffer = phoneJpeg()): Promise<{ status: number; fileId?: string }> {
  const login = await fetch(`${url}/api/dev/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ personId }) })
  const { token } = ((await login.json()) as { data: { token: string } }).data
  const res = await fetch(`${url}/api/files`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: new Uint8Array(body) })
  return { status: res.status, fileId: ((await res.json()) as { data?: { fileId: string } }).data?.fileId }
}

const uploads = () => docsOf(host.store, 'audit').filter((e) => e.action === 'files.upload')

it("records an official's upload (who, which file), not a villager's nor a refused one", async () => {
  const { status, fileId } = await upload(people.chair)
  expect(status).toBe(200)
  expect(uploads()).toEqual([expect.objectContaining({ personId: people.chair, role: 'chair', villageId: 'v-shiqiao', townshipId: 'tw-shiqiao', records: [fileId] })])
  expect((await upload(people.villager)).status).toBe(200)
  expect((await upload(people.inspector, Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(1000, 1)]))).status).toBe(400)
  expect(uploads()).toHaveLength(1)
})
