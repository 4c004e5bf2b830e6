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
