import { createHash } from 'node:crypto'
import { AppError } from '../../shared/errors'
import type { feedbackContract, Feedback, FeedbackAbout } from '../../shared/feedback/schema'
import { authorForVillage, canReopen, closesByItself, dueAtFrom, feedbackFigures, isOverdue, replyDaysChangesOf, replyDaysOf } from '../../shared/feedback/rules'
import { changesView, withChange } from '../../shared/setting'
import type { Township } from '../../shared/township/schema'
import type { Area, Handler } from '../core/dispatch'
import { changeBy, changeTownship, ownTownship } from '../core/settings'
import type { HandlerContext } from '../core/context'
import { type Condition, type Page, DuplicateKeyError } from '../core/store'
import { getInVillage, villageInScope } from '../core/scope'
import { checkedAttachments, withUrls } from '../core/attachments'
import { queryAll } from '../core/paging'
import { inWaves, RUN_LIMITS, WAVE } from '../core/batches'

type C = typeof feedbackContract

const PAGE = 20

/** The reply deadline for feedback filed now in the caller's township. */
const replyDaysFor = async (ctx: HandlerContext, townshipId: string | null) => replyDaysOf(townshipId ? await ctx.store.get('township', townshipId) : null)

/** What a caller may see of one feedback record: village roles never learn a hidden author's name. */
async function viewOf(ctx: HandlerContext, f: Feedback) {
  const own = f.personId === ctx.actor.personId
  return {
    feedbackId: f._id,
    about: f.about,
    text: f.text,
    photos: await withUrls(ctx, f.photos),
    status: f.status,
    author: own ? f.authorName : authorForVillage(f),
    submittedAt: f.submittedAt,
    dueAt: f.dueAt,
    overdue: isOverdue(f, ctx.now),
    routedToName: f.routedTo ? `${f.routedTo.title}${f.routedTo.name}` : null,
    reply: f.reply,
    reopenReason: f.reopenReason,
    closedAt: f.closedAt,
    closedBy: f.closedBy,
    reminders: f.reminders,
    villageId: f.villageId,
  }
}

async function aboutOf(ctx: HandlerContext, about: { type: FeedbackAbout['type']; id?: string | null | undefined }): Promise<FeedbackAbout> {
  if (about.type === 'general') return { type: 'general', id: null, title: '意见箱' }
  if (!about.id) throw new AppError('INVALID_INPUT', '请说明是对哪一条提意见')
  if (about.type === 'disclosure') {
    const d = await getInVillage(ctx, 'disclosure', about.id, '没有找到这条公开')
    return { type: 'disclosure', id: d._id, title: d.content.title }
  }
  const selection = await ctx.store.get('power_selection', `${ctx.actor.villageId}:${about.id}`)
  const item = selection?.selected ? await ctx.store.get('power_item', about.id) : null
  if (!item) throw new AppError('NOT_FOUND', '本村的权力清单里没有这一项')
  return { type: 'power', id: item._id, title: item.name }
}

/**
 * Files one feedback record. Its id is derived from the person and the phone's
 * request id, so a retry on a weak network finds the record it already made.
 */
export const submit: Handler<C['submit']> = async (ctx, input) => {
  const { actor } = ctx
  const feedbackId = `fb_${createHash('sha256').update(`${actor.personId}:${input.requestId}`).digest('base64url').slice(0, 22)}`
  const existing = await ctx.store.get('feedback', feedbackId)
  if (existing) return { feedbackId, status: existing.status, dueAt: existing.dueAt }
  const about = await aboutOf(ctx, input.about)
  const feedback: Feedback = {
    _id: feedbackId,
    villageId: actor.villageId ?? '',
    personId: actor.personId ?? '',
    householdId: actor.householdId ?? '',
    authorName: actor.name ?? '',
    hideName: input.hideName ?? false,
    about,
    text: input.text,
    photos: input.photos ? await checkedAttachments(ctx, input.photos) : [],
    status: 'submitted',
    submittedAt: ctx.now,
    dueAt: dueAtFrom(ctx.now, await replyDaysFor(ctx, actor.townshipId)),
    routedTo: null,
    routedToId: null,
    aboutId: about.id,
    routedAt: null,
    reply: null,
    firstReplyAt: null,
    reopenReason: null,
    closedAt: null,
    closedBy: null,
    reminders: [],
  }
  try {
    await ctx.store.insert('feedback', feedback)
  } catch (error) {
    // The same request arrived twice at once: the first one made the record.
    if (!(error instanceof DuplicateKeyError)) throw error
  }
  return { feedbackId, status: 'submitted' as const, dueAt: feedback.dueAt }
}

export const mine: Handler<C['mine']> = async (ctx, input) => {
  const page = await ctx.store.query('feedback', {
    where: { personId: ctx.actor.personId },
    orderBy: { field: 'submittedAt', direction: 'desc' },
    limit: PAGE,
    cursor: input.cursor,
  })
  return { items: await Promise.all(page.items.map((f) => viewOf(ctx, f))), nextCursor: page.nextCursor }
}

