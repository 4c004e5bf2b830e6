import { MAX_ATTACHMENTS } from '../attachment'
import { action } from '../contract/action'
import { z, text, photoInputs, villageInput, cursor, page, id, dateInput } from '../zod'
import { disclosureKinds, disclosureSections, decisionStages, periodPattern } from './rules'

export const lineItemSchema = z.object({
  /** YYYY-MM-DD */
  date: z.string(),
  item: z.string(),
  /** Amount in fen (分): a positive integer, never a float. */
  amountFen: z.number().int(),
  direction: z.enum(['income', 'spending']),
})
export type LineItem = z.infer<typeof lineItemSchema>

export const attachmentSchema = z.object({
  fileId: z.string(),
  name: z.string(),
  mime: z.string(),
  size: z.number().int(),
})
export type Attachment = z.infer<typeof attachmentSchema>

/**
 * The account's balance at the start and end of the period, as the committee
 * enters it from the books (never read out of the text). It must agree with the
 * line items: opening + income − spending = closing.
 */
export const balanceSchema = z.object({ openingFen: z.number().int(), closingFen: z.number().int() })
export type Balance = z.infer<typeof balanceSchema>

/** What a revision fixes: everything a villager reads. */
export const disclosureContentSchema = z.object({
  title: z.string(),
  body: z.string(),
  period: z.string().nullable(),
  lineItems: z.array(lineItemSchema),
  attachments: z.array(attachmentSchema),
  /** absent on disclosures published before balances could be entered */
  balance: balanceSchema.nullable().optional(),
})
export type DisclosureContent = z.infer<typeof disclosureContentSchema>

export const signatureSchema = z.object({ personId: z.string(), name: z.string(), title: z.string() })
export type Signature = z.infer<typeof signatureSchema>

/** The disclosure as villagers see it now: its latest revision's content. */
export const disclosureSchema = z.object({
  _id: z.string(),
  villageId: z.string(),
  kind: z.enum(disclosureKinds),
  section: z.enum(disclosureSections),
  /** Shown on the village's public page (QR code) to anyone; false: group members only. */
  public: z.boolean(),
  content: disclosureContentSchema,
  /** 1 for the first publication, +1 per correction. */
  revision: z.number().int(),
  publishedAt: z.string(),
  publishedBy: signatureSchema,
  revisedAt: z.string().nullable(),
  /** set by the first correction: the 已更正 filter reads it through an index */
  corrected: z.boolean(),
  /** The hash of the latest revision: the head of the chain. */
  hash: z.string(),
})
export type Disclosure = z.infer<typeof disclosureSchema>

/** One link of a disclosure's chain; never updated or deleted. */
export const revisionSchema = z.object({
  _id: z.string(),
  disclosureId: z.string(),
  villageId: z.string(),
  revision: z.number().int(),
  content: disclosureContentSchema,
  /** Required for every correction; null for the first publication. */
  reason: z.string().nullable(),
  at: z.string(),
  by: signatureSchema,
  prevHash: z.string(),
  hash: z.string(),
})
export type Revision = z.infer<typeof revisionSchema>

export const decisionStepSchema = z.object({
  stage: z.enum(decisionStages),
  /** the day it happened, YYYY-MM-DD */
  date: z.string(),
  minutes: z.string(),
  /** e.g. photos of the signed minutes or the vote tally */
  attachments: z.array(attachmentSchema),
  recordedAt: z.string(),
  by: signatureSchema,
})
export type DecisionStep = z.infer<typeof decisionStepSchema>

export const decisionSchema = z.object({
  _id: z.string(),
  villageId: z.string(),
  title: z.string(),
  summary: z.string(),
  steps: z.array(decisionStepSchema),
  /** the last step recorded */
  stage: z.enum(decisionStages),
  updatedAt: z.string(),
})
export type Decision = z.infer<typeof decisionSchema>

const kind = z.enum(disclosureKinds, { error: '公开类别只能是党务、村务或财务' })
const section = z.enum(disclosureSections, { error: '公开栏目只能是工程项目、资产资源、办事结果、财务收支或决议' })

const lineItemInput = z.object({
  date: z.string({ error: '请填写每一笔的日期' }).regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, '日期要写成 2026-10-05 这样'),
  item: text('收支事项', 60),
  amountFen: z.number({ error: '金额要填数字' }).int('金额以分为单位，必须是整数').positive('金额必须大于零').max(100_000_000_000, '金额太大，请核对'),
  direction: z.enum(['income', 'spending'], { error: '请说明是收入还是支出' }),
})

