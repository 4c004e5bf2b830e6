import { AppError } from '../../shared/errors'
import type { evaluationContract, Subject } from '../../shared/evaluation/schema'
import { subjectKeyOf, choices, earlyClose } from '../../shared/evaluation/rules'
import type { Handler } from '../core/dispatch'
import type { HandlerContext } from '../core/context'
import { type Condition, DuplicateKeyError } from '../core/store'
import { villageInScope } from '../core/scope'
import { queryAll } from '../core/paging'
import { ONE_OPEN_ROUND, assertMayOpen, newRound } from './open'
import { stopAndCount } from './closing'
import { openSlots } from './slots'
import { claimPanel, panelPlanFor } from './panel'
import { closeCard, openCard } from '../group/cards'
import { escalationPublicViewOf, roundInScope, roundViewOf } from './views'

type C = typeof evaluationContract

const PAGE = 20

/** How a published answer or report is signed: name and title, never a person id. */
const signature = (ctx: HandlerContext) => ({ name: ctx.actor.name ?? '', title: ctx.actor.title ?? '' })
const byline = (ctx: HandlerContext) => ({ personId: ctx.actor.personId ?? '', ...signature(ctx) })

/** The subject as it is now in the village: a disclosure or a decision, with its title. */
async function subjectIn(ctx: HandlerContext, villageId: string, input: { type: Subject['type']; id: string }): Promise<Subject> {
  if (input.type === 'disclosure') {
    const d = await ctx.store.get('disclosure', input.id)
    if (d?.villageId === villageId) return { type: 'disclosure', id: d._id, title: d.content.title }
    throw new AppError('NOT_FOUND', '本村没有这条公开')
  }
  const d = await ctx.store.get('decision', input.id)
  if (d?.villageId === villageId) return { type: 'decision', id: d._id, title: d.title }
  throw new AppError('NOT_FOUND', '本村没有这项决策')
}

/** Cases of a subject not yet closed: while one is open the subject waits for its re-evaluation. */
const openCaseOf = async (ctx: HandlerContext, subjectKey: string) =>
  (
    await ctx.store.query('escalation', {
      where: { subjectKey, status: { in: ['open', 'investigating', 'rectifying', 'reported'] } },
      orderBy: { field: 'cycle', direction: 'desc' },
      limit: 1,
    })
  ).items[0] ?? null

export const openRound: Handler<C['openRound']> = async (ctx, input) => {
  const village = await villageInScope(ctx)
  const subject = await subjectIn(ctx, village._id, input.subject)
  if (await openCaseOf(ctx, subjectKeyOf(subject))) {
    throw new AppError('CONFLICT', '这个事项正由镇纪委处理，办结后会自动发起再评议')
  }
  await assertMayOpen(ctx.store, village.townshipId, subjectKeyOf(subject), ctx.now)
  // At a 村情发布会 the meeting's panel votes on its agenda item (evaluation/panel.ts).
  const atMeeting = input.meeting ? await panelPlanFor(ctx, village._id, input.meeting, subject) : null
  const round = await newRound(
    ctx.store,
    {
      villageId: village._id,
      townshipId: village.townshipId,
      subject,
      title: input.title,
      closesAt: input.closesAt,
      openedBy: byline(ctx),
      reevaluationOf: null,
      ...(atMeeting ? { panel: atMeeting.plan } : {}),
    },
    ctx.now,
  )
  try {
    // A panel round fixes its meeting's panel in the same transaction (claimPanel), so neither lands alone.
    await ctx.store.transaction(async (tx) => {
      await tx.insert('round', round)
      if (atMeeting) await claimPanel(tx, atMeeting.meeting)
    })
  } catch (error) {
    if (error instanceof DuplicateKeyError) throw new AppError('CONFLICT', ONE_OPEN_ROUND)
    throw error
  }
  await openSlots(ctx.store, round)
  // The card for the village group gets its activity id now, so the chair can share it at once (issue 19).
  await openCard(ctx.store, ctx.updatable, round, ctx.now)
  return { roundId: round._id }
}

