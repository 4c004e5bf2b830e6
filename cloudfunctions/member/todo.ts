import { AppError } from '../../shared/errors'
import type { memberContract } from '../../shared/member/schema'
import { todoKindsOf, type TodoKind } from '../../shared/todo'
import type { Handler } from '../core/dispatch'
import type { HandlerContext } from '../core/context'
import { queryAll } from '../core/paging'
import type { Page } from '../core/store'
import type { Feedback } from '../../shared/feedback/schema'
import { visibleTo } from '../../shared/integrity/rules'

type C = typeof memberContract

/** Feedback still waiting for a reply (the township's overdue list counts the same statuses). */
const waiting = ['submitted', 'routed', 'agenda'] as const

/**
 * Overdue feedback of one village: its waiting items in deadline order, read only
 * up to the first one still in time (index villageId + status + dueAt).
 */
async function overdueIn(ctx: HandlerContext, villageId: string): Promise<number> {
  let count = 0
  let cursor: string | null = null
  do {
    const page: Page<Feedback> = await ctx.store.query('feedback', {
      where: { villageId, status: { in: [...waiting] } },
      orderBy: { field: 'dueAt', direction: 'asc' },
      limit: 100,
      cursor,
    })
    const late = page.items.filter((f) => f.dueAt < ctx.now).length
    count += late
    if (late < page.items.length) break
    cursor = page.nextCursor
  } while (cursor)
  return count
}

const counters: Record<TodoKind, (ctx: HandlerContext) => Promise<number>> = {
  joinPending: (ctx) => ctx.store.count('member', { villageId: ctx.actor.villageId, status: 'pending' }),
  feedbackToRoute: (ctx) => ctx.store.count('feedback', { villageId: ctx.actor.villageId, status: 'submitted' }),
  feedbackToAnswer: (ctx) => ctx.store.count('feedback', { routedToId: ctx.actor.personId, status: 'routed' }),
  // A round over the threshold needs the committee's answer until it has one (views.ts: needsAnswer).
  roundsToAnswer: (ctx) => ctx.store.count('round', { villageId: ctx.actor.villageId, outcome: 'over', answer: null }),
  // The township removed an item the village had selected (power.removeTownshipItem); the committee's select clears it.
  powerToReview: (ctx) => ctx.store.count('power_selection', { villageId: ctx.actor.villageId, needsReview: true }),
  topicsToDecide: (ctx) => ctx.store.count('topic', { villageId: ctx.actor.villageId, status: 'asked' }),
  // Forwarded and not yet answered by a disclosure (topic.duties), overdue or not.
  topicsToDisclose: (ctx) => ctx.store.count('topic', { villageId: ctx.actor.villageId, status: 'forwarded' }),
  // Items the caller stepped aside from (回避) are not theirs to do: read and left out, not counted by the store.
  newCases: async (ctx) =>
    visibleTo(await queryAll(ctx.store, 'escalation', { townshipId: ctx.actor.townshipId, status: 'open' }, { field: 'openedAt', direction: 'asc' }, 100_000), ctx.actor.personId)
      .length,
  newReports: async (ctx) =>
    visibleTo(await queryAll(ctx.store, 'report', { townshipId: ctx.actor.townshipId, status: 'submitted' }, { field: 'filedAt', direction: 'asc' }, 100_000), ctx.actor.personId)
      .length,
  overdueFeedback: async (ctx) => {
    const villages = await queryAll(ctx.store, 'village', { townshipId: ctx.actor.townshipId }, { field: 'name', direction: 'asc' })
    let total = 0
    for (const v of villages) total += await overdueIn(ctx, v._id)
    return total
  },
}

/** The caller's 待办 counts; each role counts only its own kinds, so a village role never touches reports. */
export const todo: Handler<C['todo']> = async (ctx) => {
  const kinds = todoKindsOf[ctx.actor.role]
  if (!kinds) throw new AppError('FORBIDDEN')
  const { villageId, townshipId } = ctx.actor
  if (ctx.actor.role === 'township' ? !townshipId : !villageId) throw new AppError('FORBIDDEN')
  const counts = await Promise.all(kinds.map((kind) => counters[kind](ctx)))
  return { items: kinds.map((kind, i) => ({ kind, count: counts[i] ?? 0 })) }
}
