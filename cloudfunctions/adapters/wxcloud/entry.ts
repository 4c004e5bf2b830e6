import { createHash } from 'node:crypto'
import cloud from 'wx-server-sdk'
import type { Area } from '../../core/dispatch'
import { dispatch } from '../../core/dispatch'
import { systemClock } from '../../core/context'
import type { Notifier } from '../../core/notifier'
import type { CodeMaker } from '../../core/codes'
import type { FileStore } from '../../core/files'
import { PRIVATE_URL_SECONDS } from '../../core/files'
import { cleanImage } from '../../core/images'
import { WxCloudStore, type WxDatabase } from './store'
import { thingValue } from '../../../shared/subscribe'

/** Beijing time for message text, e.g. 2026年11月21日 16:00 */
function beijingTime(iso: string): string {
  const d = new Date(new Date(iso).getTime() + 8 * 3_600_000)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getUTCFullYear()}年${pad(d.getUTCMonth() + 1)}月${pad(d.getUTCDate())}日 ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`
}

/**
 * WeChat subscribe messages. The template (from the mini-program's console)
 * must have a thing1 (title) and time2 (time) field; its id comes from the
 * function's NOTICE_TEMPLATE_ID environment variable.
 */
const subscribeMessages: Notifier = {
  async send(n) {
    const templateId = process.env.NOTICE_TEMPLATE_ID
    if (!templateId) throw new Error('NOTICE_TEMPLATE_ID is not configured')
    await cloud.openapi.subscribeMessage.send({
      touser: n.openid,
      templateId,
      page: n.page,
      data: { thing1: { value: thingValue(n.title) }, time2: { value: beijingTime(n.createdAt) } },
    } as never)
  },
}

/** A mini-program code whose scene is the village: scanning it opens the village's public page. */
const wxacodes: CodeMaker = {
  async villageCode(villageId, page) {
    const result = (await cloud.openapi.wxacode.getUnlimited({ scene: villageId, page, checkPath: false } as never)) as {
      buffer: Buffer
      contentType?: string
    }
    return `data:${result.contentType ?? 'image/jpeg'};base64,${Buffer.from(result.buffer).toString('base64')}`
  },
}

/**
 * Cloud storage. The phone uploads with wx.cloud.uploadFile under `uploads/`, so that file is
 * owned by (carries the openid of) the uploader. Adopting it downloads it, re-encodes it without
 * metadata (core/images.ts), uploads the clean copy under the function's own identity to
 * `attachments/` (public records) or `private/reports/` (reports), and deletes the phone's
 * original: what stays is owned by no user and carries no EXIF. Limit: between upload and
 * submit the original exists under the uploader's openid (the report form says so).
 *
 * SDK calls as declared in node_modules/wx-server-sdk/index.d.ts (4.0.2): uploadFile
 * ({ cloudPath, fileContent: Buffer }) → { fileID }, downloadFile({ fileID }) → { fileContent },
 * deleteFile({ fileList: string[] }) → { fileList: { fileID, status }[] },
 * getTempFileURL({ fileList: { fileID, maxAge }[] }) → { fileList: { fileID, tempFileURL, status }[] }
 * (maxAge in seconds, at most 50 files a call; a link to a file of a publicly readable bucket never
 * expires: https://developers.weixin.qq.com/miniprogram/dev/wxcloudservice/wxcloud/reference-sdk-api/storage/Cloud.getTempFileURL.html).
 * So private files stay private, and maxAge means anything, only when the bucket's rule is
 * 仅创建者可读写 (README, 发布到微信): then phones read none of the function's files directly.
 */
const UPLOADS = 'uploads/'
const PUBLIC_DIR = 'attachments/'
const PRIVATE_DIR = 'private/reports/'
/** Public attachments' links last a day; the pages asking for them are reloaded far sooner. */
const PUBLIC_URL_SECONDS = 86_400

/** `cloud://<env>.<bucket>/<path>` → its bucket prefix and its path within the bucket. */
function splitFileId(fileId: string): { bucket: string; path: string } | null {
  const match = /^(cloud:\/\/[^/]+\/)(.+)$/.exec(fileId)
  return match ? { bucket: match[1]!, path: match[2]! } : null
}

const extensionOfMime = (mime: string) => (mime === 'image/png' ? 'png' : 'jpg')

async function download(fileID: string): Promise<Buffer | null> {
  try {
    const { fileContent } = (await cloud.downloadFile({ fileID })) as { fileContent: Buffer }
    return fileContent
  } catch {
    return null
  }
}

const cloudFiles: FileStore = {
  async adopt(fileId, options) {
    const parts = splitFileId(fileId)
    // Only a phone's upload can be adopted; a file the function wrote is never taken over again.
    if (!parts || !parts.path.startsWith(UPLOADS) || parts.path.includes('..')) return null
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
    const { fileID } = (await cloud.uploadFile({ cloudPath: `${stem}.${extensionOfMime(clean.mime)}`, fileContent: clean.bytes })) as {
      fileID: string
    }
    // The original carries the uploader's openid and EXIF: gone once the clean copy is stored.
    const deleted = (await cloud.deleteFile({ fileList: [fileId] })) as { fileList?: { status: number }[] } | undefined
    // Not deleted: fail the submit, so the phone's retry adopts (and deletes) it again.
    if (deleted?.fileList?.[0]?.status !== 0) throw new Error(`deleteFile failed for an adopted upload: ${JSON.stringify(deleted?.fileList ?? null)}`)
    return { fileId: fileID, mime: clean.mime, size: clean.bytes.length }
  },
  async urlsOf(fileIds) {
    if (fileIds.length === 0) return []
    const maxAgeOf = (id: string) => (splitFileId(id)?.path.startsWith(PRIVATE_DIR) ? PRIVATE_URL_SECONDS : PUBLIC_URL_SECONDS)
    // One call for every attachment of the record.
    const { fileList } = (await cloud.getTempFileURL({ fileList: fileIds.map((fileID) => ({ fileID, maxAge: maxAgeOf(fileID) })) })) as {
      fileList: { fileID: string; tempFileURL: string; status: number }[]
    }
    const byId = new Map(fileList.filter((f) => f.status === 0).map((f) => [f.fileID, f.tempFileURL]))
    return fileIds.map((id) => byId.get(id) ?? '')
  },
}

/** exports.main of a deployed cloud function: identity is WeChat's OPENID, never the event. */
export function cloudMain(area: Area) {
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string })
  const store = new WxCloudStore(cloud.database({ throwOnNotFound: false } as Parameters<typeof cloud.database>[0]) as unknown as WxDatabase)
  return async (event: unknown) => {
    const { OPENID } = cloud.getWXContext()
    // A timer trigger (config.json "triggers") carries Type: 'Timer' and no caller; a caller cannot pose as one.
    if (!OPENID && (event as { Type?: string } | null)?.Type === 'Timer') {
      return area.timer ? area.timer({ store, clock: systemClock, notifier: subscribeMessages }) : null
    }
    return dispatch(area, event, {
      openid: OPENID || null,
      store,
      clock: systemClock,
      notifier: subscribeMessages,
      codes: wxacodes,
      files: cloudFiles,
    })
  }
}
