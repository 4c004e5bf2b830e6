import { AppError } from '../../shared/errors'
import type { disclosureContract, Attachment, DisclosureContent, Signature } from '../../shared/disclosure/schema'
import { balanceProblem } from '../../shared/disclosure/rules'
import { diffContent, isEmptyDiff } from '../../shared/disclosure/diff'
import type { ParsedInputOf } from '../../shared/contract/action'
import type { Handler } from '../core/dispatch'
import { newId, type HandlerContext } from '../core/context'
import { DuplicateKeyError } from '../core/store'
import { getInVillage, villageInScope } from '../core/scope'
import { checkedAttachments } from '../core/attachments'
import { correction, firstPublication, indexTerms } from './records'

type C = typeof disclosureContract

const signature = (ctx: HandlerContext): Signature => ({
  personId: ctx.actor.personId ?? '',
  name: ctx.actor.name ?? '',
  title: ctx.actor.title ?? '',
})

type ContentInput = ParsedInputOf<C['publish']> | ParsedInputOf<C['revise']>

async function contentOf(ctx: HandlerContext, input: ContentInput, current: Attachment[] = []): Promise<DisclosureContent> {
  const lineItems = input.lineItems ?? []
  const problem = balanceProblem(input.balance, lineItems)
  if (problem) throw new AppError('INVALID_INPUT', problem)
  return {
    title: input.title,
    body: input.body,
    period: input.period ?? null,
    lineItems,
    balance: input.balance ?? null,
    // A correction that leaves attachments out keeps the ones already published.
    // Photos already published (resent with a correction) are kept as they are; new ones are adopted.
    attachments: input.attachments ? await checkedAttachments(ctx, input.attachments, { kept: current }) : current,
  }
}

const TOPIC_ANSWERED = '这条点题已经有公开答复了，或还没有转交给村“两委”'

export const publish: Handler<C['publish']> = async (ctx, input) => {
  const village = await villageInScope(ctx)
  const write = firstPublication({
    disclosureId: newId('d'),
    villageId: village._id,
    kind: input.kind,
    section: input.section,
    public: input.public ?? true,
    content: await contentOf(ctx, input),
    at: ctx.now,
    by: signature(ctx),
  })
  // A requested topic it answers must be the village's and still owed; the guard in the transaction keeps
  // two disclosures from both answering it.
  const topic = input.topicId ? await getInVillage(ctx, 'topic', input.topicId, '没有找到这条点题') : null
  if (topic && topic.status !== 'forwarded') throw new AppError('CONFLICT', TOPIC_ANSWERED)
  await ctx.store.transaction(async (tx) => {
    await tx.insert('disclosure', write.disclosure)
    await tx.insert('disclosure_revision', write.revision)
    await indexTerms(tx, write.disclosure)
    if (topic) {
      const answered = { status: 'disclosed' as const, disclosureId: write.disclosure._id, disclosedAt: write.disclosure.publishedAt }
      if (!(await tx.update('topic', topic._id, answered, { status: 'forwarded' }))) throw new AppError('CONFLICT', TOPIC_ANSWERED)
    }
  })
  return { disclosureId: write.disclosure._id }
}

const RACED = '这条公开刚被别人更正过，请刷新后再改'

/** A correction never edits in place: it appends a revision chained to the previous one. */
export const revise: Handler<C['revise']> = async (ctx, input) => {
  const current = await getInVillage(ctx, 'disclosure', input.disclosureId, '没有找到这条公开')
  if (input.expectedRevision !== undefined && input.expectedRevision !== current.revision) throw new AppError('CONFLICT', RACED)
  const content = await contentOf(ctx, input, current.content.attachments)
  if (current.section === 'finance' && content.lineItems.length === 0) {
    throw new AppError('INVALID_INPUT', '财务收支公开至少要有一笔收支明细')
  }
  if (isEmptyDiff(diffContent(current.content, content))) {
    throw new AppError('CONFLICT', '内容和现在公开的一样，没有需要更正的地方')
  }
  const write = correction(current, content, input.reason, ctx.now, signature(ctx))
  try {
    await ctx.store.transaction(async (tx) => {
      await tx.insert('disclosure_revision', write.revision)
      const { content: next, revision, revisedAt, corrected, hash } = write.disclosure
      const moved = await tx.update('disclosure', current._id, { content: next, revision, revisedAt, corrected, hash }, { revision: current.revision })
      if (!moved) throw new AppError('CONFLICT', RACED)
      await indexTerms(tx, write.disclosure)
    })
  } catch (error) {
    if (error instanceof DuplicateKeyError) throw new AppError('CONFLICT', RACED)
    throw error
  }
  return { revision: write.disclosure.revision }
}
