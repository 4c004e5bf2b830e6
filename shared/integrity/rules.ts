/**
 * 廉政档案 (a village cadre's integrity file) and 回避 (recusal): pure rules, zod-free.
 * The file is assembled at read time from the record, linked only by ids (appointment ids named in a
 * finding, person ids of who published, recorded or answered), never by names found in text.
 */

/** Why a staff member steps aside from a case or report: a relative, a former post in the village, or another reason. */
export const conflictKinds = ['relative', 'formerPost', 'other'] as const
export type ConflictKind = (typeof conflictKinds)[number]

/** The two steps a recusal writes on the item: the declaration, then the handover to another staff member. */
export const handlingStepKinds = ['recused', 'handedOver'] as const

/** At most this many cadres named in one finding. */
export const MAX_NAMED_CADRES = 10

/** What the recusal rules read of a case or a report (fields absent on records from before recusal). */
export interface Handled {
  handlerId?: string | null
  recusedIds?: readonly string[]
  recusalCount?: number
}

/** Whether `personId` stepped aside from the item: then it is as if it did not exist for them. */
export const isRecused = (item: Handled, personId: string | null): boolean => personId !== null && (item.recusedIds ?? []).includes(personId)

/** Items the person has not stepped aside from. */
export const visibleTo = <T extends Handled>(items: readonly T[], personId: string | null): T[] => items.filter((item) => !isRecused(item, personId))

/** A township staff member who could take over an item. */
export interface StaffCandidate {
  personId: string
  startedAt: string
}

/**
 * Who handles an item once `declarer` steps aside: the current handler if they may still handle it, otherwise the
 * active staff member (never the declarer or anyone recused) with the fewest open items, the longest-serving on a
 * tie, then by id; null when there is nobody else. Deterministic, so two readers agree.
 */
export function nextHandler(item: Handled, declarer: string, staff: readonly StaffCandidate[], openItems: ReadonlyMap<string, number>): string | null {
  const barred = new Set([declarer, ...(item.recusedIds ?? [])])
  const eligible = staff.filter((s) => !barred.has(s.personId))
  if (item.handlerId && eligible.some((s) => s.personId === item.handlerId)) return item.handlerId
  const load = (s: StaffCandidate) => openItems.get(s.personId) ?? 0
  const [first] = [...eligible].sort((a, b) => load(a) - load(b) || a.startedAt.localeCompare(b.startedAt) || a.personId.localeCompare(b.personId))
  return first?.personId ?? null
}

/** Counts open items per handler. */
export function openItemsByHandler(items: readonly Handled[]): Map<string, number> {
  const counts = new Map<string, number>()
  for (const item of items) if (item.handlerId) counts.set(item.handlerId, (counts.get(item.handlerId) ?? 0) + 1)
  return counts
}

/** The named cadres' posts a finding lists that are the file's person's. */
export const namesAny = (named: readonly string[] | undefined, appointmentIds: ReadonlySet<string>): boolean => (named ?? []).some((id) => appointmentIds.has(id))

/** How a cadre answered for an evaluated subject. */
export const answeredKinds = ['published', 'recorded', 'answered'] as const
export type AnsweredKind = (typeof answeredKinds)[number]

/**
 * The ways `personId` answered for a round's subject: published the disclosure, recorded a step of the decision,
 * or gave the round's 答复释疑 (rounds answered before the answer kept a person id count only by the first two).
 */
export function answeredFor(
  personId: string,
  round: { answer: { personId?: string } | null },
  subject: { publishedBy?: { personId: string } } | { steps: readonly { by: { personId: string } }[] } | null,
): AnsweredKind[] {
  const kinds: AnsweredKind[] = []
  if (subject && 'publishedBy' in subject && subject.publishedBy?.personId === personId) kinds.push('published')
  if (subject && 'steps' in subject && subject.steps.some((s) => s.by.personId === personId)) kinds.push('recorded')
  if (round.answer?.personId === personId) kinds.push('answered')
  return kinds
}
