import { action } from '../contract/action'
import { attachmentSchema } from '../disclosure/schema'
import { z, id, optionalText, text, photoInputs, cursor, page } from '../zod'
import { reportStatuses, reportStepKinds } from './rules'
import { findingInput, handlingFields, handlingView, recusalInput, recusalOutput } from '../integrity/schema'

/**
 * A misconduct report (举报) to the township discipline staff. No village role
 * ever reads this collection. When `reporter` is null the reporter chose to
 * stay anonymous even to the township: nothing stored names them.
 */
export const reportSchema = z.object({
  _id: z.string(),
  townshipId: z.string(),
  villageId: z.string(),
  /**
   * The hash of what the reporter follows the report with (cloudfunctions/core/hash.ts codeHash); the code is
   * shown to them only in report.file's answer. A cloud report filed before codes were hashed holds the code
   * itself until its first lookup.
   */
  trackingCode: z.string(),
  reporter: z.object({ personId: z.string(), name: z.string(), householdId: z.string() }).nullable(),
  /** who or what the report is about, in the reporter's words */
  subject: z.string(),
  text: z.string(),
  photos: z.array(attachmentSchema),
  status: z.enum(reportStatuses),
  filedAt: z.string(),
  /** each step the staff took, with when and who; notes stay inside the township */
  steps: z.array(z.object({ kind: z.enum(reportStepKinds), at: z.string(), staffId: z.string(), staffName: z.string(), text: z.string() })),
  /** the conclusion the reporter reads */
  outcome: z.string().nullable(),
  /** who handles it, recusals (回避) and the cadres the finding names: shared/integrity/schema.ts */
  ...handlingFields,
})
export type Report = z.infer<typeof reportSchema>

const reportId = { reportId: id('举报编号') }
const status = z.enum(reportStatuses)

const summary = z.object({
  reportId: z.string(),
  villageId: z.string(),
  villageName: z.string(),
  subject: z.string(),
  excerpt: z.string(),
  anonymous: z.boolean(),
  status,
  filedAt: z.string(),
})

const detail = summary.extend({
  text: z.string(),
  photos: z.array(attachmentSchema.extend({ url: z.string() })),
  /** null when the reporter stayed anonymous */
  reporter: z.object({ name: z.string(), householdNumber: z.string() }).nullable(),
  steps: z.array(z.object({ kind: z.enum(reportStepKinds), at: z.string(), staffName: z.string(), text: z.string() })),
  outcome: z.string().nullable(),
  ...handlingView,
})

const counts = z.object({ received: z.number().int(), concluded: z.number().int() })

export const reportContract = {
  file: action(
    z.object({
      /** Made once per report on the phone; a retry returns the same tracking code. */
      requestId: z.string({ error: '请求编号格式不对' }).regex(/^[A-Za-z0-9_-]{8,64}$/, '请求编号格式不对'),
      subject: optionalText('举报对象', 60),
      text: text('举报内容', 2000),
      photos: photoInputs(3),
      /** true: the township is not told who filed it either */
      anonymous: z.boolean({ error: '请说明是否匿名' }),
    }),
    z.object({ trackingCode: z.string(), status, filedAt: z.string() }),
  ),
  /** What the reporter may know, by the code alone: never the staff's internal notes. */
  track: action(
    // Any string is a guess that counts against the attempt limit, whatever its length (core/attempts.ts).
    z.object({ trackingCode: z.string({ error: '请输入查询码' }) }),
    z.object({
      trackingCode: z.string(),
      status,
      filedAt: z.string(),
      acknowledgedAt: z.string().nullable(),
      concludedAt: z.string().nullable(),
      outcome: z.string().nullable(),
    }),
  ),
  inbox: action(z.object({ status: z.enum(reportStatuses, { error: '状态不对' }).optional(), villageId: id('村编号').optional(), cursor }), page(summary)),
  get: action(z.object(reportId), detail),
  acknowledge: action(z.object(reportId), z.object({ status })),
  note: action(z.object({ ...reportId, text: text('调查记录', 1000) }), z.object({ status })),
  /** The outcome the reporter reads; with a substantiated finding, the village cadres' posts it names (廉政档案). */
  conclude: action(z.object({ ...reportId, outcome: text('办理结果', 1000), ...findingInput }), z.object({ status })),
  /** 回避: the caller steps aside; another staff member takes the report over, and the caller no longer sees it. */
  recuse: action(z.object({ ...reportId, ...recusalInput }), recusalOutput),
  figures: action(z.object({}), z.object({ villages: z.array(counts.extend({ villageId: z.string(), villageName: z.string() })), total: counts })),
}