const balanceAmount = (what: string) =>
  z
    .number({ error: `${what}要填数字` })
    .int(`${what}以分为单位，必须是整数`)
    .min(-100_000_000_000, `${what}太大，请核对`)
    .max(100_000_000_000, `${what}太大，请核对`)

const contentInput = {
  title: text('标题', 60),
  body: text('正文', 5000),
  period: z.string({ error: '所属期格式不对' }).regex(periodPattern, '所属期要写成 2026-10（月）或 2026-Q4（季度）').nullish(),
  lineItems: z.array(lineItemInput, { error: '收支明细格式不对' }).max(200, '收支明细最多200笔').optional(),
  /** Optional opening and closing balance from the books; checked against the line items. */
  balance: z.object({ openingFen: balanceAmount('期初余额'), closingFen: balanceAmount('期末余额') }, { error: '期初、期末余额格式不对' }).nullish(),
  /** Uploaded images (wx.cloud.uploadFile in WeChat, POST /api/files locally); type and size are checked from the stored bytes. */
  attachments: photoInputs(MAX_ATTACHMENTS),
}

const listItem = z.object({
  disclosureId: z.string(),
  kind: z.enum(disclosureKinds),
  section: z.enum(disclosureSections),
  title: z.string(),
  period: z.string().nullable(),
  publishedAt: z.string(),
  /** 1 = as first published; more means it was corrected. */
  revision: z.number().int(),
  revisedAt: z.string().nullable(),
  public: z.boolean(),
})

const totals = z.object({ incomeFen: z.number().int(), spendingFen: z.number().int(), balanceFen: z.number().int() })

/** Positions are 1-based (第N笔): `from` in the list before the correction, `to` in the list after (see revision-diff.ts for the matching rule). */
const lineChange = z.discriminatedUnion('change', [
  z.object({ change: z.literal('inserted'), to: z.number().int(), after: lineItemSchema }),
  z.object({ change: z.literal('removed'), from: z.number().int(), before: lineItemSchema }),
  z.object({ change: z.literal('moved'), from: z.number().int(), to: z.number().int(), item: lineItemSchema }),
  z.object({
    change: z.literal('edited'),
    from: z.number().int(),
    to: z.number().int(),
    before: lineItemSchema,
    after: lineItemSchema,
    fields: z.array(z.enum(['amount', 'direction'])),
  }),
])

/** A run of text, marked where it was removed (before) or added (after). */
const segments = z.array(z.object({ text: z.string(), changed: z.boolean() }))

const revisionView = z.object({
  revision: z.number().int(),
  at: z.string(),
  /** Who changed it is shown by name and post (the public record of an official act). */
  by: signatureSchema.omit({ personId: true }),
  reason: z.string().nullable(),
  changes: z.object({
    /** in plain words, e.g. 新增 1 笔、改了 1 笔金额 */
    summary: z.string(),
    fields: z.array(
      z.object({
        field: z.enum(['title', 'body', 'period', 'balance']),
        before: z.string(),
        after: z.string(),
        /** each place the wording changed, with a little context (title and body) */
        hunks: z.array(z.object({ before: segments, after: segments })),
      }),
    ),
    lineItems: z.array(lineChange),
    attachmentsChanged: z.boolean(),
  }),
})

const detail = listItem.extend({
  body: z.string(),
  lineItems: z.array(lineItemSchema),
  attachments: z.array(attachmentSchema.extend({ url: z.string() })),
  totals,
  /** the opening and closing balance the committee entered, if any */
  balance: balanceSchema.nullable(),
  publishedBy: signatureSchema.omit({ personId: true }),
  revisions: z.array(revisionView),
})

const dutyPeriod = z.object({
  period: z.string(),
  dueAt: z.string(),
  status: z.enum(['onTime', 'late', 'overdue', 'notDue']),
  publishedAt: z.string().nullable(),
})

const stage = z.enum(decisionStages, { error: '步骤不对' })

const decisionSummary = z.object({
  decisionId: z.string(),
  title: z.string(),
  stage,
  updatedAt: z.string(),
})

