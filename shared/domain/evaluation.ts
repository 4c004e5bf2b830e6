import { z } from '../zod'
import { choices } from './evaluation-rule'

export const roundStatuses = ['open', 'counting', 'closed'] as const
export const subjectTypes = ['disclosure', 'decision'] as const

const byline = z.object({ personId: z.string(), name: z.string(), title: z.string() })

/** What is evaluated: a disclosure or a decided matter (四议两公开). */
export const subjectSchema = z.object({ type: z.enum(subjectTypes), id: z.string(), title: z.string() })
export type Subject = z.infer<typeof subjectSchema>

/** One key per subject: rounds, cases and the streak are all counted per subject. */
export const subjectKeyOf = (subject: Pick<Subject, 'type' | 'id'>) => `${subject.type}:${subject.id}`

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
  /** set when closed */
  tally: z.object({ satisfied: z.number().int(), basic: z.number().int(), dissatisfied: z.number().int(), cast: z.number().int() }).nullable(),
  outcome: z.enum(['over', 'within', 'void']).nullable(),
  streak: z.number().int().nullable(),
  /** the case this round opened, if it did */
  escalationId: z.string().nullable(),
  /** the case whose closing opened this round (a re-evaluation) */
  reevaluationOf: z.string().nullable(),
  /** the committee's answer on record (答复释疑) to a round over the threshold */
  answer: z.object({ text: z.string(), at: z.string(), name: z.string(), title: z.string() }).nullable(),
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

export const escalationStatuses = ['open', 'investigating', 'rectifying', 'reported', 'closed'] as const
export type EscalationStatus = (typeof escalationStatuses)[number]

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

/** Whether a proxy lets its holder vote in `roundId` at `now`. */
export const proxyCovers = (p: Pick<Proxy, 'status' | 'roundId' | 'until'>, roundId: string, now: string) =>
  p.status === 'active' && (p.roundId !== null ? p.roundId === roundId : p.until !== null && now <= p.until)
