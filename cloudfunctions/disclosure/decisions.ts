import { AppError } from '../../shared/errors'
import type { disclosureContract, Decision, DecisionStep } from '../../shared/disclosure/schema'
import { nextStage, stepDateAllowed } from '../../shared/disclosure/rules'
import { stageLabels } from '../../shared/disclosure/labels'
import type { Handler } from '../core/dispatch'
import { newId } from '../core/context'
import { getInVillage, villageInScope } from '../core/scope'
import { checkedAttachments, withUrls } from '../core/attachments'

type C = typeof disclosureContract

const summaryOf = (d: Decision) => ({ decisionId: d._id, title: d.title, stage: d.stage, updatedAt: d.updatedAt })

export const decisions: Handler<C['decisions']> = async (ctx, input) => {
  const village = await villageInScope(ctx, input.villageId)
  const page = await ctx.store.query('decision', {
    where: { villageId: village._id },
    orderBy: { field: 'updatedAt', direction: 'desc' },
    limit: 20,
    cursor: input.cursor,
  })
  return { items: page.items.map(summaryOf), nextCursor: page.nextCursor }
}

export const decision: Handler<C['decision']> = async (ctx, input) => {
  const village = await villageInScope(ctx, input.villageId)
  const d = await ctx.store.get('decision', input.decisionId)
  if (!d || d.villageId !== village._id) throw new AppError('NOT_FOUND', '没有找到这项决策')
  return {
    decision: {
      ...summaryOf(d),
      summary: d.summary,
      steps: await Promise.all(
        d.steps.map(async (s) => ({
          stage: s.stage,
          date: s.date,
          minutes: s.minutes,
          attachments: await withUrls(ctx, s.attachments),
          recordedAt: s.recordedAt,
          byName: s.by.name,
          byTitle: s.by.title,
        })),
      ),
      nextStage: nextStage(d.steps),
    },
  }
}

/**
 * Records the next step of 四议两公开. A new decision starts with the proposal;
 * every later step must be exactly the next one, never skipped or repeated.
 */
export const recordDecisionStep: Handler<C['recordDecisionStep']> = async (ctx, input) => {
  const village = await villageInScope(ctx)
  const step: DecisionStep = {
    stage: input.stage,
    date: input.date,
    minutes: input.minutes,
    attachments: input.attachments ? await checkedAttachments(ctx, input.attachments) : [],
    recordedAt: ctx.now,
    by: { personId: ctx.actor.personId ?? '', name: ctx.actor.name ?? '', title: ctx.actor.title ?? '' },
  }
  if (!input.decisionId) {
    if (input.stage !== 'proposal') throw new AppError('CONFLICT', `新的决策事项要从“${stageLabels.proposal}”开始`)
    if (!input.title || !input.summary) throw new AppError('INVALID_INPUT', '新的决策事项要填写事项名称和说明')
    const decisionId = newId('dc')
    await ctx.store.insert('decision', {
      _id: decisionId,
      villageId: village._id,
      title: input.title,
      summary: input.summary,
      steps: [step],
      stage: 'proposal',
      updatedAt: ctx.now,
    })
    return { decisionId, stage: step.stage }
  }
  const current = await getInVillage(ctx, 'decision', input.decisionId, '没有找到这项决策')
  const expected = nextStage(current.steps)
  if (!expected) throw new AppError('CONFLICT', '这项决策的六个步骤都已完成')
  if (input.stage !== expected) {
    throw new AppError('CONFLICT', `不能跳过步骤：下一步应当是“${stageLabels[expected]}”`)
  }
  if (!stepDateAllowed(current.steps, input.date)) throw new AppError('INVALID_INPUT', '日期不能早于上一步')
  const moved = await ctx.store.update(
    'decision',
    current._id,
    { steps: [...current.steps, step], stage: step.stage, updatedAt: ctx.now },
    { stage: current.stage, updatedAt: current.updatedAt },
  )
  if (!moved) throw new AppError('CONFLICT', '这项决策刚被别人更新过，请刷新后再试')
  return { decisionId: current._id, stage: step.stage }
}
