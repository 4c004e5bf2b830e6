import { action } from '../contract/action'
import { disclosureKinds, disclosureSections } from '../disclosure/rules'
import { z, id, text, cursor, page, dateInput, villageInput } from '../zod'
import { TOPIC_LIMITS, topicStatuses } from './rules'

const dutyStatus = z.enum(['onTime', 'late', 'overdue', 'notDue'])

/** A villager's request that a topic be disclosed (点题), and what became of it. */
export const topicSchema = z.object({
  _id: z.string(),
  villageId: z.string(),
  personId: z.string(),
  householdId: z.string(),
  /** shown to the chair who decides on it and to the requester; never to the committees (labels.ts) */
  requesterName: z.string(),
  /** the villager's own words */
  title: z.string(),
  reason: z.string(),
  status: z.enum(topicStatuses),
  askedAt: z.string(),
  /** set when forwarded: the wording the committees disclose on (the chair may edit it), kind, section, due */
  dutyTitle: z.string().nullable(),
  kind: z.enum(disclosureKinds).nullable(),
  section: z.enum(disclosureSections).nullable(),
  /** the due Beijing day as chosen, and the instant it ends (indexed) */
  dueDay: z.string().nullable(),
  dueAt: z.string().nullable(),
  /** when the chair decided, and who (title and name), for either decision */
  decidedAt: z.string().nullable(),
  decidedBy: z.string().nullable(),
  declineReason: z.string().nullable(),
  /** the disclosure that answers it */
  disclosureId: z.string().nullable(),
  disclosedAt: z.string().nullable(),
})
export type Topic = z.infer<typeof topicSchema>

const view = z.object({
  topicId: z.string(),
  villageId: z.string(),
  title: z.string(),
  reason: z.string(),
  status: z.enum(topicStatuses),
  /** the requester's name: the villager's own, or the chair's view of who asked */
  requester: z.string(),
  askedAt: z.string(),
  dutyTitle: z.string().nullable(),
  kind: z.enum(disclosureKinds).nullable(),
  section: z.enum(disclosureSections).nullable(),
  dueAt: z.string().nullable(),
  /** once forwarded: on time, late, overdue or not yet due */
  dutyStatus: dutyStatus.nullable(),
  decidedAt: z.string().nullable(),
  decidedBy: z.string().nullable(),
  declineReason: z.string().nullable(),
  disclosureId: z.string().nullable(),
  disclosedAt: z.string().nullable(),
})

/** A forwarded topic as the committees see it: a disclosure duty, without the requester's name. */
const duty = z.object({
  topicId: z.string(),
  title: z.string(),
  /** the villager's reason, so the disclosure answers what was asked */
  reason: z.string(),
  kind: z.enum(disclosureKinds),
  section: z.enum(disclosureSections),
  dueAt: z.string(),
  status: dutyStatus,
  forwardedAt: z.string(),
  disclosureId: z.string().nullable(),
  disclosedAt: z.string().nullable(),
})

const figures = z.object({
  requested: z.number().int(),
  waiting: z.number().int(),
  forwarded: z.number().int(),
  declined: z.number().int(),
  disclosedOnTime: z.number().int(),
  disclosedLate: z.number().int(),
  overdue: z.number().int(),
})

const topicId = { topicId: id('点题编号') }

export const topicContract = {
  /** A group member asks for a topic to be disclosed. Retrying with the same request id files nothing new. */
  ask: action(
    z.object({
      requestId: z.string({ error: '请求编号格式不对' }).regex(/^[A-Za-z0-9_-]{8,64}$/, '请求编号格式不对'),
      title: text('想让村里公开的事', TOPIC_LIMITS.title).refine((s) => s.length >= 4, '想让村里公开的事请至少写4个字'),
      reason: text('想了解的原因', TOPIC_LIMITS.reason),
    }),
    z.object({ topicId: z.string(), status: z.enum(topicStatuses) }),
  ),
  mine: action(z.object({ cursor }), page(view)),
  /** The chair's collection, newest first, with what needs doing counted over the whole village. */
  inbox: action(
    z.object({ status: z.enum(topicStatuses, { error: '状态不对' }).optional(), cursor }),
    page(view).extend({ counts: z.object({ waiting: z.number().int(), overdue: z.number().int() }) }),
  ),
  forward: action(
    z.object({
      ...topicId,
      /** the wording for the committees; omitted keeps the villager's */
      title: text('要公开的事项', TOPIC_LIMITS.title).optional(),
      kind: z.enum(disclosureKinds, { error: '请选择公开类别：党务、村务或财务' }),
      section: z.enum(disclosureSections, { error: '请选择公开栏目' }),
      dueDay: dateInput('公开期限'),
    }),
    z.object({ status: z.enum(topicStatuses), dueAt: z.string() }),
  ),
  decline: action(z.object({ ...topicId, reason: text('不予转交的原因', TOPIC_LIMITS.declineReason) }), z.object({ status: z.enum(topicStatuses) })),
  /** Forwarded topics as disclosure duties; `open` keeps only those still owed (the publish form's choice). */
  duties: action(
    z.object({ ...villageInput, open: z.boolean({ error: '筛选条件不对' }).optional() }),
    z.object({ items: z.array(duty), overdueCount: z.number().int(), lateCount: z.number().int() }),
  ),
  /** The chair: their village. Township staff: every village of the township, or one. */
  figures: action(
    z.object({ villageId: id('村编号').optional() }),
    z.object({ villages: z.array(figures.extend({ villageId: z.string(), villageName: z.string() })), total: figures }),
  ),
}

export type TopicView = z.infer<typeof view>
export type TopicDuty = z.infer<typeof duty>
