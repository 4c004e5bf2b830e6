import { AppError } from '../../shared/errors'
import type { Attachment } from '../../shared/domain/disclosure'
import { attachmentProblem } from '../../shared/domain/attachment'
import type { HandlerContext } from './context'

/** Each attachment as it really is in file storage; anything missing, not an image or too large is refused. */
export async function checkedAttachments(
  ctx: HandlerContext,
  input: readonly { fileId: string; name: string }[],
): Promise<Attachment[]> {
  const checked: Attachment[] = []
  for (const [i, a] of input.entries()) {
    const file = await ctx.files.inspect(a.fileId)
    const problem = attachmentProblem(file)
    if (problem || !file?.mime) throw new AppError('INVALID_INPUT', `第${i + 1}张图片：${problem}`)
    checked.push({ fileId: a.fileId, name: a.name, mime: file.mime, size: file.size })
  }
  return checked
}

/** Attachments with a URL a client can show. */
export const withUrls = (ctx: HandlerContext, attachments: readonly Attachment[]) =>
  Promise.all(attachments.map(async (a) => ({ ...a, url: await ctx.files.urlOf(a.fileId) })))
