import { createHash, randomBytes } from 'node:crypto'
import { EXPORT_URL_SECONDS, PRIVATE_URL_SECONDS, exportExtensionOf, uploadDirOf, type FileStore } from '../../core/files'
import { cleanImage } from '../../core/images'

/**
 * The part of wx-server-sdk's storage API the file store uses, as declared in
 * node_modules/wx-server-sdk/index.d.ts (4.0.2): uploadFile({ cloudPath, fileContent: Buffer }) → { fileID },
 * downloadFile({ fileID }) → { fileContent }, deleteFile({ fileList: string[] }) → { fileList: { fileID, status }[] },
 * getTempFileURL({ fileList: { fileID, maxAge }[] }) → { fileList: { fileID, tempFileURL, status }[] }.
 * deleteFile and getTempFileURL take at most 50 files a call
 * (https://developers.weixin.qq.com/miniprogram/dev/wxcloudservice/wxcloud/reference-sdk-api/storage/Cloud.deleteFile.html,
 * https://developers.weixin.qq.com/miniprogram/dev/wxcloudservice/wxcloud/reference-sdk-api/storage/Cloud.getTempFileURL.html:
 * maxAge in seconds; a link to a file of a publicly readable bucket never expires).
 * In the cloud it is `cloud` itself; tests pass the storage stand-in (standin/storage.ts).
 */
export interface CloudStorage {
  uploadFile(param: { cloudPath: string; fileContent: Buffer }): Promise<{ fileID: string }>
  downloadFile(param: { fileID: string }): Promise<{ fileContent: Buffer }>
  deleteFile(param: { fileList: string[] }): Promise<{ fileList: { fileID: string; status: number }[] }>
  getTempFileURL(param: { fileList: { fileID: string; maxAge: number }[] }): Promise<{
    fileList: { fileID: string; tempFileURL: string; status: number }[]
  }>
}

/** Files per deleteFile / getTempFileURL call, as the docs above allow. */
const PER_CALL = 50

/*
 * Where things live. The phone uploads with wx.cloud.uploadFile under its own folder
 * `uploads/<hash of the openid>/` (core/files.ts uploadDirOf, from member.me), so that file is
 * owned by (carries the openid of) the uploader, and only its uploader's calls adopt it. Adopting it downloads it, re-encodes it without
 * metadata (core/images.ts), uploads the clean copy under the function's own identity to
 * `attachments/` (public records) or `private/reports/` (reports), and deletes the phone's
 * original: what stays is owned by no user and carries no EXIF. Limit: between upload and
 * submit the original exists under the uploader's openid (the report form says so).
 * Township exports go to `private/exports/` under a random name, deleted a day later.
 * Private files stay private, and maxAge means anything, only when the bucket's rule is
 * 仅创建者可读写 (README, 发布到微信): then phones read none of the function's files directly.
 */
const PUBLIC_DIR = 'attachments/'
const PRIVATE_DIR = 'private/reports/'
const EXPORTS_DIR = 'private/exports/'
/** Public attachments' links last a day; the pages asking for them are reloaded far sooner. */
const PUBLIC_URL_SECONDS = 86_400

/** `cloud://<env>.<bucket>/<path>` → its bucket prefix and its path within the bucket. */
function splitFileId(fileId: string): { bucket: string; path: string } | null {
  const match = /^(cloud:\/\/[^/]+\/)(.+)$/.exec(fileId)
  return match ? { bucket: match[1]!, path: match[2]! } : null
}

const extensionOfMime = (mime: string) => (mime === 'image/png' ? 'png' : 'jpg')

/** Splits a list into the calls it takes. */
const inCalls = <T>(items: readonly T[]): T[][] => Array.from({ length: Math.ceil(items.length / PER_CALL) }, (_, i) => items.slice(i * PER_CALL, (i + 1) * PER_CALL))

