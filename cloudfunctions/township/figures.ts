import type { townshipContract } from '../../shared/contract/township'
import { DEFAULT_RULE, permilleOf } from '../../shared/domain/evaluation-rule'
import { dutiesAt } from '../../shared/domain/duty'
import { dutySettingsOf } from '../disclosure/duties'
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


export const duties: Handler<C['duties']> = async (ctx) => {
  const township = await ctx.store.get('township', ctx.actor.townshipId ?? '')
  if (!township) throw new AppError('NOT_FOUND', '没有找到本镇')
  const settings = dutySettingsOf(township)
  return {
    duties: [...dutiesAt(settings, Date.parse(ctx.now))],
    custom: settings.length > 0,
    history: (township.dutySettings ?? []).map((s) => ({ setAt: s.setAt, setBy: s.setBy, count: s.duties.length })),
  }
}

export const setDuties: Handler<C['setDuties']> = async (ctx, input) => {
  const township = await ctx.store.get('township', ctx.actor.townshipId ?? '')
  if (!township) throw new AppError('NOT_FOUND', '没有找到本镇')
  const labels = new Set(input.duties.map((d) => `${d.label}|${d.cadence}`))
  if (labels.size !== input.duties.length) throw new AppError('INVALID_INPUT', '有两项公开事项名称和周期相同')
  const setting = { setAt: ctx.now, setBy: `${ctx.actor.title ?? ''}${ctx.actor.name ?? ''}`, duties: input.duties }
  await ctx.store.update('township', township._id, { dutySettings: [...(township.dutySettings ?? []), setting] })
  return { count: input.duties.length }
}
