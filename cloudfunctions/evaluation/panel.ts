import { AppError } from '../../shared/errors'
import { paperClosingProblem, paperEntryId, paperSlots, paperState, type PaperCounts, type PaperState } from '../../shared/evaluation/paper'
import type { PaperCount, Round, Subject } from '../../shared/evaluation/schema'
import { panelVoterKey } from '../../shared/meeting/rules'
import type { Meeting, Panelist } from '../../shared/meeting/schema'
import type { HandlerContext } from '../core/context'
import { getMany } from '../core/paging'
import type { Store, StoreTx } from '../core/store'

/*
 * Panel rounds (评议团, issue 20): at a 村情发布会 the meeting's panel votes on an agenda item instead of the
 * households. Members with phones vote by phone with the same secret ballot and receipts; the others vote on paper,
 * and two officials each enter the paper counts, which must agree before the round is counted.
 */

export interface PanelPlan {
  meetingId: string
  panel: { itemId: string; phone: number; paper: number }
}

/**
 * The panel that votes on a meeting's agenda item, checked: the meeting is the village's and still to be held or
 * under way, it has a panel, and the item releases the subject being evaluated.
 */
export async function panelPlanFor(
  ctx: HandlerContext,
  villageId: string,
  input: { meetingId: string; itemId: string },
  subject: Subject,
): Promise<{ plan: PanelPlan; meeting: Meeting }> {
  const meeting = await ctx.store.get('meeting', input.meetingId)
  if (!meeting || meeting.villageId !== villageId) throw new AppError('NOT_FOUND', '没有找到这次会议')
  if (meeting.status !== 'scheduled') throw new AppError('CONFLICT', meeting.status === 'held' ? '会议已经记录完毕，不能再发起评议团评议' : '这次会议已经取消')
  const panel = meeting.panel ?? []
  if (panel.length === 0) throw new AppError('CONFLICT', '这次会议还没有确定评议团成员')
  const item = meeting.items.find((i) => i.itemId === input.itemId)
  if (!item) throw new AppError('NOT_FOUND', '会议议程里没有这一项')
  if (item.kind === 'text' || item.refId !== subject.id || item.kind !== subject.type) throw new AppError('INVALID_INPUT', '评议的事项要和会议议程上的这一项一致')
  const phone = panel.filter((p) => p.votes === 'phone').length
  return { meeting, plan: { meetingId: meeting._id, panel: { itemId: item.itemId, phone, paper: panel.length - phone } } }
}

/**
 * Counts the round against its meeting, conditional on the count read: the panel cannot change once a round of it
 * has opened (meeting.setPanel checks the same count), however the two calls race.
 */
export async function claimPanel(store: Store | StoreTx, meeting: Meeting): Promise<void> {
  const panelRounds = meeting.panelRounds ?? 0
  const claimed = await store.update('meeting', meeting._id, { panelRounds: panelRounds + 1 }, { status: 'scheduled', panelRounds })
  if (!claimed) throw new AppError('CONFLICT', '会议刚刚有了变化，请再发起一次')
}

/** The caller's seat on the round's panel, when they vote by phone; null for everyone else. */
export async function phoneSeat(ctx: HandlerContext, round: Round): Promise<Panelist | null> {
  if (!round.meetingId || !ctx.actor.personId || round.villageId !== ctx.actor.villageId) return null
  const meeting = await ctx.store.get('meeting', round.meetingId)
  return meeting?.panel?.find((p) => p.votes === 'phone' && p.personId === ctx.actor.personId) ?? null
}

/** The participation key a ballot of this caller in this round is filed under: the household, or the panel seat. */
export const voterKeyOf = (seat: Panelist) => panelVoterKey(seat.panelistId)

export const paperEntries = (store: Store, roundId: string) =>
  getMany(
    store,
    'paper_count',
    paperSlots.map((slot) => paperEntryId(roundId, slot)),
  )

const countsOf = (p: PaperCount): PaperCounts => ({ satisfied: p.satisfied, basic: p.basic, dissatisfied: p.dissatisfied })

/** Where the round's paper ballots stand. */
export async function paperOf(store: Store, round: Round): Promise<{ state: PaperState; entered: number }> {
  if (!round.panel) return { state: { kind: 'none' }, entered: 0 }
  const entries = await paperEntries(store, round._id)
  return { state: paperState(round.panel.paper, entries.map(countsOf)), entered: entries.length }
}

/** Why a panel round cannot be counted yet (paper ballots not entered twice alike); null when it can. */
export async function panelClosingProblem(store: Store, round: Round): Promise<string | null> {
  return round.panel ? paperClosingProblem((await paperOf(store, round)).state) : null
}

/** The agreed paper counts, to add to the phone ballots' tally; zero when none vote on paper. */
export async function agreedPaper(store: Store, round: Round): Promise<PaperCounts> {
  const { state } = await paperOf(store, round)
  return state.kind === 'agreed' ? state.counts : { satisfied: 0, basic: 0, dissatisfied: 0 }
}
