import { createHash } from 'node:crypto'
import { AppError } from '../../shared/errors'
import type { topicContract, Topic } from '../../shared/topic/schema'
import { dueAtOf, dueDayProblem, topicDutyStatus, topicFigures } from '../../shared/topic/rules'
import type { Handler } from '../core/dispatch'
import type { HandlerContext } from '../core/context'
import { type Condition, DuplicateKeyError } from '../core/store'
import { getInVillage, villageInScope } from '../core/scope'
import { queryAll } from '../core/paging'

type C = typeof topicContract

const PAGE = 20
const NOT_FOUND = '没有找到这条点题'
/** A village's requests read at once for counts and figures; far above what a village asks in years. */
const ALL = 100_000

/** What the requester and the chair see; the committees get `dutyOf` instead, without the name. */
const viewOf = (t: Topic, now: string) => ({
  topicId: t._id,
  villageId: t.villageId,
  title: t.title,
  reason: t.reason,
  status: t.status,
  requester: t.requesterName,
  askedAt: t.askedAt,
  dutyTitle: t.dutyTitle,
  kind: t.kind,
  section: t.section,
  dueAt: t.dueAt,
  dutyStatus: topicDutyStatus(t, now),
  decidedAt: t.decidedAt,
  decidedBy: t.decidedBy,
  declineReason: t.declineReason,
  disclosureId: t.disclosureId,
  disclosedAt: t.disclosedAt,
})

/**
 * Files one request. Its id is derived from the person and the phone's request id, so a retry on a weak
 * network, or the same tap arriving twice at once, finds the record already made.
 */
export const ask: Handler<C['ask']> = async (ctx, input) => {
  const { actor } = ctx
  const topicId = `tp_${createHash('sha256').update(`${actor.personId}:${input.requestId}`).digest('base64url').slice(0, 22)}`
  const existing = await ctx.store.get('topic', topicId)
  if (existing) return { topicId, status: existing.status }
  const topic: Topic = {
    _id: topicId,
    villageId: actor.villageId ?? '',
    personId: actor.personId ?? '',
    householdId: actor.householdId ?? '',
    requesterName: actor.name ?? '',
    title: input.title,
    reason: input.reason,
    status: 'asked',
    askedAt: ctx.now,
    dutyTitle: null,
    kind: null,
    section: null,
    dueDay: null,
    dueAt: null,
    decidedAt: null,
    decidedBy: null,
    declineReason: null,
    disclosureId: null,
    disclosedAt: null,
  }
  try {
    await ctx.store.insert('topic', topic)
  } catch (error) {
    if (!(error instanceof DuplicateKeyError)) throw error
    const made = await ctx.store.get('topic', topicId)
    return { topicId, status: made?.status ?? 'asked' }
  }
  return { topicId, status: 'asked' as const }
}

export const mine: Handler<C['mine']> = async (ctx, input) => {
  const page = await ctx.store.query('topic', { where: { personId: ctx.actor.personId }, orderBy: { field: 'askedAt', direction: 'desc' }, limit: PAGE, cursor: input.cursor })
  return { items: page.items.map((t) => viewOf(t, ctx.now)), nextCursor: page.nextCursor }
}

/** Forwarded topics of a village still owed, oldest due first (the overdue count reads them). */
const owed = (ctx: HandlerContext, villageId: string) => queryAll(ctx.store, 'topic', { villageId, status: 'forwarded' }, { field: 'dueAt', direction: 'asc' }, ALL)

/** The chair's collection: every request of the village, or those of one status, with what needs doing counted. */
export const inbox: Handler<C['inbox']> = async (ctx, input) => {
  const village = await villageInScope(ctx)
  const where: Record<string, Condition> = { villageId: village._id }
  if (input.status) where.status = input.status
  const [page, waiting, forwarded] = await Promise.all([
    ctx.store.query('topic', { where, orderBy: { field: 'askedAt', direction: 'desc' }, limit: PAGE, cursor: input.cursor }),
    ctx.store.count('topic', { villageId: village._id, status: 'asked' }),
    owed(ctx, village._id),
  ])
  return {
    items: page.items.map((t) => viewOf(t, ctx.now)),
    nextCursor: page.nextCursor,
    counts: { waiting, overdue: forwarded.filter((t) => topicDutyStatus(t, ctx.now) === 'overdue').length },
  }
}

