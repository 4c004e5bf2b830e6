import type { AuditEntry } from '../../shared/audit/schema'
import type { HandlerContext } from './context'
import { EXPORT_KEEP_MS } from './files'
import type { Page } from './store'

/** The actions that write an export file (FileStore.putExport); each audit entry of theirs records its file's id. */
const EXPORT_ACTIONS = ['township.prepareExport', 'power.prepareExportList', 'township.prepareIntegrityExport'] as const

/**
 * Export files of the township that are over a day old, whichever action wrote them. The audit log is the
 * list of them (each prepare's entry records its file's id; cloud storage has no listing). Every prepare,
 * of either kind, deletes all that are over a day old, so for each action this needs to look back only to a
 * day before its newest entry: anything older was deleted by that prepare, which could not have succeeded otherwise.
 */
export async function staleExports(ctx: HandlerContext): Promise<string[]> {
  const stale: string[] = []
  const dayAgo = new Date(Date.parse(ctx.now) - EXPORT_KEEP_MS).toISOString()
  for (const action of EXPORT_ACTIONS) {
    let since: string | null = null
    let cursor: string | null = null
    scan: do {
      const page: Page<AuditEntry> = await ctx.store.query('audit', {
        where: { townshipId: ctx.actor.townshipId, action },
        orderBy: { field: 'at', direction: 'desc' },
        limit: 100,
        cursor,
      })
      for (const entry of page.items) {
        since ??= new Date(Date.parse(entry.at) - EXPORT_KEEP_MS).toISOString()
        if (entry.at < since) break scan
        if (entry.at < dayAgo) stale.push(...entry.records)
      }
      cursor = page.nextCursor
    } while (cursor)
  }
  return stale
}
