import { AppError } from '../../shared/errors'
import type { disclosureContract, Disclosure, Revision } from '../../shared/disclosure/schema'
import { brokenLink, lookupTerm, matchesKeyword, totalsOf } from '../../shared/disclosure/rules'
import { diffContent } from '../../shared/disclosure/diff'
import type { Handler } from '../core/dispatch'
import type { HandlerContext } from '../core/context'
import type { Condition } from '../core/store'
import { villageInScope } from '../core/scope'
import { filledPage, getMany, queryAll } from '../core/paging'
import { sha256 } from '../core/hash'
import { withUrls } from '../core/attachments'

type C = typeof disclosureContract

const PAGE = 20

export const listItemOf = (d: Disclosure) => ({
  disclosureId: d._id,
  kind: d.kind,
  section: d.section,
  title: d.content.title,
  period: d.content.period,
  publishedAt: d.publishedAt,
  revision: d.revision,
  revisedAt: d.revisedAt,
  public: d.public,
})

const withoutId = ({ name, title }: { name: string; title: string }) => ({ name, title })

/** A disclosure of a village the caller may read, or NOT_FOUND. */
async function readable(ctx: HandlerContext, disclosureId: string, villageId?: string): Promise<Disclosure> {
  const village = await villageInScope(ctx, villageId)
  const disclosure = await ctx.store.get('disclosure', disclosureId)
  if (!disclosure || disclosure.villageId !== village._id) throw new AppError('NOT_FOUND', '没有找到这条公开')
  return disclosure
}

const revisionsOf = (ctx: HandlerContext, disclosureId: string): Promise<Revision[]> =>
  queryAll(ctx.store, 'disclosure_revision', { disclosureId }, { field: 'revision', direction: 'asc' }, 1000)

/** A page of a village's disclosures, newest first, optionally by kind and section. */
async function newestFirst(
  ctx: HandlerContext,
  where: Record<string, Condition>,
  input: { kind?: Disclosure['kind']; section?: Disclosure['section']; corrected?: boolean; cursor?: string | null },
) {
  if (input.corrected) where.corrected = true
  if (input.kind) where.kind = input.kind
  if (input.section) where.section = input.section
  const page = await ctx.store.query('disclosure', {
    where,
    orderBy: { field: 'publishedAt', direction: 'desc' },
    limit: PAGE,
    cursor: input.cursor,
  })
  return { items: page.items.map(listItemOf), nextCursor: page.nextCursor }
}

export const list: Handler<C['list']> = async (ctx, input) => {
  const village = await villageInScope(ctx, input.villageId)
  return newestFirst(ctx, { villageId: village._id }, input)
}

/**
 * Looks the keyword's first two characters up in the bigram index (narrowed there by kind and section), then
 * keeps the disclosures that really contain the whole keyword (and, asked, were corrected): pages are read
 * on until 20 are found, so a page is full while more follow.
 */
export const search: Handler<C['search']> = async (ctx, input) => {
  const village = await villageInScope(ctx, input.villageId)
  const term = lookupTerm(input.keyword)
  if (!term) throw new AppError('INVALID_INPUT', '请至少输入两个字')
  const where: Record<string, Condition> = { villageId: village._id, term }
  if (input.kind) where.kind = input.kind
  if (input.section) where.section = input.section
  return filledPage(ctx.store, 'disclosure_term', { where, orderBy: { field: 'publishedAt', direction: 'desc' }, cursor: input.cursor }, PAGE, async (terms) => {
    const byId = new Map(
      (
        await getMany(
          ctx.store,
          'disclosure',
          terms.map((t) => t.disclosureId),
        )
      ).map((d) => [d._id, d]),
    )
    return terms.map((t) => {
      const d = byId.get(t.disclosureId)
      return d && matchesKeyword(d.content, input.keyword) && (!input.corrected || d.revision > 1) ? listItemOf(d) : null
    })
  })
}

async function detailOf(ctx: HandlerContext, disclosure: Disclosure, revisions: Revision[]) {
  return {
    disclosure: {
      ...listItemOf(disclosure),
      body: disclosure.content.body,
      lineItems: disclosure.content.lineItems,
      attachments: await withUrls(ctx, disclosure.content.attachments),
      totals: totalsOf(disclosure.content.lineItems),
      balance: disclosure.content.balance ?? null,
      publishedBy: withoutId(disclosure.publishedBy),
      revisions: revisions.slice(1).map((r, i) => ({
        revision: r.revision,
        at: r.at,
        by: withoutId(r.by),
        reason: r.reason,
        changes: diffContent(revisions[i]!.content, r.content),
      })),
    },
  }
}

/**
 * The disclosure and its revisions are read together (the id names both): revisions of a disclosure the
 * caller may not read are dropped unseen with the NOT_FOUND.
 */
export const get: Handler<C['get']> = async (ctx, input) => {
  const [disclosure, revisions] = await Promise.all([readable(ctx, input.disclosureId, input.villageId), revisionsOf(ctx, input.disclosureId)])
  return detailOf(ctx, disclosure, revisions)
}

/** The village page opened by its QR code: anyone, member or not, sees its public disclosures. */
async function publicVillage(ctx: HandlerContext, villageId: string) {
  const village = await ctx.store.get('village', villageId)
  if (!village) throw new AppError('NOT_FOUND', '没有找到这个村')
  return village
}

export const publicVillageInfo: Handler<C['publicVillage']> = async (ctx, input) => {
  const village = await publicVillage(ctx, input.villageId)
  const township = await ctx.store.get('township', village.townshipId)
  return { villageId: village._id, name: village.name, townshipName: township?.name ?? '' }
}

export const publicList: Handler<C['publicList']> = async (ctx, input) => {
  const village = await publicVillage(ctx, input.villageId)
  return newestFirst(ctx, { villageId: village._id, public: true }, input)
}

export const publicGet: Handler<C['publicGet']> = async (ctx, input) => {
  const disclosure = await ctx.store.get('disclosure', input.disclosureId)
  if (!disclosure || disclosure.villageId !== input.villageId || !disclosure.public) {
    throw new AppError('NOT_FOUND', '没有找到这条公开')
  }
  return detailOf(ctx, disclosure, await revisionsOf(ctx, disclosure._id))
}

export const VILLAGE_PAGE = 'packages/disclosure/public/index'

export const villageCode: Handler<C['villageCode']> = async (ctx) => {
  const village = await villageInScope(ctx)
  return { villageId: village._id, page: VILLAGE_PAGE, image: await ctx.codes.villageCode(village._id, VILLAGE_PAGE) }
}

export const verify: Handler<C['verify']> = async (ctx, input) => {
  const disclosure = await readable(ctx, input.disclosureId, input.villageId)
  const revisions = await revisionsOf(ctx, disclosure._id)
  // The current content must also be the last link's content, or the head was edited in place.
  const last = revisions[revisions.length - 1]
  const headMatches = last !== undefined && last.revision === disclosure.revision && JSON.stringify(last.content) === JSON.stringify(disclosure.content)
  const broken = brokenLink(revisions, sha256, disclosure.hash) ?? (headMatches ? null : disclosure.revision)
  return { intact: broken === null, revisions: revisions.length, brokenAtRevision: broken }
}
