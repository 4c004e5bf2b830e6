import { cursor, id, page, photoInput, text, z } from '../zod'
import { action } from './action'
import { announcementLinkSchema } from '../domain/announcement'
import { attachmentSchema } from '../domain/disclosure'

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
    z.object({ announcementId: z.string(), notified: z.number().int() }),
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
  subscribe: action(z.object({}), z.object({ remaining: z.number().int() })),
}
