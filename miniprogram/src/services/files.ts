import Taro from '@tarojs/taro'
import type { Envelope } from '@shared/errors'
import { ApiError, session } from './api'
import { loadMe } from '../hooks/useRole'

/** Where an uploaded image ended up: pass `fileId` with the record; the server re-encodes it and keeps a clean copy. */
export interface Uploaded {
  fileId: string
}

type Upload = (filePath: string) => Promise<Uploaded>

/**
 * In WeChat: into cloud storage under this person's own upload folder (member.me's uploadDir), still
 * the phone's own file. Submitting the form has the cloud function re-encode it without metadata,
 * keep its own copy and delete this one; it adopts only uploads from the caller's own folder.
 */
const viaCloud: Upload = async (filePath) => {
  const ext = /\.(jpe?g|png|webp)$/i.exec(filePath)?.[1] ?? 'jpg'
  const { uploadDir } = await loadMe()
  const cloudPath = `${uploadDir}${Date.now()}-${Math.random().toString(36).slice(2, 10)}.${ext}`
  const { fileID } = await Taro.cloud.uploadFile({ cloudPath, filePath })
  return { fileId: fileID }
}

/** In the browser: the local host's upload endpoint, with the image's bytes as the body. */
const viaHost: Upload = async (filePath) => {
  const blob = await (await fetch(filePath)).blob()
  const response = await fetch('/api/files', {
    method: 'POST',
    headers: { authorization: `Bearer ${session.token()}` },
    body: blob,
  })
  const body = (await response.json()) as Envelope<Uploaded>
  if (!body.ok) throw new ApiError(body.error.code, body.error.message)
  return body.data
}

// Chosen at module level so each build carries only its own way of uploading.
export const uploadImage: Upload = process.env.TARO_ENV === 'weapp' ? viaCloud : viaHost

/** Lets the person pick photos (compressed by the phone), at most `count`. */
export async function chooseImages(count: number): Promise<string[]> {
  const { tempFilePaths } = await Taro.chooseImage({ count, sizeType: ['compressed'], sourceType: ['album', 'camera'] })
  return tempFilePaths
}
