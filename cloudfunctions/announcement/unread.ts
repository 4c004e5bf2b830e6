import { AppError } from '../../shared/errors'
import type { announcementContract } from '../../shared/announcement/schema'
import type { Household } from '../../shared/township/schema'
import type { Handler } from '../core/dispatch'
import type { HandlerContext } from '../core/context'
import { DuplicateKeyError, type Page } from '../core/store'
import { getInVillage } from '../core/scope'
import { getMany, queryAll } from '../core/paging'
import { announcementNotice } from './notices'
import { canSend } from '../../shared/subscribe'

type C = typeof announcementContract

const PAGE = 20
const NOT_FOUND = '没有找到这条公告'
/** One reminder per household and announcement: the key makes a double tap or a retry send one message. */
const reminderIdOf = (announcementId: string, householdId: string) => `rm:${announcementId}:${householdId}`

/** The household's members still in the group who have a message left to receive, representative first. */
async function subscribersOf(ctx: HandlerContext, household: Household) {
  const members = await queryAll(ctx.store, 'member', { householdId: household._id }, { field: 'requestedAt', direction: 'asc' }, 50)
  const active = members
    .filter((m) => m.status === 'active' && m.villageId === household.villageId)
    .sort((a, b) => Number(b._id === household.representativeMemberId) - Number(a._id === household.representativeMemberId))
  const subscriptions = await getMany(
    ctx.store,
    'subscription',
    active.map((m) => m.personId),
  )
  return subscriptions.filter((s) => canSend(s) && s.villageId === household.villageId)
}

/**
 * Households of the group that have not opened the announcement (no reach record). Reads the
 * group by household number, a page at a time, until a page's worth of unread households is found.
 */
export const unread: Handler<C['unread']> = async (ctx, input) => {
  const a = await getInVillage(ctx, 'announcement', input.announcementId, NOT_FOUND)
  const [householdsRead, householdsInGroup] = await Promise.all([
    ctx.store.count('announcement_reach', { announcementId: a._id }),
    ctx.store.count('household', { villageId: a.villageId, inGroup: true }),
  ])
  const found: Household[] = []
  let cursor = input.cursor ?? null
  do {
    const page: Page<Household> = await ctx.store.query('household', {
      where: { villageId: a.villageId, inGroup: true },
      orderBy: { field: 'number', direction: 'asc' },
      limit: PAGE,
      cursor,
    })
    const read = new Set(
      (
        await getMany(
          ctx.store,
          'announcement_reach',
          page.items.map((h) => `${a._id}:${h._id}`),
        )
      ).map((r) => r.householdId),
    )
    found.push(...page.items.filter((h) => !read.has(h._id)))
    cursor = page.nextCursor
  } while (cursor && found.length < PAGE)
  const items = await Promise.all(
    found.map(async (h) => ({
      householdId: h._id,
      number: h.number,
      headName: h.headName,
      canRemind: (await subscribersOf(ctx, h)).length > 0,
      reminded: (await ctx.store.get('notification', reminderIdOf(a._id, h._id))) !== null,
    })),
  )
  return { items, nextCursor: cursor, title: a.title, householdsRead, householdsInGroup }
}

/**
 * Queues one subscribe message to a household that has not read the announcement, on one of a member's
 * accepted subscriptions (the representative's first). Without one nothing can be sent, and it says so.
 */
export const remind: Handler<C['remind']> = async (ctx, input) => {
  const a = await getInVillage(ctx, 'announcement', input.announcementId, NOT_FOUND)
  const household = await getInVillage(ctx, 'household', input.householdId, '没有找到这一户')
  if (!household.inGroup) throw new AppError('CONFLICT', '这一户还没有加入监督群')
  if (await ctx.store.get('announcement_reach', `${a._id}:${household._id}`)) throw new AppError('CONFLICT', '这一户已经看过这条公告了')
  const reminderId = reminderIdOf(a._id, household._id)
  if (await ctx.store.get('notification', reminderId)) throw new AppError('CONFLICT', '已经提醒过这一户了')
  const [subscriber] = await subscribersOf(ctx, household)
  if (!subscriber) throw new AppError('CONFLICT', '这一户没有人开通微信消息提醒，发不出提醒。请打电话或当面告诉他们')
  try {
    // Queued for the outbox timer, which spends the consent when it sends (core/outbox.ts); the key makes a
    // double tap or a retry queue one message.
    await ctx.store.insert(
      'notification',
      // Stored whole; the notifier cuts the subscribe message's title by characters when it sends.
      announcementNotice(a, { _id: reminderId, openid: subscriber.openid, subscriptionId: subscriber._id, title: `提醒：${a.title}`, now: ctx.now }),
    )
  } catch (error) {
    if (error instanceof DuplicateKeyError) throw new AppError('CONFLICT', '已经提醒过这一户了')
    throw error
  }
  return { householdId: household._id }
}