export const closeRound: Handler<C['closeRound']> = async (ctx, input) => {
  const round = await roundInScope(ctx, input.roundId)
  if (round.status === 'closed') throw new AppError('CONFLICT', '这轮评议已经结束了')
  // Closing early cuts off households that meant to vote: the chair says why, and the township reads it.
  const reason = input.reason || null
  if (round.status === 'open' && earlyClose(round.closesAt, ctx.now) && !reason) throw new AppError('INVALID_INPUT', '还没到截止时间，提前结束要写明原因')
  const closed = await stopAndCount(ctx.store, round, ctx.now, 'chair', reason)
  await closeCard(ctx.store, ctx.updatable, closed, ctx.now)
  return { tally: closed.tally!, overThreshold: closed.outcome === 'over', outcome: closed.outcome!, escalationId: closed.escalationId }
}

/** 答复释疑: a committee member answers on record a round over the threshold; it is published with the round. */
export const answerRound: Handler<C['answerRound']> = async (ctx, input) => {
  const round = await roundInScope(ctx, input.roundId)
  if (round.status !== 'closed' || round.outcome !== 'over') throw new AppError('CONFLICT', '只有不满意超过比例的评议需要答复')
  // Published with name and title; the person id stays in the record for the township's integrity files (廉政档案).
  const answer = { text: input.answer, at: ctx.now, ...signature(ctx), personId: ctx.actor.personId ?? '' }
  if (!(await ctx.store.update('round', round._id, { answer }, { answer: null }))) {
    throw new AppError('CONFLICT', '这轮评议已经答复过了')
  }
  return {}
}

export const getRound: Handler<C['getRound']> = async (ctx, input) => {
  const round = await roundInScope(ctx, input.roundId)
  // Sorted by receipt, which is random: the list's order says nothing about who voted when. Empty slots are left out.
  const ballots =
    round.status === 'closed'
      ? (await queryAll(ctx.store, 'ballot', { roundId: round._id, choice: { in: choices } }, { field: 'receipt', direction: 'asc' }, 100_000)).map((b) => ({
          receipt: b.receipt,
          choice: b.choice!,
        }))
      : null
  return { ...(await roundViewOf(ctx, round)), ballots }
}

export const listRounds: Handler<C['listRounds']> = async (ctx, input) => {
  const village = await villageInScope(ctx, input.villageId)
  const where: Record<string, Condition> = { villageId: village._id }
  if (input.status === 'open') where.status = { in: ['open', 'counting'] }
  if (input.status === 'closed') where.status = 'closed'
  const page = await ctx.store.query('round', { where, orderBy: { field: 'openedAt', direction: 'desc' }, limit: PAGE, cursor: input.cursor })
  return { items: await Promise.all(page.items.map((r) => roundViewOf(ctx, r))), nextCursor: page.nextCursor }
}

export const subjectHistory: Handler<C['subjectHistory']> = async (ctx, input) => {
  const village = await villageInScope(ctx, input.villageId)
  const subject = await subjectIn(ctx, village._id, input.subject)
  const key = subjectKeyOf(subject)
  const [rounds, escalations] = await Promise.all([
    queryAll(ctx.store, 'round', { subjectKey: key }, { field: 'seq', direction: 'asc' }),
    queryAll(ctx.store, 'escalation', { subjectKey: key }, { field: 'cycle', direction: 'asc' }),
  ])
  return {
    subject,
    rounds: await Promise.all(rounds.map((r) => roundViewOf(ctx, r))),
    escalations: escalations.map(escalationPublicViewOf),
  }
}

/** The village tells villagers what it rectified; then the township can close the case. */
export const reportRectification: Handler<C['reportRectification']> = async (ctx, input) => {
  const e = await ctx.store.get('escalation', input.escalationId)
  if (!e || e.villageId !== ctx.actor.villageId) throw new AppError('NOT_FOUND', '没有找到这个案件')
  if (e.status !== 'rectifying') throw new AppError('CONFLICT', '镇纪委还没有下达整改要求，或已经报告过了')
  const villageReport = { text: input.text, at: ctx.now, ...signature(ctx) }
  if (!(await ctx.store.update('escalation', e._id, { status: 'reported', villageReport }, { status: 'rectifying' }))) {
    throw new AppError('CONFLICT')
  }
  return { status: 'reported' as const }
}
