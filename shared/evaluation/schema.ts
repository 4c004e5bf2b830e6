import { action } from '../contract/action'
import { paperSlots } from './paper'
import { z, id, text, optionalText, instantInput, villageInput, cursor, page } from '../zod'
import { subjectTypes, roundStatuses, choices, escalationStatuses } from './rules'
import { handlingFields } from '../integrity/schema'

const byline = z.object({ personId: z.string(), name: z.string(), title: z.string() })
const safeguardsSchema = z.object({ minTurnoutPermille: z.number().int().nullable(), minDaysBetween: z.number().int() })

/** What is evaluated: a disclosure or a decided matter (四议两公开). */
export const subjectSchema = z.object({ type: z.enum(subjectTypes), id: z.string(), title: z.string() })
export type Subject = z.infer<typeof subjectSchema>

/**
 * An evaluation round (评议). `counting` is the short step between the vote
 * stopping and the tally being written; a round left there by a crash is
 * finished by the timer.
 */
export const roundSchema = z.object({
  _id: z.string(),
  villageId: z.string(),
  townshipId: z.string(),
  subject: subjectSchema,
  subjectKey: z.string(),
  /** 1, 2, 3… per subject: the order rounds were held in, which the streak follows */
  seq: z.number().int(),
  /**
   * Unique: the subject key while the round is open or counting, the round's
   * own id once closed; so a subject has at most one open round.
   */
  openKey: z.string(),
  title: z.string(),
  status: z.enum(roundStatuses),
  openedAt: z.string(),
  openedBy: byline,
  closesAt: z.string(),
  closedAt: z.string().nullable(),
  closedBy: z.enum(['chair', 'timer']).nullable(),
  /** households in the group when the round opened: the turnout's whole */
  eligible: z.number().int(),
  /** the township's rule when the round opened */
  rule: z.object({ thresholdPermille: z.number().int(), streakLength: z.number().int() }),
  /** the township's safeguards when the round opened (issue 20); a round opened before them had none: DEFAULT_SAFEGUARDS */
  safeguards: safeguardsSchema.optional(),
  /** why the chair closed the round before its closing time (required then); null otherwise */
  closeReason: z.string().nullable().optional(),
  /** set when closed */
  tally: z.object({ satisfied: z.number().int(), basic: z.number().int(), dissatisfied: z.number().int(), cast: z.number().int() }).nullable(),
  outcome: z.enum(['over', 'within', 'void']).nullable(),
  streak: z.number().int().nullable(),
  /** the case this round opened, if it did */
  escalationId: z.string().nullable(),
  /** the case whose closing opened this round (a re-evaluation) */
  reevaluationOf: z.string().nullable(),
  /**
   * the committee's answer on record (答复释疑) to a round over the threshold; `personId` (who answered, for the
   * township's integrity files, never published) is absent on answers given before it was kept
   */
  answer: z.object({ text: z.string(), at: z.string(), name: z.string(), title: z.string(), personId: z.string().optional() }).nullable(),
  /**
   * A panel round (评议团, issue 20): the meeting whose panel votes instead of the households, indexed so the
   * meeting's room view finds its rounds; absent or null for a household round.
   */
  meetingId: z.string().nullable().optional(),
  /** the panel round's agenda item and how its panel votes: `phone` members by phone, `paper` on paper */
  panel: z.object({ itemId: z.string(), phone: z.number().int(), paper: z.number().int() }).nullable().optional(),
  /**
   * Set by the retention policy (shared/retention.ts) before it deletes the round's ballots and
   * participations: the turnout they gave, so the round still shows it; `done` once all are gone.
   */
  purged: z.object({ at: z.string(), voted: z.number().int(), byProxy: z.number().int(), done: z.boolean() }).nullable().optional(),
})
export type Round = z.infer<typeof roundSchema>

/**
 * That a household voted in a round, and nothing about how. The id is
 * `<roundId>:<householdId>`, so a household can take part once. `requestKey`
 * is a one-way hash of the phone's request id: a retry is recognised without
 * linking this record to the ballot. `at` is the Beijing day only: a finer
 * time would order voters against each other (see docs/architecture.md,
 * "The secret ballot in storage").
 */
