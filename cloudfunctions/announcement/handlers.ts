import { AppError } from '../../shared/errors'
import type { announcementContract, Announcement, Subscription } from '../../shared/announcement/schema'
import type { Handler } from '../core/dispatch'
import type { ReachChannel } from '../../shared/group/rules'
import { boundGroupOf } from '../group/bindings'
import { newId, type HandlerContext } from '../core/context'
import { DuplicateKeyError, type Page } from '../core/store'
import { getInVillage, villageInScope } from '../core/scope'
import { getMany } from '../core/paging'
import { checkedAttachments, withUrls } from '../core/attachments'
import { deployedTemplateKind } from '../core/subscriptions'
import { afterConsent, canSend, consentStatus, subscriptionIdOf, topicOfRole, type SubscribeTopic } from '../../shared/subscribe'
import { announcementNotice, subjectOf } from './notices'

type C = typeof announcementContract

const PAGE = 20

async function seen(ctx: HandlerContext, announcementId: string): Promise<boolean> {
  return (await ctx.store.get('announcement_seen', `${announcementId}:${ctx.actor.personId}`)) !== null
}

const summaryOf = (a: Announcement, read: boolean) => ({
  announcementId: a._id,
  title: a.title,
  publishedAt: a.publishedAt,
  byTitle: a.by.title,
  read,
})

/** Inserts a record that may already exist (a second reader, a retry): existing means done. */
async function insertOnce(work: () => Promise<void>): Promise<void> {
  try {
    await work()
  } catch (error) {
    if (!(error instanceof DuplicateKeyError)) throw error
  }
}

const newestFirst = (ctx: HandlerContext, villageId: string, cursor?: string | null) =>
  ctx.store.query('announcement', {
    where: { villageId },
    orderBy: { field: 'publishedAt', direction: 'desc' },
    limit: PAGE,
    cursor,
  })

export const push: Handler<C['push']> = async (ctx, input) => {
  const village = await villageInScope(ctx)
  if (input.link?.type === 'disclosure') {
    await getInVillage(ctx, 'disclosure', input.link.id, '没有找到要关联的公开')
  } else if (input.link?.type === 'round') {
    await getInVillage(ctx, 'round', input.link.id, '没有找到要关联的评议')
  }
  const announcement: Announcement = {
    _id: newId('an'),
    villageId: village._id,
    title: input.title,
    body: input.body,
    link: input.link ?? null,
    attachment: input.attachment ? ((await checkedAttachments(ctx, [input.attachment]))[0] ?? null) : null,
    publishedAt: ctx.now,
    by: { personId: ctx.actor.personId ?? '', name: ctx.actor.name ?? '', title: ctx.actor.title ?? '' },
  }
  const recipients = await recipientsOf(ctx, village._id)
  await ctx.store.insert('announcement', announcement)
  // Queued, not sent: the outbox timer sends in bounded runs and spends each consent as it sends (core/outbox.ts).
  // Batch writes (100 a request in the cloud), not atomic: a crash between them loses some messages of this
  // announcement, never the announcement, and never sends a message for an announcement that does not exist.
  await ctx.store.insertMany(
    'notification',
    recipients.map((s) =>
      announcementNotice(announcement, { _id: `nt:${announcement._id}:${s.personId}`, openid: s.openid, subscriptionId: s._id, title: announcement.title, now: ctx.now }),
    ),
  )
  return { announcementId: announcement._id, queued: recipients.length }
}

/**
 * The village's subscribers with a message allowed who are still in its group, read in a few requests:
 * subscriptions a page of 100 at a time, then their persons and members in batches of 100.
 */
async function recipientsOf(ctx: HandlerContext, villageId: string): Promise<Subscription[]> {
  const subscriptions: Subscription[] = []
  let cursor: string | null = null
  do {
    const page: Page<Subscription> = await ctx.store.query('subscription', {
      where: { villageId },
      orderBy: { field: 'remaining', direction: 'desc' },
      limit: 100,
      cursor,
    })
    subscriptions.push(...page.items.filter(canSend))
    cursor = page.nextCursor
  } while (cursor)
  const persons = await getMany(
    ctx.store,
    'person',
    subscriptions.map((s) => s.personId),
  )
  const members = new Map(
    (
      await getMany(
        ctx.store,
        'member',
        persons.flatMap((p) => (p.memberId ? [p.memberId] : [])),
      )
    ).map((m) => [m._id, m]),
  )
  // Only people still in this village's group are messaged.
  const inGroup = new Set(
    persons
      .filter((p) => {
        const m = p.memberId ? members.get(p.memberId) : undefined
        return m?.status === 'active' && m.villageId === villageId
      })
      .map((p) => p._id),
  )
  return subscriptions.filter((s) => inGroup.has(s.personId))
}

export const list: Handler<C['list']> = async (ctx, input) => {
  const village = await villageInScope(ctx)
  // The page and both counts together: the seen marks need the page, nothing else waits (a villager's read in ≤ 4 round trips).
  const [page, total, read] = await Promise.all([
    newestFirst(ctx, village._id, input.cursor),
    ctx.store.count('announcement', { villageId: village._id }),
    ctx.store.count('announcement_seen', { personId: ctx.actor.personId }),
  ])
  return {
    items: await Promise.all(page.items.map(async (a) => summaryOf(a, await seen(ctx, a._id)))),
    nextCursor: page.nextCursor,
    unreadCount: Math.max(0, total - read),
  }
}

