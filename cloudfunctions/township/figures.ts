import type { townshipContract, Township } from '../../shared/township/schema'
import { permilleOf, ruleChangesOf, ruleInForce, safeguardChangesOf, safeguardsInForce } from '../../shared/evaluation/rules'
import { changesView, withChange } from '../../shared/setting'
import { dutiesAt } from '../../shared/disclosure/duty'
import { dutySettingsOf } from '../disclosure/duties'
import { AppError } from '../../shared/errors'
import type { Handler } from '../core/dispatch'
import { changeBy, changeTownship, ownTownship } from '../core/settings'
import { queryAll } from '../core/paging'
import { visibleTo } from '../../shared/integrity/rules'

type C = typeof townshipContract

/** Per village: rounds held, turnout, satisfaction, rounds over the threshold, open cases and cases by cycle. */
export const figures: Handler<C['figures']> = async (ctx) => {
  const villages = await queryAll(ctx.store, 'village', { townshipId: ctx.actor.townshipId }, { field: 'name', direction: 'asc' })
  const rows = await Promise.all(
    villages.map(async (v) => {
      const [rounds, all] = await Promise.all([
        queryAll(ctx.store, 'round', { villageId: v._id, status: 'closed' }, { field: 'closedAt', direction: 'asc' }, 100_000),
        queryAll(ctx.store, 'escalation', { villageId: v._id }, { field: 'openedAt', direction: 'asc' }, 100_000),
      ])
      // Cases the caller stepped aside from (回避) are not counted for them.
      const cases = visibleTo(all, ctx.actor.personId)
      const sum = (f: (r: (typeof rounds)[number]) => number) => rounds.reduce((n, r) => n + f(r), 0)
      const cast = sum((r) => r.tally?.cast ?? 0)
      const casesByCycle: number[] = []
      for (const c of cases) casesByCycle[c.cycle - 1] = (casesByCycle[c.cycle - 1] ?? 0) + 1
      return {
        villageId: v._id,
        villageName: v.name,
        roundsHeld: rounds.length,
        // Each household votes at most once, so ballots cast are the households that voted.
        turnoutPermille: permilleOf(
          cast,
          sum((r) => r.eligible),
        ),
        satisfactionPermille: permilleOf(
          sum((r) => (r.tally ? r.tally.satisfied + r.tally.basic : 0)),
          cast,
        ),
        roundsOverThreshold: rounds.filter((r) => r.outcome === 'over').length,
        roundsVoid: rounds.filter((r) => r.outcome === 'void').length,
        openCases: cases.filter((c) => c.status !== 'closed').length,
        casesByCycle: Array.from(casesByCycle, (n) => n ?? 0),
      }
    }),
  )
  return { villages: rows }
}

function ruleView(township: Township) {
  const changes = ruleChangesOf(township)
  return { ...ruleInForce(changes), ...changesView(changes) }
}

export const rule: Handler<C['rule']> = async (ctx) => ruleView(await ownTownship(ctx))

export const setRule: Handler<C['setRule']> = async (ctx, input) => {
  const change = { thresholdPermille: input.thresholdPermille, streakLength: input.streakLength, ...changeBy(ctx) }
  await changeTownship(ctx, (township) => ({ evaluationRuleSettings: withChange(ruleChangesOf(township), change) }))
  return ruleView(await ownTownship(ctx))
}

function safeguardsView(township: Township) {
  const changes = safeguardChangesOf(township)
  return { ...safeguardsInForce(changes), ...changesView(changes) }
}

export const safeguards: Handler<C['safeguards']> = async (ctx) => safeguardsView(await ownTownship(ctx))

export const setSafeguards: Handler<C['setSafeguards']> = async (ctx, input) => {
  const change = { minTurnoutPermille: input.minTurnoutPermille, minDaysBetween: input.minDaysBetween, ...changeBy(ctx) }
  await changeTownship(ctx, (township) => ({ evaluationSafeguardSettings: withChange(safeguardChangesOf(township), change) }))
  return safeguardsView(await ownTownship(ctx))
}

export const duties: Handler<C['duties']> = async (ctx) => {
  const township = await ownTownship(ctx)
  const settings = dutySettingsOf(township)
  return {
    duties: [...dutiesAt(settings, Date.parse(ctx.now))],
    custom: settings.length > 0,
    history: (township.dutySettings ?? []).map((s) => ({ setAt: s.setAt, setBy: s.setBy, count: s.duties.length })),
  }
}

/** Duty lists are never trimmed: a past period is judged by the list in force when it ended. */
export const setDuties: Handler<C['setDuties']> = async (ctx, input) => {
  const labels = new Set(input.duties.map((d) => `${d.label}|${d.cadence}`))
  if (labels.size !== input.duties.length) throw new AppError('INVALID_INPUT', '有两项公开事项名称和周期相同')
  const setting = { ...changeBy(ctx), duties: input.duties }
  await changeTownship(ctx, (township) => ({ dutySettings: [...(township.dutySettings ?? []), setting] }))
  return { count: input.duties.length }
}
