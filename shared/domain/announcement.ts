import { z } from '../zod'
import { attachmentSchema, signatureSchema } from './disclosure'

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
 * WeChat one-time subscribe messages: each tap on "allow" lets the product send
 * that person one message. `_id` = personId.
 */
export const subscriptionSchema = z.object({
  _id: z.string(),
  personId: z.string(),
  villageId: z.string(),
  openid: z.string(),
  remaining: z.number().int(),
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