export const participationSchema = z.object({
  _id: z.string(),
  roundId: z.string(),
  householdId: z.string(),
  villageId: z.string(),
  /** YYYY-MM-DD, Beijing time */
  at: z.string(),
  requestKey: z.string().nullable(),
  /** cast by a member holding the representative's proxy: counted in turnout, says nothing of the choice */
  byProxy: z.boolean(),
  /**
   * Which derivation of the request id gave the receipt (0 unless the first one was already another
   * ballot's): a retry gets the same receipt back. Without the request id it says nothing of the receipt.
   */
  receiptAttempt: z.number().int().optional(),
})
export type Participation = z.infer<typeof participationSchema>

/**
 * A ballot slot. A round opens with one empty slot per household on the roster
 * (and spares), random ids, all alike; a vote fills a randomly chosen empty slot.
 * So neither the slot's id, nor its place in storage, nor when it was written
 * says which household filled it or when. A slot holds no household, person or
 * time. `receipt` is a random placeholder while empty (a unique index counts a
 * missing field as a value) and the voter's receipt once filled.
 */
export const ballotSchema = z.object({
  _id: z.string(),
  roundId: z.string(),
  receipt: z.string(),
  choice: z.enum(choices).nullable(),
})
export type Ballot = z.infer<typeof ballotSchema>

/**
 * One official's count of a panel round's paper ballots: `<round>:entry` by the first, `<round>:confirmation` by
 * another; both must agree before the round is counted. Totals only, never a panelist: paper ballots are secret.
 */
export const paperCountSchema = z.object({
  _id: z.string(),
  roundId: z.string(),
  slot: z.enum(paperSlots),
  by: z.object({ personId: z.string(), name: z.string(), title: z.string() }),
  at: z.string(),
  satisfied: z.number().int(),
  basic: z.number().int(),
  dissatisfied: z.number().int(),
})
export type PaperCount = z.infer<typeof paperCountSchema>

/**
 * One cycle of a subject's case with the township discipline staff. The id is
 * `<subjectKey>#<cycle>`: closing the same round twice cannot open two.
 */
export const escalationSchema = z.object({
  _id: z.string(),
  villageId: z.string(),
  townshipId: z.string(),
  subject: subjectSchema,
  subjectKey: z.string(),
  cycle: z.number().int(),
  status: z.enum(escalationStatuses),
  /** the consecutive rounds over the threshold that opened it, oldest first */
  roundIds: z.array(z.string()),
  openedAt: z.string(),
  /** internal to the township */
  notes: z.array(z.object({ at: z.string(), name: z.string(), title: z.string(), text: z.string() })),
  rectification: z.object({ what: z.string(), dueAt: z.string(), at: z.string(), name: z.string(), title: z.string() }).nullable(),
  /** the village's report to villagers on its rectification (published) */
  villageReport: z.object({ text: z.string(), at: z.string(), name: z.string(), title: z.string() }).nullable(),
  closedAt: z.string().nullable(),
  closedBy: z.object({ name: z.string(), title: z.string(), conclusion: z.string() }).nullable(),
  /** the round opened when the case closed */
  reevaluationRoundId: z.string().nullable(),
  /** who handles it, recusals (回避) and the cadres the finding names: shared/integrity/schema.ts */
  ...handlingFields,
})
export type Escalation = z.infer<typeof escalationSchema>

/**
 * A voting representative hands the household's vote to another member of the
 * household in the group: for one round, or until a date. `activeKey` is the
 * household while the proxy stands and the proxy's own id once revoked, so a
 * household has at most one standing proxy (a new one replaces it).
 */
