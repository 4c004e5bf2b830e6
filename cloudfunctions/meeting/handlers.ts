import { createHash } from 'node:crypto'
import { AppError } from '../../shared/errors'
import type { Signature } from '../../shared/disclosure/schema'
import { DEFAULT_MEETING_TITLE } from '../../shared/meeting/labels'
import { cancelProblem, meetingItemId, startsAtProblem, panelistId, panelProblem, recordItemsProblem, recordProblem } from '../../shared/meeting/rules'
import type { Meeting, meetingContract, Panelist } from '../../shared/meeting/schema'
import type { ParsedInputOf } from '../../shared/contract/action'
import type { HandlerContext } from '../core/context'
import type { Handler } from '../core/dispatch'
import { villageInScope } from '../core/scope'
import { DuplicateKeyError } from '../core/store'
import { queryAll } from '../core/paging'

type C = typeof meetingContract

const PAGE = 20

const signature = (ctx: HandlerContext): Signature => ({ personId: ctx.actor.personId ?? '', name: ctx.actor.name ?? '', title: ctx.actor.title ?? '' })
const byline = (s: Signature) => ({ name: s.name, title: s.title })

const questionCount = (m: Meeting) => m.record?.items.reduce((n, i) => n + i.questions.length, 0) ?? 0

const summaryOf = (m: Meeting) => ({
  meetingId: m._id,
  villageId: m.villageId,
  title: m.title,
  startsAt: m.startsAt,
  place: m.place,
  status: m.status,
  itemCount: m.items.length,
  questionCount: questionCount(m),
})

/** The panel rounds of the meeting (round index meetingId + openedAt), only when it has had any. */
async function panelRoundsOf(ctx: HandlerContext, m: Meeting) {
  if (!m.panelRounds) return []
  const rounds = await queryAll(ctx.store, 'round', { meetingId: m._id }, { field: 'openedAt', direction: 'asc' })
  return rounds.map((r) => ({ itemId: r.panel?.itemId ?? '', roundId: r._id, status: r.status }))
}

const detailOf = async (ctx: HandlerContext, m: Meeting) => ({
  ...summaryOf(m),
  items: m.items.map((item) => ({ ...item, questions: m.record?.items.find((r) => r.itemId === item.itemId)?.questions ?? [] })),
  scheduledAt: m.scheduledAt,
  scheduledBy: byline(m.scheduledBy),
  panel: m.panel ?? [],
  rounds: await panelRoundsOf(ctx, m),
  cancelled: m.cancelled ? { at: m.cancelled.at, reason: m.cancelled.reason, by: byline(m.cancelled.by) } : null,
  attendance: m.record?.attendance ?? null,
  recordedAt: m.record?.recordedAt ?? null,
  recordedBy: m.record ? byline(m.record.recordedBy) : null,
})

/** One agenda item, checked against the village's records: a disclosure or decision must be the village's own. */
async function agendaItem(ctx: HandlerContext, villageId: string, item: ParsedInputOf<C['schedule']>['items'][number], index: number) {
  const base = { itemId: meetingItemId(index), kind: item.kind, presenter: item.presenter ?? '' }
  if (item.kind === 'text') {
    if (!item.title) throw new AppError('INVALID_INPUT', `第${index + 1}项：请填写事项名称`)
    if (item.refId) throw new AppError('INVALID_INPUT', `第${index + 1}项：其他事项不用选公开或决策`)
    return { ...base, refId: null, title: item.title }
  }
  if (!item.refId) throw new AppError('INVALID_INPUT', `第${index + 1}项：请选择要发布的${item.kind === 'disclosure' ? '公开' : '决策事项'}`)
  const found = item.kind === 'disclosure' ? await ctx.store.get('disclosure', item.refId) : await ctx.store.get('decision', item.refId)
  if (!found || found.villageId !== villageId) throw new AppError('NOT_FOUND', `第${index + 1}项：本村没有这条${item.kind === 'disclosure' ? '公开' : '决策事项'}`)
  const ownTitle = 'content' in found ? found.content.title : found.title
  return { ...base, refId: found._id, title: item.title || ownTitle }
}

