import { AppError } from '../../shared/errors'
import type { memberContract } from '../../shared/member/schema'
import { LEGACY_INVITE_LENGTH, inviteProblem, normalizeInviteCode } from '../../shared/township/rules'
import type { Invite } from '../../shared/township/schema'
import { snapshotOf } from '../../shared/member/rules'
import type { Handler } from '../core/dispatch'
import { newId, type HandlerContext } from '../core/context'
import { openGate } from '../core/attempts'
import { codeHash } from '../core/hash'

type M = typeof memberContract

/**
 * The invite a typed code names: by the hash of its symbols; on the cloud database an invite made before
 * codes were hashed still has its 8-symbol code as its id (SQLite hashed those in migration 17), and is
 * found by it until it expires.
 */
async function inviteOf(ctx: HandlerContext, typed: string): Promise<Invite | null> {
  const symbols = normalizeInviteCode(typed)
  if (!symbols) return null
  const found = await ctx.store.get('invite', codeHash('invite', symbols))
  if (found || symbols.length !== LEGACY_INVITE_LENGTH) return found
  return ctx.store.get('invite', symbols)
}

/**
 * Takes an appointment by its invite code: one transaction uses the code
 * (once), creates the person if new, and starts the post. A person holds one
 * post at a time, so nobody is both chair and committee member of a village.
 * Every wrong, used or expired code counts against the caller's attempts (core/attempts.ts).
 */
export const acceptInvite: Handler<M['acceptInvite']> = async (ctx, input) => {
  const current = ctx.caller.appointment
  if (current?.status === 'active') throw new AppError('CONFLICT', `您已经是${current.title}，一个人同时只能担任一个职务`)
  const gate = await openGate(ctx, 'invite')
  const found = await inviteOf(ctx, input.code)
  const problem = inviteProblem(found, ctx.now)
  if (problem) {
    await gate.failed()
    // A revoked (re-issued) code reads as one that never was.
    throw new AppError(found && found.status !== 'revoked' ? 'CONFLICT' : 'NOT_FOUND', problem)
  }
  await gate.passed()
  const inv = found!
  const existing = ctx.caller.person
  const personId = existing?._id ?? newId('p')
  const appointmentId = newId('a')
  await ctx.store.transaction(async (tx) => {
    if (!(await tx.update('invite', inv._id, { status: 'used', usedAt: ctx.now, usedBy: personId }, { status: 'open' }))) {
      throw new AppError('CONFLICT', '这个任命码已经用过了')
    }
    await tx.insert('appointment', {
      _id: appointmentId,
      personId,
      role: inv.role,
      townshipId: inv.townshipId,
      villageId: inv.villageId,
      title: inv.title,
      status: 'active',
      startedAt: ctx.now,
      endedAt: null,
    })
    // The snapshot follows the new post; the member's household and village are the ones resolving the caller read.
    const snapshot = snapshotOf(existing ? ctx.caller.member : null, { villageId: inv.villageId })
    if (existing) await tx.update('person', existing._id, { appointmentId, snapshot })
    else await tx.insert('person', { _id: personId, openid: ctx.openid, name: inv.name, memberId: null, appointmentId, snapshot, createdAt: ctx.now })
  })
  return { role: inv.role, title: inv.title }
}