/** Opening an announcement marks it read for the person and, for reach, for their household. */
export const open: Handler<C['open']> = async (ctx, input) => {
  const a = await getInVillage(ctx, 'announcement', input.announcementId, '没有找到这条公告')
  const { personId, householdId } = ctx.actor
  if (personId) {
    await insertOnce(() => ctx.store.insert('announcement_seen', { _id: `${a._id}:${personId}`, announcementId: a._id, personId, at: ctx.now }))
  }
  if (householdId) {
    // How the household first got to it (issue 19): a card from a group bound to this village (resolved on the
    // server, never the phone's word), a subscribe message, or the app. The first open decides; later ones add nothing.
    const binding = input.groupCloudId ? await boundGroupOf(ctx, input.groupCloudId) : null
    const via: ReachChannel = binding?.villageId === a.villageId ? 'group' : input.fromMessage ? 'message' : 'app'
    await insertOnce(() =>
      ctx.store.insert('announcement_reach', {
        _id: `${a._id}:${householdId}`,
        announcementId: a._id,
        villageId: a.villageId,
        householdId,
        at: ctx.now,
        via,
      }),
    )
  }
  const attachment = a.attachment ? ((await withUrls(ctx, [a.attachment]))[0] ?? null) : null
  return { announcement: { ...summaryOf(a, true), body: a.body, byName: a.by.name, link: a.link, attachment } }
}

/** How far one announcement got: households that opened it, and its messages by delivery status. */
export async function reachOf(ctx: HandlerContext, a: Announcement, householdsInGroup: number) {
  const subject = subjectOf(a._id)
  const [householdsRead, householdsReadViaGroup, householdsReadViaMessage, notificationsSent, notificationsPending, notificationsFailed] = await Promise.all([
    ctx.store.count('announcement_reach', { announcementId: a._id }),
    ctx.store.count('announcement_reach', { announcementId: a._id, via: 'group' }),
    ctx.store.count('announcement_reach', { announcementId: a._id, via: 'message' }),
    ctx.store.count('notification', { subject, status: 'sent' }),
    ctx.store.count('notification', { subject, status: 'pending' }),
    ctx.store.count('notification', { subject, status: 'failed' }),
  ])
  return {
    announcementId: a._id,
    title: a.title,
    publishedAt: a.publishedAt,
    householdsRead,
    householdsInGroup,
    notificationsSent,
    notificationsPending,
    notificationsFailed,
    householdsReadViaGroup,
    householdsReadViaMessage,
    // the rest: opened in the app, or before reach kept its channel
    householdsReadInApp: Math.max(0, householdsRead - householdsReadViaGroup - householdsReadViaMessage),
  }
}

export const reach: Handler<C['reach']> = async (ctx, input) => {
  const village = await villageInScope(ctx)
  const page = await newestFirst(ctx, village._id, input.cursor)
  const householdsInGroup = await ctx.store.count('household', { villageId: village._id, inGroup: true })
  const items = await Promise.all(page.items.map((a) => reachOf(ctx, a, householdsInGroup)))
  return { items, nextCursor: page.nextCursor }
}

/** Who may be reminded of what: villagers of their village's announcements, township staff of their township's cases. */
function subscriberOf(ctx: HandlerContext, asked: SubscribeTopic | undefined) {
  const { personId, villageId, townshipId, role } = ctx.actor
  const topic = asked ?? topicOfRole(role)
  if (topic === 'announcement') {
    if (!personId || !villageId || role !== 'villager') throw new AppError('FORBIDDEN', '公告提醒只给监督群的成员')
    return { topic, id: subscriptionIdOf(personId, topic), record: { personId, villageId, townshipId: null } }
  }
  if (!personId || !townshipId || role !== 'township') throw new AppError('FORBIDDEN', '案件提醒只给镇纪委的干部')
  return { topic, id: subscriptionIdOf(personId, topic), record: { personId, villageId: null, townshipId } }
}

/**
 * The caller allowed WeChat's subscribe prompt for a topic (WeChat asks on every tap): one more
 * message with a one-time template, every message with a long-term one (shared/subscribe.ts).
 */
export const subscribe: Handler<C['subscribe']> = async (ctx, input) => {
  const { topic, id, record: who } = subscriberOf(ctx, input.topic)
  const kind = deployedTemplateKind(topic)
  for (let attempt = 0; attempt < 3; attempt++) {
    const current = await ctx.store.get('subscription', id)
    const next = afterConsent(current, kind)
    const record = { ...who, topic, openid: ctx.openid, ...next, updatedAt: ctx.now }
    if (!current) {
      try {
        await ctx.store.insert('subscription', { _id: id, ...record })
        return next
      } catch (error) {
        if (!(error instanceof DuplicateKeyError)) throw error
        continue
      }
    }
    // Guarded on the count read: a message spent meanwhile is not given back.
    if (await ctx.store.update('subscription', id, record, { remaining: current.remaining })) return next
  }
  throw new AppError('CONFLICT')
}

export const subscription: Handler<C['subscription']> = async (ctx, input) => {
  const { topic, id } = subscriberOf(ctx, input.topic)
  return { ...consentStatus(await ctx.store.get('subscription', id)), kind: deployedTemplateKind(topic) }
}
