import { AppError } from '../../shared/errors'
import type { townshipContract } from '../../shared/township/schema'
import type { Escalation } from '../../shared/evaluation/schema'
import type { EscalationStatus } from '../../shared/evaluation/rules'
import type { Handler } from '../core/dispatch'
import type { HandlerContext } from '../core/context'
import { type Condition, DuplicateKeyError } from '../core/store'
import { villageInScope } from '../core/scope'
import { getMany, queryAll } from '../core/paging'
import { ONE_OPEN_ROUND, newRound } from '../evaluation/open'
import { openSlots } from '../evaluation/slots'
import { escalationPublicViewOf, roundViewOf } from '../evaluation/views'
import { DAY_MS, beijingDay } from '../../shared/time'
import { visibleTo } from '../../shared/integrity/rules'
import { checkedFinding, claimed, handlingGuard, handlingViewOf, recusalPatch, unlessRecused } from '../core/handling'

type C = typeof townshipContract

const PAGE = 20
const NOT_FOUND = '没有找到这个案件'

const signature = (ctx: HandlerContext) => ({ name: ctx.actor.name ?? '', title: ctx.actor.title ?? '' })

async function villageNames(ctx: HandlerContext): Promise<Map<string, string>> {
  const villages = await queryAll(ctx.store, 'village', { townshipId: ctx.actor.townshipId }, { field: 'name', direction: 'asc' })
  return new Map(villages.map((v) => [v._id, v.name]))
}

async function summaryOf(ctx: HandlerContext, e: Escalation, names: Map<string, string>) {
  const rounds = await getMany(ctx.store, 'round', e.roundIds)
  return {
    escalationId: e._id,
    villageId: e.villageId,
    villageName: names.get(e.villageId) ?? '',
    subject: e.subject,
    cycle: e.cycle,
    status: e.status,
    roundIds: e.roundIds,
    rounds: rounds.map((r) => ({ roundId: r._id, title: r.title, closedAt: r.closedAt, tally: r.tally })),
    openedAt: e.openedAt,
    ageDays: Math.floor((Date.parse(ctx.now) - Date.parse(e.openedAt)) / DAY_MS),
  }
}

async function ownCase(ctx: HandlerContext, escalationId: string): Promise<Escalation> {
  const e = await ctx.store.get('escalation', escalationId)
  if (!e || e.townshipId !== ctx.actor.townshipId) throw new AppError('NOT_FOUND', NOT_FOUND)
  // A staff member who stepped aside (回避) no longer sees the case at all.
  return unlessRecused(ctx, e, NOT_FOUND)
}

/** The township's case inbox, newest first; by status and village. Cases the caller stepped aside from are left out (a page may then be short). */
export const listEscalations: Handler<C['listEscalations']> = async (ctx, input) => {
  const where: Record<string, Condition> = input.villageId ? { villageId: (await villageInScope(ctx, input.villageId))._id } : { townshipId: ctx.actor.townshipId }
  if (input.status) where.status = input.status
  const page = await ctx.store.query('escalation', { where, orderBy: { field: 'openedAt', direction: 'desc' }, limit: PAGE, cursor: input.cursor })
  const names = await villageNames(ctx)
  return { items: await Promise.all(visibleTo(page.items, ctx.actor.personId).map((e) => summaryOf(ctx, e, names))), nextCursor: page.nextCursor }
}

export const getEscalation: Handler<C['getEscalation']> = async (ctx, input) => {
  const e = await ownCase(ctx, input.escalationId)
  const [cycles, rounds, names] = await Promise.all([
    queryAll(ctx.store, 'escalation', { subjectKey: e.subjectKey }, { field: 'cycle', direction: 'asc' }),
    queryAll(ctx.store, 'round', { subjectKey: e.subjectKey }, { field: 'seq', direction: 'asc' }),
    villageNames(ctx),
  ])
  return {
    escalation: {
      ...(await summaryOf(ctx, e, names)),
      notes: e.notes,
      rectification: e.rectification,
      villageReport: e.villageReport,
      closedAt: e.closedAt,
      conclusion: e.closedBy?.conclusion ?? null,
      reevaluationRoundId: e.reevaluationRoundId,
      ...(await handlingViewOf(ctx, e)),
    },
    cycles: cycles.map(escalationPublicViewOf),
    rounds: await Promise.all(rounds.map((r) => roundViewOf(ctx, r))),
  }
}

