/*
 * The two taps of an export in WeChat, kept free of Taro so a test can hold them to WeChat's rule:
 * wx.shareFileMessage works only when called from a tap (限制：仅在点击行为时调用), and only with a
 * local or temporary path (https://developers.weixin.qq.com/miniprogram/dev/api/share/wx.shareFileMessage.html).
 * Called after an await it fails with "can only be invoked by user TAP gesture". So the first tap
 * prepares the file on the server and downloads it to the phone; the second tap shares the local
 * copy, calling share before anything else.
 */

/** A prepared export, already on the phone. */
export interface ReadyFile {
  filename: string
  rows: number
  /** the downloaded copy's local path */
  filePath: string
}

export interface ExportDeps {
  /** township.prepareExport */
  prepare(): Promise<{ filename: string; url: string; rows: number }>
  /** Taro.downloadFile: the temporary local path and the HTTP status */
  download(url: string): Promise<{ tempFilePath: string; statusCode: number }>
}

/** The first tap: the server writes the file, and the phone downloads it at once (its link lasts minutes). */
export async function prepareFile(deps: ExportDeps): Promise<ReadyFile> {
  const { filename, url, rows } = await deps.prepare()
  const { tempFilePath, statusCode } = await deps.download(url)
  if (statusCode !== 200) throw new Error('表格没有下载到手机上，请再点一次“准备表格”')
  return { filename, rows, filePath: tempFilePath }
}

/**
 * The second tap's handler: shares the downloaded file to a chat. The share call is the first
 * thing it does, with no await before it, or WeChat refuses it.
 */
export function shareTap(ready: ReadyFile, share: (file: { filePath: string; fileName: string }) => Promise<unknown>): Promise<unknown> {
  return share({ filePath: ready.filePath, fileName: ready.filename })
}
