import { AppError } from '../../shared/errors'
import type { Attachment } from '../../shared/disclosure/schema'
import { attachmentProblem } from '../../shared/attachment'
import type { HandlerContext } from './context'

/**
 * Each attachment as it really is in file storage, adopted into the record:
 * the stored copy is re-encoded without metadata and, when `private`, readable
 * only through short-lived signed URLs. Anything missing, not a JPG/PNG, broken
 * or too large is refused. Attachments already on the record (`kept`, e.g. a
 * disclosure's photos resent with a correction) stay as they are.
 */
export async function checkedAttachments(
  ctx: HandlerContext,
  input: readonly { fileId: string; name: string }[],
  options: { private?: boolean; kept?: readonly Attachment[] } = {},
): Promise<Attachment[]> {
  const checked: Attachment[] = []
  for (const [i, a] of input.entries()) {
    const kept = options.kept?.find((k) => k.fileId === a.fileId)
    if (kept) {
      checked.push({ ...kept, name: a.name })
      continue
    }
    const file = await ctx.files.adopt(a.fileId, { private: options.private ?? false, uploader: ctx.openid })
    const problem = file && 'problem' in file ? file.problem : attachmentProblem(file)
    if (problem || !file || 'problem' in file) throw new AppError('INVALID_INPUT', `第${i + 1}张图片：${problem}`)
    checked.push({ fileId: file.fileId, name: a.name, mime: file.mime, size: file.size })
  }
  return checked
}

/** Attachments with a URL a client can show, all fetched in one call to file storage. */
export async function withUrls<A extends Attachment>(ctx: HandlerContext, attachments: readonly A[]): Promise<(A & { url: string })[]> {
  if (attachments.length === 0) return []
  const urls = await ctx.files.urlsOf(
    attachments.map((a) => a.fileId),
    new Date(ctx.now),
  )
  return attachments.map((a, i) => ({ ...a, url: urls[i] ?? '' }))
}
