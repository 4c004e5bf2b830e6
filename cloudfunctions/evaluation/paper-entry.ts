import { AppError } from '../../shared/errors'
import { paperEntryId, paperEntryProblem, paperSlots, type PaperCounts } from '../../shared/evaluation/paper'
import type { evaluationContract } from '../../shared/evaluation/schema'
import type { Handler } from '../core/dispatch'
import { DuplicateKeyError } from '../core/store'
import { paperEntries, paperOf } from './panel'
import { roundInScope } from './views'

type C = typeof evaluationContract

/**
 * An official enters the paper counts. The first official's entry takes the `entry` key and another official's
 * the `confirmation` key (an insert each, so two at once cannot both take one); an official may correct their own
 * entry while the round is open, and nobody may fill both.
 */
export const enterPaper: Handler<C['enterPaper']> = async (ctx, input) => {
  const round = await roundInScope(ctx, input.roundId)
  if (!round.panel || round.panel.paper === 0) throw new AppError('CONFLICT', '这轮评议没有纸质票')
  if (round.status !== 'open') throw new AppError('CONFLICT', '这轮评议已经结束，不能再录入')
  const counts: PaperCounts = { satisfied: input.satisfied, basic: input.basic, dissatisfied: input.dissatisfied }
  const problem = paperEntryProblem(counts, round.panel.paper)
  if (problem) throw new AppError('INVALID_INPUT', problem)
  const by = { personId: ctx.actor.personId ?? '', name: ctx.actor.name ?? '', title: ctx.actor.title ?? '' }
  const entries = await paperEntries(ctx.store, round._id)
  const mine = entries.find((e) => e.by.personId === by.personId)
  if (mine) {
    await ctx.store.update('paper_count', mine._id, { ...counts, at: ctx.now })
  } else {
    const free = paperSlots.find((slot) => !entries.some((e) => e.slot === slot))
    if (!free) throw new AppError('CONFLICT', '两位干部已经录入了纸质票')
    try {
      await ctx.store.insert('paper_count', { _id: paperEntryId(round._id, free), roundId: round._id, slot: free, by, at: ctx.now, ...counts })
    } catch (error) {
      if (error instanceof DuplicateKeyError) throw new AppError('CONFLICT', '另一位干部刚刚录入了，请刷新后再试')
      throw error
    }
  }
  const after = await paperOf(ctx.store, round)
  return { entered: after.entered, state: after.state.kind === 'none' ? 'agreed' : after.state.kind }
}

const ROUND_PAGE = 'packages/evaluation/round/index'

/** The round's code for the room's screen: in WeChat a mini-program code whose scene is the round; locally none. */
export const roundCode: Handler<C['roundCode']> = async (ctx, input) => {
  const round = await roundInScope(ctx, input.roundId)
  return { roundId: round._id, page: ROUND_PAGE, image: await ctx.codes.roundCode(round._id, ROUND_PAGE) }
}
