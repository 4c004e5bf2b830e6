import type { disclosureContract } from '../../shared/contract/disclosure'
import { defaultDuties, dutyPeriods, type Published } from '../../shared/domain/duty'
import type { Handler } from '../core/dispatch'
import { villageInScope } from '../core/scope'
import { newestSince } from '../core/paging'

type C = typeof disclosureContract

const MONTHS = 12

/** Which disclosure duties of the last twelve months were met on time, late, or not at all. */
export const duties: Handler<C['duties']> = async (ctx, input) => {
  const village = await villageInScope(ctx, input.villageId)
  const now = ctx.clock.now()
  // Everything published since the oldest period began, plus the grace after the newest.
  const since = new Date(now.getTime() - (MONTHS + 4) * 31 * 86_400_000).toISOString()
  const published: Published[] = (
    await newestSince(ctx.store, 'disclosure', { villageId: village._id }, 'publishedAt', since)
  ).map((d) => ({ kind: d.kind, section: d.section, period: d.content.period, publishedAt: d.publishedAt }))
  const township = await ctx.store.get('township', village.townshipId)
  const report = (township?.duties ?? defaultDuties).map((duty) => ({
    label: duty.label,
    cadence: duty.cadence,
    dueDays: duty.dueDays,
    periods: dutyPeriods(duty, published, now, MONTHS),
  }))
  const all = report.flatMap((d) => d.periods)
  return {
    duties: report,
    overdueCount: all.filter((p) => p.status === 'overdue').length,
    lateCount: all.filter((p) => p.status === 'late').length,
  }
}
