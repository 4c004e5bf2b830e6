import { AppError } from '../../shared/errors'
import type { Village } from '../../shared/township/schema'
import type { HandlerContext } from './context'
import type { Scalar } from './store'
import type { CollectionName, Collections } from './collections'

/**
 * The village an action works on. Village roles always get their own village
 * (naming another one reads as "not found", so nothing leaks); township staff
 * must name a village of their own township.
 */
export async function villageInScope(ctx: HandlerContext, requested?: string): Promise<Village> {
  const { actor, store } = ctx
  const villageId = actor.role === 'township' ? requested : actor.villageId
  if (actor.role === 'township' && !requested) throw new AppError('INVALID_INPUT', '请先选择一个村')
  if (!villageId || (requested && requested !== villageId)) throw new AppError('NOT_FOUND', '没有找到这个村')
  // A village role's own village was read with the caller (core/actor.ts); staff name one of their township's.
  const village = ctx.caller.village?._id === villageId ? ctx.caller.village : await store.get('village', villageId)
  if (!village || (actor.role === 'township' && village.townshipId !== actor.townshipId)) {
    throw new AppError('NOT_FOUND', '没有找到这个村')
  }
  return village
}

/** A record of the caller's own village, or NOT_FOUND — never a hint that it exists elsewhere. */
export async function getInVillage<C extends CollectionName>(ctx: HandlerContext, collection: C, id: string, notFound: string): Promise<Collections[C]> {
  const doc = await ctx.store.get(collection, id)
  if (!doc || (doc as { villageId?: Scalar }).villageId !== ctx.actor.villageId) throw new AppError('NOT_FOUND', notFound)
  return doc
}
