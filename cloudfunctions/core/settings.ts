import { AppError } from '../../shared/errors'
import type { Change } from '../../shared/setting'
import type { Township } from '../../shared/township/schema'
import type { HandlerContext } from './context'
import type { Patch } from './store'

/** The caller's township; staff of a township that is gone get NOT_FOUND. */
export async function ownTownship(ctx: HandlerContext): Promise<Township> {
  const township = await ctx.store.get('township', ctx.actor.townshipId ?? '')
  if (!township) throw new AppError('NOT_FOUND', '没有找到本镇')
  return township
}

/** The caller as a setting's history records them: now, and their title and name at this moment. */
export const changeBy = (ctx: HandlerContext): Change => ({ setAt: ctx.now, setBy: `${ctx.actor.title ?? ''}${ctx.actor.name ?? ''}` })

/**
 * Records a change of a township setting from the record as it is now. In a
 * transaction, so two changes made at the same moment both land in the
 * history instead of one overwriting the other.
 */
export function changeTownship(ctx: HandlerContext, patch: (township: Township) => Patch<'township'>): Promise<void> {
  return ctx.store.transaction(async (tx) => {
    const township = await tx.get('township', ctx.actor.townshipId ?? '')
    if (!township) throw new AppError('NOT_FOUND', '没有找到本镇')
    await tx.update('township', township._id, patch(township))
  })
}
