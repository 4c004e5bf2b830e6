import type { AddressInfo } from 'node:net'
import type { Server } from 'node:http'
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createHost } from '../../host/server'
import { LocalFiles, signingKey } from '../../host/files'
import { addNeighbourTownship, expectOk, people, useSeededStore } from '../support/harness'
import { decodeImage, leaks, phoneJpeg, phonePng } from '../support/images'
import { overHttp } from '../support/caller'

/**
 * Photos of reports and feedback, through the real HTTP host: stripped of
 * every metadata block on upload, report photos private to the township's
 * staff behind short-lived signed URLs.
 */
const secret = Buffer.alloc(32, 9)
const fixture = useSeededStore()
let server: Server
let base: string
let root: string
let files: LocalFiles

beforeEach(async () => {
  root = mkdtempSync(join(tmpdir(), 'photos-'))
  // As host/main.ts makes it: the URL key derives from the session secret.
  files = new LocalFiles(join(root, 'files'), signingKey(secret))
  server = createHost({ store: fixture.store, clock: fixture.clock, secret, staticDir: join(root, 'no-h5'), devLogin: true, files })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterEach(async () => {
  await new Promise((resolve) => server.close(resolve))
  rmSync(root, { recursive: true, force: true })
})

async function login(who: { personId: string } | { guest: true }): Promise<string> {
  const res = await fetch(`${base}/api/dev/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(who) })
  expect(res.status).toBe(200)
  return ((await res.json()) as { data: { token: string } }).data.token
}

const upload = (body: Buffer, token: string) => fetch(`${base}/api/files`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: new Uint8Array(body) })

async function uploaded(body: Buffer, token: string): Promise<{ fileId: string; mime: string; size: number }> {
  const res = await upload(body, token)
  const envelope = (await res.json()) as { ok: boolean; data: { fileId: string; mime: string; size: number }; error?: { message: string } }
  if (!envelope.ok) throw new Error(`upload refused: ${envelope.error?.message}`)
  return envelope.data
}

const call = (token: string | null) => overHttp(base, token)

/** Every file under the files folder, by path relative to it. */
function storedFiles(): Map<string, Buffer> {
  const found = new Map<string, Buffer>()
  const walk = (dir: string, prefix: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(join(dir, entry.name), `${prefix}${entry.name}/`)
      else found.set(`${prefix}${entry.name}`, readFileSync(join(dir, entry.name)))
    }
  }
  walk(files.dir, '')
  return found
}

const getBytes = async (path: string, token?: string) => {
  const res = await fetch(`${base}${path}`, token ? { headers: { authorization: `Bearer ${token}` } } : {})
  return { status: res.status, cacheControl: res.headers.get('cache-control'), bytes: Buffer.from(await res.arrayBuffer()) }
}

/** An anonymous report with one phone photo, filed over HTTP by the villager; returns what township staff see. */
async function fileAnonymousReport() {
  const villager = await login({ personId: people.villager })
  const photo = phoneJpeg()
  expect(leaks(photo)).toEqual(['phone model', 'Exif marker', 'GPS latitude', 'XMP', 'comment'])
  const { fileId } = await uploaded(photo, villager)
  const filed = await call(villager)('report', 'file', {
    requestId: 'req-photo-0001',
    text: '村务公开栏贴的收支和实际不符，照片是公开栏。',
    anonymous: true,
    photos: [{ fileId, name: '公开栏' }],
  })
  expect(filed.ok).toBe(true)
  const inspector = await login({ personId: people.inspector })
  const inbox = await call(inspector)('report', 'inbox', {})
  const reportId = expectOk(inbox).items[0]!.reportId
  const detail = await call(inspector)('report', 'get', { reportId })
  expect(detail.ok).toBe(true)
  return { villager, inspector, reportId, uploadId: fileId, photo: expectOk(detail).photos[0]! }
}

describe('uploaded photos', () => {
  it('are stored and served without EXIF, GPS, XMP or comments, and still decode', async () => {
    const { photo } = await fileAnonymousReport()
    const stored = storedFiles()
    expect(stored.size).toBe(1)
    for (const [path, bytes] of stored) {
      expect(path).toMatch(/^private\/[0-9a-f]{24}\.jpg$/)
      expect(leaks(bytes)).toEqual([])
      expect(decodeImage(bytes)).toMatchObject({ width: 32, height: 16 })
    }
    const served = await getBytes(photo.url)
    expect(served.status).toBe(200)
    expect(leaks(served.bytes)).toEqual([])
    expect(decodeImage(served.bytes)).toMatchObject({ width: 32, height: 16 })
    expect(photo).toMatchObject({ mime: 'image/jpeg', size: served.bytes.length })
  })

  it('turn upright by their EXIF orientation before it is dropped', async () => {
    const token = await login({ personId: people.villager })
    // Stored 32×16, left half red; orientation 6 means "turn 90° clockwise to view".
    const { fileId } = await uploaded(phoneJpeg(32, 16, 6), token)
    const bytes = storedFiles().get(`incoming/${fileId.slice('local:'.length)}`)!
    expect(leaks(bytes)).toEqual([])
    const image = decodeImage(bytes)
    expect({ width: image.width, height: image.height }).toEqual({ width: 16, height: 32 })
    // The red left half is now the top half, the blue right half the bottom.
    const at = (x: number, y: number) => [...image.data.subarray((y * image.width + x) * 4, (y * image.width + x) * 4 + 3)]
    expect(at(8, 4)[0]).toBeGreaterThan(150)
    expect(at(8, 4)[2]).toBeLessThan(100)
    expect(at(8, 28)[2]).toBeGreaterThan(150)
    expect(at(8, 28)[0]).toBeLessThan(100)
  })

  it('of feedback are stripped too, and PNG text chunks go with them', async () => {
    const token = await login({ personId: people.villager })
    const jpegUpload = await uploaded(phoneJpeg(), token)
    const png = phonePng()
    expect(leaks(png)).toEqual(['phone model', 'PNG text'])
    const pngUpload = await uploaded(png, token)
    expect(pngUpload.mime).toBe('image/png')
    const submitted = await call(token)('feedback', 'submit', {
      requestId: 'req-photo-feedback-1',
      about: { type: 'general' },
      text: '路灯坏了三个月没人修。',
      photos: [
        { fileId: jpegUpload.fileId, name: '路灯' },
        { fileId: pngUpload.fileId, name: '截图' },
      ],
    })
    expect(submitted.ok).toBe(true)
    const mine = await call(token)('feedback', 'mine', {})
    const photos = expectOk(mine).items[0]!.photos
    expect(photos.map((p) => p.mime)).toEqual(['image/jpeg', 'image/png'])
    for (const p of photos) {
      expect(p.url).toMatch(/^\/files\/[0-9a-f]{24}\.(jpg|png)$/)
      const served = await getBytes(p.url)
      expect(served.status).toBe(200)
      expect(leaks(served.bytes)).toEqual([])
      expect(decodeImage(served.bytes)).toMatchObject({ width: expect.any(Number) })
    }
    for (const bytes of storedFiles().values()) expect(leaks(bytes)).toEqual([])
  })

  it('refuse a file that is a JPEG only in its first bytes, a cut-off JPEG, an image over 40 million pixels, a WebP and plain text, in Chinese, storing nothing', async () => {
    const token = await login({ personId: people.villager })
    const fake = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('garbage, not a picture at all '.repeat(20))])
    const whole = phoneJpeg(64, 64)
    // Cut inside the compressed pixels: the headers are all there, the picture is not.
    const truncated = whole.subarray(0, whole.indexOf(Buffer.from([0xff, 0xda])) + 100)
    // Frame and header claim 8000×6000 (48 million pixels): refused before a pixel is decoded.
    const huge = Buffer.from(whole)
    const sof = huge.indexOf(Buffer.from([0xff, 0xc0]))
    huge.writeUInt16BE(6000, sof + 5)
    huge.writeUInt16BE(8000, sof + 7)
    const hugePng = Buffer.from(phonePng())
    hugePng.writeUInt32BE(8000, 16)
    hugePng.writeUInt32BE(6000, 20)
    const webp = Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WEBPVP8 '), Buffer.alloc(64, 1)])
    const cases: [Buffer, RegExp][] = [
      [fake, /图片已损坏或不完整/],
      [truncated, /图片已损坏或不完整/],
      [webp, /只能上传 JPG 或 PNG 格式的图片/],
      [huge, /像素太大/],
      [hugePng, /像素太大/],
      [Buffer.from('just text'), /只能上传 JPG 或 PNG 格式的图片/],
    ]
    for (const [body, message] of cases) {
      const res = await upload(body, token)
      expect(res.status).toBe(400)
      expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(message)
    }
    expect(storedFiles().size).toBe(0)
  })

  it('are taken only from a member of a village group or an official: a guest gets 403 and nothing is stored', async () => {
    const guest = await login({ guest: true })
    const res = await upload(phoneJpeg(64, 64), guest)
    expect(res.status).toBe(403)
    expect(await res.json()).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: '加入本村监督群以后才能上传图片' } })
    expect(storedFiles().size).toBe(0)
    for (const personId of [people.villager, people.chair, people.inspector]) {
      await uploaded(phoneJpeg(64, 64), await login({ personId }))
    }
    expect(storedFiles().size).toBe(3)
  })
})

describe('report photos', () => {
  it('are served to township staff of that township by a short-lived signed URL, private and uncached', async () => {
    const { photo, inspector } = await fileAnonymousReport()
    expect(photo.fileId).toMatch(/^local:private\//)
    expect(photo.url).toMatch(/^\/files\/private\/[0-9a-f]{24}\.jpg\?e=\d+&s=[A-Za-z0-9_-]+$/)
    // The URL carries no session token.
    expect(photo.url).not.toContain(inspector.split('.')[0]!)
    expect(photo.url).not.toContain(inspector.split('.')[1]!)
    const served = await getBytes(photo.url)
    expect(served.status).toBe(200)
    expect(served.cacheControl).toBe('private, no-store')
    const expires = Number(new URL(photo.url, base).searchParams.get('e'))
    expect(expires - fixture.clock.now().getTime() / 1000).toBe(600)
  })

  it('are a 404 for a village role, a guest, staff of another township and a request without a token', async () => {
    const { photo, reportId } = await fileAnonymousReport()
    const name = photo.fileId.replace(/^local:(private\/)?/, '')
    const unsigned = [`/files/private/${name}`, `/files/${name}`, `/files/private/${name}?e=9999999999&s=`]
    await addNeighbourTownship(fixture.store)
    const callers = {
      chair: await login({ personId: people.chair }),
      committee: await login({ personId: people.director }),
      guest: await login({ guest: true }),
      otherTownship: await login({ personId: 'p-tw2-inspector' }),
    }
    for (const [who, token] of Object.entries(callers)) {
      const detail = await call(token)('report', 'get', { reportId })
      expect([who, detail.ok]).toEqual([who, false])
      for (const path of unsigned) expect([who, path, (await getBytes(path, token)).status]).toEqual([who, path, 404])
    }
    for (const path of unsigned) expect((await getBytes(path)).status).toBe(404)
    expect((await call(null)('report', 'get', { reportId })).ok).toBe(false)
  })

  it('refuse an expired or tampered signature with the same 404', async () => {
    const { photo, inspector, reportId } = await fileAnonymousReport()
    const url = new URL(photo.url, base)
    const e = url.searchParams.get('e')!
    const s = url.searchParams.get('s')!
    const path = url.pathname
    const flip = (text: string) => (text[0] === 'A' ? 'B' : 'A') + text.slice(1)
    const tampered = [
      `${path}?e=${e}&s=${flip(s)}`,
      `${path}?e=${Number(e) + 3600}&s=${s}`,
      `${path}?e=${e}&s=${s}x`,
      `${path.replace(/[0-9a-f](?=\.jpg$)/, (c) => (c === '0' ? '1' : '0'))}?e=${e}&s=${s}`,
    ]
    for (const p of tampered) expect([p, (await getBytes(p)).status]).toEqual([p, 404])
    expect((await getBytes(photo.url)).status).toBe(200)
    // Ten minutes later the same URL no longer works; report.get gives a fresh one.
    fixture.clock.advance(600_000)
    expect((await getBytes(photo.url)).status).toBe(404)
    const fresh = expectOk(await call(inspector)('report', 'get', { reportId })).photos[0]!.url
    expect(fresh).not.toBe(photo.url)
    expect((await getBytes(fresh)).status).toBe(200)
  })

  it('cannot be taken over by a public record, nor the upload reused once adopted', async () => {
    const { uploadId, photo } = await fileAnonymousReport()
    const director = await login({ personId: people.director })
    for (const fileId of [uploadId, photo.fileId]) {
      const published = await call(director)('disclosure', 'publish', {
        kind: 'village',
        section: 'projects',
        title: '公开栏',
        body: '本月村务。',
        attachments: [{ fileId, name: '照片' }],
      })
      expect(published.ok).toBe(false)
      expect(published.ok ? null : published.error.message).toMatch(/第1张图片/)
    }
    expect([...storedFiles().keys()]).toEqual([photo.fileId.slice('local:'.length)])
  })
})
