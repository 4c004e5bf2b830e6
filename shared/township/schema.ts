import { auditSchema } from '../audit/schema'
import { action } from '../contract/action'
import { disclosureKinds, disclosureSections } from '../disclosure/rules'
import { escalationStatuses, subjectTypes, RULE_RANGE, SAFEGUARD_RANGE } from '../evaluation/rules'
import { escalationPublicView, roundView } from '../evaluation/schema'
import { ROSTER_PIECE } from '../member/roster'
import { z, id, text, cursor, page, dateInput, instantInput } from '../zod'
import { inviteRoles, codeKinds, securityEvents, XLSX_BASE64_MAX, CSV_MAX } from './rules'
import { findingInput, handlingView, integrityContract } from '../integrity/schema'

/** Something a village must disclose every period (see shared/disclosure/duty.ts for the rules). */
const dutySchema = z.object({
  label: z.string(),
  kind: z.enum(disclosureKinds),
  section: z.enum(disclosureSections).nullable(),
  cadence: z.enum(['monthly', 'quarterly']),
  dueDays: z.number().int(),
})

/** Who changed a township setting and when (see shared/setting.ts). */
const change = z.object({ setAt: z.string(), setBy: z.string() })
const ruleFields = { thresholdPermille: z.number().int(), streakLength: z.number().int() }
const safeguardFields = { minTurnoutPermille: z.number().int().nullable(), minDaysBetween: z.number().int() }

export const townshipSchema = z.object({
  _id: z.string(),
  name: z.string(),
  district: z.string(),
  /** The township's own disclosure duties; null means the product's defaults (see shared/disclosure/duty.ts). */
  duties: z.array(dutySchema).nullable(),
  /**
   * Each reply deadline the township set (days the village has to reply to feedback), oldest first,
   * at most KEPT_CHANGES; the last is in force, none means DEFAULT_REPLY_DAYS. Feedback keeps the deadline it was filed under.
   */
  feedbackReplyDaysSettings: z.array(change.extend({ days: z.number().int() })).optional(),
  /** The one deadline stored before changes were kept; read as the first change. */
  feedbackReplyDays: change.extend({ days: z.number().int() }).nullable().optional(),
  /** Each list of duties the township set, with when and who; a period is judged by the list in force when it ended. */
  dutySettings: z.array(change.extend({ duties: z.array(dutySchema) })).optional(),
  /**
   * Each evaluation rule the township set, oldest first, at most KEPT_CHANGES; the last is in force,
   * none means DEFAULT_RULE. Each round keeps the rule it opened under.
   */
  evaluationRuleSettings: z.array(change.extend(ruleFields)).optional(),
  /** The one rule stored before changes were kept; read as the first change. */
  evaluationRule: change.extend(ruleFields).nullable().optional(),
  /**
   * Each change of the safeguards on the rule (minimum turnout, minimum days between rounds on a subject),
   * oldest first, at most KEPT_CHANGES; the last is in force, none means DEFAULT_SAFEGUARDS. Each round keeps those it opened under.
   */
  evaluationSafeguardSettings: z.array(change.extend(safeguardFields)).optional(),
})
export type Township = z.infer<typeof townshipSchema>

export const villageSchema = z.object({
  _id: z.string(),
  townshipId: z.string(),
  name: z.string(),
  /** Printed on the notice board; a villager types it to ask to join the group. */
  joinCode: z.string(),
})
export type Village = z.infer<typeof villageSchema>

/** A household on the village roster (户). It is "in the group" once it has a voting representative. */
export const householdSchema = z.object({
  _id: z.string(),
  villageId: z.string(),
  /** 户号, unique within the village. */
  number: z.string(),
  headName: z.string(),
  /** 村民小组 */
  groupName: z.string(),
  size: z.number().int(),
  representativeMemberId: z.string().nullable(),
  inGroup: z.boolean(),
})
export type Household = z.infer<typeof householdSchema>

/**
 * A one-time code that makes its holder a township staff member, a village's
 * supervision committee chair, or a committee member. The code itself is shown once, when it is made;
 * what is stored is its hash, as the id (cloudfunctions/core/hash.ts codeHash), so it stays a key.
 */
