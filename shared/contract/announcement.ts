import { cursor, id, page, photoInput, text, z } from '../zod'
import { action } from './action'
import { announcementLinkSchema } from '../domain/announcement'
import { attachmentSchema } from '../domain/disclosure'
import { subscribeTopics, templateKinds } from '../subscribe'

const summary = z.object({
  announcementId: z.string(),
  title: z.string(),
  publishedAt: z.string(),
  byTitle: z.string(),
  read: z.boolean(),
})

const reach = z.object({
  announcementId: z.string(),
  title: z.string(),
  publishedAt: z.string(),
  householdsRead: z.number().int(),
  householdsInGroup: z.number().int(),
  notificationsSent: z.number().int(),
  notificationsPending: z.number().int(),
  notificationsFailed: z.number().int(),
})

/** A household of the group that has not opened an announcement yet. */
const unreadHousehold = z.object({
  householdId: z.string(),
  number: z.string(),
  headName: z.string(),
  /** someone in the household accepted WeChat's message prompt, so a reminder can be sent */
  canRemind: z.boolean(),
  /** a reminder about this announcement was already sent to the household */
  reminded: z.boolean(),
})

export const announcementContract = {
  push: action(
    z.object({
      title: text('标题', 40),
      body: text('内容', 2000),
      link: z
        .object({ type: z.enum(['disclosure', 'round'], { error: '关联内容的类型不对' }), id: id('关联内容') })
        .nullish(),
      /** An uploaded image, e.g. a photo of the printed notice; checked from the stored bytes. */
      attachment: photoInput.nullish(),
    }),
    /** `queued`: messages waiting in the outbox for the timer to send (reach shows them pending, then sent). */
    z.object({ announcementId: z.string(), queued: z.number().int() }),
  ),
  list: action(
    z.object({ cursor }),
    page(summary).extend({ unreadCount: z.number().int() }),
  ),
  open: action(
    z.object({ announcementId: id('公告编号') }),
    z.object({
      announcement: summary.extend({
        body: z.string(),
        byName: z.string(),
        link: announcementLinkSchema.nullable(),
        attachment: attachmentSchema.extend({ url: z.string() }).nullable(),
      }),
    }),
  ),
  reach: action(z.object({ cursor }), page(reach)),
  /**
   * Records one "allow" on WeChat's subscribe prompt for a topic: villagers for announcements,
   * township staff for escalation cases. Without a topic, the caller's own (old clients send {}).
   */
  subscribe: action(
    z.object({ topic: z.enum(subscribeTopics, { error: '提醒的种类不对' }).optional() }),
    z.object({ remaining: z.number().int(), longTerm: z.boolean() }),
  ),
  /** Whether the caller will be told, and how: messages still allowed, or 已开启长期提醒. */
  subscription: action(
    z.object({ topic: z.enum(subscribeTopics, { error: '提醒的种类不对' }).optional() }),
    z.object({
      subscribed: z.boolean(),
      longTerm: z.boolean(),
      remaining: z.number().int(),
      /** the deployed template: one-time (one message per "allow") or long-term (one "allow" covers all) */
      kind: z.enum(templateKinds),
    }),
  ),
  /** The group's households that have not opened the announcement, by household number, paged. */
  unread: action(
    z.object({ announcementId: id('公告编号'), cursor }),
    page(unreadHousehold).extend({ title: z.string(), householdsRead: z.number().int(), householdsInGroup: z.number().int() }),
  ),
  /** One reminder to a household that has not read it, through a member's message subscription. */
  remind: action(
    z.object({ announcementId: id('公告编号'), householdId: id('户编号') }),
    z.object({ householdId: z.string() }),
  ),
}
