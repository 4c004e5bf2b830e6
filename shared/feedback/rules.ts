import type { Change } from '../setting'
import { DAY_MS, addDays } from '../time'
import type { Feedback } from './schema'

export const feedbackStatuses = ['submitted', 'routed', 'agenda', 'replied', 'closed'] as const
export type FeedbackStatus = (typeof feedbackStatuses)[number]

export const DEFAULT_REPLY_DAYS = 7
/** A reply the villager neither confirms nor reopens closes by itself after this many days. */
export const AUTO_CLOSE_DAYS = 7

/** Whether a replied item has waited long enough for the villager to close by itself. */
export const closesByItself = (f: Pick<Feedback, 'status' | 'reply'>, now: string) =>
  f.status === 'replied' && f.reply !== null && Date.parse(f.reply.at) + AUTO_CLOSE_DAYS * DAY_MS <= Date.parse(now)

/** How a village role sees the author: the name, or 村民 when the villager asked to hide it. */
export const authorForVillage = (f: Pick<Feedback, 'authorName' | 'hideName'>) => (f.hideName ? '村民' : f.authorName)

/** A reply may be reopened once, with a reason; after that the villager can only confirm or leave it. */
export const canReopen = (f: Pick<Feedback, 'status' | 'reopenReason'>) => f.status === 'replied' && f.reopenReason === null

/** Overdue: not yet replied to (or closed) when its deadline has passed. */
export const isOverdue = (f: Pick<Feedback, 'status' | 'dueAt'>, now: string) => (f.status === 'submitted' || f.status === 'routed' || f.status === 'agenda') && f.dueAt < now

/** The range a township may set its reply deadline to. */
export const REPLY_DAYS_RANGE = { min: 1, max: 30 } as const

/** One change of a township's reply deadline: the days, when and who. */
export type ReplyDaysChange = { days: number } & Change

/** Every change of a township's reply deadline, oldest first; a deadline stored before changes were kept is the first. */
export const replyDaysChangesOf = (
  township: { feedbackReplyDaysSettings?: readonly ReplyDaysChange[]; feedbackReplyDays?: ReplyDaysChange | null } | null,
): readonly ReplyDaysChange[] => township?.feedbackReplyDaysSettings ?? (township?.feedbackReplyDays ? [township.feedbackReplyDays] : [])

/** The deadline for feedback filed now: the township's latest change, or the default. */
export const replyDaysOf = (township: Parameters<typeof replyDaysChangesOf>[0]) => replyDaysChangesOf(township).at(-1)?.days ?? DEFAULT_REPLY_DAYS

/** The deadline for a reply given at `from` under a township's setting. */
export const dueAtFrom = (from: string, replyDays: number) => addDays(from, replyDays)

export interface FeedbackFigures {
  received: number
  /** assigned to a committee member or put on the meeting agenda */
  routed: number
  replied: number
  closed: number
  reopened: number
  overdue: number
  /** 办结率 = closed / received, in permille (integer arithmetic); null when nothing was received */
  completionPermille: number | null
  /** median time from submission to the first reply, in minutes; null when nothing was replied to */
  medianReplyMinutes: number | null
}

type Counted = Pick<Feedback, 'status' | 'dueAt' | 'submittedAt' | 'routedAt' | 'firstReplyAt' | 'reopenReason'>

/** The median of whole minutes; with an even count, the lower-middle and upper-middle averaged down. */
export function medianOf(values: readonly number[]): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 === 1 ? sorted[mid]! : Math.floor((sorted[mid - 1]! + sorted[mid]!) / 2)
}

/** The feedback figures of a set of records at `now`. */
export function feedbackFigures(items: readonly Counted[], now: string): FeedbackFigures {
  const replyMinutes = items.flatMap((f) => (f.firstReplyAt === null ? [] : [Math.floor((Date.parse(f.firstReplyAt) - Date.parse(f.submittedAt)) / 60_000)]))
  const closed = items.filter((f) => f.status === 'closed').length
  return {
    received: items.length,
    routed: items.filter((f) => f.routedAt !== null).length,
    replied: replyMinutes.length,
    closed,
    reopened: items.filter((f) => f.reopenReason !== null).length,
    overdue: items.filter((f) => isOverdue(f, now)).length,
    completionPermille: items.length === 0 ? null : Math.floor((closed * 1000) / items.length),
    medianReplyMinutes: medianOf(replyMinutes),
  }
}
