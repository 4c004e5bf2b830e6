import { AppError } from '../../shared/errors'
import type { evaluationContract, Proxy, Round } from '../../shared/evaluation/schema'
import { proxyCovers } from '../../shared/evaluation/rules'
import type { Handler } from '../core/dispatch'
import { type HandlerContext, newId } from '../core/context'
import { queryAll } from '../core/paging'
import { DAY_MS } from '../../shared/time'

type C = typeof evaluationContract

const MAX_PROXY_DAYS = 366

/** The household's standing proxy, found by its unique key. */
async function standingProxy(ctx: HandlerContext, householdId: string): Promise<Proxy | null> {
  const { items } = await ctx.store.query('proxy', {
    where: { activeKey: householdId },
    orderBy: { field: 'activeKey', direction: 'asc' },
    limit: 1,
  })
  return items[0] ?? null
}

/**
 * The standing proxy `voteRight` would look at for the caller (none for a representative, who needs none): it
 * needs no round, so a vote reads it together with the round.
 */
export async function callersProxy(ctx: HandlerContext): Promise<Proxy | null> {
  const { actor } = ctx
  return actor.role === 'villager' && actor.householdId && !actor.isRepresentative ? standingProxy(ctx, actor.householdId) : null
}

/**
 * How the caller may vote for their household in this round: as its representative, by proxy, or not at all.
 * `proxy`: what `callersProxy` read, when it was read already.
 */
export async function voteRight(ctx: HandlerContext, round: Round, proxy?: Proxy | null): Promise<'representative' | 'proxy' | null> {
  const { actor } = ctx
  if (actor.role !== 'villager' || !actor.householdId || round.villageId !== actor.villageId) return null
  if (actor.isRepresentative) return 'representative'
  const standing = proxy === undefined ? await standingProxy(ctx, actor.householdId) : proxy
  return standing && standing.toMemberId === actor.memberId && proxyCovers(standing, round._id, ctx.now) ? 'proxy' : null
}

async function viewOf(ctx: HandlerContext, p: Proxy) {
  const round = p.roundId ? await ctx.store.get('round', p.roundId) : null
  return {
    proxyId: p._id,
    toMemberId: p.toMemberId,
    toName: p.toName,
    round: round ? { roundId: round._id, title: round.title } : null,
    until: p.until,
    createdAt: p.createdAt,
    inForce: p.roundId ? round?.status === 'open' : proxyCovers(p, '', ctx.now),
  }
}

const householdMembers = (ctx: HandlerContext, householdId: string) =>
  queryAll(ctx.store, 'member', { householdId }, { field: 'requestedAt', direction: 'asc' }).then((ms) => ms.filter((m) => m.status === 'active'))

export const proxies: Handler<C['proxies']> = async (ctx) => {
  const { actor } = ctx
  if (!actor.householdId) throw new AppError('NOT_FOUND', '没有找到您的户')
  const [members, proxy] = await Promise.all([householdMembers(ctx, actor.householdId), standingProxy(ctx, actor.householdId)])
  return {
    isRepresentative: actor.isRepresentative,
    members: members.filter((m) => m._id !== actor.memberId).map((m) => ({ memberId: m._id, name: m.name })),
    granted: actor.isRepresentative && proxy ? await viewOf(ctx, proxy) : null,
    held: proxy && proxy.toMemberId === actor.memberId ? { ...(await viewOf(ctx, proxy)), fromName: members.find((m) => m._id === proxy.fromMemberId)?.name ?? '' } : null,
  }
}

/**
 * The representative hands the vote on; a standing proxy is replaced in the
 * same transaction, and the unique key keeps one standing proxy per household.
 */
export const grantProxy: Handler<C['grantProxy']> = async (ctx, input) => {
  const { actor } = ctx
  if (!actor.isRepresentative || !actor.householdId || !actor.memberId) throw new AppError('FORBIDDEN', '只有户代表可以委托别人投票')
  if ((input.roundId ? 1 : 0) + (input.until ? 1 : 0) !== 1) {
    throw new AppError('INVALID_INPUT', '请选择委托哪一轮评议，或委托到哪一天')
  }
  const member = await ctx.store.get('member', input.toMemberId)
  if (!member || member.householdId !== actor.householdId || member.status !== 'active' || member._id === actor.memberId) {
    throw new AppError('NOT_FOUND', '本户监督群里没有这个人')
  }
  if (input.roundId) {
    const round = await ctx.store.get('round', input.roundId)
    if (!round || round.villageId !== actor.villageId) throw new AppError('NOT_FOUND', '没有找到这轮评议')
    if (round.status !== 'open') throw new AppError('CONFLICT', '这轮评议已经结束')
  }
  const until = input.until ? new Date(Date.parse(input.until)).toISOString() : null
  if (until && (until <= ctx.now || Date.parse(until) - Date.parse(ctx.now) > MAX_PROXY_DAYS * DAY_MS)) {
    throw new AppError('INVALID_INPUT', '委托截止时间要在今天之后、一年以内')
  }
  const previous = await standingProxy(ctx, actor.householdId)
  const proxy: Proxy = {
    _id: newId('px'),
    villageId: actor.villageId ?? '',
    householdId: actor.householdId,
    activeKey: actor.householdId,
    status: 'active',
    fromMemberId: actor.memberId,
    toMemberId: member._id,
    toName: member.name,
    roundId: input.roundId ?? null,
    until,
    createdAt: ctx.now,
    revokedAt: null,
  }
  await ctx.store.transaction(async (tx) => {
    if (previous && !(await tx.update('proxy', previous._id, { status: 'revoked', activeKey: previous._id, revokedAt: ctx.now }, { status: 'active' }))) {
      throw new AppError('CONFLICT')
    }
    await tx.insert('proxy', proxy)
  })
  return viewOf(ctx, proxy)
}

export const revokeProxy: Handler<C['revokeProxy']> = async (ctx) => {
  const { actor } = ctx
  if (!actor.isRepresentative || !actor.householdId) throw new AppError('FORBIDDEN', '只有户代表可以收回委托')
  const proxy = await standingProxy(ctx, actor.householdId)
  if (!proxy) throw new AppError('NOT_FOUND', '本户现在没有委托')
  await ctx.store.update('proxy', proxy._id, { status: 'revoked', activeKey: proxy._id, revokedAt: ctx.now }, { status: 'active' })
  return {}
}
