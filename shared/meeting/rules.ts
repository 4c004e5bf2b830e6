import { DAY_MS } from '../time'

// The village meeting (村情发布会, also 阳光报告会): the committees release information in front of the village and
// answer questions on the spot. Pure rules, zod-free so the app can use them.

/** What a meeting releases: a published disclosure, a decided matter (四议两公开), or a matter in the committee's words. */
export const meetingItemKinds = ['disclosure', 'decision', 'text'] as const
export type MeetingItemKind = (typeof meetingItemKinds)[number]

/** Scheduled and published to the village; held once its record is written; or called off with a reason. */
export const meetingStatuses = ['scheduled', 'held', 'cancelled'] as const
export type MeetingStatus = (typeof meetingStatuses)[number]

export const MAX_MEETING_ITEMS = 12
export const MAX_QUESTIONS_PER_ITEM = 30

/** Item ids are positions, fixed when the meeting is scheduled: the record answers each by its id. */
export const meetingItemId = (index: number) => `i${index + 1}`

/**
 * A meeting may be entered up to a day after it began (the chair often enters it that evening), not earlier than
 * that: a time further back is a slip of the picker.
 */
export function startsAtProblem(startsAt: string, now: string): string | null {
  return Date.parse(startsAt) < Date.parse(now) - DAY_MS ? '开会时间已经过去了，请重新选择' : null
}

/** The record is written after the meeting has begun, once; a meeting not yet begun can only be called off. */
export function recordProblem(meeting: { status: MeetingStatus; startsAt: string }, now: string): string | null {
  if (meeting.status === 'held') return '这次会议已经记录过了'
  if (meeting.status === 'cancelled') return '这次会议已经取消'
  if (Date.parse(now) < Date.parse(meeting.startsAt)) return '会议还没有开始，开完后再记录'
  return null
}

export function cancelProblem(meeting: { status: MeetingStatus }): string | null {
  if (meeting.status === 'held') return '会议已经开过，不能取消'
  if (meeting.status === 'cancelled') return '这次会议已经取消了'
  return null
}

/** The record names every scheduled item exactly once, in any order; questions go under the item they were about. */
export function recordItemsProblem(scheduled: readonly string[], recorded: readonly string[]): string | null {
  const unknown = recorded.find((id) => !scheduled.includes(id))
  if (unknown) return '记录里有会议议程之外的事项'
  if (new Set(recorded).size !== recorded.length) return '同一个事项记录了两次'
  return null
}

/*
 * The evaluation panel (评议团) named for a meeting: the supervision committee chair, 两代表一委员 and village
 * representatives. Each votes one way, fixed when named: by phone (a member of the village group) or on paper.
 */
export const panelRoles = ['chair', 'partyRep', 'deputy', 'cppcc', 'villageRep', 'other'] as const
export type PanelRole = (typeof panelRoles)[number]

export const voteWays = ['phone', 'paper'] as const
export type VoteWay = (typeof voteWays)[number]

export const MAX_PANEL = 60

/** Panelist ids are positions, fixed when the panel is named: a panel round's ballots count against them. */
export const panelistId = (index: number) => `p${index + 1}`

/** The participation key of a panelist in a round, beside households' own (cf. unlisted households). */
export const panelVoterKey = (panelistId: string) => `panel:${panelistId}`

/** A panel is named before its rounds: once one has opened, changing it would change who may vote. */
export function panelProblem(panel: readonly { personId: string | null; votes: VoteWay }[]): string | null {
  if (panel.some((p) => p.votes === 'phone' && !p.personId)) return '用手机投票的成员要从本村监督群里选'
  const persons = panel.map((p) => p.personId).filter((id): id is string => id !== null)
  if (new Set(persons).size !== persons.length) return '同一个人在评议团里出现了两次'
  return null
}
