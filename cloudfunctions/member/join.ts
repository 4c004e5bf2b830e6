import { AppError } from '../../shared/errors'
import type { memberContract } from '../../shared/member/schema'
import type { Household, Township, Village } from '../../shared/township/schema'
import { snapshotOf, unlistedHouseholdId } from '../../shared/member/rules'
import { bareSymbols } from '../../shared/report/rules'
import type { Handler } from '../core/dispatch'
import { newId, type HandlerContext } from '../core/context'
import { uploadDirOf } from '../core/files'
import { DuplicateKeyError } from '../core/store'
import { openGate } from '../core/attempts'
import { boundGroupOf } from '../group/bindings'

type C = typeof memberContract

const villageRef = (village: Village, township: Township | null) => ({
  villageId: village._id,
  name: village.name,
  townshipName: township?.name ?? '',
})

const householdRef = (household: Household) => ({
  householdId: household._id,
  number: household.number,
  headName: household.headName,
})

/**
 * Who the caller is, from the records resolving them read (core/actor.ts); what is not among them (the
 * township, and a pending member's village and household) is read together.
 */
export const me: Handler<C['me']> = async (ctx) => {
  const { actor, store, caller } = ctx
  const { member } = caller
  const have = <T extends { _id: string }>(record: T | null, id: string | null | undefined) => (record && record._id === id ? record : null)
  const getVillage = (id: string | null | undefined) => (!id ? null : (have(caller.village, id) ?? store.get('village', id)))
  const getHousehold = (id: string | null | undefined) => (!id ? null : (have(caller.household, id) ?? store.get('household', id)))
  const [township, village, household, memberVillage, memberHousehold] = await Promise.all([
    actor.townshipId ? store.get('township', actor.townshipId) : null,
    getVillage(actor.villageId),
    getHousehold(actor.householdId),
    getVillage(member?.villageId),
    getHousehold(member?.householdId),
  ])
  const townshipOf = async (v: Village) => (v.townshipId === township?._id ? township : store.get('township', v.townshipId))
  const [villageTownship, memberTownship] = await Promise.all([village ? townshipOf(village) : null, memberVillage ? townshipOf(memberVillage) : null])
  // Until a request is approved it shows the 户号 as given and no head's name: a request naming a number the
  // roster lacks (it has no household) must read the same as any other (see `join`).
  const seated = member?.status === 'active' || member?.status === 'removed'
  const membership =
    member && memberVillage && (memberHousehold || !seated)
      ? {
          memberId: member._id,
          status: member.status,
          village: villageRef(memberVillage, memberTownship),
          household: seated && memberHousehold ? householdRef(memberHousehold) : { householdId: '', number: member.householdNumber ?? memberHousehold?.number ?? '', headName: '' },
          requestedAt: member.requestedAt,
          reason: member.reason,
        }
      : null
  return {
    personId: actor.personId,
    name: actor.name,
    role: actor.role,
    title: actor.title,
    township: township ? { townshipId: township._id, name: township.name } : null,
    village: village ? villageRef(village, villageTownship) : null,
    household: household ? householdRef(household) : null,
    isRepresentative: actor.isRepresentative,
    membership,
    uploadDir: uploadDirOf(ctx.openid),
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
      snapshot: snapshotOf(null, null),
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

/**
 * Asks to join a village's group by its join code (加入码) and the household's number (户号). A join code
 * naming no village is a failed guess (core/attempts.ts). A 户号 the roster lacks is not told apart: the
 * request is taken the same way and the chair, reviewing it, sees that the number is not on the roster
 * (member.listPending), so the roster cannot be read off by trying numbers. Asked after opening a card from a
 * group bound to a village (`groupCloudId`), the join code may be left out (that village is meant) and the request
 * is marked 从本村监督群进入 for the chair when the group's village is the one asked.
 */
export const join: Handler<C['join']> = async (ctx, input) => {
  if (ctx.actor.role === 'villager') throw new AppError('ALREADY_MEMBER')
  const { store } = ctx
  const gate = await openGate(ctx, 'join')
  // Opened from a card in a group (issue 19): the group, resolved on the server, is evidence when a village bound it.
  const fromBinding = input.groupCloudId ? await boundGroupOf(ctx, input.groupCloudId) : null
  const joinCode = bareSymbols(input.joinCode ?? '')
  const village = joinCode
    ? (
        await store.query('village', {
          where: { joinCode },
          orderBy: { field: 'joinCode', direction: 'asc' },
          limit: 1,
        })
      ).items[0]
    : fromBinding
      ? ((await store.get('village', fromBinding.villageId)) ?? undefined)
      : undefined
  if (!village) {
    // A join code that names nothing is a guess (an empty one too, as before); a group no village bound is not.
    if (joinCode || !input.groupCloudId) await gate.failed()
    throw new AppError('NOT_FOUND', joinCode ? '村加入码不对，请照村务公开栏上的加入码填写' : '这个群还没有绑定村，请填写村务公开栏上的村加入码')
  }
  const fromGroup = fromBinding !== null && fromBinding.villageId === village._id
  const [household] = await Promise.all([
    store.query('household', {
      where: { villageId: village._id, number: input.householdNumber },
      orderBy: { field: 'number', direction: 'asc' },
      limit: 1,
    }),
    gate.passed(),
  ]).then(([page]) => page.items)
  const householdId = household?._id ?? unlistedHouseholdId(village._id, input.householdNumber)
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
      householdId,
      householdNumber: input.householdNumber,
      fromGroup,
      status: 'pending',
      requestedAt: ctx.now,
      decidedAt: null,
      decidedBy: null,
      reason: null,
    })
    // Guarded on the value just read, so two simultaneous requests cannot both attach. The snapshot
    // follows the new member; the appointment's village is the one resolving the caller read.
    const snapshot = snapshotOf({ householdId, villageId: village._id }, ctx.caller.appointment)
    const attached = await tx.update('person', personId, { memberId, name: input.name, snapshot }, { memberId: person.memberId })
    if (!attached) throw new AppError('ALREADY_PENDING')
  })
  return { memberId, status: 'pending' as const, fromGroup }
}
