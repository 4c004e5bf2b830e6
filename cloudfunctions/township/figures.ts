import type { townshipContract } from '../../shared/contract/township'
import { DEFAULT_RULE, permilleOf } from '../../shared/domain/evaluation-rule'
import { AppError } from '../../shared/errors'
import type { Handler } from '../core/dispatch'
import type { HandlerContext } from '../core/context'
import { queryAll } from '../core/paging'

type C = typeof townshipContract

/** Per village: rounds held, turnout, satisfaction, rounds over the threshold, open cases and cases by cycle. */
export const figures: Handler<C['figures']> = async (ctx) => {
  const villages = await queryAll(ctx.store, 'village', { townshipId: ctx.actor.townshipId }, { field: 'name', direction: 'asc' })
  const rows = await Promise.all(
    villages.map(async (v) => {
      const [rounds, cases] = await Promise.all([
        queryAll(ctx.store, 'round', { villageId: v._id, status: 'closed' }, { field: 'closedAt', direction: 'asc' }, 100_000),
        queryAll(ctx.store, 'escalation', { villageId: v._id }, { field: 'openedAt', direction: 'asc' }, 100_000),
      ])
      const sum = (f: (r: (typeof rounds)[number]) => number) => rounds.reduce((n, r) => n + f(r), 0)
      const cast = sum((r) => r.tally?.cast ?? 0)
      const casesByCycle: number[] = []
      for (const c of cases) casesByCycle[c.cycle - 1] = (casesByCycle[c.cycle - 1] ?? 0) + 1
      return {
        villageId: v._id,
        villageName: v.name,
        roundsHeld: rounds.length,
        // Each household votes at most once, so ballots cast are the households that voted.
        turnoutPermille: permilleOf(cast, sum((r) => r.eligible)),
        satisfactionPermille: permilleOf(sum((r) => (r.tally ? r.tally.satisfied + r.tally.basic : 0)), cast),
        roundsOverThreshold: rounds.filter((r) => r.outcome === 'over').length,
        openCases: cases.filter((c) => c.status !== 'closed').length,
        casesByCycle: Array.from(casesByCycle, (n) => n ?? 0),
      }
    }),
  )
  return { villages: rows }
}

async function ruleView(ctx: HandlerContext) {
  const township = await ctx.store.get('township', ctx.actor.townshipId ?? '')
  if (!township) throw new AppError('NOT_FOUND', '没有找到本镇')
  const set = township.evaluationRule ?? null
  const rule = set ?? DEFAULT_RULE
  return { thresholdPermille: rule.thresholdPermille, streakLength: rule.streakLength, custom: set !== null, setAt: set?.setAt ?? null, setBy: set?.setBy ?? null }
}

export const rule: Handler<C['rule']> = (ctx) => ruleView(ctx)

export const setRule: Handler<C['setRule']> = async (ctx, input) => {
  const evaluationRule = { ...input, setAt: ctx.now, setBy: `${ctx.actor.title ?? ''}${ctx.actor.name ?? ''}` }
  if (!(await ctx.store.update('township', ctx.actor.townshipId ?? '', { evaluationRule }))) throw new AppError('NOT_FOUND', '没有找到本镇')
  return ruleView(ctx)
}

