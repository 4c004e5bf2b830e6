import type { disclosureContract } from '../../shared/disclosure/schema'
import { dutyReport, type DutySetting, type Published } from '../../shared/disclosure/duty'
import type { Township } from '../../shared/township/schema'
import type { Handler } from '../core/dispatch'
import { villageInScope } from '../core/scope'
import { newestSince } from '../core/paging'
import { addDays } from '../../shared/time'

type C = typeof disclosureContract

const MONTHS = 12

/** A township's duty lists over time; a list stored before settings had dates applies from the start. */
export const dutySettingsOf = (township: Township | null): DutySetting[] => [
  ...(township?.duties ? [{ setAt: '2000-01-01T00:00:00.000Z', duties: township.duties }] : []),
  ...(township?.dutySettings ?? []),
]

/** Which disclosure duties of the last twelve months were met on time, late, or not at all. */
export const duties: Handler<C['duties']> = async (ctx, input) => {
  const village = await villageInScope(ctx, input.villageId)
  const now = ctx.clock.now()
  // Everything published since the oldest period began, plus the grace after the newest.
  const since = addDays(now, -(MONTHS + 4) * 31)
  const published: Published[] = (await newestSince(ctx.store, 'disclosure', { villageId: village._id }, 'publishedAt', since)).map((d) => ({
    kind: d.kind,
    section: d.section,
    period: d.content.period,
    publishedAt: d.publishedAt,
  }))
  const report = dutyReport(dutySettingsOf(await ctx.store.get('township', village.townshipId)), published, now, MONTHS)
  const all = report.flatMap((d) => d.periods)
  return {
    duties: report,
    overdueCount: all.filter((p) => p.status === 'overdue').length,
    lateCount: all.filter((p) => p.status === 'late').length,
  }
}
