/*
 * How long records are kept once the work they belong to is over, and which records are over. Pure rules:
 * core/retention.ts reads the store, asks these, and deletes. The periods and why are in the README
 * (正式上线前：运营方要办的事 → 保存期限). A record still needed by something running is never over: an open or
 * counting round, a round of a subject whose case is unfinished, a round over the threshold still waiting for
 * its answer, a report not concluded, a pending notification, a pending join request, a current member.
 * Not listed, so never deleted: feedback and 点题 (topic) with what became of them, part of the village's record.
 */
import type { Round } from './evaluation/schema'
import type { Report } from './report/schema'
import type { Notification } from './announcement/schema'
import type { AuditEntry } from './audit/schema'
import type { Member, Person } from './member/schema'
import type { Invite } from './township/schema'
import { addDays, beijingDay } from './time'
import { GROUP_ACTIVE_DAYS } from './group/rules'
import type { GroupBinding, GroupSeen, RoundCard } from './group/schema'

/** Days each kind is kept after its work ended. */
export const retentionDays = {
  /** ballots and "this household took part" records of a closed round; the round and its tally stay */
  ballots: 365,
  /** a concluded report to the township, with its photos */
  reports: 3 * 365,
  /** the audit log: at least six months under 网络安全法 第二十一条; a village committee's term is five years */
  audit: 5 * 365,
  /** a subscribe message sent or given up on */
  notifications: 90,
  /** a join request rejected, or a member who left or was removed; then the person, if nothing else is theirs */
  departedMembers: 365,
  /** an appointment code used, revoked or expired (it names the appointee; the appointment keeps who and when) */
  invites: 365,
  /** failed-guess counters: the attempt limits look back two clock hours (core/attempts.ts) */
  attempts: 2,
  /** the security log: wrong code guesses and limits reached, a year to notice and look into a pattern */
  securityLog: 365,
  /** a household's last day seen opening a card from its village's group: only 群内活跃户 (90 days) needs it */
  groupSeen: GROUP_ACTIVE_DAYS,
  /** a group the village unbound (it names the chair who bound it) */
  groupBindings: 365,
  /** a round card no longer live (its activity ids and the counts last sent), a year like the ballots */
  roundCards: 365,
} as const

export type RetentionKind = keyof typeof retentionDays

/** The instant before which a kind's records are over (ISO, compares with the stored instants). */
export const cutoffOf = (kind: RetentionKind, now: Date): string => addDays(now, -retentionDays[kind])

/** Case statuses that are still running: the rounds of their subject are evidence. */
export const unfinishedCaseStatuses = ['open', 'investigating', 'rectifying', 'reported'] as const

/**
 * When a round's period starts: its close, or its planned end if the chair closed it earlier (one instant
 * the store can scan rounds by, `closesAt`, never later than this; core/retention.ts).
 */
export const roundEndedAt = (round: Pick<Round, 'closedAt' | 'closesAt'>): string | null =>
  round.closedAt === null ? null : round.closedAt > round.closesAt ? round.closedAt : round.closesAt

/**
 * A round whose ballots and participations may go: closed, ended before the cutoff, its subject has no
 * unfinished case, and an answer it needed (over the threshold) is on record.
 */
export function roundBallotsExpired(round: Pick<Round, 'status' | 'closedAt' | 'closesAt' | 'outcome' | 'answer'>, subjectHasUnfinishedCase: boolean, cutoff: string): boolean {
  const ended = roundEndedAt(round)
  if (round.status !== 'closed' || ended === null || ended >= cutoff) return false
  if (subjectHasUnfinishedCase) return false
  return !(round.outcome === 'over' && round.answer === null)
}

/** When a report was concluded, or null while it is not. */
export function concludedAt(report: Pick<Report, 'status' | 'steps'>): string | null {
  if (report.status !== 'concluded') return null
  return [...report.steps].reverse().find((s) => s.kind === 'concluded')?.at ?? null
}

export function reportExpired(report: Pick<Report, 'status' | 'steps'>, cutoff: string): boolean {
  const at = concludedAt(report)
  return at !== null && at < cutoff
}

export const auditExpired = (entry: Pick<AuditEntry, 'at'>, cutoff: string): boolean => entry.at < cutoff

/** Sent or failed long ago; a pending one is still the outbox's work. */
export const notificationExpired = (n: Pick<Notification, 'status' | 'createdAt'>, cutoff: string): boolean => n.status !== 'pending' && n.createdAt < cutoff

/** A membership that ended (rejected, or left or removed) before the cutoff. */
export const membershipExpired = (m: Pick<Member, 'status' | 'decidedAt'>, cutoff: string): boolean =>
  (m.status === 'rejected' || m.status === 'removed') && m.decidedAt !== null && m.decidedAt < cutoff

/** An appointment code made before the cutoff that can no longer be taken (used, revoked, or expired by then). */
export const inviteExpired = (i: Pick<Invite, 'status' | 'createdAt' | 'expiresAt'>, cutoff: string): boolean =>
  i.createdAt < cutoff && (i.status !== 'open' || i.expiresAt < cutoff)

/**
 * A person may go with their last membership: nothing of theirs is left that the product still uses (no other
 * membership, never an appointment: staff records name them in cases and reports).
 */
export const personExpired = (person: Pick<Person, 'appointmentId'>, otherMemberships: number, appointments: number): boolean =>
  person.appointmentId === null && otherMemberships === 0 && appointments === 0

/** Last seen before the 90 days 群内活跃户 looks back (a Beijing day, compared as text). */
export const groupSeenExpired = (seen: Pick<GroupSeen, 'day'>, now: Date): boolean => seen.day < beijingDay(cutoffOf('groupSeen', now))

export const groupBindingExpired = (b: Pick<GroupBinding, 'status' | 'unboundAt'>, cutoff: string): boolean =>
  b.status === 'unbound' && b.unboundAt !== null && b.unboundAt < cutoff

export const roundCardExpired = (c: Pick<RoundCard, 'state' | 'createdAt'>, cutoff: string): boolean => c.state !== 'live' && c.createdAt < cutoff

/** What the operator reads for each collection the policy deletes from. */
export const retentionLabels: Record<string, string> = {
  ballot: '选票（含空选票位）',
  participation: '参加评议记录',
  report: '已办结的举报',
  photos: '举报的照片（文件）',
  audit: '操作记录',
  notification: '订阅消息发送记录',
  member: '已结束的入群记录',
  person: '人员（姓名、OpenID）',
  subscription: '公告提醒订阅',
  announcement_seen: '公告已读记录',
  invite: '用过或过期的任命码',
  attempt: '输错码的计数',
  security_log: '安全记录（输错码、暂停再试）',
  group_seen: '各户最近一次从村监督群打开的日期',
  group_binding: '已解除绑定的村监督群',
  round_card: '评议卡片（动态消息编号和发过的参评户数）',
}
