import { createHash } from 'node:crypto'
import { AppError } from '../../shared/errors'
import type { reportContract, Report } from '../../shared/report/schema'
import { TRACKING_ALPHABET, TRACKING_LENGTH, canTake, formatTrackingCode, normalizeTrackingCode, statusAfter, type reportStepKinds } from '../../shared/report/rules'
import type { Handler } from '../core/dispatch'
import type { HandlerContext } from '../core/context'
import { type Condition, DuplicateKeyError } from '../core/store'
import { villageInScope } from '../core/scope'
import { checkedAttachments, withUrls } from '../core/attachments'
import { queryAll } from '../core/paging'
import { openGate } from '../core/attempts'
import { codeHash } from '../core/hash'
import { visibleTo } from '../../shared/integrity/rules'
import { checkedFinding, claimed, handlingGuard, handlingViewOf, recusalPatch, unlessRecused } from '../core/handling'

type C = typeof reportContract

const PAGE = 20
const NOT_FOUND = '没有找到这条举报'
const NO_CODE = '没有查到这个查询码，请核对后再试'

/**
 * The tracking code of a report: TRACKING_LENGTH symbols drawn from a one-way hash of the person and the phone's
 * request id (like the report's id, under another prefix), so a retry that finds the report answers the same
 * code although only its hash is stored. It carries no more than the report's id does: whoever could recompute
 * it already knows the person and the phone's random request id.
 */
function trackingCodeOf(personId: string | null, requestId: string): string {
  let n = BigInt(`0x${createHash('sha256').update(`tracking:${personId}:${requestId}`).digest('hex')}`)
  const base = BigInt(TRACKING_ALPHABET.length)
  let symbols = ''
  for (let i = 0; i < TRACKING_LENGTH; i++) {
    symbols += TRACKING_ALPHABET[Number(n % base)]
    n /= base
  }
  return symbols
}

/** The three answers `file` gives: the code in this answer only, the store has its hash. */
const filed = (code: string, r: Pick<Report, 'status' | 'filedAt'>) => ({ trackingCode: formatTrackingCode(code), status: r.status, filedAt: r.filedAt })

/**
 * Files a report. Its id is a one-way hash of the person and the phone's request
 * id: a retry finds the report (and its tracking code) it already made, yet an
 * anonymous report stores nothing the township could trace back to the person.
 */
export const file: Handler<C['file']> = async (ctx, input) => {
  const { actor } = ctx
  const reportId = `rp_${createHash('sha256').update(`report:${actor.personId}:${input.requestId}`).digest('base64url').slice(0, 22)}`
  const code = trackingCodeOf(actor.personId, input.requestId)
  const existing = await ctx.store.get('report', reportId)
  if (existing) return filed(code, existing)
  const report: Report = {
    _id: reportId,
    townshipId: actor.townshipId ?? '',
    villageId: actor.villageId ?? '',
    trackingCode: codeHash('tracking', code),
    reporter: input.anonymous ? null : { personId: actor.personId ?? '', name: actor.name ?? '', householdId: actor.householdId ?? '' },
    subject: input.subject ?? '',
    text: input.text,
    // Report photos are private: only this township's staff see them, through short-lived signed URLs.
    photos: input.photos ? await checkedAttachments(ctx, input.photos, { private: true }) : [],
    status: 'submitted',
    filedAt: ctx.now,
    steps: [],
    outcome: null,
  }
  try {
    await ctx.store.insert('report', report)
  } catch (error) {
    if (!(error instanceof DuplicateKeyError)) throw error
    // The same request arrived twice at once: answer with what the first one made.
    const first = await ctx.store.get('report', reportId)
    if (!first) throw error
    return filed(code, first)
  }
  return filed(code, report)
}

/**
 * What the reporter may know, by the code alone. A lookup is anonymous: its attempts count against the
 * caller (core/attempts.ts) and are logged as 匿名查询, never with a person. The report is found by the
 * code's hash; a report of the cloud database filed before codes were hashed still holds its code in the
 * clear (SQLite hashed them in migration 17), is found by it and hashed in place on this first lookup.
 */
export const track: Handler<C['track']> = async (ctx, input) => {
  const gate = await openGate(ctx, 'tracking')
  const formatted = normalizeTrackingCode(input.trackingCode)
  const hash = formatted ? codeHash('tracking', formatted.replace(/-/g, '')) : null
  const r = hash
    ? (
        await ctx.store.query('report', {
          where: { trackingCode: { in: [hash, formatted] } },
          orderBy: { field: 'trackingCode', direction: 'asc' },
          limit: 1,
        })
      ).items[0]
    : undefined
  if (!r || !hash || !formatted) {
    await gate.failed()
    throw new AppError('NOT_FOUND', NO_CODE)
  }
  await Promise.all([gate.passed(), r.trackingCode === formatted ? ctx.store.update('report', r._id, { trackingCode: hash }, { trackingCode: formatted }) : null])
  const at = (kind: (typeof reportStepKinds)[number]) => r.steps.find((s) => s.kind === kind)?.at ?? null
  return {
    trackingCode: formatted,
    status: r.status,
    filedAt: r.filedAt,
    acknowledgedAt: at('acknowledged'),
    concludedAt: at('concluded'),
    outcome: r.outcome,
  }
}

