import { createHmac, randomBytes } from 'node:crypto'
import type { CloudStorage } from '../files'

/*
 * An in-memory stand-in for WeChat cloud storage, behind the same calls the cloud file store makes on
 * wx-server-sdk (../files.ts, CloudStorage). Unlike the database stand-in it does not run the SDK's own
 * storage code: uploads go to COS over a second HTTP request the database seam does not cover. It keeps
 * what the docs promise: paths in one bucket of one environment, `fileID = cloud://<env>.<bucket>/<path>`,
 * an upload to the same path overwrites, at most 50 files a deleteFile / getTempFileURL call, and a
 * temporary link that works for `maxAge` seconds. Each file records who wrote it: the function (null) or
 * a phone's openid (`phoneUpload`, as wx.cloud.uploadFile would). `calls` records every call.
 * GUESS (check on a real environment): the link's shape, the status a missing file answers (-1 here),
 * that a call over 50 files throws rather than answering an error status per file.
 */
export interface StoredFile {
  bytes: Buffer
  /** the phone's openid that uploaded it; null for a file the cloud function wrote */
  owner: string | null
}

export class StorageStandIn implements CloudStorage {
  readonly bucket = 'cloud://standin-env.7374-standin-env-1300000000/'
  readonly files = new Map<string, StoredFile>()
  readonly calls: { api: string; fileList?: unknown[] }[] = []
  private readonly key = randomBytes(16)

  /** `now` is storage's own clock, which decides when a link expires. */
  constructor(private readonly now: () => Date = () => new Date()) {}

  private pathOf(fileID: string): string | null {
    return fileID.startsWith(this.bucket) ? fileID.slice(this.bucket.length) : null
  }

  private static atMost50(api: string, list: unknown[]): void {
    if (list.length > 50) throw new Error(`${api}: at most 50 files a call, got ${list.length}`)
  }

  /** As wx.cloud.uploadFile from a phone: the file is owned by the uploader's openid. */
  phoneUpload(openid: string, cloudPath: string, bytes: Buffer): string {
    this.files.set(cloudPath, { bytes, owner: openid })
    return `${this.bucket}${cloudPath}`
  }

  async uploadFile({ cloudPath, fileContent }: { cloudPath: string; fileContent: Buffer }) {
    this.calls.push({ api: 'uploadFile' })
    this.files.set(cloudPath, { bytes: Buffer.from(fileContent), owner: null })
    return { fileID: `${this.bucket}${cloudPath}` }
  }

  async downloadFile({ fileID }: { fileID: string }) {
    this.calls.push({ api: 'downloadFile' })
    const path = this.pathOf(fileID)
    const file = path === null ? undefined : this.files.get(path)
    if (!file) throw Object.assign(new Error('storage file not exists'), { errCode: -1 })
    return { fileContent: Buffer.from(file.bytes) }
  }

  async deleteFile({ fileList }: { fileList: string[] }) {
    this.calls.push({ api: 'deleteFile', fileList })
    StorageStandIn.atMost50('deleteFile', fileList)
    return {
      fileList: fileList.map((fileID) => {
        const path = this.pathOf(fileID)
        const found = path !== null && this.files.delete(path)
        return { fileID, status: found ? 0 : -1 }
      }),
    }
  }

  async getTempFileURL({ fileList }: { fileList: { fileID: string; maxAge: number }[] }) {
    this.calls.push({ api: 'getTempFileURL', fileList })
    StorageStandIn.atMost50('getTempFileURL', fileList)
    return {
      fileList: fileList.map(({ fileID, maxAge }) => {
        const path = this.pathOf(fileID)
        if (path === null || !this.files.has(path)) return { fileID, tempFileURL: '', status: -1 }
        const t = Math.floor(this.now().getTime() / 1000) + maxAge
        return { fileID, tempFileURL: `https://standin-env.tcb.qcloud.la/${path}?sign=${this.sign(path, t)}&t=${t}`, status: 0 }
      }),
    }
  }

  /** What fetching a link answers: the file's bytes while the link is unexpired and untouched, otherwise null. */
  open(url: string): Buffer | null {
    const match = /^https:\/\/standin-env\.tcb\.qcloud\.la\/([^?]+)\?sign=([^&]+)&t=(\d+)$/.exec(url)
    if (!match) return null
    const [, path, sign, t] = match as unknown as [string, string, string, string]
    if (sign !== this.sign(path, Number(t)) || Number(t) <= Math.floor(this.now().getTime() / 1000)) return null
    return this.files.get(path)?.bytes ?? null
  }

  private sign(path: string, t: number): string {
    return createHmac('sha256', this.key).update(`${path}:${t}`).digest('hex').slice(0, 16)
  }
}
