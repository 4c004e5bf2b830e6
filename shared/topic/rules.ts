import type { DutyStatus } from '../disclosure/duty'
import { addDays, beijingDay } from '../time'

/*
 * 点题公开 (自选公开 / 点题式发布, the 恒山区 practice): a villager asks for a topic to be disclosed; the
 * supervision committee chair collects the requests and forwards one to the village committees, which then owe
 * a disclosure by a due date (a duty like the monthly ones), or declines it with a reason the villager reads.
 */

/** asked: waiting for the chair; forwarded: a duty of the committees; declined; disclosed: a disclosure answers it. */
export const topicStatuses = ['asked', 'forwarded', 'declined', 'disclosed'] as const
export type TopicStatus = (typeof topicStatuses)[number]

/** Limits of what a villager writes, in characters. */
export const TOPIC_LIMITS = { title: 60, reason: 300, declineReason: 300 } as const

/** How far ahead the chair may set a due date: a duty longer than a quarter is no longer a prompt answer. */
export const MAX_DUE_DAYS = 90

/**
 * The instant a due day (a Beijing date, 2026-12-20) ends: the whole day counts, so a disclosure published
 * at 23:59 Beijing time on it is on time.
 */
export const dueAtOf = (dueDay: string): string => addDays(`${dueDay}T00:00:00+08:00`, 1)

/** Why a due day cannot be chosen at `now`, in plain words, or null when it can. */
export function dueDayProblem(dueDay: string, now: string): string | null {
  const today = beijingDay(now)
  if (dueDay < today) return '公开期限不能早于今天'
  if (dueDay > beijingDay(addDays(now, MAX_DUE_DAYS))) return `公开期限最多定在${MAX_DUE_DAYS}天以内`
  return null
}

interface Tracked {
  status: TopicStatus
  dueAt: string | null
  disclosedAt: string | null
}

/**
 * A forwarded topic judged as a disclosure duty: disclosed before its due time (on time) or after it (late);
 * not yet disclosed and past it (overdue) or not (not yet due). Null for a topic that never became a duty.
 */
export function topicDutyStatus(t: Tracked, now: string): DutyStatus | null {
  if (t.dueAt === null) return null
  if (t.status === 'disclosed' && t.disclosedAt !== null) return t.disclosedAt < t.dueAt ? 'onTime' : 'late'
  if (t.status !== 'forwarded') return null
  return now >= t.dueAt ? 'overdue' : 'notDue'
}

export interface TopicFigures {
  /** every request filed */
  requested: number
  /** still waiting for the chair */
  waiting: number
  /** forwarded to the committees (disclosed ones included) */
  forwarded: number
  declined: number
  disclosedOnTime: number
  disclosedLate: number
  /** forwarded, past the due time, nothing disclosed */
  overdue: number
}

/** The 点题 figures of a set of requests at `now`. */
export function topicFigures(items: readonly Tracked[], now: string): TopicFigures {
  const duty = items.map((t) => topicDutyStatus(t, now))
  return {
    requested: items.length,
    waiting: items.filter((t) => t.status === 'asked').length,
    forwarded: items.filter((t) => t.status === 'forwarded' || t.status === 'disclosed').length,
    declined: items.filter((t) => t.status === 'declined').length,
    disclosedOnTime: duty.filter((s) => s === 'onTime').length,
    disclosedLate: duty.filter((s) => s === 'late').length,
    overdue: duty.filter((s) => s === 'overdue').length,
  }
}
