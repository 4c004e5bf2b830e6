// Paper ballots of a panel round (评议团, issue 20): members without phones vote on paper at the meeting, and two
// officials each enter the counts on their own. Pure rules, zod-free.

export interface PaperCounts {
  satisfied: number
  basic: number
  dissatisfied: number
}

/** The two entries of a round's paper ballots: the first official's, and the other official's that must agree. */
export const paperSlots = ['entry', 'confirmation'] as const
export type PaperSlot = (typeof paperSlots)[number]

export const paperEntryId = (roundId: string, slot: PaperSlot) => `${roundId}:${slot}`

export const paperTotal = (c: PaperCounts) => c.satisfied + c.basic + c.dissatisfied

export const sameCounts = (a: PaperCounts, b: PaperCounts) => a.satisfied === b.satisfied && a.basic === b.basic && a.dissatisfied === b.dissatisfied

/** What an official's entry may not be: more ballots than panel members voting on paper. */
export function paperEntryProblem(counts: PaperCounts, paperVoters: number): string | null {
  if (paperTotal(counts) > paperVoters) return `纸质票一共只有 ${paperVoters} 张，录入的合计是 ${paperTotal(counts)} 张，请核对`
  return null
}

/** Whether the paper ballots can be counted: both entries made and equal, or no one voting on paper. */
export type PaperState = { kind: 'none' } | { kind: 'waiting'; entered: 0 | 1 } | { kind: 'disagree' } | { kind: 'agreed'; counts: PaperCounts }

export function paperState(paperVoters: number, entries: readonly PaperCounts[]): PaperState {
  if (paperVoters === 0) return { kind: 'none' }
  if (entries.length < 2) return { kind: 'waiting', entered: entries.length as 0 | 1 }
  return sameCounts(entries[0]!, entries[1]!) ? { kind: 'agreed', counts: entries[0]! } : { kind: 'disagree' }
}

/** Why the round cannot be counted yet, in the words the chair reads; null when it can. */
export function paperClosingProblem(state: PaperState): string | null {
  if (state.kind === 'waiting') return state.entered === 0 ? '纸质票还没有录入，请两位干部分别录入后再结束' : '纸质票还要另一位干部核对录入，两次一致才能结束'
  if (state.kind === 'disagree') return '两位干部录入的纸质票数不一致，请重新清点后再录入'
  return null
}
