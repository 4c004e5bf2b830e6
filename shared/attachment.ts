// Attachment rules: pure, free of zod.

export const MAX_ATTACHMENTS = 9
export const MAX_ATTACHMENT_BYTES = 2 * 1024 * 1024
/** What a stored attachment may be. WebP is still recognised (and refused on upload: the server re-encodes every image and has no WebP decoder). */
export const attachmentMimes = ['image/jpeg', 'image/png', 'image/webp'] as const
export type AttachmentMime = (typeof attachmentMimes)[number]
/** What an upload may be: the server re-encodes these two. */
export const uploadMimes = ['image/jpeg', 'image/png'] as const

/** What an image really is, from its first bytes; a name or a declared type is never trusted. */
export function sniffImage(head: Uint8Array): AttachmentMime | null {
  const starts = (...bytes: number[]) => bytes.every((b, i) => head[i] === b)
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg'
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png'
  if (starts(0x52, 0x49, 0x46, 0x46) && head[8] === 0x57 && head[9] === 0x45 && head[10] === 0x42 && head[11] === 0x50) {
    return 'image/webp'
  }
  return null
}

export const extensionOf: Record<AttachmentMime, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' }

/** Why a stored file cannot be attached, in plain Chinese, or null when it can. */
export function attachmentProblem(file: { mime: string | null; size: number } | null): string | null {
  if (!file) return '图片没有上传成功，请重新选择'
  if (!file.mime || !(uploadMimes as readonly string[]).includes(file.mime)) return '只能上传 JPG 或 PNG 格式的图片'
  if (file.size > MAX_ATTACHMENT_BYTES) return '每张图片不能超过2MB，请压缩后再传'
  return null
}
