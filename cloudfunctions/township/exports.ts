import type { townshipContract } from '../../shared/township/schema'
import type { ParsedInputOf } from '../../shared/contract/action'
import { beijingTime, toCsv } from '../../shared/csv'
import { feedbackFigures, isOverdue } from '../../shared/feedback/rules'
import { permilleOf } from '../../shared/evaluation/rules'
import type { Handler } from '../core/dispatch'
import type { HandlerContext } from '../core/context'
import { getMany, queryAll } from '../core/paging'
import { staleExports } from '../core/export-files'
import { figures as evaluationFigures } from './figures'
import { HOUR_MS, beijingDay } from '../../shared/time'
import { escalationStatusTags } from '../../shared/evaluation/labels'
import { feedbackStatusTags } from '../../shared/feedback/labels'
import { reportStatusTags } from '../../shared/report/labels'
import { visibleTo } from '../../shared/integrity/rules'

type C = typeof townshipContract
type Kind = ParsedInputOf<C['export']>['kind']

const MAX = 100_000

/** A table: its header and rows, made into CSV once (`csvOf`), so both actions answer the same bytes. */
interface Sheet {
  header: readonly string[]
  rows: readonly (readonly (string | number | null)[])[]
}
const sheet = (header: Sheet['header'], rows: Sheet['rows']): Sheet => ({ header, rows })
const yesNo = (b: boolean) => (b ? '是' : '否')
const percent = (permille: number | null) => (permille === null ? '' : `${(permille / 10).toFixed(1)}%`)

async function villagesOf(ctx: HandlerContext) {
  return queryAll(ctx.store, 'village', { townshipId: ctx.actor.townshipId }, { field: 'name', direction: 'asc' })
}

async function cases(ctx: HandlerContext) {
  // Cases and reports the caller stepped aside from (回避) are left out of their exports.
  const escalations = visibleTo(await queryAll(ctx.store, 'escalation', { townshipId: ctx.actor.townshipId }, { field: 'openedAt', direction: 'asc' }, MAX), ctx.actor.personId)
  const names = new Map((await villagesOf(ctx)).map((v) => [v._id, v.name]))
  const rounds = new Map(
    (
      await getMany(
        ctx.store,
        'round',
        escalations.flatMap((e) => e.roundIds),
      )
    ).map((r) => [r._id, r]),
  )
  const rows = escalations.map((e) => {
    const triggering = e.roundIds.map((id) => rounds.get(id)).filter((r) => r !== undefined)
    return [
      names.get(e.villageId) ?? '',
      e.subject.title,
      e.cycle,
      escalationStatusTags[e.status].label,
      beijingTime(e.openedAt),
      triggering.map((r) => `${r.title}（不满意${r.tally?.dissatisfied ?? 0}/${r.tally?.cast ?? 0}票）`).join('；'),
      e.rectification?.what ?? '',
      e.rectification?.dueAt ?? '',
      beijingTime(e.villageReport?.at ?? null),
      beijingTime(e.closedAt),
      e.closedBy?.conclusion ?? '',
    ]
  })
  return sheet(['村', '评议事项', '第几次升级', '状态', '升级时间', '触发的评议', '整改要求', '整改期限', '村里报告整改时间', '办结时间', '办结意见'], rows)
}

async function feedback(ctx: HandlerContext) {
  const rows: (string | number)[][] = []
  for (const v of await villagesOf(ctx)) {
    for (const f of await queryAll(ctx.store, 'feedback', { villageId: v._id }, { field: 'submittedAt', direction: 'asc' }, MAX)) {
      const hours = f.firstReplyAt ? Math.floor((Date.parse(f.firstReplyAt) - Date.parse(f.submittedAt)) / HOUR_MS) : ''
      rows.push([
        v.name,
        f.about.title,
        f.text,
        f.authorName,
        feedbackStatusTags[f.status].label,
        beijingTime(f.submittedAt),
        beijingTime(f.dueAt),
        beijingTime(f.firstReplyAt),
        hours,
        beijingTime(f.closedAt),
        yesNo(f.reopenReason !== null),
        yesNo(isOverdue(f, ctx.now)),
      ])
    }
  }
  return sheet(['村', '反映对象', '内容', '提出人', '状态', '提交时间', '答复期限', '首次答复时间', '答复用时（小时）', '办结时间', '重新反映', '超期未答复'], rows)
}

