import { AppError } from '../../shared/errors'
import type { townshipContract } from '../../shared/township/schema'
import type { Decision, Disclosure } from '../../shared/disclosure/schema'
import type { IntegrityNote } from '../../shared/integrity/schema'
import { type FileSources, type VillagePost, integrityFileOf } from '../../shared/integrity/file'
import { visibleTo } from '../../shared/integrity/rules'
import { answeredKindLabels } from '../../shared/integrity/labels'
import { subjectKeyOf } from '../../shared/evaluation/rules'
import { beijingTime, toCsv } from '../../shared/csv'
import { beijingDay } from '../../shared/time'
import type { Appointment } from '../../shared/member/schema'
import type { Handler } from '../core/dispatch'
import { type HandlerContext, newId } from '../core/context'
import { getMany, queryAll } from '../core/paging'
import { villageInScope } from '../core/scope'
import { checkedAttachments, withUrls } from '../core/attachments'
import { staleExports } from '../core/export-files'

type C = typeof townshipContract

const MAX = 100_000
const NO_FILE = '没有找到这位村干部的廉政档案'

const isVillagePost = (a: Appointment): a is VillagePost => a.villageId !== null && (a.role === 'chair' || a.role === 'committee')

/** Every chair and committee post of the township's villages, current and past. */
async function villagePostsOf(ctx: HandlerContext): Promise<VillagePost[]> {
  const byRole = await Promise.all(
    (['chair', 'committee'] as const).map((role) => queryAll(ctx.store, 'appointment', { townshipId: ctx.actor.townshipId, role }, { field: 'role', direction: 'asc' }, MAX)),
  )
  return byRole.flat().filter(isVillagePost)
}

/** One person's posts in the caller's township; NOT_FOUND when they hold or held none (staff, villagers, elsewhere). */
async function postsOfPerson(ctx: HandlerContext, personId: string): Promise<VillagePost[]> {
  const posts = (await queryAll(ctx.store, 'appointment', { personId }, { field: 'startedAt', direction: 'asc' })).filter(
    (a): a is VillagePost => isVillagePost(a) && a.townshipId === ctx.actor.townshipId,
  )
  if (posts.length === 0) throw new AppError('NOT_FOUND', NO_FILE)
  return posts
}

/**
 * What the files are assembled from: closed cases and concluded reports of the township (less those the caller
 * stepped aside from), closed rounds of `villageIds` with their subjects, and the notes (of `personId`, or all).
 */
async function sourcesOf(ctx: HandlerContext, villageIds: readonly string[], personId: string | null): Promise<FileSources> {
  const townshipId = ctx.actor.townshipId
  const [villages, cases, reports, roundsByVillage, notes] = await Promise.all([
    queryAll(ctx.store, 'village', { townshipId }, { field: 'name', direction: 'asc' }),
    queryAll(ctx.store, 'escalation', { townshipId, status: 'closed' }, { field: 'openedAt', direction: 'asc' }, MAX),
    queryAll(ctx.store, 'report', { townshipId, status: 'concluded' }, { field: 'filedAt', direction: 'asc' }, MAX),
    Promise.all(villageIds.map((villageId) => queryAll(ctx.store, 'round', { villageId, status: 'closed' }, { field: 'closedAt', direction: 'asc' }, MAX))),
    personId
      ? queryAll(ctx.store, 'integrity_note', { townshipId, personId }, { field: 'at', direction: 'desc' }, MAX)
      : queryAll(ctx.store, 'integrity_note', { townshipId }, { field: 'at', direction: 'desc' }, MAX),
  ])
  const rounds = roundsByVillage.flat().filter((r) => r.outcome === 'over')
  const idsOf = (type: 'disclosure' | 'decision') => [...new Set(rounds.filter((r) => r.subject.type === type).map((r) => r.subject.id))]
  const [disclosures, decisions] = await Promise.all([getMany(ctx.store, 'disclosure', idsOf('disclosure')), getMany(ctx.store, 'decision', idsOf('decision'))])
  const subjects = new Map<string, Disclosure | Decision>([
    ...disclosures.map((d) => [subjectKeyOf({ type: 'disclosure', id: d._id }), d] as const),
    ...decisions.map((d) => [subjectKeyOf({ type: 'decision', id: d._id }), d] as const),
  ])
  return {
    villageNames: new Map(villages.map((v) => [v._id, v.name])),
    cases: visibleTo(cases, ctx.actor.personId),
    reports: visibleTo(reports, ctx.actor.personId),
    rounds,
    subjects,
    notes,
  }
}

async function fileOf(ctx: HandlerContext, personId: string) {
  const posts = await postsOfPerson(ctx, personId)
  const [person, sources] = await Promise.all([ctx.store.get('person', personId), sourcesOf(ctx, [...new Set(posts.map((p) => p.villageId))], personId)])
  return integrityFileOf(personId, person?.name ?? '', posts, sources)
}

