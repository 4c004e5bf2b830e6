import { action } from '../contract/action'
import { attachmentSchema, signatureSchema } from '../disclosure/schema'
import { reachChannels } from '../group/rules'
import { cloudIdInput } from '../group/schema'
import { subscribeTopics, templateKinds } from '../subscribe'
import { z, text, id, photoInput, cursor, page } from '../zod'

export const announcementLinkSchema = z.object({ type: z.enum(['disclosure', 'round']), id: z.string() })
export type AnnouncementLink = z.infer<typeof announcementLinkSchema>

/** The supervision committee chair's message to the village group. */
export const announcementSchema = z.object({
  _id: z.string(),
  villageId: z.string(),
  title: z.string(),
  body: z.string(),
  link: announcementLinkSchema.nullable(),
  attachment: attachmentSchema.nullable(),
  publishedAt: z.string(),
  by: signatureSchema,
})
export type Announcement = z.infer<typeof announcementSchema>

/** A person has opened an announcement (drives their unread badge). `_id` = announcementId:personId. */
export const announcementSeenSchema = z.object({
  _id: z.string(),
  announcementId: z.string(),
  personId: z.string(),
  at: z.string(),
})
export type AnnouncementSeen = z.infer<typeof announcementSeenSchema>

/** Some member of a household has opened it (drives reach). `_id` = announcementId:householdId. */
export const announcementReachSchema = z.object({
  _id: z.string(),
  announcementId: z.string(),
  villageId: z.string(),
  householdId: z.string(),
  at: z.string(),
  /** how the household first opened it (shared/group/rules.ts); missing on records from before issue 19: the app */
  via: z.enum(reachChannels).optional(),
})
export type AnnouncementReach = z.infer<typeof announcementReachSchema>

/**
 * A person's consent to WeChat subscribe messages on one topic (shared/subscribe.ts): with a
 * one-time template each tap on "allow" lets the product send one message (`remaining`); with a
 * long-term template one "allow" covers every message (`longTerm`). `_id` = personId for
 * announcements (as before topics existed), personId:escalation for township staff's cases.
 */
export const subscriptionSchema = z.object({
  _id: z.string(),
  personId: z.string(),
  /** absent on records written before topics: announcement */
  topic: z.enum(subscribeTopics).optional(),
  /** the village whose announcements; null for escalation notices (staff belong to a township) */
  villageId: z.string().nullable(),
  /** the township whose cases (escalation topic only) */
  townshipId: z.string().nullable().optional(),
  openid: z.string(),
  remaining: z.number().int(),
  /** absent on records written before long-term templates: one-time */
  longTerm: z.boolean().optional(),
  updatedAt: z.string(),
})
export type Subscription = z.infer<typeof subscriptionSchema>

/** One message waiting to be sent, sent, or given up on; kept as the record of delivery. */
export const notificationSchema = z.object({
  _id: z.string(),
  villageId: z.string(),
  openid: z.string(),
  /** What it is about, e.g. announcement:<id> */
  subject: z.string(),
  title: z.string(),
  page: z.string(),
  /**
   * The consent this message spends, taken by the outbox when it first claims the message (not when it is
   * queued, so queueing stays a few batch writes); null or absent: none is spent here.
   */
  subscriptionId: z.string().nullable().optional(),
  status: z.enum(['pending', 'sent', 'failed']),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  nextAttemptAt: z.string(),
  sentAt: z.string().nullable(),
})
export type Notification = z.infer<typeof notificationSchema>

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
  /** of householdsRead, by how each household first opened it: the group card, a subscribe message, the app */
  householdsReadViaGroup: z.number().int(),
  householdsReadViaMessage: z.number().int(),
  householdsReadInApp: z.number().int(),
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
      link: z.object({ type: z.enum(['disclosure', 'round'], { error: '关联内容的类型不对' }), id: id('关联内容') }).nullish(),
      /** An uploaded image, e.g. a photo of the printed notice; checked from the stored bytes. */
      attachment: photoInput.nullish(),
    }),
    /** `queued`: messages waiting in the outbox for the timer to send (reach shows them pending, then sent). */
    z.object({ announcementId: z.string(), queued: z.number().int() }),
  ),
  list: action(z.object({ cursor }), page(summary).extend({ unreadCount: z.number().int() })),
  open: action(
    z.object({
      announcementId: id('公告编号'),
      /** opened from a card in a WeChat group: its cloudID (wx.getGroupEnterInfo); counts as reached via the group when bound to the village */
      groupCloudId: cloudIdInput.optional(),
      /** opened from a subscribe message (the page's query says so) */
      fromMessage: z.boolean({ error: '打开方式格式不对' }).optional(),
    }),
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
  subscribe: action(z.object({ topic: z.enum(subscribeTopics, { error: '提醒的种类不对' }).optional() }), z.object({ remaining: z.number().int(), longTerm: z.boolean() })),
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
  remind: action(z.object({ announcementId: id('公告编号'), householdId: id('户编号') }), z.object({ householdId: z.string() })),
}