export const inviteSchema = z.object({
  /** the hash of the code (an invite of the cloud made before codes were hashed: the 8-symbol code) */
  _id: z.string(),
  townshipId: z.string(),
  /** null for township staff */
  villageId: z.string().nullable(),
  role: z.enum(inviteRoles),
  title: z.string(),
  /** the name the appointed person will carry */
  name: z.string(),
  status: z.enum(['open', 'used', 'revoked']),
  createdAt: z.string(),
  createdBy: z.string(),
  expiresAt: z.string(),
  usedAt: z.string().nullable(),
  usedBy: z.string().nullable(),
  /** the invite a re-issue replaced this one with (its status is then revoked) */
  reissuedAs: z.string().nullable().optional(),
})
export type Invite = z.infer<typeof inviteSchema>

/**
 * A failed-guess counter: one document per kind, caller (or `all`) and clock hour, raised atomically
 * (Store.increment). The caller is a one-way hash of the openid; the code tried is never stored.
 */
export const attemptCounterSchema = z.object({
  _id: z.string(),
  kind: z.enum(codeKinds),
  hour: z.string(),
  count: z.number().int(),
})
export type AttemptCounter = z.infer<typeof attemptCounterSchema>

/**
 * An entry of the security log, apart from the audit log (township.audit). `who` is a name, 新访客 for a
 * visitor the product does not know yet, or 匿名查询 for a tracking-code lookup, which never names anyone.
 */
export const securityEntrySchema = z.object({
  _id: z.string(),
  at: z.string(),
  kind: z.enum(codeKinds),
  event: z.enum(securityEvents),
  who: z.string(),
  personId: z.string().nullable(),
  /** how many calls the entry stands for (1 for a guess or the limit; the refused calls of the hour) */
  count: z.number().int(),
})
export type SecurityEntry = z.infer<typeof securityEntrySchema>

const escalationId = { escalationId: id('案件编号') }
const status = z.enum(escalationStatuses)
const tally = z.object({ satisfied: z.number().int(), basic: z.number().int(), dissatisfied: z.number().int(), cast: z.number().int() })

const caseSummary = z.object({
  escalationId: z.string(),
  villageId: z.string(),
  villageName: z.string(),
  subject: z.object({ type: z.enum(subjectTypes), id: z.string(), title: z.string() }),
  cycle: z.number().int(),
  status,
  roundIds: z.array(z.string()),
  /** the rounds that opened the case, with their tallies */
  rounds: z.array(z.object({ roundId: z.string(), title: z.string(), closedAt: z.string().nullable(), tally: tally.nullable() })),
  openedAt: z.string(),
  ageDays: z.number().int(),
})

const rule = z.object({
  ...ruleFields,
  /** false while the township keeps the product's default */
  custom: z.boolean(),
  /** the latest change: when and who (title and name) */
  setAt: z.string().nullable(),
  setBy: z.string().nullable(),
  /** every change kept, newest first */
  history: z.array(z.object({ ...ruleFields, setAt: z.string(), setBy: z.string() })),
})

const safeguards = z.object({
  ...safeguardFields,
  /** false while the township keeps the defaults (no minimum turnout, no interval) */
  custom: z.boolean(),
  setAt: z.string().nullable(),
  setBy: z.string().nullable(),
  /** every change kept, newest first */
  history: z.array(z.object({ ...safeguardFields, setAt: z.string(), setBy: z.string() })),
})

const villageFigures = z.object({
  villageId: z.string(),
  villageName: z.string(),
  roundsHeld: z.number().int(),
  /** households that voted per household eligible, over closed rounds, in permille */
  turnoutPermille: z.number().int().nullable(),
  /** (满意 + 基本满意) per ballot, over closed rounds, in permille */
  satisfactionPermille: z.number().int().nullable(),
  roundsOverThreshold: z.number().int(),
  /** closed rounds that decided nothing (参与不足): no ballots, or fewer voters than the minimum turnout they opened under */
  roundsVoid: z.number().int(),
  openCases: z.number().int(),
  /** cases by cycle: [cycle 1 count, cycle 2 count, …] */
  casesByCycle: z.array(z.number().int()),
})

