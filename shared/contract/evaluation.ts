import { cursor, id, instantInput, page, text, z, villageInput } from '../zod'
import { action } from './action'
import { choices } from '../domain/evaluation-rule'
import { escalationStatuses, roundStatuses, subjectTypes } from '../domain/evaluation'

const roundId = { roundId: id('评议编号') }
const subjectInput = z.object(
  { type: z.enum(subjectTypes, { error: '评议对象只能是一条公开或一项决策' }), id: id('评议对象') },
  { error: '请选择评议对象' },
)
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
  /** the caller's household, for villagers: whether its representative may vote and whether it has */
  myHousehold: z.object({ canVote: z.boolean(), voted: z.boolean() }).nullable(),
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
    }),
    z.object({ roundId: z.string() }),
  ),
  /** A household's voting representative votes for the household; once per round. */
  castBallot: action(
    z.object({
      ...roundId,
      choice: z.enum(choices, { error: '请选择满意、基本满意或不满意' }),
      /** made once per ballot on the phone; a retry with it returns the same receipt */
      requestId: z.string({ error: '请求编号格式不对' }).regex(/^[A-Za-z0-9_-]{16,64}$/, '请求编号格式不对').optional(),
    }),
    z.object({ receipt: z.string() }),
  ),
  closeRound: action(
    z.object(roundId),
    z.object({
      tally,
      overThreshold: z.boolean(),
      outcome: z.enum(['over', 'within', 'void']),
      escalationId: z.string().nullable(),
    }),
  ),
  answerRound: action(z.object({ ...roundId, answer: text('答复内容', 2000) }), z.object({})),
  getRound: action(
    z.object({ ...roundId, ...villageInput }),
    roundView.extend({
      /** once closed: every ballot's receipt and choice, by receipt; no household */
      ballots: z.array(z.object({ receipt: z.string(), choice: z.enum(choices) })).nullable(),
    }),
  ),
  listRounds: action(
    z.object({ ...villageInput, status: z.enum(['open', 'closed'], { error: '状态不对' }).optional(), cursor }),
    page(roundView),
  ),
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
  reportRectification: action(
    z.object({ escalationId: id('案件编号'), text: text('整改情况', 2000) }),
    z.object({ status: z.enum(escalationStatuses) }),
  ),
}

export type RoundView = z.infer<typeof roundView>
export type EscalationPublicView = z.infer<typeof escalationPublicView>
