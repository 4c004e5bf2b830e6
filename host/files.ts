import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { EXPORT_URL_SECONDS, PRIVATE_URL_SECONDS, exportExtensionOf, type AdoptedFile, type FileStore, type StoredExport } from '../cloudfunctions/core/files'
import { cleanImage } from '../cloudfunctions/core/images'
import { attachmentProblem, extensionOf, sniffImage } from '../shared/attachment'
import { beijingDay, DAY_MS } from '../shared/time'

const PREFIX = 'local:'
const PRIVATE = 'private/'
const NAME = /^[0-9a-f]{24}\.(jpg|png|webp)$/
const EXPORTS = 'exports/'
const EXPORT_NAME = /^[0-9a-f]{32}\.(csv|xlsx)$/

/**
 * Attachment files in `<data folder>/files`:
 * - `incoming/<name>`: an upload, already re-encoded without metadata, not served to anyone;
 * - `<name>`: adopted by a public record (disclosure, feedback, announcement), served at /files/<name>;
 * - `private/<name>`: adopted by a report, served only at a signed, expiring
 *   /files/private/<name>?e=<unix seconds>&s=<HMAC>; anything else there is a 404.
 * - `exports/<name>.csv` or `.xlsx`: a township export (township.prepareExport, power.prepareExportList), served like a private file at
 *   /files/exports/<name>?e=&s= (random name, signed, expiring); deleted a day later by a later prepare.
 * Ids are `local:<name>` for uploads and public files, `local:private/<name>` for private ones,
 * `local:exports/<name>` for exports.
 * An upload no record adopts within a day is deleted (removeStaleUploads, from the host's timer).
 */
export class LocalFiles implements FileStore {
  private readonly incoming: string
  private readonly privateDir: string
  private readonly exportsDir: string

  /** `key` signs private-file URLs; the host derives it from its session secret (see signingKey). */
  constructor(
    readonly dir: string,
    private readonly key: Buffer = randomBytes(32),
  ) {
    this.incoming = join(dir, 'incoming')
    this.privateDir = join(dir, 'private')
    this.exportsDir = join(dir, 'exports')
    for (const d of [dir, this.incoming, this.privateDir, this.exportsDir]) mkdirSync(d, { recursive: true })
  }

  /** The path of a public file by its name, or null for anything that is not one. */
  pathOf(name: string): string | null {
    return NAME.test(name) && existsSync(join(this.dir, name)) ? join(this.dir, name) : null
  }

  /** The path of a private file when the URL's expiry and signature are right and unexpired; otherwise null. */
  privatePathOf(name: string, expires: string | null, signature: string | null, now: Date): string | null {
    return NAME.test(name) ? this.signedPath(PRIVATE, this.privateDir, name, expires, signature, now) : null
  }

  /** The path of an export file, on the same terms as a private file. */
  exportPathOf(name: string, expires: string | null, signature: string | null, now: Date): string | null {
    return EXPORT_NAME.test(name) ? this.signedPath(EXPORTS, this.exportsDir, name, expires, signature, now) : null
  }

  private signedPath(kind: string, dir: string, name: string, expires: string | null, signature: string | null, now: Date): string | null {
    if (!expires || !/^\d{1,12}$/.test(expires) || !signature) return null
    if (Number(expires) <= Math.floor(now.getTime() / 1000)) return null
    const expected = Buffer.from(this.sign(`${kind}${name}`, expires))
    const given = Buffer.from(signature)
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null
    const path = join(dir, name)
    return existsSync(path) ? path : null
  }

  /** `path` is the file's path under the files folder, e.g. private/<name>: a signature fits one file. */
  private sign(path: string, expires: string): string {
    return createHmac('sha256', this.key).update(`${path}:${expires}`).digest('base64url')
  }

  /** Stores an upload, re-encoded without metadata; refuses what is not a whole JPG or PNG, or is too large. */
  save(bytes: Buffer): AdoptedFile | { problem: string } {
    const clean = cleanImage(bytes)
    if ('problem' in clean) return clean
    const name = `${randomBytes(12).toString('hex')}.${extensionOf[clean.mime]}`
    writeFileSync(join(this.incoming, name), clean.bytes)
    return { fileId: `${PREFIX}${name}`, mime: clean.mime, size: clean.bytes.length }
  }

  /**
   * Moves an upload to where the record wants it. A second adoption of the same
   * upload (a retried submit) finds the copy the first made, but only in the
   * same place: a public file never turns private, nor a private one public.
   * `uploader` is not checked here: a local upload's name is 96 random bits from
   * node's crypto, handed only to the signed-in person who uploaded it.
   */
  async adopt(fileId: string, options: { private: boolean; uploader?: string }): Promise<AdoptedFile | { problem: string } | null> {
    const name = fileId.startsWith(PREFIX) ? fileId.slice(PREFIX.length) : ''
    if (!NAME.test(name)) return null
    const target = join(options.private ? this.privateDir : this.dir, name)
    const upload = join(this.incoming, name)
    if (existsSync(upload)) {
      renameSync(upload, target)
    } else if (!existsSync(target)) {
      return null
    }
    const mime = sniffImage(readFileSync(target).subarray(0, 16))
    const adopted = { fileId: `${PREFIX}${options.private ? PRIVATE : ''}${name}`, mime: mime ?? '', size: statSync(target).size }
    const problem = attachmentProblem(adopted)
    return problem ? { problem } : adopted
  }

