import { randomBytes } from 'node:crypto'
import { closeSync, existsSync, mkdirSync, openSync, readSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { FileStore } from '../cloudfunctions/core/files'
import { MAX_ATTACHMENT_BYTES, extensionOf, sniffImage } from '../shared/domain/attachment'

const PREFIX = 'local:'
const NAME = /^[0-9a-f]{24}\.(jpg|png|webp)$/

/** Attachment files in `<data folder>/files`, with ids `local:<random>.<ext>`, served at /files/<name>. */
export class LocalFiles implements FileStore {
  constructor(readonly dir: string) {
    mkdirSync(dir, { recursive: true })
  }

  /** The path of a stored file by its public name, or null for anything that is not one. */
  pathOf(name: string): string | null {
    return NAME.test(name) && existsSync(join(this.dir, name)) ? join(this.dir, name) : null
  }

  /** Stores an uploaded image; refuses what is not an image or is too large. */
  save(bytes: Buffer): { fileId: string; mime: string; size: number } | { problem: string } {
    const mime = sniffImage(bytes.subarray(0, 16))
    if (!mime) return { problem: '只能上传 JPG、PNG 或 WebP 格式的图片' }
    if (bytes.length > MAX_ATTACHMENT_BYTES) return { problem: '每张图片不能超过2MB，请压缩后再传' }
    const name = `${randomBytes(12).toString('hex')}.${extensionOf[mime]}`
    writeFileSync(join(this.dir, name), bytes)
    return { fileId: `${PREFIX}${name}`, mime, size: bytes.length }
  }

  async inspect(fileId: string): Promise<{ mime: string | null; size: number } | null> {
    const path = fileId.startsWith(PREFIX) ? this.pathOf(fileId.slice(PREFIX.length)) : null
    if (!path) return null
    const head = Buffer.alloc(16)
    const fd = openSync(path, 'r')
    try {
      readSync(fd, head, 0, 16, 0)
    } finally {
      closeSync(fd)
    }
    return { mime: sniffImage(head), size: statSync(path).size }
  }

  async urlOf(fileId: string): Promise<string> {
    return `/files/${fileId.slice(PREFIX.length)}`
  }
}