export const proxySchema = z.object({
  _id: z.string(),
  villageId: z.string(),
  householdId: z.string(),
  activeKey: z.string(),
  status: z.enum(['active', 'revoked']),
  fromMemberId: z.string(),
  toMemberId: z.string(),
  toName: z.string(),
  /** one round, or every round voted on until `until` */
  roundId: z.string().nullable(),
  until: z.string().nullable(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
})
export type Proxy = z.infer<typeof proxySchema>

const roundId = { roundId: id('评议编号') }
const subjectInput = z.object({ type: z.enum(subjectTypes, { error: '评议对象只能是一条公开或一项决策' }), id: id('评议对象') }, { error: '请选择评议对象' })
const tally = z.object({ satisfied: z.number().int(), basic: z.number().int(), dissatisfied: z.number().int(), cast: z.number().int() })
const signed = z.object({ text: z.string(), at: z.string(), name: z.string(), title: z.string() })

export const roundView = z.object({
  roundId: z.string(),
  villageId: z.string(),
  subject: z.object({ type: z.enum(subjectTypes), id: z.string(), title: z.string() }),
  title: z.string(),
  status: z.enum(roundStatuses),
  openedAt: z.string(),
  openedByName: z.string(),
  closesAt: z.string(),
  closedAt: z.string().nullable(),
  /** households that voted, of those in the group when the round opened */
  turnout: z.object({ voted: z.number().int(), eligible: z.number().int(), byProxy: z.number().int() }),
  rule: z.object({ thresholdPermille: z.number().int(), streakLength: z.number().int() }),
  /** the minimum turnout and interval the round opened under (void below that turnout: 参与不足) */
  safeguards: safeguardsSchema,
  /** only once closed: nobody sees a running count of choices */
  tally: tally.nullable(),
  outcome: z.enum(['over', 'within', 'void']).nullable(),
  overThreshold: z.boolean().nullable(),
  dissatisfiedPermille: z.number().int().nullable(),
  /** 答复释疑, published with the round */
  answer: signed.nullable(),
  needsAnswer: z.boolean(),
  escalationId: z.string().nullable(),
  reevaluationOf: z.string().nullable(),
  /** the chair's reason for closing before the closing time, shown to the township */
  closeReason: z.string().nullable(),
  /** the caller's household, for villagers: whether its representative may vote and whether it has; in a panel round, the caller's own seat */
  myHousehold: z.object({ canVote: z.boolean(), voted: z.boolean() }).nullable(),
  /**
   * A panel round: its meeting and item, how many vote by phone and on paper, and where the paper count stands
   * (entries made, and whether they agree: never the counts before the round closes).
   */
  panel: z
    .object({
      meetingId: z.string(),
      itemId: z.string(),
      phone: z.number().int(),
      paper: z.number().int(),
      paperEntered: z.number().int(),
      paperState: z.enum(['none', 'waiting', 'disagree', 'agreed']),
    })
    .nullable(),
  /** when the retention policy deleted the round's ballots and participations (a year after it ended); the tally stays */
  ballotsDeletedAt: z.string().nullable(),
})

/** A case as villagers may read it: no internal notes. */
export const escalationPublicView = z.object({
  escalationId: z.string(),
  cycle: z.number().int(),
  status: z.enum(escalationStatuses),
  roundIds: z.array(z.string()),
  openedAt: z.string(),
  rectification: z.object({ what: z.string(), dueAt: z.string(), at: z.string() }).nullable(),
  villageReport: signed.nullable(),
  closedAt: z.string().nullable(),
  conclusion: z.string().nullable(),
  reevaluationRoundId: z.string().nullable(),
})

const proxyView = z.object({
  proxyId: z.string(),
  toMemberId: z.string(),
  toName: z.string(),
  /** one round (its title), or every round until a date */
  round: z.object({ roundId: z.string(), title: z.string() }).nullable(),
  until: z.string().nullable(),
  createdAt: z.string(),
  /** false once its round has closed or its date has passed */
  inForce: z.boolean(),
})

export const evaluationContract = {
  openRound: action(
    z.object({
      subject: subjectInput,
      title: text('评议标题', 60),
      /** when voting stops by itself, e.g. 2026-11-28T20:00:00+08:00 */
      closesAt: instantInput('截止时间'),
      /** at a 村情发布会: the meeting's panel votes on this agenda item (its disclosure or decision is the subject) */
      meeting: z.object({ meetingId: id('会议编号'), itemId: id('事项编号') }).optional(),
    }),
    z.object({ roundId: z.string() }),
  ),
  /** A household's voting representative votes for the household; once per round. */
  castBallot: action(
    z.object({
      ...roundId,
      choice: z.enum(choices, { error: '请选择满意、基本满意或不满意' }),
      /** made once per ballot on the phone; a retry with it returns the same receipt */
      requestId: z
        .string({ error: '请求编号格式不对' })
        .regex(/^[A-Za-z0-9_-]{16,64}$/, '请求编号格式不对')
        .optional(),
    }),
    z.object({ receipt: z.string() }),
  ),
  /** Before `closesAt` the chair must give a reason (stored on the round, shown to the township); at or after it none is needed. */
  closeRound: action(
    z.object({ ...roundId, reason: optionalText('提前结束的原因', 200) }),
    z.object({
      tally,
      overThreshold: z.boolean(),
      outcome: z.enum(['over', 'within', 'void']),
      escalationId: z.string().nullable(),
    }),
  ),
  answerRound: action(z.object({ ...roundId, answer: text('答复内容', 2000) }), z.object({})),
  /** The code the chair shows the room for a panel round: scanning it opens the round (same shape as disclosure.villageCode). */
  roundCode: action(
    z.object({ ...roundId }),
    z.object({
      roundId: z.string(),
      page: z.string(),
      /** a WeChat mini-program code as a data: URL; null where the app draws a QR of the page URL itself */
      image: z.string().nullable(),
    }),
  ),
  /**
   * An official enters the counts of a panel round's paper ballots. The first entry and another official's
   * confirmation must agree before the round can be counted; each may correct their own entry until it closes.
   */
  enterPaper: action(
    z.object({
      ...roundId,
      satisfied: z.number({ error: '请填写满意票数' }).int('满意票数要填整数').min(0, '满意票数不能是负数').max(1000, '满意票数太大'),
      basic: z.number({ error: '请填写基本满意票数' }).int('基本满意票数要填整数').min(0, '基本满意票数不能是负数').max(1000, '基本满意票数太大'),
      dissatisfied: z.number({ error: '请填写不满意票数' }).int('不满意票数要填整数').min(0, '不满意票数不能是负数').max(1000, '不满意票数太大'),
    }),
    z.object({ entered: z.number().int(), state: z.enum(['waiting', 'disagree', 'agreed']) }),
  ),
  getRound: action(
    z.object({ ...roundId, ...villageInput }),
    roundView.extend({
      /** once closed: every ballot's receipt and choice, by receipt; no household */
      ballots: z.array(z.object({ receipt: z.string(), choice: z.enum(choices) })).nullable(),
    }),
  ),
  listRounds: action(z.object({ ...villageInput, status: z.enum(['open', 'closed'], { error: '状态不对' }).optional(), cursor }), page(roundView)),
  /** Everything about one subject: its rounds, answers and cases, as villagers may read them. */
  subjectHistory: action(
    z.object({ ...villageInput, subject: subjectInput }),
    z.object({
      subject: z.object({ type: z.enum(subjectTypes), id: z.string(), title: z.string() }),
      rounds: z.array(roundView),
      escalations: z.array(escalationPublicView),
    }),
  ),
  /** The household's proxy, its other members in the group, and any proxy the caller holds. */
  proxies: action(
    z.object({}),
    z.object({
      isRepresentative: z.boolean(),
      members: z.array(z.object({ memberId: z.string(), name: z.string() })),
      granted: proxyView.nullable(),
      held: proxyView.extend({ fromName: z.string() }).nullable(),
    }),
  ),
  /** The representative hands the household's vote to another member: for one open round, or until a date. */
  grantProxy: action(
    z.object({
      toMemberId: id('受委托的家庭成员'),
      roundId: id('评议编号').optional(),
      until: instantInput('委托截止时间').optional(),
    }),
    proxyView,
  ),
  revokeProxy: action(z.object({}), z.object({})),
  /** The village reports its rectification to villagers; the township then closes the case. */
  reportRectification: action(z.object({ escalationId: id('案件编号'), text: text('整改情况', 2000) }), z.object({ status: z.enum(escalationStatuses) })),
}

export type RoundView = z.infer<typeof roundView>
export type EscalationPublicView = z.infer<typeof escalationPublicView>
