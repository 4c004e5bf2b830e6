import type { townshipContract } from '../../shared/township/schema'
import type { Handler } from '../core/dispatch'

type C = typeof townshipContract

const PAGE = 50

/**
 * The security log (core/attempts.ts writes it), newest first. A deployment serves one township, and a
 * wrong guess belongs to no township (the caller is often a visitor in none), so staff read all of it.
 */
export const securityLog: Handler<C['securityLog']> = async (ctx, input) => {
  const page = await ctx.store.query('security_log', { where: {}, orderBy: { field: 'at', direction: 'desc' }, limit: PAGE, cursor: input.cursor })
  return {
    items: page.items.map((e) => ({ entryId: e._id, at: e.at, kind: e.kind, event: e.event, who: e.who, count: e.count })),
    nextCursor: page.nextCursor,
  }
}