async function reports(ctx: HandlerContext) {
  const names = new Map((await villagesOf(ctx)).map((v) => [v._id, v.name]))
  const all = visibleTo(await queryAll(ctx.store, 'report', { townshipId: ctx.actor.townshipId }, { field: 'filedAt', direction: 'asc' }, MAX), ctx.actor.personId)
  const at = (r: (typeof all)[number], kind: 'acknowledged' | 'concluded') => beijingTime(r.steps.find((s) => s.kind === kind)?.at ?? null)
  const rows = all.map((r) => [
    names.get(r.villageId) ?? '',
    r.subject,
    r.text,
    r.reporter ? r.reporter.name : '匿名',
    reportStatusTags[r.status].label,
    beijingTime(r.filedAt),
    at(r, 'acknowledged'),
    at(r, 'concluded'),
    r.outcome ?? '',
  ])
  return sheet(['村', '举报对象', '内容', '举报人', '状态', '举报时间', '受理时间', '办结时间', '办理结果'], rows)
}

async function figures(ctx: HandlerContext) {
  const [{ villages }, villagesList] = await Promise.all([evaluationFigures(ctx, {}), villagesOf(ctx)])
  const rows = []
  for (const v of villagesList) {
    const e = villages.find((x) => x.villageId === v._id)!
    const f = feedbackFigures(await queryAll(ctx.store, 'feedback', { villageId: v._id }, { field: 'submittedAt', direction: 'asc' }, MAX), ctx.now)
    rows.push([
      v.name,
      e.roundsHeld,
      percent(e.turnoutPermille),
      percent(e.satisfactionPermille),
      e.roundsOverThreshold,
      e.openCases,
      e.casesByCycle.reduce((n, c) => n + c, 0),
      f.received,
      f.closed,
      percent(f.completionPermille),
      f.overdue,
      f.medianReplyMinutes === null ? '' : Math.floor(f.medianReplyMinutes / 60),
      percent(permilleOf(f.reopened, f.received)),
    ])
  }
  return sheet(
    ['村', '评议轮数', '参与率', '满意率', '不满意超标轮数', '未办结案件', '升级案件', '收到意见', '办结意见', '办结率', '超期未答复', '答复用时中位数（小时）', '重新反映比例'],
    rows,
  )
}

const builders: Record<Kind, { name: string; build: (ctx: HandlerContext) => Promise<Sheet> }> = {
  cases: { name: '评议升级案件', build: cases },
  feedback: { name: '村民意见', build: feedback },
  reports: { name: '举报', build: reports },
  figures: { name: '各村统计', build: figures },
}

/** The file name and the CSV of one kind of export, as both actions give it. */
async function built(ctx: HandlerContext, kind: Kind): Promise<{ filename: string; csv: string; rows: number }> {
  const { name, build } = builders[kind]
  const { header, rows } = await build(ctx)
  return { filename: `${name}-${beijingDay(ctx.now)}.csv`, csv: toCsv(header, rows), rows: rows.length }
}

/** A CSV of the township's records, in Beijing time, that Excel opens as Chinese text (the browser downloads it). */
export const exportCsv: Handler<C['export']> = async (ctx, input) => {
  const { filename, csv } = await built(ctx, input.kind)
  return { filename, csv }
}

/**
 * The same CSV as `export`, written to a private export file with a short-lived URL, for WeChat:
 * there a file is shared to a chat only from a tap (wx.shareFileMessage, 限制：仅在点击行为时调用,
 * https://developers.weixin.qq.com/miniprogram/dev/api/share/wx.shareFileMessage.html), and only
 * from a local path, so the phone downloads the file now and shares it on a second tap.
 * Old export files are deleted first: a failed cleanup fails the request before anything is written.
 */
export const prepareExport: Handler<C['prepareExport']> = async (ctx, input) => {
  await ctx.files.removeExports(await staleExports(ctx))
  const { filename, csv, rows } = await built(ctx, input.kind)
  const stored = await ctx.files.putExport(filename, Buffer.from(csv, 'utf8'), new Date(ctx.now))
  return { filename, ...stored, rows }
}
