import { action } from '../contract/action'
import { attachmentSchema } from '../disclosure/schema'
import { z, id, text, photoInputs, cursor, page } from '../zod'
import { feedbackStatuses, REPLY_DAYS_RANGE } from './rules'

/** What the feedback is about: a disclosure (from its page), a power-list item, or the opinion box. */
export const feedbackAboutSchema = z.object({
  type: z.enum(['disclosure', 'power', 'general']),
  id: z.string().nullable(),
  /** the disclosure's or item's title when it was given, so the record reads on its own */
  title: z.string(),
})
export type FeedbackAbout = z.infer<typeof feedbackAboutSchema>

export const feedbackSchema = z.object({
  _id: z.string(),
  villageId: z.string(),
  personId: z.string(),
  householdId: z.string(),
  /** the author's name; village roles see 村民 instead when `hideName` */
  authorName: z.string(),
  hideName: z.boolean(),
  about: feedbackAboutSchema,
  text: z.string(),
  photos: z.array(attachmentSchema),
  status: z.enum(feedbackStatuses),
  submittedAt: z.string(),
  /** reply deadline */
  dueAt: z.string(),
  routedTo: z.object({ personId: z.string(), name: z.string(), title: z.string() }).nullable(),
  /** indexed copies: who must reply, and the disclosure or item it is about */
  routedToId: z.string().nullable(),
  aboutId: z.string().nullable(),
  routedAt: z.string().nullable(),
  reply: z.object({ text: z.string(), at: z.string(), name: z.string(), title: z.string() }).nullable(),
  /** when the first reply came; a reply after reopening replaces `reply` but not this */
  firstReplyAt: z.string().nullable(),
  reopenReason: z.string().nullable(),
  closedAt: z.string().nullable(),
  closedBy: z.enum(['villager', 'timeout']).nullable(),
  /** the township's reminders about an overdue item (督办), visible to the village */
  reminders: z.array(z.object({ at: z.string(), name: z.string(), title: z.string(), note: z.string() })),
})
export type Feedback = z.infer<typeof feedbackSchema>

const view = z.object({
  feedbackId: z.string(),
  about: z.object({ type: z.enum(['disclosure', 'power', 'general']), id: z.string().nullable(), title: z.string() }),
  text: z.string(),
  photos: z.array(attachmentSchema.extend({ url: z.string() })),
  status: z.enum(feedbackStatuses),
  /** the author's name, or 村民 for village roles when they asked to hide it */
  author: z.string(),
  submittedAt: z.string(),
  dueAt: z.string(),
  overdue: z.boolean(),
  routedToName: z.string().nullable(),
  reply: z.object({ text: z.string(), at: z.string(), name: z.string(), title: z.string() }).nullable(),
  reopenReason: z.string().nullable(),
  closedAt: z.string().nullable(),
  closedBy: z.enum(['villager', 'timeout']).nullable(),
  reminders: z.array(z.object({ at: z.string(), name: z.string(), title: z.string(), note: z.string() })),
  /** the village's name, for township staff who see several villages */
  villageId: z.string(),
})

const feedbackId = { feedbackId: id('反馈编号') }

const figures = z.object({
  received: z.number().int(),
  routed: z.number().int(),
  replied: z.number().int(),
  closed: z.number().int(),
  reopened: z.number().int(),
  overdue: z.number().int(),
  completionPermille: z.number().int().nullable(),
  medianReplyMinutes: z.number().int().nullable(),
})

const replyDays = z.object({
  days: z.number().int(),
  /** false while the township keeps the product's default */
  custom: z.boolean(),
  /** the latest change: when and who (title and name) */
  setAt: z.string().nullable(),
  setBy: z.string().nullable(),
  /** every change kept, newest first */
  history: z.array(z.object({ days: z.number().int(), setAt: z.string(), setBy: z.string() })),
})

export const feedbackContract = {
  submit: action(
    z.object({
      /** Made once per submission on the phone; retrying with it never files a second record. */
      requestId: z.string({ error: '请求编号格式不对' }).regex(/^[A-Za-z0-9_-]{8,64}$/, '请求编号格式不对'),
      about: z.object({
        type: z.enum(['disclosure', 'power', 'general'], { error: '反馈对象不对' }),
        id: id('反馈对象').nullish(),
      }),
      text: text('反馈内容', 1000),
      hideName: z.boolean({ error: '请说明是否对村里隐去姓名' }).optional(),
      photos: photoInputs(3),
    }),
    z.object({ feedbackId: z.string(), status: z.enum(feedbackStatuses), dueAt: z.string() }),
  ),
  mine: action(z.object({ cursor }), page(view)),
  inbox: action(z.object({ status: z.enum(feedbackStatuses, { error: '状态不对' }).optional(), cursor }), page(view)),
  route: action(
    z.object({
      ...feedbackId,
      /** a committee member of the village to reply, or omitted with `agenda: true` */
      assignTo: id('承办人').optional(),
      agenda: z.boolean({ error: '格式不对' }).optional(),
    }),
    z.object({ status: z.enum(feedbackStatuses) }),
  ),
  /** The village's committee members the chair may route to. */
  assignees: action(z.object({}), z.object({ items: z.array(z.object({ personId: z.string(), name: z.string(), title: z.string() })) })),
  reply: action(z.object({ ...feedbackId, text: text('答复内容', 1000) }), z.object({ status: z.enum(feedbackStatuses) })),
  confirm: action(z.object(feedbackId), z.object({ status: z.enum(feedbackStatuses) })),
  reopen: action(z.object({ ...feedbackId, reason: text('重新反映的原因', 300) }), z.object({ status: z.enum(feedbackStatuses) })),
  overdue: action(z.object({ villageId: id('村编号').optional() }), z.object({ items: z.array(view) })),
  remind: action(z.object({ ...feedbackId, note: text('督办意见', 300) }), z.object({ reminders: z.number().int() })),
  onDisclosure: action(z.object({ disclosureId: id('公开编号') }), z.object({ items: z.array(view) })),
  /** The chair: their village. Township staff: every village of the township, or one. */
  figures: action(
    z.object({ villageId: id('村编号').optional() }),
    z.object({
      villages: z.array(figures.extend({ villageId: z.string(), villageName: z.string() })),
      total: figures,
      replyDays: z.number().int(),
    }),
  ),
  settings: action(z.object({}), replyDays),
  /** Applies to feedback filed after the change; what was already filed keeps its deadline. */
  setReplyDays: action(
    z.object({
      days: z
        .number({ error: '答复期限要填天数' })
        .int('答复期限要填整天数')
        .min(REPLY_DAYS_RANGE.min, `答复期限至少${REPLY_DAYS_RANGE.min}天`)
        .max(REPLY_DAYS_RANGE.max, `答复期限最多${REPLY_DAYS_RANGE.max}天`),
    }),
    replyDays,
  ),
}

export type FeedbackFiguresRow = z.infer<typeof figures>

export type FeedbackView = z.infer<typeof view>
