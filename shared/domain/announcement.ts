import { z } from '../zod'
import { attachmentSchema, signatureSchema } from './disclosure'
import { subscribeTopics } from '../subscribe'

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

export const MAX_ATTEMPTS = 5

/** Retry after 1, 2, 4, 8 minutes; give up (status failed, visible to the chair) after MAX_ATTEMPTS. */
export function afterFailure(attempts: number, now: Date): { status: 'pending' | 'failed'; nextAttemptAt: string } {
  if (attempts >= MAX_ATTEMPTS) return { status: 'failed', nextAttemptAt: now.toISOString() }
  return { status: 'pending', nextAttemptAt: new Date(now.getTime() + 60_000 * 2 ** (attempts - 1)).toISOString() }
}