/** Moves the case on, only if nobody else moved it (or stepped aside from it) first; the first to act becomes its handler. */
async function advance(ctx: HandlerContext, e: Escalation, patch: Partial<Omit<Escalation, '_id'>>): Promise<{ status: EscalationStatus }> {
  if (!(await ctx.store.update('escalation', e._id, { ...patch, ...claimed(ctx, e) }, { status: e.status, ...handlingGuard(e) }))) throw new AppError('CONFLICT')
  return { status: patch.status ?? e.status }
}

export const addNote: Handler<C['addNote']> = async (ctx, input) => {
  const e = await ownCase(ctx, input.escalationId)
  if (e.status === 'closed') throw new AppError('CONFLICT', '案件已经办结')
  const notes = [...e.notes, { at: ctx.now, ...signature(ctx), text: input.text }]
  return advance(ctx, e, { notes, status: e.status === 'open' ? 'investigating' : e.status })
}

export const orderRectification: Handler<C['orderRectification']> = async (ctx, input) => {
  const e = await ownCase(ctx, input.escalationId)
  if (e.status !== 'open' && e.status !== 'investigating') throw new AppError('CONFLICT', '这个案件已经下达过整改要求')
  if (input.dueAt < beijingDay(ctx.now)) throw new AppError('INVALID_INPUT', '整改期限不能早于今天')
  return advance(ctx, e, { status: 'rectifying', rectification: { what: input.what, dueAt: input.dueAt, at: ctx.now, ...signature(ctx) } })
}

/**
 * Closes the case and, in the same transaction, opens the subject's
 * re-evaluation round; its streak starts from zero.
 */
export const closeEscalation: Handler<C['closeEscalation']> = async (ctx, input) => {
  const e = await ownCase(ctx, input.escalationId)
  if (e.status === 'closed') throw new AppError('CONFLICT', '案件已经办结')
  if (e.status === 'rectifying') throw new AppError('CONFLICT', '村里还没有报告整改情况，报告后才能办结')
  const findingAppointmentIds = await checkedFinding(ctx, e.villageId, input.findingAppointmentIds)
  const round = await newRound(
    ctx.store,
    {
      villageId: e.villageId,
      townshipId: e.townshipId,
      subject: e.subject,
      title: `${e.subject.title}（整改后再评议）`.slice(0, 60),
      closesAt: input.reevaluationClosesAt,
      openedBy: { personId: ctx.actor.personId ?? '', ...signature(ctx) },
      reevaluationOf: e._id,
    },
    ctx.now,
  )
  try {
    await ctx.store.transaction(async (tx) => {
      const closedBy = { ...signature(ctx), conclusion: input.conclusion }
      const patch = { status: 'closed' as const, closedAt: ctx.now, closedBy, reevaluationRoundId: round._id, findingAppointmentIds, ...claimed(ctx, e) }
      if (!(await tx.update('escalation', e._id, patch, { status: e.status, ...handlingGuard(e) }))) throw new AppError('CONFLICT')
      await tx.insert('round', round)
    })
  } catch (error) {
    if (error instanceof DuplicateKeyError) throw new AppError('CONFLICT', ONE_OPEN_ROUND)
    throw error
  }
  await openSlots(ctx.store, round)
  return { status: 'closed' as const, reevaluationRoundId: round._id }
}

/**
 * 回避: the caller declares a conflict of interest and steps aside; the case goes to another active staff member
 * (shared/integrity/rules.ts nextHandler), both steps are kept on the case, and from now on the caller does not see it.
 * The audit entry names the case and, through the answer's handlerId, who took it over.
 */
export const recuseCase: Handler<C['recuseCase']> = async (ctx, input) => {
  const e = await ownCase(ctx, input.escalationId)
  const { patch, handedTo } = await recusalPatch(ctx, e, input)
  if (!(await ctx.store.update('escalation', e._id, patch, { status: e.status, ...handlingGuard(e) }))) throw new AppError('CONFLICT')
  return { handlerId: handedTo.personId, handlerName: `${handedTo.title}${handedTo.name}` }
}