/** Cloud storage behind the FileStore port. */
export function cloudFileStore(storage: CloudStorage): FileStore {
  async function download(fileID: string): Promise<Buffer | null> {
    try {
      return (await storage.downloadFile({ fileID })).fileContent
    } catch {
      return null
    }
  }

  /** One temporary link per file, `maxAge` seconds each; '' for a file storage could not link. */
  async function linksOf(files: readonly { fileID: string; maxAge: number }[]): Promise<string[]> {
    const byId = new Map<string, string>()
    for (const fileList of inCalls(files)) {
      for (const f of (await storage.getTempFileURL({ fileList })).fileList) if (f.status === 0) byId.set(f.fileID, f.tempFileURL)
    }
    return files.map((f) => byId.get(f.fileID) ?? '')
  }

  return {
    async adopt(fileId, options) {
      const parts = splitFileId(fileId)
      // Only the caller's own upload can be adopted (their folder under uploads/); a file the function
      // wrote, or someone else's upload, is never taken over.
      if (!parts?.path.startsWith(uploadDirOf(options.uploader)) || parts.path.includes('..')) return null
      const dir = options.private ? PRIVATE_DIR : PUBLIC_DIR
      // The clean copy's name follows from the upload's id, so a retried submit finds the copy the
      // first attempt made (its original is gone by then), and only in the same place.
      const stem = `${dir}${createHash('sha256').update(fileId).digest('hex').slice(0, 32)}`
      const original = await download(fileId)
      if (!original) {
        for (const ext of ['jpg', 'png']) {
          const copy = await download(`${parts.bucket}${stem}.${ext}`)
          if (copy) return { fileId: `${parts.bucket}${stem}.${ext}`, mime: ext === 'png' ? 'image/png' : 'image/jpeg', size: copy.length }
        }
        return null
      }
      const clean = cleanImage(original)
      if ('problem' in clean) return clean
      const { fileID } = await storage.uploadFile({ cloudPath: `${stem}.${extensionOfMime(clean.mime)}`, fileContent: clean.bytes })
      // The original carries the uploader's openid and EXIF: gone once the clean copy is stored.
      const deleted = await storage.deleteFile({ fileList: [fileId] })
      // Not deleted: fail the submit, so the phone's retry adopts (and deletes) it again.
      if (deleted?.fileList?.[0]?.status !== 0) throw new Error(`deleteFile failed for an adopted upload: ${JSON.stringify(deleted?.fileList ?? null)}`)
      return { fileId: fileID, mime: clean.mime, size: clean.bytes.length }
    },

    async urlsOf(fileIds) {
      const maxAgeOf = (id: string) => (splitFileId(id)?.path.startsWith(PRIVATE_DIR) ? PRIVATE_URL_SECONDS : PUBLIC_URL_SECONDS)
      // One call for every attachment of the record (up to 50).
      return linksOf(fileIds.map((fileID) => ({ fileID, maxAge: maxAgeOf(fileID) })))
    },

    async putExport(name, bytes, now) {
      // A random name: the file is reachable only through the link returned here, which expires.
      const { fileID } = await storage.uploadFile({ cloudPath: `${EXPORTS_DIR}${randomBytes(16).toString('hex')}.${exportExtensionOf(name)}`, fileContent: bytes })
      const [url] = await linksOf([{ fileID, maxAge: EXPORT_URL_SECONDS }])
      if (!url) throw new Error(`getTempFileURL gave no link for an export: ${fileID}`)
      return { fileId: fileID, url, expiresAt: new Date(now.getTime() + EXPORT_URL_SECONDS * 1000).toISOString() }
    },

    async removeExports(fileIds) {
      // Only export files, whatever a list says: never an attachment.
      const exports = fileIds.filter((id) => splitFileId(id)?.path.startsWith(EXPORTS_DIR) && !id.includes('..'))
      // A file already gone answers a non-zero status, which is fine: it is gone either way.
      for (const fileList of inCalls(exports)) await storage.deleteFile({ fileList })
    },

    async removeReportPhotos(fileIds) {
      // Only report photos, whatever a list says; one already gone answers a non-zero status, and is gone.
      const photos = fileIds.filter((id) => splitFileId(id)?.path.startsWith(PRIVATE_DIR) && !id.includes('..'))
      for (const fileList of inCalls(photos)) await storage.deleteFile({ fileList })
    },
  }
}