/**
 * Schedules a meeting and publishes it to the village. Its id is derived from the chair and the phone's request
 * id, so a retry on a weak network finds the meeting it already made.
 */
export const schedule: Handler<C['schedule']> = async (ctx, input) => {
  const village = await villageInScope(ctx)
  const meetingId = `mt_${createHash('sha256').update(`${ctx.actor.personId}:${input.requestId}`).digest('base64url').slice(0, 22)}`
  const existing = await ctx.store.get('meeting', meetingId)
  if (existing) return await detailOf(ctx, existing)
  const late = startsAtProblem(input.startsAt, ctx.now)
  if (late) throw new AppError('INVALID_INPUT', late)
  const items = []
  for (const [index, item] of input.items.entries()) items.push(await agendaItem(ctx, village._id, item, index))
  const meeting: Meeting = {
    _id: meetingId,
    villageId: village._id,
    townshipId: village.townshipId,
    title: input.title || DEFAULT_MEETING_TITLE,
    startsAt: new Date(input.startsAt).toISOString(),
    place: input.place,
    items,
    panel: [],
    panelRounds: 0,
    status: 'scheduled',
    scheduledAt: ctx.now,
    scheduledBy: signature(ctx),
    cancelled: null,
    record: null,
  }
  try {
    await ctx.store.insert('meeting', meeting)
  } catch (error) {
    // The same request arrived twice at once: the first one made the meeting.
    if (!(error instanceof DuplicateKeyError)) throw error
    const made = await ctx.store.get('meeting', meetingId)
    if (made) return await detailOf(ctx, made)
    throw error
  }
  return await detailOf(ctx, meeting)
}

export const list: Handler<C['list']> = async (ctx, input) => {
  const village = await villageInScope(ctx, input.villageId)
  const page = await ctx.store.query('meeting', {
    where: { villageId: village._id },
    orderBy: { field: 'startsAt', direction: 'desc' },
    limit: PAGE,
    cursor: input.cursor,
  })
  return { items: page.items.map(summaryOf), nextCursor: page.nextCursor }
}

async function meetingInScope(ctx: HandlerContext, meetingId: string, villageId?: string): Promise<Meeting> {
  const village = await villageInScope(ctx, villageId)
  const meeting = await ctx.store.get('meeting', meetingId)
  if (!meeting || meeting.villageId !== village._id) throw new AppError('NOT_FOUND', '没有找到这次会议')
  return meeting
}

export const get: Handler<C['get']> = async (ctx, input) => detailOf(ctx, await meetingInScope(ctx, input.meetingId, input.villageId))

/** The record, written once after the meeting; the update is conditional on the meeting still being scheduled. */
export const record: Handler<C['record']> = async (ctx, input) => {
  const meeting = await meetingInScope(ctx, input.meetingId)
  const problem =
    recordProblem(meeting, ctx.now) ??
    recordItemsProblem(
      meeting.items.map((i) => i.itemId),
      input.items.map((i) => i.itemId),
    )
  if (problem) throw new AppError('CONFLICT', problem)
  const written: Meeting['record'] = {
    attendance: { ...input.attendance, note: input.attendance.note ?? '' },
    items: input.items.filter((i) => i.questions.length > 0).map((i) => ({ itemId: i.itemId, questions: i.questions.map((q) => ({ ...q, askedBy: q.askedBy ?? '' })) })),
    recordedAt: ctx.now,
    recordedBy: signature(ctx),
  }
  const updated = await ctx.store.update('meeting', meeting._id, { status: 'held', record: written }, { status: 'scheduled' })
  if (!updated) throw new AppError('CONFLICT', '这次会议刚刚已经记录或取消了，请刷新后再看')
  return await detailOf(ctx, { ...meeting, status: 'held', record: written })
}