/** An audit entry as staff read it: the stored entry without its own id and the township it is filed under. */
const auditEntry = auditSchema.omit({ _id: true, townshipId: true, seal: true })

/** An Excel workbook (.xlsx) in base64, at most XLSX_BASE64_MAX; `tooBig` says what to leave out of a bigger one. */
export const xlsxBase64 = (tooBig: string) =>
  z
    .string({ error: '表格文件格式不对' })
    .min(1, '表格文件是空的')
    .max(XLSX_BASE64_MAX, `表格文件太大（最多约70KB）：${tooBig}`)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, '表格文件格式不对')

/** A roster file with columns 户号, 户主姓名, 村民小组, 人口数: exactly one of `csv` and `xlsx`. */
const rosterInput = z
  .object({
    villageId: id('村编号'),
    /** the text of a CSV saved from Excel (“CSV UTF-8”) */
    csv: z.string({ error: '花名册文件格式不对' }).min(1, '花名册文件是空的').max(CSV_MAX, '花名册文件太大（最多约两千户），请分成几份导入').optional(),
    /** an Excel workbook (.xlsx) in base64; its first sheet is read */
    xlsx: xlsxBase64('请删去户号、户主姓名、村民小组、人口数以外的内容，或分成几份导入').optional(),
  })
  .refine((input) => (input.csv === undefined) !== (input.xlsx === undefined), { error: '请选择一个花名册文件（Excel 表格或 CSV）' })

const rosterSummary = z.object({
  rows: z.number().int(),
  creates: z.number().int(),
  updates: z.number().int(),
  /** households on the roster that the file does not list: kept as they are */
  notInFile: z.number().int(),
  problems: z.array(z.object({ line: z.number().int(), reason: z.string() })),
})

/** One household of a roster file as the check read it; `line` is its line in the file, for messages. */
const rosterHousehold = z.object({
  line: z.number({ error: '行号不对' }).int('行号不对').min(1, '行号不对'),
  number: z.string({ error: '户号格式不对' }).max(20, '户号太长'),
  headName: z.string({ error: '户主姓名格式不对' }).max(20, '户主姓名太长'),
  groupName: z.string({ error: '村民小组格式不对' }).max(20, '村民小组太长'),
  size: z.number({ error: '人口数要填数字' }),
})

const duty = z.object({
  label: text('公开事项名称', 20),
  kind: z.enum(disclosureKinds, { error: '公开类别不对' }),
  section: z.enum(disclosureSections, { error: '公开栏目不对' }).nullable(),
  cadence: z.enum(['monthly', 'quarterly'], { error: '公开周期只能是每月或每季度' }),
  dueDays: z.number({ error: '期限要填天数' }).int('期限要填整天数').min(1, '期限至少1天').max(60, '期限最多60天'),
})

const exportInput = z.object({ kind: z.enum(['cases', 'feedback', 'reports', 'figures'], { error: '请选择要导出的内容' }) })

