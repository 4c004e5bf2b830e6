import { AppError } from '../../shared/errors'
import type { memberContract } from '../../shared/contract/member'
import type { Household, Village } from '../../shared/domain/village'
import type { Handler } from '../core/dispatch'
import { newId, type HandlerContext } from '../core/context'
import { DuplicateKeyError } from '../core/store'

type C = typeof memberContract

const villageRef = async (ctx: HandlerContext, village: Village) => ({
  villageId: village._id,
  name: village.name,
  townshipName: (await ctx.store.get('township', village.townshipId))?.name ?? '',
})

const householdRef = (household: Household) => ({
  householdId: household._id,
  number: household.number,
  headName: household.headName,
})

export const me: Handler<C['me']> = async (ctx) => {
  const { actor, store } = ctx
  const person = actor.personId ? await store.get('person', actor.personId) : null
  const member = person?.memberId ? await store.get('member', person.memberId) : null
  const township = actor.townshipId ? await store.get('township', actor.townshipId) : null
  const village = actor.villageId ? await store.get('village', actor.villageId) : null
  const household = actor.householdId ? await store.get('household', actor.householdId) : null
  let membership = null
  if (member) {
    const [memberVillage, memberHousehold] = await Promise.all([
      store.get('village', member.villageId),
      store.get('household', member.householdId),
    ])
    if (memberVillage && memberHousehold) {
      membership = {
        memberId: member._id,
        status: member.status,
        village: await villageRef(ctx, memberVillage),
        household: householdRef(memberHousehold),
        requestedAt: member.requestedAt,
        reason: member.reason,
      }
    }
  }
  return {
    personId: actor.personId,
    name: actor.name,
    role: actor.role,
    title: actor.title,
    township: township ? { townshipId: township._id, name: township.name } : null,
    village: village ? await villageRef(ctx, village) : null,
    household: household ? householdRef(household) : null,
    isRepresentative: actor.isRepresentative,
    membership,
  }
}

/** A person known to the product for this openid, created on their first join request. */
async function ensurePerson(ctx: HandlerContext, name: string): Promise<string> {
  if (ctx.actor.personId) return ctx.actor.personId
  const personId = newId('p')
  try {
    await ctx.store.insert('person', {
      _id: personId,
      openid: ctx.openid,
      name,
      memberId: null,
      appointmentId: null,
      createdAt: ctx.now,
    })
    return personId
  } catch (error) {
    // A concurrent first request created it: use that one.
    if (!(error instanceof DuplicateKeyError)) throw error
    const { items } = await ctx.store.query('person', {
      where: { openid: ctx.openid },
      orderBy: { field: 'openid', direction: 'asc' },
      limit: 1,
    })
    if (!items[0]) throw error
    return items[0]._id
  }
}

export const join: Handler<C['join']> = async (ctx, input) => {
  if (ctx.actor.role === 'villager') throw new AppError('ALREADY_MEMBER')
  const { store } = ctx
  const village = (
    await store.query('village', {
      where: { joinCode: input.joinCode.toUpperCase() },
      orderBy: { field: 'joinCode', direction: 'asc' },
      limit: 1,
    })
  ).items[0]
  if (!village) throw new AppError('NOT_FOUND', '村加入码不对，请照村务公开栏上的加入码填写')
  const household = (
    await store.query('household', {
      where: { villageId: village._id, number: input.householdNumber },
      orderBy: { field: 'number', direction: 'asc' },
      limit: 1,
    })
  ).items[0]
  if (!household) {
    throw new AppError('NOT_FOUND', '本村花名册上没有这个户号，请核对户口簿，或问问村务监督委员会')
  }
  const personId = await ensurePerson(ctx, input.name)
  const memberId = newId('m')
  await store.transaction(async (tx) => {
    const person = await tx.get('person', personId)
    if (!person) throw new AppError('CONFLICT')
    const current = person.memberId ? await tx.get('member', person.memberId) : null
    if (current?.status === 'pending') throw new AppError('ALREADY_PENDING')
    if (current?.status === 'active') throw new AppError('ALREADY_MEMBER')
    await tx.insert('member', {
      _id: memberId,
      personId,
      name: input.name,
      villageId: village._id,
      householdId: household._id,
      status: 'pending',
      requestedAt: ctx.now,
      decidedAt: null,
      decidedBy: null,
      reason: null,
    })
    // Guarded on the value just read, so two simultaneous requests cannot both attach.
    const attached = await tx.update('person', personId, { memberId, name: input.name }, { memberId: person.memberId })
    if (!attached) throw new AppError('ALREADY_PENDING')
  })
  return { memberId, status: 'pending' as const }
}
