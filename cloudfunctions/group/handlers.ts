import { AppError } from '../../shared/errors'
import { liveParameters } from '../../shared/group/rules'
import type { groupContract, GroupBinding } from '../../shared/group/schema'
import { beijingDay } from '../../shared/time'
import type { Handler } from '../core/dispatch'
import type { HandlerContext } from '../core/context'
import { DuplicateKeyError } from '../core/store'
import { roundInScope } from '../evaluation/views'
import { bindingInVillage, boundGroupOf, groupKeyFrom, groupViewOf, NO_GROUP } from './bindings'
import { participantsOf } from './cards'

type C = typeof groupContract

/**
 * The chair binds the group the binding card was opened in: the phone hands over the cloudID of
 * wx.getGroupEnterInfo, the server resolves it (core/open-data.ts). A group is bound to one village at a time
 * (its key is the record's id); binding it again records the new who and when (rebinding).
 */
export const bind: Handler<C['bind']> = async (ctx, input) => {
  const villageId = ctx.actor.villageId
  const village = ctx.caller.village
  if (!villageId || !village) throw new AppError('FORBIDDEN')
  const key = await groupKeyFrom(ctx, input.cloudId)
  if (!key) throw new AppError('INVALID_INPUT', NO_GROUP)
  const existing = await ctx.store.get('group_binding', key)
  if (existing?.status === 'bound' && existing.villageId !== villageId) {
    throw new AppError('CONFLICT', '这个群已经绑定了别的村，请那个村的监督委员会主任先解除绑定')
  }
  const binding: GroupBinding = {
    _id: key,
    villageId,
    townshipId: village.townshipId,
    label: input.label ?? existing?.label ?? '',
    status: 'bound',
    boundBy: ctx.actor.personId ?? '',
    boundByName: ctx.actor.name ?? '',
    boundAt: ctx.now,
    unboundAt: null,
  }
  if (existing) {
    // Guarded on what was read: two chairs binding the same group at once cannot both win.
    const { _id, ...patch } = binding
    const done = await ctx.store.update('group_binding', key, patch, { status: existing.status, villageId: existing.villageId, boundAt: existing.boundAt })
    if (!done) throw new AppError('CONFLICT', '这个群刚被绑定过，请刷新后再看')
  } else {
    try {
      await ctx.store.insert('group_binding', binding)
    } catch (error) {
      if (error instanceof DuplicateKeyError) throw new AppError('CONFLICT', '这个群刚被绑定过，请刷新后再看')
      throw error
    }
  }
  return { group: groupViewOf(binding), rebound: existing?.status === 'bound' }
}

export const list: Handler<C['list']> = async (ctx) => {
  const { items } = await ctx.store.query('group_binding', {
    where: { villageId: ctx.actor.villageId, status: 'bound' },
    orderBy: { field: 'boundAt', direction: 'asc' },
    limit: 100,
  })
  return { groups: items.map(groupViewOf) }
}

export const unbind: Handler<C['unbind']> = async (ctx, input) => {
  const binding = await bindingInVillage(ctx, input.groupId)
  const done = await ctx.store.update('group_binding', binding._id, { status: 'unbound', unboundAt: ctx.now }, { status: 'bound', villageId: binding.villageId })
  if (!done) throw new AppError('CONFLICT', '这个群已经解除绑定了')
  return { groupId: binding._id }
}

/**
 * The household's last day seen from its village's group: one record per household, set to today. A same-day
 * open writes nothing; two opens at once both write today, so the race is harmless.
 */
async function markSeen(ctx: HandlerContext, householdId: string, villageId: string) {
  const day = beijingDay(ctx.now)
  const seen = await ctx.store.get('group_seen', householdId)
  if (seen?.day === day && seen.villageId === villageId) return
  if (seen) {
    await ctx.store.update('group_seen', householdId, { day, villageId })
    return
  }
  try {
    await ctx.store.insert('group_seen', { _id: householdId, villageId, day })
  } catch (error) {
    if (!(error instanceof DuplicateKeyError)) throw error
    await ctx.store.update('group_seen', householdId, { day, villageId })
  }
}

export const opened: Handler<C['opened']> = async (ctx, input) => {
  const binding = await boundGroupOf(ctx, input.cloudId)
  if (!binding) return { group: null, member: false, canJoin: false }
  const { member } = ctx.caller
  const isMember = member?.status === 'active' && member.villageId === binding.villageId && ctx.actor.role !== 'guest'
  const [village] = await Promise.all([
    ctx.caller.village?._id === binding.villageId ? ctx.caller.village : ctx.store.get('village', binding.villageId),
    isMember ? markSeen(ctx, member.householdId, binding.villageId) : null,
  ])
  const township = village ? await ctx.store.get('township', village.townshipId) : null
  // Only someone with no post, no membership and no request waiting is offered joining.
  const canJoin = ctx.actor.role === 'guest' && member?.status !== 'pending'
  return {
    group: village ? { villageId: village._id, villageName: village.name, townshipName: township?.name ?? '', label: binding.label } : null,
    member: isMember,
    canJoin: village !== null && canJoin,
  }
}

/**
 * The card to share a round with. Live: the activity id and the template's two counts for wx.updateShareMenu.
 * An id past its life (the timer renews it within a minute) or no id at all: an ordinary card.
 */
export const roundCard: Handler<C['roundCard']> = async (ctx, input) => {
  const round = await roundInScope(ctx, input.roundId)
  const [card, participants] = await Promise.all([ctx.store.get('round_card', round._id), participantsOf(ctx.store, round)])
  const usable = card?.state === 'live' && round.status === 'open' && card.activityId !== null && (card.activityExpiresAt ?? '') > ctx.now
  return {
    roundId: round._id,
    title: round.title,
    closesAt: round.closesAt,
    state: usable ? 'live' : card?.state === 'final' || round.status !== 'open' ? 'final' : 'degraded',
    activityId: usable ? card.activityId : null,
    parameterList: usable ? liveParameters(participants, round.eligible) : [],
    participants,
    eligible: round.eligible,
  }
}
