import { action } from '../contract/action'
import { roundStatuses } from '../evaluation/rules'
import { signatureSchema } from '../disclosure/schema'
import { cursor, id, instantInput, optionalText, page, text, villageInput, z } from '../zod'
import { MAX_MEETING_ITEMS, MAX_PANEL, MAX_QUESTIONS_PER_ITEM, meetingItemKinds, meetingStatuses, panelRoles, voteWays } from './rules'

const itemSchema = z.object({
  /** i1, i2…: its place on the agenda */
  itemId: z.string(),
  kind: z.enum(meetingItemKinds),
  /** the disclosure or decision released; null for a matter in the committee's words */
  refId: z.string().nullable(),
  title: z.string(),
  /** who presents it, e.g. 村委会主任 or 村党支部 */
  presenter: z.string(),
})

/** A member of the meeting's evaluation panel (评议团): a group member voting by phone, or anyone voting on paper. */
const panelistSchema = z.object({
  /** p1, p2…: its place in the panel */
  panelistId: z.string(),
  /** the group member's person id; null for someone without the app (paper only) */
  personId: z.string().nullable(),
  name: z.string(),
  role: z.enum(panelRoles),
  votes: z.enum(voteWays),
})
export type Panelist = z.infer<typeof panelistSchema>

const questionSchema = z.object({
  question: z.string(),
  answer: z.string(),
  /** as the chair wrote it down, e.g. 村民代表 or a name; may be empty */
  askedBy: z.string(),
})

/**
 * A village meeting (村情发布会). Published to the village when scheduled; its record (questions asked, answers
 * given, attendance) is written by the chair after it, and then belongs to the village's public record.
 */
export const meetingSchema = z.object({
  _id: z.string(),
  villageId: z.string(),
  townshipId: z.string(),
  title: z.string(),
  startsAt: z.string(),
  place: z.string(),
  items: z.array(itemSchema),
  /** the evaluation panel named for this meeting; absent or empty: none (its items are evaluated by households) */
  panel: z.array(panelistSchema).optional(),
  /** how many panel rounds its items have had: the panel is fixed once one has opened (absent: none) */
  panelRounds: z.number().int().optional(),
  status: z.enum(meetingStatuses),
  scheduledAt: z.string(),
  scheduledBy: signatureSchema,
  cancelled: z.object({ at: z.string(), reason: z.string(), by: signatureSchema }).nullable(),
  record: z
    .object({
      attendance: z.object({ households: z.number().int(), others: z.number().int(), note: z.string() }),
      items: z.array(z.object({ itemId: z.string(), questions: z.array(questionSchema) })),
      recordedAt: z.string(),
      recordedBy: signatureSchema,
    })
    .nullable(),
})
export type Meeting = z.infer<typeof meetingSchema>

const meetingId = { meetingId: id('会议编号') }
const byline = z.object({ name: z.string(), title: z.string() })

const summary = z.object({
  meetingId: z.string(),
  villageId: z.string(),
  title: z.string(),
  startsAt: z.string(),
  place: z.string(),
  status: z.enum(meetingStatuses),
  itemCount: z.number().int(),
  questionCount: z.number().int(),
})

const detail = summary.extend({
  items: z.array(itemSchema.extend({ questions: z.array(questionSchema) })),
  scheduledAt: z.string(),
  scheduledBy: byline,
  panel: z.array(panelistSchema),
  /** the panel rounds held at the meeting, oldest first: the agenda item each evaluated */
  rounds: z.array(z.object({ itemId: z.string(), roundId: z.string(), status: z.enum(roundStatuses) })),
  cancelled: z.object({ at: z.string(), reason: z.string(), by: byline }).nullable(),
  attendance: z.object({ households: z.number().int(), others: z.number().int(), note: z.string() }).nullable(),
  recordedAt: z.string().nullable(),
  recordedBy: byline.nullable(),
})

const count = (label: string, max: number) =>
  z
    .number({ error: `请填写${label}` })
    .int(`${label}要填整数`)
    .min(0, `${label}不能是负数`)
    .max(max, `${label}不能超过${max}`)

export const meetingContract = {
  /** The chair schedules a meeting and publishes it to the village. */
  schedule: action(
    z.object({
      /** Made once per form on the phone: a retry returns the same meeting. */
      requestId: z.string({ error: '请求编号格式不对' }).regex(/^[A-Za-z0-9_-]{8,64}$/, '请求编号格式不对'),
      title: optionalText('会议名称', 30),
      startsAt: instantInput('开会时间'),
      place: text('开会地点', 60),
      items: z
        .array(
          z.object({
            kind: z.enum(meetingItemKinds, { error: '请选择事项类别' }),
            /** the disclosure's or decision's id; left out for a matter in the committee's words */
            refId: id('公开或决策编号').optional(),
            /** required for a matter in the committee's words; for a disclosure or decision, its own title by default */
            title: optionalText('事项名称', 60),
            presenter: optionalText('发布人', 30),
          }),
          { error: '请列出要发布的事项' },
        )
        .min(1, '请至少列出一项要发布的内容')
        .max(MAX_MEETING_ITEMS, `一次会议最多${MAX_MEETING_ITEMS}项`),
    }),
    detail,
  ),
  list: action(z.object({ cursor, ...villageInput }), page(summary)),
  get: action(z.object({ ...meetingId, ...villageInput }), detail),
  /** After the meeting: who came, and each question asked with the answer given on the spot. */
  record: action(
    z.object({
      ...meetingId,
      attendance: z.object({ households: count('到会户数', 5000), others: count('其他到会人数', 5000), note: optionalText('到会情况说明', 200) }),
      items: z.array(
        z.object({
          itemId: id('事项编号'),
          questions: z
            .array(z.object({ question: text('提问', 300), answer: text('答复', 1000), askedBy: optionalText('提问人', 30) }))
            .max(MAX_QUESTIONS_PER_ITEM, `一个事项最多记录${MAX_QUESTIONS_PER_ITEM}个提问`),
        }),
      ),
    }),
    detail,
  ),
  cancel: action(z.object({ ...meetingId, reason: text('取消原因', 200) }), detail),
  /** Members of the village group whose name or 户号 contains the keyword, for naming the panel (at most 20). */
  panelCandidates: action(
    z.object({ keyword: optionalText('姓名或户号', 20) }),
    z.object({ items: z.array(z.object({ personId: z.string(), name: z.string(), householdNumber: z.string() })) }),
  ),
  /** Names the meeting's evaluation panel, before any of its items is evaluated. */
  setPanel: action(
    z.object({
      ...meetingId,
      panel: z
        .array(
          z.object({
            /** a member of the village group: their name is taken from the record */
            personId: id('成员编号').optional(),
            /** required for someone without the app */
            name: optionalText('姓名', 20),
            role: z.enum(panelRoles, { error: '请选择身份' }),
            votes: z.enum(voteWays, { error: '请选择投票方式' }),
          }),
          { error: '请列出评议团成员' },
        )
        .min(1, '评议团至少要有一人')
        .max(MAX_PANEL, `评议团最多${MAX_PANEL}人`),
    }),
    detail,
  ),
}
