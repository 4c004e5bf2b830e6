import { AppError } from '../../shared/errors'
import type { townshipContract } from '../../shared/township/schema'
import { DEFAULT_INVITE_DAYS, inviteProblem } from '../../shared/township/rules'
import type { Handler } from '../core/dispatch'
import type { HandlerContext } from '../core/context'
import { createInvite } from '../core/invites'
import { codeHash } from '../core/hash'
import { revokeSessions } from '../core/sessions'
import { villageInScope } from '../core/scope'
import { queryAll } from '../core/paging'
import { DAY_MS, addDays } from '../../shared/time'

type T = typeof townshipContract

/**
 * Township staff appoint by invite: a chair or committee member of a village, or another staff member.
 * The code is in this answer only; the store keeps its hash (core/invites.ts).
 */
export const invite: Handler<T['invite']> = async (ctx, input) => {
  const village = input.role === 'township' ? null : await villageInScope(ctx, input.villageId)
  if (input.role !== 'township' && !input.villageId) throw new AppError('INVALID_INPUT', '请选择任命到哪个村')
  const { invite: created, code } = await createInvite(ctx.store, {
    townshipId: ctx.actor.townshipId ?? '',
    villageId: village?._id ?? null,
    role: input.role,
    title: input.title,
    name: input.name,
    createdAt: ctx.now,
    createdBy: `${ctx.actor.title ?? ''}${ctx.actor.name ?? ''}`,
    expiresAt: addDays(ctx.now, input.days ?? DEFAULT_INVITE_DAYS),
  })
  return { inviteId: created._id, code, expiresAt: created.expiresAt }
}

/**
 * A new code for an open invite whose code was lost (it is shown only once): in one transaction the new
 * invite is written, for as many days as the old one had, and the old one revoked, so its code is dead.
 */
export const reissueInvite: Handler<T['reissueInvite']> = async (ctx, input) => {
  const old = (await ctx.store.get('invite', input.inviteId)) ?? (await legacyInvite(ctx, input.inviteId))
  if (!old || old.townshipId !== ctx.actor.townshipId) throw new AppError('NOT_FOUND', '没有找到这个任命码')
  const problem = inviteProblem(old, ctx.now)
  if (problem) throw new AppError('CONFLICT', problem)
  const days = Math.max(1, Math.round((Date.parse(old.expiresAt) - Date.parse(old.createdAt)) / DAY_MS))
  return ctx.store.transaction(async (tx) => {
    const { invite: created, code } = await createInvite(tx, {
      townshipId: old.townshipId,
      villageId: old.villageId,
      role: old.role,
      title: old.title,
      name: old.name,
      createdAt: ctx.now,
      createdBy: `${ctx.actor.title ?? ''}${ctx.actor.name ?? ''}`,
      expiresAt: addDays(ctx.now, days),
    })
    if (!(await tx.update('invite', old._id, { status: 'revoked', reissuedAs: created._id }, { status: 'open' }))) {
      throw new AppError('CONFLICT', '这个任命码已经用过或重发过了，请刷新后再看')
    }
    return { inviteId: created._id, code, expiresAt: created.expiresAt }
  })
}

/** An invite of the cloud database made before codes were hashed has its code as its id. */
const isLegacy = (id: string) => !/^[0-9a-f]{64}$/.test(id)

/**
 * Such an invite is listed under the hash of its code (the id it would have now), never the code; a re-issue by
 * that id finds it among the township's invites.
 */
const listedId = (id: string) => (isLegacy(id) ? codeHash('invite', id) : id)

async function legacyInvite(ctx: HandlerContext, inviteId: string) {
  const invites = await queryAll(ctx.store, 'invite', { townshipId: ctx.actor.townshipId }, { field: 'createdAt', direction: 'desc' }, 500)
  return invites.find((i) => isLegacy(i._id) && listedId(i._id) === inviteId) ?? null
}

async function namesOf(ctx: HandlerContext, ids: string[]) {
  const persons = await Promise.all(ids.map((id) => ctx.store.get('person', id)))
  return new Map(persons.flatMap((p) => (p ? [[p._id, p.name] as const] : [])))
}

/** Who holds which post in the township, and the invites not yet taken. */
export const appointments: Handler<T['appointments']> = async (ctx) => {
  const [posts, invites, villages] = await Promise.all([
    queryAll(ctx.store, 'appointment', { townshipId: ctx.actor.townshipId }, { field: 'role', direction: 'asc' }, 5000),
    queryAll(ctx.store, 'invite', { townshipId: ctx.actor.townshipId }, { field: 'createdAt', direction: 'desc' }, 500),
    queryAll(ctx.store, 'village', { townshipId: ctx.actor.townshipId }, { field: 'name', direction: 'asc' }),
  ])
  const active = posts.filter((a) => a.status === 'active')
  const names = await namesOf(
    ctx,
    active.map((a) => a.personId),
  )
  const villageName = new Map(villages.map((v) => [v._id, v.name]))
  return {
    appointments: active.map((a) => ({
      appointmentId: a._id,
      role: a.role,
      title: a.title,
      name: names.get(a.personId) ?? '',
      villageName: a.villageId ? (villageName.get(a.villageId) ?? '') : null,
      startedAt: a.startedAt,
    })),
    invites: invites
      .filter((i) => inviteProblem(i, ctx.now) === null)
      .map((i) => ({
        inviteId: listedId(i._id),
        role: i.role,
        title: i.title,
        name: i.name,
        villageName: i.villageId ? (villageName.get(i.villageId) ?? '') : null,
        expiresAt: i.expiresAt,
      })),
  }
}

/** Ends a post; everything the person did stays on record with the role they had then. */
export const endAppointment: Handler<T['endAppointment']> = async (ctx, input) => {
  const a = await ctx.store.get('appointment', input.appointmentId)
  if (!a || a.townshipId !== ctx.actor.townshipId) throw new AppError('NOT_FOUND', '没有找到这个职务')
  if (a.personId === ctx.actor.personId) throw new AppError('CONFLICT', '不能结束自己的职务，请由另一位镇纪委干部操作')
  await ctx.store.transaction(async (tx) => {
    if (!(await tx.update('appointment', a._id, { status: 'ended', endedAt: ctx.now }, { status: 'active' }))) {
      throw new AppError('CONFLICT', '这个职务已经结束了')
    }
    await revokeSessions(tx, a.personId)
  })
  return {}
}
