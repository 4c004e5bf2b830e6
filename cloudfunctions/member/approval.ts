import { AppError } from '../../shared/errors'
import { isUnlisted } from '../../shared/member/rules'
import type { memberContract } from '../../shared/member/schema'
import type { Handler } from '../core/dispatch'
import { getInVillage } from '../core/scope'
import { getMany } from '../core/paging'

type C = typeof memberContract

const NOT_FOUND = '没有找到这条入群申请'

export const listPending: Handler<C['listPending']> = async (ctx, input) => {
  const page = await ctx.store.query('member', {
    where: { villageId: ctx.actor.villageId, status: 'pending' },
    orderBy: { field: 'requestedAt', direction: 'asc' },
    limit: 20,
    cursor: input.cursor,
  })
  const households = new Map((await getMany(ctx.store, 'household', [...new Set(page.items.map((m) => m.householdId).filter((id) => !isUnlisted(id)))])).map((h) => [h._id, h]))
  return {
    items: page.items.flatMap((m) => {
      const household = households.get(m.householdId)
      const base = {
        memberId: m._id,
        name: m.name,
        status: m.status,
        isRepresentative: false,
        requestedAt: m.requestedAt,
        decidedAt: m.decidedAt,
        reason: m.reason,
        fromGroup: m.fromGroup === true,
      }
      // A 户号 not on the roster (member.join takes it like any other): the chair sees the mismatch here.
      if (isUnlisted(m.householdId)) return [{ ...base, onRoster: false as boolean, household: { householdId: '', number: m.householdNumber ?? '', headName: '' } }]
      if (!household) return []
      return [{ ...base, onRoster: true, household: { householdId: household._id, number: household.number, headName: household.headName } }]
    }),
    nextCursor: page.nextCursor,
  }
}

export const approve: Handler<C['approve']> = async (ctx, input) => {
  const member = await getInVillage(ctx, 'member', input.memberId, NOT_FOUND)
  if (member.status !== 'pending') throw new AppError('CONFLICT', '这条申请已经处理过了')
  if (isUnlisted(member.householdId)) throw new AppError('CONFLICT', '这个户号不在本村花名册上，不能通过。请点“不通过”，或先在花名册里加上这一户，再请他重新申请')
  const isRepresentative = await ctx.store.transaction(async (tx) => {
    const decided = await tx.update('member', member._id, { status: 'active', decidedAt: ctx.now, decidedBy: ctx.actor.personId }, { status: 'pending' })
    if (!decided) throw new AppError('CONFLICT', '这条申请已经处理过了')
    // The first member approved for a household becomes its voting representative.
    return tx.update('household', member.householdId, { representativeMemberId: member._id, inGroup: true }, { representativeMemberId: null })
  })
  return { memberId: member._id, isRepresentative }
}

export const reject: Handler<C['reject']> = async (ctx, input) => {
  const member = await getInVillage(ctx, 'member', input.memberId, NOT_FOUND)
  const decided = await ctx.store.update(
    'member',
    member._id,
    { status: 'rejected', decidedAt: ctx.now, decidedBy: ctx.actor.personId, reason: input.reason || null },
    { status: 'pending' },
  )
  if (!decided) throw new AppError('CONFLICT', '这条申请已经处理过了')
  return { memberId: member._id }
}
