import type { townshipContract } from '../../shared/township/schema'
import type { Handler } from '../core/dispatch'
import type { Condition } from '../core/store'
import { villageInScope } from '../core/scope'
import { verifyAudit as verifyAuditChainOf } from '../core/audit-log'

type C = typeof townshipContract

const PAGE = 50

/**
 * The audit log of the caller's township. One filter is served by its index
 * (person, else village, else action); the others narrow the page read.
 */
export const audit: Handler<C['audit']> = async (ctx, input) => {
  if (input.villageId) await villageInScope(ctx, input.villageId)
  const where: Record<string, Condition> = input.personId
    ? { personId: input.personId }
    : input.villageId
      ? { villageId: input.villageId }
      : input.operation
        ? { townshipId: ctx.actor.townshipId, action: input.operation }
        : { townshipId: ctx.actor.townshipId }
  const page = await ctx.store.query('audit', { where, orderBy: { field: 'at', direction: 'desc' }, limit: PAGE, cursor: input.cursor })
  const items = page.items.filter(
    (e) => e.townshipId === ctx.actor.townshipId && (!input.villageId || e.villageId === input.villageId) && (!input.operation || e.action === input.operation),
  )
  return {
    items: items.map(({ _id, townshipId, ...entry }) => entry),
    nextCursor: page.nextCursor,
  }
}

/** township.verifyAudit: the caller's township's chain, recomputed from what is stored. */
export const verifyAudit: Handler<C['verifyAudit']> = async (ctx) => verifyAuditChainOf(ctx.store, ctx.actor.townshipId!, ctx.clock.now())