/** The chair sees all of the village's feedback; a committee member only what was routed to them. */
export const inbox: Handler<C['inbox']> = async (ctx, input) => {
  const village = await villageInScope(ctx)
  const where: Record<string, Condition> = ctx.actor.role === 'committee' ? { routedToId: ctx.actor.personId } : { villageId: village._id }
  // In the query, for the chair and a committee member alike (indexes villageId|routedToId + status + submittedAt),
  // so a filtered page is full while more follow.
  if (input.status) where.status = input.status
  const page = await ctx.store.query('feedback', {
    where,
    orderBy: { field: 'submittedAt', direction: 'desc' },
    limit: PAGE,
    cursor: input.cursor,
  })
  return { items: await Promise.all(page.items.map((f) => viewOf(ctx, f))), nextCursor: page.nextCursor }
}

const NOT_FOUND = '没有找到这条反馈'

export const route: Handler<C['route']> = async (ctx, input) => {
  const f = await getInVillage(ctx, 'feedback', input.feedbackId, NOT_FOUND)
  if (f.status !== 'submitted' && f.status !== 'agenda') throw new AppError('CONFLICT', '这条反馈已经分派过了')
  if (input.agenda) {
    if (!(await ctx.store.update('feedback', f._id, { status: 'agenda', routedAt: ctx.now }, { status: f.status }))) {
      throw new AppError('CONFLICT')
    }
    return { status: 'agenda' as const }
  }
  if (!input.assignTo) throw new AppError('INVALID_INPUT', '请选择由哪位村“两委”成员答复，或列入下次会议议题')
  const person = await ctx.store.get('person', input.assignTo)
  const appointment = person?.appointmentId ? await ctx.store.get('appointment', person.appointmentId) : null
  if (!person || appointment?.status !== 'active' || appointment.role !== 'committee' || appointment.villageId !== f.villageId) {
    throw new AppError('NOT_FOUND', '本村村“两委”成员中没有这个人')
  }
  const routedTo = { personId: person._id, name: person.name, title: appointment.title }
  if (!(await ctx.store.update('feedback', f._id, { status: 'routed', routedTo, routedToId: person._id, routedAt: ctx.now }, { status: f.status }))) {
    throw new AppError('CONFLICT')
  }
  return { status: 'routed' as const }
}

export const assignees: Handler<C['assignees']> = async (ctx) => {
  const village = await villageInScope(ctx)
  const appointments = await queryAll(ctx.store, 'appointment', { villageId: village._id, role: 'committee' }, { field: 'role', direction: 'asc' })
  const active = appointments.filter((a) => a.status === 'active')
  const persons = await Promise.all(active.map((a) => ctx.store.get('person', a.personId)))
  return { items: active.map((a, i) => ({ personId: a.personId, name: persons[i]?.name ?? '', title: a.title })) }
}

export const reply: Handler<C['reply']> = async (ctx, input) => {
  const f = await getInVillage(ctx, 'feedback', input.feedbackId, NOT_FOUND)
  if (f.routedToId !== ctx.actor.personId) throw new AppError('FORBIDDEN', '这条反馈没有分给您答复')
  if (f.status !== 'routed') throw new AppError('CONFLICT', '这条反馈现在不需要答复')
  const answer = { text: input.text, at: ctx.now, name: ctx.actor.name ?? '', title: ctx.actor.title ?? '' }
  const patch = { status: 'replied' as const, reply: answer, firstReplyAt: f.firstReplyAt ?? ctx.now }
  if (!(await ctx.store.update('feedback', f._id, patch, { status: 'routed' }))) {
    throw new AppError('CONFLICT')
  }
  return { status: 'replied' as const }
}

async function ownReplied(ctx: HandlerContext, feedbackId: string): Promise<Feedback> {
  const f = await ctx.store.get('feedback', feedbackId)
  if (!f || f.personId !== ctx.actor.personId) throw new AppError('NOT_FOUND', NOT_FOUND)
  if (f.status !== 'replied') throw new AppError('CONFLICT', '还没有答复，或已经办结')
  return f
}

export const confirm: Handler<C['confirm']> = async (ctx, input) => {
  const f = await ownReplied(ctx, input.feedbackId)
  if (!(await ctx.store.update('feedback', f._id, { status: 'closed', closedAt: ctx.now, closedBy: 'villager' }, { status: 'replied' }))) {
    throw new AppError('CONFLICT')
  }
  return { status: 'closed' as const }
}

/** Not satisfied with the reply: back to the same committee member, once. */
export const reopen: Handler<C['reopen']> = async (ctx, input) => {
  const f = await ownReplied(ctx, input.feedbackId)
  if (!canReopen(f)) throw new AppError('CONFLICT', '每条反馈只能重新反映一次')
  const moved = await ctx.store.update(
    'feedback',
    f._id,
    { status: 'routed', reopenReason: input.reason, dueAt: dueAtFrom(ctx.now, await replyDaysFor(ctx, ctx.actor.townshipId)) },
    { status: 'replied', reopenReason: null },
  )
  if (!moved) throw new AppError('CONFLICT')
  return { status: 'routed' as const }
}