export const townshipContract = {
  /** 廉政档案 and 回避 (issue 20 item 5): shared/integrity/schema.ts */
  ...integrityContract,
  listEscalations: action(z.object({ status: status.optional(), villageId: id('村编号').optional(), cursor }), page(caseSummary)),
  /** One case with the subject's whole history: every cycle, round, answer, note, rectification and report. */
  getEscalation: action(
    z.object(escalationId),
    z.object({
      escalation: caseSummary.extend({
        notes: z.array(z.object({ at: z.string(), name: z.string(), title: z.string(), text: z.string() })),
        rectification: z.object({ what: z.string(), dueAt: z.string(), at: z.string(), name: z.string(), title: z.string() }).nullable(),
        villageReport: z.object({ text: z.string(), at: z.string(), name: z.string(), title: z.string() }).nullable(),
        closedAt: z.string().nullable(),
        conclusion: z.string().nullable(),
        reevaluationRoundId: z.string().nullable(),
        ...handlingView,
      }),
      cycles: z.array(escalationPublicView),
      rounds: z.array(roundView),
    }),
  ),
  addNote: action(z.object({ ...escalationId, text: text('调查记录', 2000) }), z.object({ status })),
  orderRectification: action(z.object({ ...escalationId, what: text('整改要求', 2000), dueAt: dateInput('整改期限') }), z.object({ status })),
  /** Closes the case and opens the re-evaluation round on its subject. */
  closeEscalation: action(
    z.object({ ...escalationId, conclusion: text('办结意见', 2000), reevaluationClosesAt: instantInput('再评议截止时间'), ...findingInput }),
    z.object({ status, reevaluationRoundId: z.string() }),
  ),
  figures: action(z.object({}), z.object({ villages: z.array(villageFigures) })),
  rule: action(z.object({}), rule),
  /** The disclosure duties in force, and every change with when and who. */
  duties: action(
    z.object({}),
    z.object({
      duties: z.array(duty),
      custom: z.boolean(),
      history: z.array(z.object({ setAt: z.string(), setBy: z.string(), count: z.number().int() })),
    }),
  ),
  /** A new list of duties: periods ending after now are judged by it, earlier ones keep theirs. */
  setDuties: action(
    z.object({ duties: z.array(duty, { error: '公开事项格式不对' }).min(1, '至少要有一项公开事项').max(12, '公开事项最多12项') }),
    z.object({ count: z.number().int() }),
  ),
  /** A one-time code appointing a chair or committee member of a village, or another staff member. */
  invite: action(
    z.object({
      role: z.enum(inviteRoles, { error: '请选择职务' }),
      villageId: id('村编号').optional(),
      title: text('职务名称', 20),
      name: text('被任命人姓名', 20),
      days: z.number({ error: '有效天数要填数字' }).int('有效天数要填整数').min(1, '有效期至少1天').max(30, '有效期最多30天').optional(),
    }),
    /** the code, in this answer only: the store keeps its hash */
    z.object({ inviteId: z.string(), code: z.string(), expiresAt: z.string() }),
  ),
  /** A new code for an open invite (its code is shown only once); the old code stops working. */
  reissueInvite: action(z.object({ inviteId: id('任命码编号') }), z.object({ inviteId: z.string(), code: z.string(), expiresAt: z.string() })),
  appointments: action(
    z.object({}),
    z.object({
      appointments: z.array(
        z.object({ appointmentId: z.string(), role: z.enum(inviteRoles), title: z.string(), name: z.string(), villageName: z.string().nullable(), startedAt: z.string() }),
      ),
      invites: z.array(
        /** who, which post, until when: never the code */
        z.object({ inviteId: z.string(), role: z.enum(inviteRoles), title: z.string(), name: z.string(), villageName: z.string().nullable(), expiresAt: z.string() }),
      ),
    }),
  ),
  endAppointment: action(z.object({ appointmentId: id('职务编号') }), z.object({})),
  createVillage: action(z.object({ name: text('村名', 20) }), z.object({ villageId: z.string(), joinCode: z.string() })),
  /**
   * The check before an import: what importing the roster file would do and every bad line with why; writes
   * nothing. A file with no bad line comes back as `households`, for `importRoster` to take piece by piece.
   */
  previewRoster: action(rosterInput, rosterSummary.extend({ households: z.array(rosterHousehold) })),
  /**
   * One piece of a checked roster file (at most ROSTER_PIECE households, one transaction, so each call fits the
   * function's timeout): updates households by 户号, adds new ones, deletes none. Sending a piece again changes
   * nothing more (`unchanged`), so a failed piece can simply be retried.
   */
  importRoster: action(
    z.object({
      villageId: id('村编号'),
      households: z.array(rosterHousehold, { error: '花名册格式不对' }).min(1, '这一批没有户').max(ROSTER_PIECE, `每批最多${ROSTER_PIECE}户`),
    }),
    z.object({ creates: z.number().int(), updates: z.number().int(), unchanged: z.number().int() }),
  ),
  /** CSV (UTF-8 with a byte-order mark, Beijing time) of cases, feedback, reports or per-village figures. */
  export: action(exportInput, z.object({ filename: z.string(), csv: z.string() })),
  /**
   * The same CSV as `export`, written to a private file for WeChat, where a file can be shared
   * to a chat only from a tap: the phone downloads `url` (short-lived) at once, then shares the
   * local copy on a second tap. Export files are deleted a day later.
   */
  prepareExport: action(exportInput, z.object({ filename: z.string(), fileId: z.string(), url: z.string(), expiresAt: z.string(), rows: z.number().int() })),
  /** Every write in the township's villages, newest first; by village, person or action. */
  audit: action(
    z.object({
      villageId: id('村编号').optional(),
      personId: id('人员编号').optional(),
      /** e.g. evaluation.closeRound (not `action`, which names the call itself) */
      operation: z
        .string({ error: '操作名称不对' })
        .regex(/^[a-z]+\.[A-Za-z]+$/, '操作名称不对')
        .optional(),
      cursor,
    }),
    page(auditEntry),
  ),
  /**
   * Recomputes the township's audit chain (shared/audit/chain.ts): intact, or each edited, deleted or
   * reordered entry (its place in the chain) and each edited or deleted seal. Entries not sealed yet are counted,
   * not reported as tampering.
   */
  verifyAudit: action(
    z.object({}),
    z.object({
      intact: z.boolean(),
      seals: z.number().int(),
      sealed: z.number().int(),
      unsealed: z.number().int(),
      retired: z.number().int(),
      problems: z.array(
        z.object({
          kind: z.enum(['edited', 'deleted', 'reordered', 'unlisted', 'sealEdited', 'sealDeleted']),
          position: z.number().int(),
          at: z.string().nullable(),
        }),
      ),
    }),
  ),
  /**
   * The security log, apart from the audit log: wrong guesses of invite, join and tracking codes, callers who
   * reached the attempt limit and the calls refused after it, newest first. A tracking-code lookup names nobody.
   */
  securityLog: action(
    z.object({ cursor }),
    page(
      z.object({
        entryId: z.string(),
        at: z.string(),
        kind: z.enum(codeKinds),
        event: z.enum(securityEvents),
        who: z.string(),
        count: z.number().int(),
      }),
    ),
  ),
  /** Applies to rounds opened afterwards; a round keeps the rule it was opened under. */
  setRule: action(
    z.object({
      thresholdPermille: z
        .number({ error: '不满意比例要填数字' })
        .int('不满意比例要填整数（千分比）')
        .min(RULE_RANGE.thresholdPermille.min, '不满意比例太小')
        .max(RULE_RANGE.thresholdPermille.max, '不满意比例要小于100%'),
      streakLength: z
        .number({ error: '连续轮数要填数字' })
        .int('连续轮数要填整数')
        .min(RULE_RANGE.streakLength.min, '连续轮数至少1轮')
        .max(RULE_RANGE.streakLength.max, `连续轮数最多${RULE_RANGE.streakLength.max}轮`),
    }),
    rule,
  ),
  safeguards: action(z.object({}), safeguards),
  /**
   * Applies to rounds opened afterwards: a round keeps the minimum turnout it was opened under, and the
   * interval is checked when a round opens. `minTurnoutPermille` null: no minimum.
   */
  setSafeguards: action(
    z.object({
      minTurnoutPermille: z
        .number({ error: '最低参与率要填数字' })
        .int('最低参与率要填整数（千分比）')
        .min(SAFEGUARD_RANGE.minTurnoutPermille.min, '最低参与率太小')
        .max(SAFEGUARD_RANGE.minTurnoutPermille.max, '最低参与率不能超过100%')
        .nullable(),
      minDaysBetween: z
        .number({ error: '间隔天数要填数字' })
        .int('间隔天数要填整数')
        .min(SAFEGUARD_RANGE.minDaysBetween.min, '间隔天数不能是负数')
        .max(SAFEGUARD_RANGE.minDaysBetween.max, `间隔天数最多${SAFEGUARD_RANGE.minDaysBetween.max}天`),
    }),
    safeguards,
  ),
}

export type CaseSummary = z.infer<typeof caseSummary>
export type VillageEvaluationFigures = z.infer<typeof villageFigures>