const decidedBy = (ctx: HandlerContext) => `${ctx.actor.title ?? ''}${ctx.actor.name ?? ''}`

/** The chair hands a request to the committees as a disclosure duty; guarded on it still waiting. */
export const forward: Handler<C['forward']> = async (ctx, input) => {
  const t = await getInVillage(ctx, 'topic', input.topicId, NOT_FOUND)
  if (t.status !== 'asked') throw new AppError('CONFLICT', '这条点题已经处理过了')
  const problem = dueDayProblem(input.dueDay, ctx.now)
  if (problem) throw new AppError('INVALID_INPUT', problem)
  const dueAt = dueAtOf(input.dueDay)
  const patch = {
    status: 'forwarded' as const,
    dutyTitle: input.title ?? t.title,
    kind: input.kind,
    section: input.section,
    dueDay: input.dueDay,
    dueAt,
    decidedAt: ctx.now,
    decidedBy: decidedBy(ctx),
  }
  if (!(await ctx.store.update('topic', t._id, patch, { status: 'asked' }))) throw new AppError('CONFLICT', '这条点题已经处理过了')
  return { status: 'forwarded' as const, dueAt }
}

/** The chair declines with a reason the requester reads. */
export const decline: Handler<C['decline']> = async (ctx, input) => {
  const t = await getInVillage(ctx, 'topic', input.topicId, NOT_FOUND)
  if (t.status !== 'asked') throw new AppError('CONFLICT', '这条点题已经处理过了')
  const patch = { status: 'declined' as const, declineReason: input.reason, decidedAt: ctx.now, decidedBy: decidedBy(ctx) }
  if (!(await ctx.store.update('topic', t._id, patch, { status: 'asked' }))) throw new AppError('CONFLICT', '这条点题已经处理过了')
  return { status: 'declined' as const }
}

/** A forwarded topic as a duty: what the committees see (no requester). */
const dutyOf = (t: Topic, now: string) => ({
  topicId: t._id,
  title: t.dutyTitle ?? t.title,
  reason: t.reason,
  kind: t.kind ?? 'village',
  section: t.section ?? 'services',
  dueAt: t.dueAt ?? '',
  status: topicDutyStatus(t, now) ?? 'notDue',
  forwardedAt: t.decidedAt ?? '',
  disclosureId: t.disclosureId,
  disclosedAt: t.disclosedAt,
})

/** Forwarded topics as disclosure duties, the soonest due first; those disclosed after them. */
export const duties: Handler<C['duties']> = async (ctx, input) => {
  const village = await villageInScope(ctx, input.villageId)
  const [open, done] = await Promise.all([
    owed(ctx, village._id),
    input.open ? [] : queryAll(ctx.store, 'topic', { villageId: village._id, status: 'disclosed' }, { field: 'dueAt', direction: 'desc' }, ALL),
  ])
  const items = [...open, ...done].map((t) => dutyOf(t, ctx.now))
  return {
    items,
    overdueCount: items.filter((d) => d.status === 'overdue').length,
    lateCount: items.filter((d) => d.status === 'late').length,
  }
}

/** Requested, forwarded, declined, disclosed on time or late, overdue: the chair's village or the township's. */
export const figures: Handler<C['figures']> = async (ctx, input) => {
  const villages =
    ctx.actor.role === 'township' && !input.villageId
      ? await queryAll(ctx.store, 'village', { townshipId: ctx.actor.townshipId }, { field: 'name', direction: 'asc' })
      : [await villageInScope(ctx, input.villageId)]
  const all: Topic[] = []
  const rows = []
  for (const village of villages) {
    const items = await queryAll(ctx.store, 'topic', { villageId: village._id }, { field: 'askedAt', direction: 'asc' }, ALL)
    all.push(...items)
    rows.push({ villageId: village._id, villageName: village.name, ...topicFigures(items, ctx.now) })
  }
  return { villages: rows, total: topicFigures(all, ctx.now) }
}