  async urlsOf(fileIds: readonly string[], now: Date): Promise<string[]> {
    const expires = String(Math.floor(now.getTime() / 1000) + PRIVATE_URL_SECONDS)
    return fileIds.map((fileId) => {
      const path = fileId.slice(PREFIX.length)
      if (!path.startsWith(PRIVATE)) return `/files/${path}`
      const name = path.slice(PRIVATE.length)
      return `/files/${PRIVATE}${name}?e=${expires}&s=${this.sign(path, expires)}`
    })
  }

  async putExport(filename: string, bytes: Buffer, now: Date): Promise<StoredExport> {
    // A random file name: the link is the only way to the file, and it expires.
    const name = `${randomBytes(16).toString('hex')}.${exportExtensionOf(filename)}`
    writeFileSync(join(this.exportsDir, name), bytes)
    const expires = Math.floor(now.getTime() / 1000) + EXPORT_URL_SECONDS
    return {
      fileId: `${PREFIX}${EXPORTS}${name}`,
      url: `/files/${EXPORTS}${name}?e=${expires}&s=${this.sign(`${EXPORTS}${name}`, String(expires))}`,
      expiresAt: new Date(expires * 1000).toISOString(),
    }
  }

  async removeExports(fileIds: readonly string[]): Promise<void> {
    for (const fileId of fileIds) {
      const name = fileId.startsWith(`${PREFIX}${EXPORTS}`) ? fileId.slice(`${PREFIX}${EXPORTS}`.length) : ''
      if (EXPORT_NAME.test(name)) rmSync(join(this.exportsDir, name), { force: true })
    }
  }

  /**
   * Deletes the uploads that have waited in `incoming/` for a day or more (by the file's time on disk, which
   * adopting keeps but moves out of there) and answers how many. Nothing adopts them after that: a form is
   * filled in minutes, and one left open overnight asks for the photo again.
   */
  removeStaleUploads(now: Date): number {
    let removed = 0
    for (const name of readdirSync(this.incoming)) {
      const path = join(this.incoming, name)
      // Gone since the listing (adopted meanwhile) is not an error.
      const stat = statSync(path, { throwIfNoEntry: false })
      if (!stat || stat.mtimeMs > now.getTime() - DAY_MS) continue
      rmSync(path, { force: true })
      removed++
    }
    return removed
  }

  async removeReportPhotos(fileIds: readonly string[]): Promise<void> {
    for (const fileId of fileIds) {
      const name = fileId.startsWith(`${PREFIX}${PRIVATE}`) ? fileId.slice(`${PREFIX}${PRIVATE}`.length) : ''
      if (NAME.test(name)) rmSync(join(this.privateDir, name), { force: true })
    }
  }
}

/** The key for private-file URLs, derived from the session secret so one secret file serves both. */
export const signingKey = (sessionSecret: Buffer) => createHmac('sha256', sessionSecret).update('private-file-urls').digest()

/**
 * Photos one person may upload on the local host per Beijing day. A disclosure with all its receipts is about
 * ten; sixty leaves room for retries on a weak line, and bounds what one account can put on the disk in a day
 * to 120 MB (2 MB each, MAX_ATTACHMENT_BYTES).
 */
export const UPLOADS_PER_DAY = 60

/**
 * Each uploader's uploads of the current Beijing day, counted in the host's memory: one process serves the
 * uploads, so taking a slot is a single step nothing can interleave with. A restart (only the operator can
 * do it) starts the count afresh. Keyed by openid; nothing about which file anyone uploaded is kept, so an
 * anonymous report's photos stay unlinked to the person who took them.
 */
export class UploadQuota {
  private day = ''
  private readonly used = new Map<string, number>()

  constructor(readonly perDay: number = UPLOADS_PER_DAY) {}

  /** Takes one of `uploader`'s slots for `now`'s Beijing day; false when the day's are used up. */
  take(uploader: string, now: Date): boolean {
    this.roll(now)
    const used = this.used.get(uploader) ?? 0
    if (used >= this.perDay) return false
    this.used.set(uploader, used + 1)
    return true
  }

  /** Gives back a slot taken at `now` for an upload that was not stored. */
  giveBack(uploader: string, now: Date): void {
    if (beijingDay(now) !== this.day) return
    const used = this.used.get(uploader) ?? 0
    if (used <= 1) this.used.delete(uploader)
    else this.used.set(uploader, used - 1)
  }

  private roll(now: Date): void {
    const day = beijingDay(now)
    if (day === this.day) return
    this.day = day
    this.used.clear()
  }
}
