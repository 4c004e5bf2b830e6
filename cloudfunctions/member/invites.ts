import { AppError } from '../../shared/errors'
import type { memberContract } from '../../shared/contract/member'
import { inviteProblem } from '../../shared/domain/invite'
import { snapshotOf } from '../../shared/domain/member'
import type { Handler } from '../core/dispatch'
import { newId } from '../core/context'

type M = typeof memberContract

/**
 * Takes an appointment by its invite code: one transaction uses the code
 * (once), creates the person if new, and starts the post. A person holds one
 * post at a time, so nobody is both chair and committee member of a village.
 */
export const acceptInvite: Handler<M['acceptInvite']> = async (ctx, input) => {
  const code = input.code.toUpperCase().replace(/[\s-]/g, '')
  const found = await ctx.store.get('invite', code)
  const problem = inviteProblem(found, ctx.now)
  if (problem) throw new AppError(found ? 'CONFLICT' : 'NOT_FOUND', problem)
  const inv = found!
  const existing = ctx.caller.person
  const current = ctx.caller.appointment
  if (current?.status === 'active') throw new AppError('CONFLICT', `您已经是${current.title}，一个人同时只能担任一个职务`)
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
