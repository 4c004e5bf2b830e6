import type { disclosureContract } from '../../shared/disclosure/schema'
import type { Handler } from '../core/dispatch'
import { villageInScope } from '../core/scope'
import { newestSince } from '../core/paging'
import { currentMonth } from '../../shared/disclosure/duty'
import { reachOf } from '../announcement/handlers'
import { duties } from './duties'

type C = typeof disclosureContract

/** Per village, for the chair and the township: this month's disclosures, corrections, duties and reach. */
export const figures: Handler<C['figures']> = async (ctx, input) => {
  const village = await villageInScope(ctx, input.villageId)
  const { month, from } = currentMonth(ctx.clock.now())
  const [published, revisions, dutyReport, latest, householdsInGroup] = await Promise.all([
    newestSince(ctx.store, 'disclosure', { villageId: village._id }, 'publishedAt', from),
    newestSince(ctx.store, 'disclosure_revision', { villageId: village._id }, 'at', from),
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