export const cancel: Handler<C['cancel']> = async (ctx, input) => {
  const meeting = await meetingInScope(ctx, input.meetingId)
  const problem = cancelProblem(meeting)
  if (problem) throw new AppError('CONFLICT', problem)
  const cancelled = { at: ctx.now, reason: input.reason, by: signature(ctx) }
  const updated = await ctx.store.update('meeting', meeting._id, { status: 'cancelled', cancelled }, { status: 'scheduled' })
  if (!updated) throw new AppError('CONFLICT', '这次会议刚刚已经记录或取消了，请刷新后再看')
  return await detailOf(ctx, { ...meeting, status: 'cancelled', cancelled })
}

/**
 * The name of a person of the village who may sit on its panel by phone: an active member of its group, or
 * one of its officials (the chair sits on the panel); null for anyone else.
 */
async function villagePersonName(ctx: HandlerContext, villageId: string, personId: string): Promise<string | null> {
  const person = await ctx.store.get('person', personId)
  if (!person) return null
  const [member, appointment] = await Promise.all([
    person.memberId ? ctx.store.get('member', person.memberId) : null,
    person.appointmentId ? ctx.store.get('appointment', person.appointmentId) : null,
  ])
  const inGroup = member?.status === 'active' && member.villageId === villageId
  const official = appointment?.status === 'active' && appointment.villageId === villageId
  return inGroup || official ? person.name : null
}

/**
 * Names the meeting's evaluation panel (评议团). Members voting by phone are chosen from the village's group; others
 * are listed by name and vote on paper. Only before the meeting's first panel round: the update is conditional on
 * the meeting having none (`panelRounds`), so a round opening at the same moment cannot be left with another panel.
 */
export const setPanel: Handler<C['setPanel']> = async (ctx, input) => {
  const meeting = await meetingInScope(ctx, input.meetingId)
  if (meeting.status !== 'scheduled') throw new AppError('CONFLICT', meeting.status === 'held' ? '会议已经开过，不能再改评议团' : '这次会议已经取消')
  if ((meeting.panelRounds ?? 0) > 0) throw new AppError('CONFLICT', '评议团已经开始评议，不能再改')
  const panel: Panelist[] = []
  for (const [index, p] of input.panel.entries()) {
    const name = p.personId ? await villagePersonName(ctx, meeting.villageId, p.personId) : (p.name ?? '')
    if (p.personId && name === null) throw new AppError('NOT_FOUND', `第${index + 1}位：本村监督群里没有这个人`)
    if (!name) throw new AppError('INVALID_INPUT', `第${index + 1}位：请填写姓名`)
    panel.push({ panelistId: panelistId(index), personId: p.personId ?? null, name, role: p.role, votes: p.votes })
  }
  const problem = panelProblem(panel)
  if (problem) throw new AppError('INVALID_INPUT', problem)
  const updated = await ctx.store.update('meeting', meeting._id, { panel }, { status: 'scheduled', panelRounds: meeting.panelRounds ?? 0 })
  if (!updated) throw new AppError('CONFLICT', '会议刚刚有了变化，请刷新后再试')
  return await detailOf(ctx, { ...meeting, panel })
}

const CANDIDATES = 20

/** Active members of the chair's village group matching a name or 户号, for the panel editor. */
export const panelCandidates: Handler<C['panelCandidates']> = async (ctx, input) => {
  const village = await villageInScope(ctx)
  const [members, households] = await Promise.all([
    queryAll(ctx.store, 'member', { villageId: village._id, status: 'active' }, { field: 'requestedAt', direction: 'asc' }),
    queryAll(ctx.store, 'household', { villageId: village._id }, { field: 'number', direction: 'asc' }),
  ])
  // A member's 户号 is the household's (older members do not carry their own copy).
  const numbers = new Map(households.map((h) => [h._id, h.number]))
  const keyword = input.keyword?.trim() ?? ''
  const candidates = members.map((m) => ({ personId: m.personId, name: m.name, householdNumber: numbers.get(m.householdId) ?? m.householdNumber ?? '' }))
  return { items: candidates.filter((c) => !keyword || c.name.includes(keyword) || c.householdNumber.includes(keyword)).slice(0, CANDIDATES) }
}
