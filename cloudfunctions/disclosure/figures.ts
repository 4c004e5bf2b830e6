import type { disclosureContract } from '../../shared/contract/disclosure'
import type { Handler } from '../core/dispatch'
import { villageInScope } from '../core/scope'
import type { Collections } from '../core/collections'
import type { HandlerContext } from '../core/context'
import { reachOf } from '../announcement/handlers'
import { duties } from './duties'

type C = typeof disclosureContract

const BEIJING = 8 * 3_600_000

/** The start of the current Beijing month, as an ISO instant, and its YYYY-MM. */
function thisMonth(now: Date): { month: string; since: string } {
  const local = new Date(now.getTime() + BEIJING)
  const start = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), 1) - BEIJING
  return { month: local.toISOString().slice(0, 7), since: new Date(start).toISOString() }
}

/** Newest-first records of a village since an instant, read page by page until older ones begin. */
async function since<N extends 'disclosure' | 'disclosure_revision'>(
  ctx: HandlerContext,
  collection: N,
  field: 'publishedAt' | 'at',
  villageId: string,
  from: string,
): Promise<Collections[N][]> {
  const found: Collections[N][] = []
  let cursor: string | null = null
  for (;;) {
    const page: { items: Collections[N][]; nextCursor: string | null } = await ctx.store.query(collection, {
      where: { villageId },
      orderBy: { field, direction: 'desc' },
      limit: 100,
      cursor,
    })
    for (const doc of page.items) {
      if ((doc as Record<string, unknown>)[field]! < from) return found
      found.push(doc)
    }
    if (!page.nextCursor) return found
    cursor = page.nextCursor
  }
}

/** Per village, for the chair and the township: this month's disclosures, corrections, duties and reach. */
export const figures: Handler<C['figures']> = async (ctx, input) => {
  const village = await villageInScope(ctx, input.villageId)
  const { month, since: from } = thisMonth(ctx.clock.now())
  const [published, revisions, dutyReport, latest, householdsInGroup] = await Promise.all([
    since(ctx, 'disclosure', 'publishedAt', village._id, from),
    since(ctx, 'disclosure_revision', 'at', village._id, from),
    duties(ctx, { villageId: input.villageId }),
    ctx.store.query('announcement', {
      where: { villageId: village._id },
      orderBy: { field: 'publishedAt', direction: 'desc' },
      limit: 3,
    }),
    ctx.store.count('household', { villageId: village._id, inGroup: true }),
  ])
  const byKind = (kind: 'party' | 'village' | 'finance') => published.filter((d) => d.kind === kind).length
  return {
    month,
    publishedThisMonth: { party: byKind('party'), village: byKind('village'), finance: byKind('finance') },
    revisionsThisMonth: revisions.filter((r) => r.revision > 1).length,
    overdueDuties: dutyReport.overdueCount,
    lateDuties: dutyReport.lateCount,
    announcements: await Promise.all(latest.items.map((a) => reachOf(ctx, a, householdsInGroup))),
  }
}
