import { AppError } from '../../shared/errors'
import type { memberContract, Member } from '../../shared/member/schema'
import { successorOf, coveragePermille } from '../../shared/member/rules'
import { householdsActiveInGroup } from '../group/bindings'
import type { Household, Village } from '../../shared/township/schema'
import type { Handler } from '../core/dispatch'
import type { HandlerContext } from '../core/context'
import { getInVillage } from '../core/scope'
import { queryAll } from '../core/paging'
import type { Condition } from '../core/store'
import { revokeSessions } from '../core/sessions'

type C = typeof memberContract

const rosterView = (h: Household) => ({
  householdId: h._id,
  number: h.number,
  headName: h.headName,
  groupName: h.groupName,
  size: h.size,
  inGroup: h.inGroup,
})

export const roster: Handler<C['roster']> = async (ctx, input) => {
  const where: Record<string, Condition> = { villageId: ctx.actor.villageId }
  if (input.inGroup !== undefined) where.inGroup = input.inGroup
  const page = await ctx.store.query('household', {
    where,
    orderBy: { field: 'number', direction: 'asc' },
    limit: 20,
    cursor: input.cursor,
  })
  return { items: page.items.map(rosterView), nextCursor: page.nextCursor }
}

const membersOf = (ctx: HandlerContext, householdId: string) => queryAll(ctx.store, 'member', { householdId }, { field: 'requestedAt', direction: 'asc' }, 200)

export const household: Handler<C['household']> = async (ctx, input) => {
  const h = await getInVillage(ctx, 'household', input.householdId, '没有找到这一户')
  const members = (await membersOf(ctx, h._id)).filter((m) => m.status === 'active' || m.status === 'removed')
  return {
    household: rosterView(h),
    members: members.map((m) => ({
      memberId: m._id,
      name: m.name,
      status: m.status,
      isRepresentative: h.representativeMemberId === m._id,
      requestedAt: m.requestedAt,
      decidedAt: m.decidedAt,
      reason: m.reason,
    })),
  }
}

export const setRepresentative: Handler<C['setRepresentative']> = async (ctx, input) => {
  const member = await getInVillage(ctx, 'member', input.memberId, '没有找到这位成员')
  if (member.status !== 'active') throw new AppError('CONFLICT', '只有已经入群的成员才能当户代表')
  await ctx.store.transaction(async (tx) => {
    const current = await tx.get('member', member._id)
    const h = await tx.get('household', member.householdId)
    if (current?.status !== 'active' || !h) throw new AppError('CONFLICT', '只有已经入群的成员才能当户代表')
    const moved = await tx.update('household', h._id, { representativeMemberId: member._id, inGroup: true }, { representativeMemberId: h.representativeMemberId })
    if (!moved) throw new AppError('CONFLICT')
  })
  return { householdId: member.householdId, memberId: member._id }
}

export const remove: Handler<C['remove']> = async (ctx, input) => {
  const member = await getInVillage(ctx, 'member', input.memberId, '没有找到这位成员')
  return removeMember(ctx, member, input.reason)
}

/**
 * Takes a member out of the group, in one transaction with handing the
 * household's vote to the next member (or the household leaves the group).
 * Ballots already cast stay counted: they never named anyone.
 */
export async function removeMember(ctx: HandlerContext, member: Member, reason: string) {
  if (member.status !== 'active') throw new AppError('CONFLICT', '这位成员已经不在群里了')
  const successor = successorOf(await membersOf(ctx, member.householdId), member._id)
  const householdInGroup = await ctx.store.transaction(async (tx) => {
    const removed = await tx.update('member', member._id, { status: 'removed', decidedAt: ctx.now, decidedBy: ctx.actor.personId, reason }, { status: 'active' })
    if (!removed) throw new AppError('CONFLICT', '这位成员已经不在群里了')
    await revokeSessions(tx, member.personId)
    const h = await tx.get('household', member.householdId)
    if (!h || h.representativeMemberId !== member._id) return h?.inGroup ?? false
    // The vote passes on only to someone still active at this moment.
    const heir = successor ? await tx.get('member', successor._id) : null
    const next = heir?.status === 'active' ? heir._id : null
    const handed = await tx.update('household', h._id, { representativeMemberId: next, inGroup: next !== null }, { representativeMemberId: member._id })
    if (!handed) throw new AppError('CONFLICT')
    return next !== null
  })
  return { memberId: member._id, householdInGroup }
}

async function villageCoverage(ctx: HandlerContext, village: Village) {
  const [householdsOnRoster, householdsInGroup, householdsActive, groupsBound] = await Promise.all([
    ctx.store.count('household', { villageId: village._id }),
    ctx.store.count('household', { villageId: village._id, inGroup: true }),
    householdsActiveInGroup(ctx.store, village._id, ctx.now),
    ctx.store.count('group_binding', { villageId: village._id, status: 'bound' }),
  ])
  return {
    villageId: village._id,
    name: village.name,
    joinCode: village.joinCode,
    householdsOnRoster,
    householdsInGroup,
    coveragePermille: coveragePermille(householdsInGroup, householdsOnRoster),
    householdsActiveInGroup: householdsActive,
    groupsBound,
  }
}

export const coverage: Handler<C['coverage']> = async (ctx) => {
  const { actor, store } = ctx
  const villages =
    actor.role === 'township'
      ? await queryAll(store, 'village', { townshipId: actor.townshipId }, { field: 'name', direction: 'asc' })
      : [await store.get('village', actor.villageId ?? '')].flatMap((v) => (v ? [v] : []))
  return { villages: await Promise.all(villages.map((v) => villageCoverage(ctx, v))) }
}