/** Replies given on a disclosure are published to everyone reading it. */
export const onDisclosure: Handler<C['onDisclosure']> = async (ctx, input) => {
  await getInVillage(ctx, 'disclosure', input.disclosureId, '没有找到这条公开')
  const page = await ctx.store.query('feedback', {
    where: { aboutId: input.disclosureId },
    orderBy: { field: 'submittedAt', direction: 'desc' },
    limit: 50,
  })
  const answered = page.items.filter((f) => f.about.type === 'disclosure' && f.reply !== null)
  return { items: await Promise.all(answered.map((f) => viewOf(ctx, f))) }
}

const waiting = ['submitted', 'routed', 'agenda'] as const

/** 督办: every item past its reply deadline in the caller's township (or one of its villages). */
export const overdue: Handler<C['overdue']> = async (ctx, input) => {
  const villages = input.villageId
    ? [await villageInScope(ctx, input.villageId)]
    : await queryAll(ctx.store, 'village', { townshipId: ctx.actor.townshipId }, { field: 'name', direction: 'asc' })
  const late: Feedback[] = []
  for (const village of villages) {
    const open = await queryAll(ctx.store, 'feedback', { villageId: village._id, status: { in: [...waiting] } }, { field: 'submittedAt', direction: 'asc' }, 5000)
    late.push(...open.filter((f) => isOverdue(f, ctx.now)))
  }
  return { items: await Promise.all(late.map((f) => viewOf(ctx, f))) }
}

/** The township reminds the village about an overdue item; the chair and the committee see the reminder. */
export const remind: Handler<C['remind']> = async (ctx, input) => {
  const f = await ctx.store.get('feedback', input.feedbackId)
  const village = f ? await ctx.store.get('village', f.villageId) : null
  if (!f || village?.townshipId !== ctx.actor.townshipId) throw new AppError('NOT_FOUND', NOT_FOUND)
  const reminders = [...f.reminders, { at: ctx.now, name: ctx.actor.name ?? '', title: ctx.actor.title ?? '', note: input.note }]
  if (!(await ctx.store.update('feedback', f._id, { reminders }, { status: f.status }))) throw new AppError('CONFLICT')
  return { reminders: reminders.length }
}

/** 办结率 and the rest, per village: the chair's own, or the villages of the caller's township. */
export const figures: Handler<C['figures']> = async (ctx, input) => {
  const villages =
    ctx.actor.role === 'township' && !input.villageId
      ? await queryAll(ctx.store, 'village', { townshipId: ctx.actor.townshipId }, { field: 'name', direction: 'asc' })
      : [await villageInScope(ctx, input.villageId)]
  const all: Feedback[] = []
  const rows = []
  for (const village of villages) {
    const items = await queryAll(ctx.store, 'feedback', { villageId: village._id }, { field: 'submittedAt', direction: 'asc' }, 100_000)
    all.push(...items)
    rows.push({ villageId: village._id, villageName: village.name, ...feedbackFigures(items, ctx.now) })
  }
  return { villages: rows, total: feedbackFigures(all, ctx.now), replyDays: await replyDaysFor(ctx, ctx.actor.townshipId) }
}

const replyDaysView = (township: Township) => ({ days: replyDaysOf(township), ...changesView(replyDaysChangesOf(township)) })

export const settings: Handler<C['settings']> = async (ctx) => replyDaysView(await ownTownship(ctx))

export const setReplyDays: Handler<C['setReplyDays']> = async (ctx, input) => {
  const change = { days: input.days, ...changeBy(ctx) }
  await changeTownship(ctx, (township) => ({ feedbackReplyDaysSettings: withChange(replyDaysChangesOf(township), change) }))
  return replyDaysView(await ownTownship(ctx))
}

/** Pages of replied feedback one run reads at most (100 each) looking for stale replies. */
const SCAN_PAGES = 20

/**
 * Timer: replies left unconfirmed for AUTO_CLOSE_DAYS close by themselves. One run closes at most
 * RUN_LIMITS.feedback of them, WAVE at a time, and reads at most SCAN_PAGES pages of replied feedback
 * (oldest submission first; the replies not yet stale among them are at most a week's); what is left is
 * still `replied` and stale, so the next run (hourly) finds it. The close is guarded on `replied`.
 */
export const closeStale: NonNullable<Area['timer']> = async ({ store, clock }) => {
  const now = clock.now().toISOString()
  const stale: Feedback[] = []
  let cursor: string | null = null
  for (let pages = 0; pages < SCAN_PAGES && stale.length < RUN_LIMITS.feedback; pages++) {
    const page: Page<Feedback> = await store.query('feedback', { where: { status: 'replied' }, orderBy: { field: 'submittedAt', direction: 'asc' }, limit: 100, cursor })
    stale.push(...page.items.filter((f) => closesByItself(f, now)))
    cursor = page.nextCursor
    if (!cursor) break
  }
  const closed = await inWaves(stale.slice(0, RUN_LIMITS.feedback), WAVE, (f) =>
    store.update('feedback', f._id, { status: 'closed', closedAt: now, closedBy: 'timeout' }, { status: 'replied' }),
  )
  return { closed: closed.filter(Boolean).length }
}