const villageNames = async (ctx: HandlerContext) =>
  new Map((await queryAll(ctx.store, 'village', { townshipId: ctx.actor.townshipId }, { field: 'name', direction: 'asc' })).map((v) => [v._id, v.name]))

const summaryOf = (r: Report, names: Map<string, string>) => ({
  reportId: r._id,
  villageId: r.villageId,
  villageName: names.get(r.villageId) ?? '',
  subject: r.subject,
  excerpt: r.text.length > 60 ? `${r.text.slice(0, 60)}…` : r.text,
  anonymous: r.reporter === null,
  status: r.status,
  filedAt: r.filedAt,
})

/** Reports from the villages of the caller's township, newest first. */
export const inbox: Handler<C['inbox']> = async (ctx, input) => {
  const where: Record<string, Condition> = input.villageId ? { villageId: (await villageInScope(ctx, input.villageId))._id } : { townshipId: ctx.actor.townshipId }
  if (input.status) where.status = input.status
  const page = await ctx.store.query('report', {
    where,
    orderBy: { field: 'filedAt', direction: 'desc' },
    limit: PAGE,
    cursor: input.cursor,
  })
  const names = await villageNames(ctx)
  // Reports the caller stepped aside from (回避) are left out; a page may then be short.
  return { items: visibleTo(page.items, ctx.actor.personId).map((r) => summaryOf(r, names)), nextCursor: page.nextCursor }
}

async function ownTownship(ctx: HandlerContext, reportId: string): Promise<Report> {
  const r = await ctx.store.get('report', reportId)
  if (!r || r.townshipId !== ctx.actor.townshipId) throw new AppError('NOT_FOUND', NOT_FOUND)
  return unlessRecused(ctx, r, NOT_FOUND)
}

export const get: Handler<C['get']> = async (ctx, input) => {
  const r = await ownTownship(ctx, input.reportId)
  const household = r.reporter ? await ctx.store.get('household', r.reporter.householdId) : null
  return {
    ...summaryOf(r, await villageNames(ctx)),
    text: r.text,
    photos: await withUrls(ctx, r.photos),
    reporter: r.reporter ? { name: r.reporter.name, householdNumber: household?.number ?? '' } : null,
    steps: r.steps.map(({ kind, at, staffName, text }) => ({ kind, at, staffName, text })),
    outcome: r.outcome,
    ...(await handlingViewOf(ctx, r)),
  }
}

/** Records one step by the caller; the update only lands if nobody moved the report meanwhile. */
async function takeStep(ctx: HandlerContext, reportId: string, kind: (typeof reportStepKinds)[number], text: string, named?: readonly string[]) {
  const r = await ownTownship(ctx, reportId)
  if (!canTake(kind, r.status)) {
    throw new AppError('CONFLICT', r.status === 'concluded' ? '这条举报已经办结' : kind === 'acknowledged' ? '这条举报已经受理' : '请先受理这条举报')
  }
  const step = { kind, at: ctx.now, staffId: ctx.actor.personId ?? '', staffName: `${ctx.actor.title ?? ''}${ctx.actor.name ?? ''}`, text }
  const status = statusAfter(kind)
  const finding = kind === 'concluded' ? { outcome: text, findingAppointmentIds: await checkedFinding(ctx, r.villageId, named) } : {}
  const patch = { status, steps: [...r.steps, step], ...finding, ...claimed(ctx, r) }
  if (!(await ctx.store.update('report', r._id, patch, { status: r.status, filedAt: r.filedAt, ...handlingGuard(r) }))) throw new AppError('CONFLICT')
  return { status }
}

export const acknowledge: Handler<C['acknowledge']> = (ctx, input) => takeStep(ctx, input.reportId, 'acknowledged', '')
export const note: Handler<C['note']> = (ctx, input) => takeStep(ctx, input.reportId, 'note', input.text)
export const conclude: Handler<C['conclude']> = (ctx, input) => takeStep(ctx, input.reportId, 'concluded', input.outcome, input.findingAppointmentIds)

/**
 * 回避: the caller declares a conflict of interest and steps aside; the report goes to another active staff member,
 * both steps are kept on it, and from now on the caller does not see it (get, inbox, figures and exports).
 */
export const recuse: Handler<C['recuse']> = async (ctx, input) => {
  const r = await ownTownship(ctx, input.reportId)
  const { patch, handedTo } = await recusalPatch(ctx, r, input)
  if (!(await ctx.store.update('report', r._id, patch, { status: r.status, filedAt: r.filedAt, ...handlingGuard(r) }))) throw new AppError('CONFLICT')
  return { handlerId: handedTo.personId, handlerName: `${handedTo.title}${handedTo.name}` }
}

export const figures: Handler<C['figures']> = async (ctx) => {
  const names = await villageNames(ctx)
  const villages = await Promise.all(
    [...names].map(async ([villageId, villageName]) => {
      const reports = visibleTo(await queryAll(ctx.store, 'report', { villageId }, { field: 'filedAt', direction: 'asc' }, 100_000), ctx.actor.personId)
      return { villageId, villageName, received: reports.length, concluded: reports.filter((r) => r.status === 'concluded').length }
    }),
  )
  const sum = (key: 'received' | 'concluded') => villages.reduce((n, v) => n + v[key], 0)
  return { villages, total: { received: sum('received'), concluded: sum('concluded') } }
}
