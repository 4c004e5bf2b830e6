import { AppError } from '../../shared/errors'
import type { memberContract } from '../../shared/member/schema'
import type { Handler } from '../core/dispatch'
import { removeMember } from './roster'

type C = typeof memberContract

/** Everything stored about the caller, counted, in plain words (the 用户隐私保护指引 lists why). */
export const myData: Handler<C['myData']> = async (ctx) => {
  const { actor, store, caller } = ctx
  // The person, member, household and village as resolving the caller read them (core/actor.ts).
  const { person, member } = caller
  if (!person) throw new AppError('NOT_FOUND', '还没有您的信息：您还没有申请加入任何村的监督群')
  const [household, village] = await Promise.all([
    !member ? null : caller.household?._id === member.householdId ? caller.household : store.get('household', member.householdId),
    !member ? null : caller.village?._id === member.villageId ? caller.village : store.get('village', member.villageId),
  ])
  const [feedback, topics, announcementsRead, householdRoundsVoted, seen, groupsBoundByMe] = await Promise.all([
    store.count('feedback', { personId: person._id }),
    store.count('topic', { personId: person._id }),
    store.count('announcement_seen', { personId: person._id }),
    household ? store.count('participation', { householdId: household._id }) : 0,
    household ? store.get('group_seen', household._id) : null,
    store.count('group_binding', { boundBy: person._id }),
  ])
  return {
    name: person.name,
    since: person.createdAt,
    village: village?.name ?? null,
    householdNumber: household?.number ?? null,
    title: actor.title,
    membershipStatus: member?.status ?? null,
    feedback,
    topics,
    announcementsRead,
    householdRoundsVoted,
    householdLastSeenInGroup: seen?.day ?? null,
    groupsBoundByMe,
  }
}

export const leave: Handler<C['leave']> = async (ctx, input) => {
  // The caller's active membership, as resolving the caller read it; removeMember checks it again in its transaction.
  const member = ctx.actor.memberId ? ctx.caller.member : null
  if (!member) throw new AppError('NOT_FOUND', '您不在监督群里')
  const { householdInGroup } = await removeMember(ctx, member, input.reason || '本人退出')
  return { householdInGroup }
}
