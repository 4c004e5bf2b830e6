import { createHash } from 'node:crypto'
import { DAY_MS } from '../../shared/time'

/**
 * Where attachment files live: WeChat cloud storage in the cloud, a folder
 * under the data folder on the local host. A phone's upload is only a
 * candidate; a handler adopts it into a record, and the store keeps a clean
 * copy (re-encoded by core/images.ts, no EXIF) that the uploader does not own.
 * Whether the copy is private is the handler's decision, never the client's.
 */
export interface AdoptedFile {
  /** the clean stored copy's id, which the record keeps (it may differ from the upload's id) */
  fileId: string
  mime: string
  size: number
}

export interface FileStore {
  /**
   * Takes an uploaded file into a record: re-encoded without metadata, stored
   * as `private` says. null when there is no such upload, it was adopted
   * already, or `uploader` (the caller's openid) did not upload it;
   * `problem` in plain Chinese when it is not a usable image.
   */
  adopt(fileId: string, options: { private: boolean; uploader: string }): Promise<AdoptedFile | { problem: string } | null>
  /**
   * URLs to show a record's files, in the same order, in one round trip.
   * Private files get short-lived signed URLs; `now` is the call's time.
   */
  urlsOf(fileIds: readonly string[], now: Date): Promise<string[]>
  /**
   * Writes a township export (township.prepareExport, power.prepareExportList) as a private file the phone
   * downloads once and shares: readable only through the short-lived URL returned here
   * (EXPORT_URL_SECONDS), which only the staff member who asked receives.
   */
  putExport(name: string, bytes: Buffer, now: Date): Promise<StoredExport>
  /** Deletes export files by id; ids that are not exports, or already gone, are skipped. */
  removeExports(fileIds: readonly string[]): Promise<void>
  /**
   * Deletes report photos (the private attachments of reports) by id when their report's retention ends
   * (core/retention.ts); ids that are not report photos, or already gone, are skipped.
   */
  removeReportPhotos(fileIds: readonly string[]): Promise<void>
}

export interface StoredExport {
  fileId: string
  url: string
  /** ISO instant the URL stops working */
  expiresAt: string
}

/** The stored export's extension, from the name it is shared under: an Excel workbook or (township.prepareExport) CSV. */
export const exportExtensionOf = (name: string): 'xlsx' | 'csv' => (name.endsWith('.xlsx') ? 'xlsx' : 'csv')

/** How long a private file's URL works: long enough to open the photos of one report. */
export const PRIVATE_URL_SECONDS = 600

/** How long an export's URL works: the phone downloads it right after preparing, then shares the local copy. */
export const EXPORT_URL_SECONDS = 600

/** Export files are deleted on a later prepare once they are this old (township/exports.ts). */
export const EXPORT_KEEP_MS = DAY_MS

/**
 * The cloud storage folder a person's phone uploads to (`member.me` tells the phone): `uploads/` and a
 * hash of the openid, so a function adopts a cloud upload only from its caller's own folder (the
 * function has admin rights over every file, so the path is the only proof of who uploaded it), and
 * the openid itself never shows in a path. Letters and digits only, as cloud paths allow
 * (https://developers.weixin.qq.com/miniprogram/dev/wxcloudservice/wxcloud/guide/storage/naming.html).
 */
export const uploadDirOf = (openid: string): string => `uploads/${createHash('sha256').update(`upload-dir:${openid}`).digest('hex').slice(0, 32)}/`
