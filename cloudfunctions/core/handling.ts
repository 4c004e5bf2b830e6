import { AppError } from '../../shared/errors'
import type { Appointment } from '../../shared/member/schema'
import type { HandlingStep } from '../../shared/integrity/schema'
import { type ConflictKind, type Handled, isRecused, nextHandler, openItemsByHandler } from '../../shared/integrity/rules'
import type { HandlerContext } from './context'
import { getMany, queryAll } from './paging'
import type { Scalar } from './store'

/** A case or report with the handling fields (shared/integrity/schema.ts). */
export type HandledItem = Handled & { handling?: readonly HandlingStep[]; findingAppointmentIds?: readonly string[] }

const OPEN_CASE = ['open', 'investigating', 'rectifying', 'reported'] as const
const OPEN_REPORT = ['submitted', 'acknowledged', 'investigating'] as const

/** The township's active staff posts. */
async function activeStaff(ctx: HandlerContext): Promise<Appointment[]> {
  const posts = await queryAll(ctx.store, 'appointment', { townshipId: ctx.actor.townshipId, role: 'township' }, { field: 'role', direction: 'asc' })
  return posts.filter((a) => a.status === 'active')
}

/** Open cases and reports of the township by handler: who has least to do takes a handed-over item. */
async function openLoad(ctx: HandlerContext): Promise<Map<string, number>> {
  const [cases, reports] = await Promise.all([
    queryAll(ctx.store, 'escalation', { townshipId: ctx.actor.townshipId, status: { in: OPEN_CASE } }, { field: 'openedAt', direction: 'asc' }, 100_000),
    queryAll(ctx.store, 'report', { townshipId: ctx.actor.townshipId, status: { in: OPEN_REPORT } }, { field: 'filedAt', direction: 'asc' }, 100_000),
  ])
  return openItemsByHandler([...cases, ...reports])
}

/** Throws NOT_FOUND when the caller stepped aside from the item: to them it does not exist. */
export function unlessRecused<T extends Handled>(ctx: HandlerContext, item: T, notFound: string): T {
  if (isRecused(item, ctx.actor.personId)) throw new AppError('NOT_FOUND', notFound)
  return item
}

/**
 * What an update of a handled item guards on besides its status: no recusal landed meanwhile (a staff member who
 * stepped aside a moment ago cannot still act on it), and the handler is still who was read.
 */
export const handlingGuard = (item: Handled): Record<string, Scalar> => ({ recusalCount: item.recusalCount ?? null, handlerId: item.handlerId ?? null })

/** The first staff member to take a step on an item with no handler becomes its handler. */
export const claimed = (ctx: HandlerContext, item: Handled) => ({ handlerId: item.handlerId ?? ctx.actor.personId ?? null })

/**
 * The patch of a recusal (回避): the declaration and the handover, both kept on the item; the declarer joins
 * `recusedIds`. Refuses with NO_OTHER_STAFF when no other active staff member may take it.
 */
export async function recusalPatch(ctx: HandlerContext, item: HandledItem, input: { conflict: ConflictKind; reason: string }) {
  const declarer = ctx.actor.personId ?? ''
  const [staff, load] = await Promise.all([activeStaff(ctx), openLoad(ctx)])
  const handlerId = nextHandler(item, declarer, staff, load)
  if (!handlerId) throw new AppError('NO_OTHER_STAFF')
  const post = staff.find((a) => a.personId === handlerId)!
  const handler = await ctx.store.get('person', handlerId)
  const handedTo = { personId: handlerId, name: handler?.name ?? '', title: post.title }
  const steps: HandlingStep[] = [
    { kind: 'recused', at: ctx.now, personId: declarer, name: ctx.actor.name ?? '', title: ctx.actor.title ?? '', conflict: input.conflict, reason: input.reason },
    { kind: 'handedOver', at: ctx.now, ...handedTo, conflict: null, reason: null },
  ]
  return {
    patch: {
      handlerId,
      recusedIds: [...(item.recusedIds ?? []), declarer],
      recusalCount: (item.recusalCount ?? 0) + 1,
      handling: [...(item.handling ?? []), ...steps],
    },
    handedTo,
  }
}

/**
 * Checks the posts a finding names: each a chair or committee post (current or past) of the item's village.
 * Answers them in the order given, without repeats.
 */
export async function checkedFinding(ctx: HandlerContext, villageId: string, ids: readonly string[] | undefined): Promise<string[]> {
  const unique = [...new Set(ids ?? [])]
  const posts = await getMany(ctx.store, 'appointment', unique)
  if (posts.length !== unique.length || posts.some((a) => a.villageId !== villageId || (a.role !== 'chair' && a.role !== 'committee'))) {
    throw new AppError('INVALID_INPUT', '只能选本村的村干部（现任或曾任）')
  }
  return unique
}

/** Who handles the item, how it came to them, and the cadres its finding names, as staff read them. */
export async function handlingViewOf(ctx: HandlerContext, item: HandledItem) {
  const named = item.findingAppointmentIds ?? []
  const [handlerPerson, posts] = await Promise.all([item.handlerId ? ctx.store.get('person', item.handlerId) : null, getMany(ctx.store, 'appointment', named)])
  const handlerPost = handlerPerson?.appointmentId ? await ctx.store.get('appointment', handlerPerson.appointmentId) : null
  const people = new Map((await getMany(ctx.store, 'person', [...new Set(posts.map((a) => a.personId))])).map((p) => [p._id, p.name]))
  const byId = new Map(posts.map((a) => [a._id, a]))
  return {
    handler: item.handlerId ? { personId: item.handlerId, name: handlerPerson?.name ?? '', title: handlerPost?.title ?? '' } : null,
    handling: [...(item.handling ?? [])],
    namedCadres: named.flatMap((id) => {
      const a = byId.get(id)
      return a ? [{ appointmentId: id, name: people.get(a.personId) ?? '', title: a.title }] : []
    }),
  }
}