export const disclosureContract = {
  list: action(
    z.object({
      ...villageInput,
      kind: kind.optional(),
      section: section.optional(),
      /** only disclosures corrected after publication (已更正) */
      corrected: z.boolean({ error: '筛选条件不对' }).optional(),
      cursor,
    }),
    page(listItem),
  ),
  search: action(
    z.object({
      ...villageInput,
      keyword: z.string({ error: '请输入要搜索的词' }).trim().min(2, '请至少输入两个字').max(30, '搜索词不能超过30个字'),
      /** narrow the results as the list's filters do; every page is still full while more follow */
      kind: kind.optional(),
      section: section.optional(),
      corrected: z.boolean({ error: '筛选条件不对' }).optional(),
      cursor,
    }),
    page(listItem),
  ),
  get: action(z.object({ ...villageInput, disclosureId: id('公开编号') }), z.object({ disclosure: detail })),
  publish: action(
    z
      .object({
        kind,
        section,
        public: z.boolean({ error: '请选择是否对外公开' }).optional(),
        /** a forwarded 点题 this disclosure answers (topic.duties): it becomes disclosed, on time or late */
        topicId: id('点题编号').optional(),
        ...contentInput,
      })
      .refine((d) => d.section !== 'finance' || (d.lineItems?.length ?? 0) > 0, {
        message: '财务收支公开至少要有一笔收支明细',
        path: ['lineItems'],
      }),
    z.object({ disclosureId: z.string() }),
  ),
  revise: action(
    z.object({
      disclosureId: id('公开编号'),
      /** The revision the corrector was looking at; a newer one answers CONFLICT instead of being overwritten. */
      expectedRevision: z.number({ error: '版本号格式不对' }).int('版本号格式不对').positive('版本号格式不对').optional(),
      reason: text('更正原因', 200),
      ...contentInput,
    }),
    z.object({ revision: z.number().int() }),
  ),
  duties: action(
    z.object(villageInput),
    z.object({
      duties: z.array(
        z.object({
          label: z.string(),
          cadence: z.enum(['monthly', 'quarterly']),
          dueDays: z.number().int(),
          periods: z.array(dutyPeriod),
        }),
      ),
      overdueCount: z.number().int(),
      lateCount: z.number().int(),
    }),
  ),
  decisions: action(z.object({ ...villageInput, cursor }), page(decisionSummary)),
  decision: action(
    z.object({ ...villageInput, decisionId: id('决策编号') }),
    z.object({
      decision: decisionSummary.extend({
        summary: z.string(),
        steps: z.array(
          z.object({
            stage,
            date: z.string(),
            minutes: z.string(),
            attachments: z.array(attachmentSchema.extend({ url: z.string() })),
            recordedAt: z.string(),
            byName: z.string(),
            byTitle: z.string(),
          }),
        ),
        nextStage: stage.nullable(),
      }),
    }),
  ),
  recordDecisionStep: action(
    z.object({
      /** omitted to start a new decision with its proposal */
      decisionId: id('决策编号').optional(),
      title: text('事项名称', 60).optional(),
      summary: text('事项说明', 1000).optional(),
      stage,
      date: dateInput('日期'),
      minutes: text('会议记录或公开内容', 5000),
      attachments: contentInput.attachments,
    }),
    z.object({ decisionId: z.string(), stage }),
  ),
  figures: action(
    z.object(villageInput),
    z.object({
      /** the current month in Beijing time, YYYY-MM */
      month: z.string(),
      publishedThisMonth: z.object({ party: z.number().int(), village: z.number().int(), finance: z.number().int() }),
      revisionsThisMonth: z.number().int(),
      overdueDuties: z.number().int(),
      lateDuties: z.number().int(),
      announcements: z.array(z.object({ title: z.string(), publishedAt: z.string(), householdsRead: z.number().int(), householdsInGroup: z.number().int() })),
    }),
  ),
  publicVillage: action(z.object({ villageId: id('村编号') }), z.object({ villageId: z.string(), name: z.string(), townshipName: z.string() })),
  publicList: action(z.object({ villageId: id('村编号'), kind: kind.optional(), section: section.optional(), cursor }), page(listItem)),
  publicGet: action(z.object({ villageId: id('村编号'), disclosureId: id('公开编号') }), z.object({ disclosure: detail })),
  villageCode: action(
    z.object({}),
    z.object({
      villageId: z.string(),
      /** the page the code opens, with the village as its parameter */
      page: z.string(),
      /** a WeChat mini-program code as a data: URL; null where the app draws a QR of the page URL itself */
      image: z.string().nullable(),
    }),
  ),
  verify: action(
    z.object({ ...villageInput, disclosureId: id('公开编号') }),
    z.object({ intact: z.boolean(), revisions: z.number().int(), brokenAtRevision: z.number().int().nullable() }),
  ),
}

export type DisclosureListItem = z.infer<typeof listItem>
export type RevisionView = z.infer<typeof revisionView>
export type DisclosureDetail = z.infer<typeof detail>