/** The township's village cadres with what each file holds, by village then name. */
export const integrityFiles: Handler<C['integrityFiles']> = async (ctx) => {
  const posts = await villagePostsOf(ctx)
  const byPerson = new Map<string, VillagePost[]>()
  for (const p of posts) byPerson.set(p.personId, [...(byPerson.get(p.personId) ?? []), p])
  const [people, sources] = await Promise.all([getMany(ctx.store, 'person', [...byPerson.keys()]), sourcesOf(ctx, [...new Set(posts.map((p) => p.villageId))], null)])
  const names = new Map(people.map((p) => [p._id, p.name]))
  const cadres = [...byPerson].map(([personId, own]) => {
    const file = integrityFileOf(personId, names.get(personId) ?? '', own, sources)
    return {
      personId,
      name: file.name,
      posts: file.posts,
      counts: { cases: file.cases.length, reports: file.reports.length, rounds: file.rounds.length, notes: file.notes.length },
    }
  })
  cadres.sort((a, b) => (a.posts[0]?.villageName ?? '').localeCompare(b.posts[0]?.villageName ?? '', 'zh') || a.name.localeCompare(b.name, 'zh'))
  return { cadres }
}

export const integrityFile: Handler<C['integrityFile']> = async (ctx, input) => {
  const file = await fileOf(ctx, input.personId)
  return {
    ...file,
    notes: await Promise.all(
      file.notes.map(async (n) => ({ noteId: n._id, at: n.at, text: n.text, by: { name: n.by.name, title: n.by.title }, attachments: await withUrls(ctx, n.attachments) })),
    ),
  }
}

/** A dated note (and photos, private like a report's) on a cadre's file. */
export const addIntegrityNote: Handler<C['addIntegrityNote']> = async (ctx, input) => {
  await postsOfPerson(ctx, input.personId)
  const note: IntegrityNote = {
    _id: newId('in'),
    townshipId: ctx.actor.townshipId ?? '',
    personId: input.personId,
    at: ctx.now,
    text: input.text,
    attachments: input.photos ? await checkedAttachments(ctx, input.photos, { private: true }) : [],
    by: { personId: ctx.actor.personId ?? '', name: ctx.actor.name ?? '', title: ctx.actor.title ?? '' },
  }
  await ctx.store.insert('integrity_note', note)
  return { noteId: note._id }
}

/** The file as one CSV table: one line per post, case, report, round and note, newest first within each part. */
async function integrityCsv(ctx: HandlerContext, personId: string) {
  const file = await fileOf(ctx, personId)
  const rows: (string | number)[][] = [
    ...file.posts.map((p) => ['职务', p.villageName, p.title, beijingTime(p.startedAt), p.status === 'active' ? '现任' : `${beijingTime(p.endedAt)}离任`, '']),
    ...file.cases.map((c) => [
      '评议升级案件',
      c.villageName,
      `${c.subjectTitle}（第${c.cycle}次升级；涉及职务：${c.postTitles.join('、')}）`,
      beijingTime(c.closedAt),
      `办结意见：${c.conclusion}`,
      [c.rectification ? `整改要求：${c.rectification.what}（期限${c.rectification.dueAt}）` : '', c.villageReport ? `村里报告整改：${c.villageReport.text}` : '']
        .filter(Boolean)
        .join('；'),
    ]),
    ...file.reports.map((r) => ['举报查实', r.villageName, `涉及职务：${r.postTitles.join('、')}`, beijingTime(r.concludedAt), `办理结果：${r.outcome}`, '']),
    ...file.rounds.map((r) => [
      '评议不满意超标',
      r.villageName,
      `${r.title}（${r.answeredAs.map((k) => answeredKindLabels[k]).join('、')}）`,
      beijingTime(r.closedAt),
      `不满意${r.dissatisfied}/${r.cast}票`,
      r.answer ? `答复释疑：${r.answer.text}` : '',
    ]),
    ...file.notes.map((n) => ['记录', '', `${n.by.title}${n.by.name}`, beijingTime(n.at), n.text, n.attachments.length > 0 ? `附图${n.attachments.length}张` : '']),
  ]
  return { filename: `廉政档案-${file.name}-${beijingDay(ctx.now)}.csv`, csv: toCsv(['类别', '村', '事项', '时间', '内容', '整改与答复'], rows), rows: rows.length }
}

export const exportIntegrityFile: Handler<C['exportIntegrityFile']> = async (ctx, input) => {
  const { filename, csv } = await integrityCsv(ctx, input.personId)
  return { filename, csv }
}

/** For WeChat, as township.prepareExport (exports.ts says why): the file is shared from the phone on a second tap. */
export const prepareIntegrityExport: Handler<C['prepareIntegrityExport']> = async (ctx, input) => {
  await ctx.files.removeExports(await staleExports(ctx))
  const { filename, csv, rows } = await integrityCsv(ctx, input.personId)
  const stored = await ctx.files.putExport(filename, Buffer.from(csv, 'utf8'), new Date(ctx.now))
  return { filename, ...stored, rows }
}

/** A village's chair and committee posts, current and past: the choices for naming cadres in a finding. */
export const villagePosts: Handler<C['villagePosts']> = async (ctx, input) => {
  const village = await villageInScope(ctx, input.villageId)
  const posts = (await queryAll(ctx.store, 'appointment', { villageId: village._id }, { field: 'role', direction: 'asc' })).filter(isVillagePost)
  const names = new Map((await getMany(ctx.store, 'person', [...new Set(posts.map((p) => p.personId))])).map((p) => [p._id, p.name]))
  posts.sort((a, b) => (a.status === b.status ? a.startedAt.localeCompare(b.startedAt) : a.status === 'active' ? -1 : 1))
  return { posts: posts.map((a) => ({ appointmentId: a._id, name: names.get(a.personId) ?? '', title: a.title, status: a.status, startedAt: a.startedAt, endedAt: a.endedAt })) }
}
