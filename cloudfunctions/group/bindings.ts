import { AppError } from '../../shared/errors'
import type { GroupBinding, GroupSeen } from '../../shared/group/schema'
import { activeSinceDay } from '../../shared/group/rules'
import type { Page, Store } from '../core/store'
import type { HandlerContext } from '../core/context'
import { groupKeyOf } from '../core/open-data'

export const NO_GROUP = '没有读到群的信息。请在村监督群里点开卡片，再试一次'

/** The group a cloudID stands for, as its stored key (the opengid is never kept); null when it gives none. */
export async function groupKeyFrom(ctx: Pick<HandlerContext, 'openData'>, cloudId: string): Promise<string | null> {
  const group = await ctx.openData.groupOf(cloudId).catch((error: unknown) => {
    // An expired or foreign cloudID is "not from a group", not a failure of the call.
    console.warn(`[group] cloudID not resolved: ${String(error)}`)
    return null
  })
  return group?.opengid ? groupKeyOf(group.opengid) : null
}

/** The bound group a cloudID stands for, or null (no group, or a group no village has bound). */
export async function boundGroupOf(ctx: Pick<HandlerContext, 'openData' | 'store'>, cloudId: string): Promise<GroupBinding | null> {
  const key = await groupKeyFrom(ctx, cloudId)
  if (!key) return null
  const binding = await ctx.store.get('group_binding', key)
  return binding?.status === 'bound' ? binding : null
}

/** A chair's own village's binding, or NOT_FOUND. */
export async function bindingInVillage(ctx: HandlerContext, groupId: string): Promise<GroupBinding> {
  const binding = await ctx.store.get('group_binding', groupId)
  if (!binding || binding.villageId !== ctx.actor.villageId || binding.status !== 'bound') throw new AppError('NOT_FOUND', '没有找到这个群')
  return binding
}

export const groupViewOf = (b: GroupBinding) => ({ groupId: b._id, label: b.label, boundBy: b.boundByName, boundAt: b.boundAt })

/**
 * 群内活跃户: the village's households last seen from a bound group within GROUP_ACTIVE_DAYS. Read newest first and
 * stopped at the first older day, so the cost is the active households, not the village's history.
 */
export async function householdsActiveInGroup(store: Store, villageId: string, now: string): Promise<number> {
  const since = activeSinceDay(now)
  let count = 0
  let cursor: string | null = null
  do {
    const page: Page<GroupSeen> = await store.query('group_seen', { where: { villageId }, orderBy: { field: 'day', direction: 'desc' }, limit: 100, cursor })
    const active = page.items.filter((s) => s.day >= since).length
    count += active
    cursor = active === page.items.length ? page.nextCursor : null
  } while (cursor)
  return count
}
