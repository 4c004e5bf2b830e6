import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sequentialRoundTrips, standInStore, type CloudBaseEngine, type RequestSpan, type StandInStore } from '../../cloudfunctions/adapters/wxcloud/standin'
import { areas } from '../../cloudfunctions/areas'
import { resolveActor } from '../../cloudfunctions/core/actor'
import { noCodes } from '../../cloudfunctions/core/codes'
import { dispatch } from '../../cloudfunctions/core/dispatch'
import { localOutbox } from '../../cloudfunctions/core/notifier'
import { LocalFiles } from '../../host/files'
import { listPeople } from '../../host/people'
import { seedDemo } from '../../host/seed/demo'
import { consoleSettings } from '../deploy-check'
import { ROSTER_PIECE } from '../../shared/member/roster'

/**
 * `npm run cost`: what each action costs in database requests on the cloud adapter (the real wx-server-sdk)
 * over the in-process CloudBase stand-in, seeded with the demo township. Every SDK request counts (transaction
 * start and commit included); "sequential" is the longest chain of requests each issued after the one before
 * it was answered (requests in flight together count once), and the modelled latency is that times 25 ms.
 * Each action runs on its own copy of the seeded database, after whatever set-up it needs (not counted).
 * Figures are printed, never asserted by a timed test (issue 15, item 5).
 */

export const ROUND_TRIP_MS = 25
/** The platform's default function timeout; the README's console-settings table (consoleSettings) raises it per function. */
const DEFAULT_TIMEOUT_MS = 3000
const NOW = new Date('2026-11-21T08:00:00.000Z')
const HOUR = 3_600_000

export interface Cost {
  requests: number
  sequential: number
  spans: RequestSpan[]
}

/** The requests `work` makes on `engine`, and how many of them had to wait for the one before. */
export async function costOf(engine: CloudBaseEngine, work: () => Promise<unknown>): Promise<Cost> {
  const mark = engine.spans.length
  await work()
  const spans = engine.spans.slice(mark)
  return { requests: spans.length, sequential: sequentialRoundTrips(spans), spans }
}

const clock = {
  at: NOW.getTime(),
  now() {
    return new Date(this.at)
  },
}
const files = new LocalFiles(join(mkdtempSync(join(tmpdir(), 'cost-files-')), 'files'))

type Call = (area: string, action: string, input?: Record<string, unknown>) => Promise<any>

/** Calls an action as a demo person, as WeChat would; throws on an error envelope (a broken measurement). */
export const as =
  (store: StandInStore, personId: string): Call =>
  async (area, action, input = {}) => {
    const envelope = await dispatch(areas[area]!, { ...input, action }, { openid: `demo:${personId}`, store, clock, notifier: localOutbox, codes: noCodes, files })
    if (!envelope.ok) throw new Error(`${area}.${action} as ${personId}: ${envelope.error.code} ${envelope.error.message}`)
    return envelope.data
  }

const villager = 'p-shiqiao-0001-1'
const chair = 'p-shiqiao-chair'
const inspector = 'p-tw-inspector'

export type Budget = { kind: 'caller' | 'read' | 'ballot'; max: number } | { kind: 'timeout'; fn: string }
const budgets = {
  caller: { kind: 'caller', max: 2 },
  read: { kind: 'read', max: 4 },
  ballot: { kind: 'ballot', max: 7 },
} as const satisfies Record<string, Budget>
/** No budget of its own: set against the function's timeout (the README's console setting, else the 3 s default). */
const timeoutOf = (fn: string): Budget => ({ kind: 'timeout', fn })

export interface Row {
  name: string
  who: string
  budget: Budget
  /** set-up on the fresh copy, not counted */
  setup?: (store: StandInStore) => Promise<void>
  run: (store: StandInStore) => Promise<unknown>
  /** what the round trips are: what waits for what (and so why it is over its budget, when it is) */
  why?: string
}

const openRound = async (store: StandInStore) => {
  const { roundId } = await as(store, chair)('evaluation', 'openRound', {
    subject: { type: 'disclosure', id: 'd-shiqiao-001' },
    title: '成本测量评议',
    closesAt: new Date(clock.at + 72 * HOUR).toISOString(),
  })
  return roundId as string
}

/** 石桥村's household representatives (from the seeded demo), who vote and subscribe */
let representatives: string[] = []
const representative = (n: number) => representatives[n - 1]!

let roundId = ''
let disclosureId = ''
/** the checked roster (previewRoster's answer) that importRoster takes piece by piece */
let rosterHouseholds: unknown[] = []

const rows: Row[] = [
  {
    name: '识别调用者 resolving the caller',
    who: '村民',
    budget: budgets.caller,
    run: (store) => resolveActor(store, `demo:${villager}`),
    why: 'person by openid; then together its member and the household and village its snapshot names (core/actor.ts)',
  },
  {
    name: '识别调用者 resolving the caller',
    who: '主任',
    budget: budgets.caller,
    run: (store) => resolveActor(store, `demo:${chair}`),
    why: "person by openid; then together its appointment and the post's village",
  },
  {
    name: '识别调用者 resolving the caller',
    who: '镇纪委',
    budget: budgets.caller,
    run: (store) => resolveActor(store, `demo:${inspector}`),
    why: 'person by openid; then its appointment',
  },
  {
    name: '首页 member.me',
    who: '村民',
    budget: budgets.read,
    run: (store) => as(store, villager)('member', 'me'),
    why: "the caller (2); then the township (person, member, village and household are the caller's)",
  },
  {
    name: '首页 announcement.list（未读数，也是公告列表）',
    who: '村民',
    budget: budgets.read,
    run: (store) => as(store, villager)('announcement', 'list'),
    why: "the caller (2; its village is the scope check's); the page and the two counts together; then each item's seen mark (together)",
  },
  {
    name: '首页 evaluation.listRounds {status: open}（1 轮进行中）',
    who: '村民',
    budget: budgets.read,
    setup: async (store) => {
      await openRound(store)
    },
    run: (store) => as(store, villager)('evaluation', 'listRounds', { status: 'open' }),
    why: "the caller (2); the page; then each round's two counts and the household's participation, all together",
  },
  {
    name: 'disclosure.list',
    who: '村民',
    budget: budgets.read,
    run: (store) => as(store, villager)('disclosure', 'list'),
    why: 'the caller (2); the page',
  },
  {
    name: 'disclosure.get',
    who: '村民',
    budget: budgets.read,
    setup: async (store) => {
      disclosureId = (await as(store, villager)('disclosure', 'list')).items[0].disclosureId
    },
    run: (store) => as(store, villager)('disclosure', 'get', { disclosureId }),
    why: 'the caller (2); the disclosure and its revisions together (the id names both)',
  },
  {
    name: 'evaluation.castBallot',
    who: '村民（户代表）',
    budget: budgets.ballot,
    setup: async (store) => {
      roundId = await openRound(store)
    },
    run: (store) => as(store, villager)('evaluation', 'castBallot', { roundId, choice: 'satisfied', requestId: 'cost-ballot-000000001' }),
    why: "the caller (2); the round and a window of empty ballot slots together (1); the transaction (4): its start, then together the round re-read, the participation insert, the slot's guard read and the audit entry (one document each, as the platform allows), the slot write, the commit",
  },
  {
    name: 'evaluation.castBallot（受委托）',
    who: '村民（家庭成员）',
    budget: budgets.ballot,
    setup: async (store) => {
      roundId = await openRound(store)
      await as(store, 'p-shiqiao-0003-1')('evaluation', 'grantProxy', { toMemberId: 'm-shiqiao-0003-2', roundId })
    },
    run: (store) => as(store, 'p-shiqiao-0003-2')('evaluation', 'castBallot', { roundId, choice: 'satisfied', requestId: 'cost-ballot-000000002' }),
    why: "as the representative's, with the household's standing proxy read together with the round",
  },
  {
    name: 'feedback.submit',
    who: '村民',
    budget: timeoutOf('feedback'),
    run: (store) => as(store, villager)('feedback', 'submit', { requestId: 'cost-feedback-0001', about: { type: 'general' }, text: '村口路灯坏了，请尽快修理' }),
  },
  {
    name: 'announcement.push（100 户代表已订阅）',
    who: '主任',
    budget: timeoutOf('announcement'),
    setup: async (store) => {
      for (let n = 1; n <= 100; n++) await as(store, representative(n))('announcement', 'subscribe')
    },
    run: (store) => as(store, chair)('announcement', 'push', { title: '停水通知', body: '明天上午九点到十二点停水，请提前储水。' }),
    why: 'queues, does not send: the caller, the village, the subscriptions (a page of 100), their persons then their members (a batch of 100 each), the announcement, then its 100 notices in one batch insert; the outbox timer sends them',
  },
  {
    name: `township.importRoster（一批 ${ROSTER_PIECE} 户，先 previewRoster 检查 200 行）`,
    who: '镇纪委',
    budget: timeoutOf('township'),
    setup: async (store) => {
      const csv = [
        '户号,户主姓名,村民小组,人口数',
        ...Array.from({ length: 200 }, (_, i) => `${String(i + 1).padStart(4, '0')},户主${i + 1},${(i % 5) + 1}组,${(i % 6) + 1}`),
      ].join('\n')
      rosterHouseholds = (await as(store, inspector)('township', 'previewRoster', { villageId: 'v-shiqiao', csv })).households
    },
    run: (store) => as(store, inspector)('township', 'importRoster', { villageId: 'v-shiqiao', households: rosterHouseholds.slice(0, ROSTER_PIECE) }),
    why: 'one transaction over the piece, one document per request: an update is a read (the guard) and a write, a new household one insert, all one after another',
  },
  ...(['cases', 'feedback', 'reports', 'figures'] as const).map(
    (kind): Row => ({
      name: `township.export {kind: ${kind}}（演示数据）`,
      who: '镇纪委',
      budget: timeoutOf('township'),
      run: (store) => as(store, inspector)('township', 'export', { kind }),
    }),
  ),
  {
    name: 'evaluation.closeRound（114 户，30 票）',
    who: '主任',
    budget: timeoutOf('evaluation'),
    setup: async (store) => {
      roundId = await openRound(store)
      for (let n = 1; n <= 30; n++) {
        await as(store, representative(n))('evaluation', 'castBallot', {
          roundId,
          choice: n % 4 === 0 ? 'dissatisfied' : 'satisfied',
          requestId: `cost-close-${String(n).padStart(8, '0')}`,
        })
      }
    },
    run: (store) => as(store, chair)('evaluation', 'closeRound', { roundId }),
  },
  ...Object.values(areas)
    .filter((area) => area.timer)
    .map(
      (area): Row => ({
        name: `定时器 ${area.name} timer${area.name === 'evaluation' ? '（1 轮到期）' : area.name === 'announcement' ? '（发件箱有 100 条待发）' : '（演示数据）'}`,
        who: '—',
        budget: timeoutOf(area.name),
        setup: async (store) => {
          if (area.name === 'evaluation') {
            await openRound(store)
            clock.at += 73 * HOUR
          }
          if (area.name === 'announcement') {
            // The outbox the timer delivers: what push queues for 100 subscribers.
            for (let n = 1; n <= 100; n++) await as(store, representative(n))('announcement', 'subscribe')
            await as(store, chair)('announcement', 'push', { title: '停水通知', body: '明天上午停水。' })
          }
        },
        run: (store) => area.timer!({ store, clock, notifier: localOutbox }),
        why:
          area.name === 'announcement'
            ? 'at most 100 messages a run (RUN_LIMITS.outbox), 10 at a time: each a transaction that claims it and spends its consent (start, claim, consent read, consent update, commit: the claim keeps two workers from sending twice), the send, then "sent"'
            : undefined,
      }),
    ),
]

function verdict(row: Row, cost: Cost): { budget: string; within: string } {
  const latency = cost.sequential * ROUND_TRIP_MS
  if (row.budget.kind === 'timeout') {
    const set = consoleSettings[row.budget.fn]?.timeout
    const limit = (set ?? DEFAULT_TIMEOUT_MS / 1000) * 1000
    const fits = (ms: number) => (latency <= ms ? 'fits' : '**exceeds**')
    return {
      budget: `— (timeout: ${set ? `${set} s in the console, ` : ''}3 s default)`,
      within: set ? `— (${fits(limit)} ${set} s; ${fits(DEFAULT_TIMEOUT_MS)} 3 s)` : `— (${fits(DEFAULT_TIMEOUT_MS)} 3 s)`,
    }
  }
  const label = { caller: '识别调用者', read: '村民读取', ballot: '投票' }[row.budget.kind]
  return { budget: `≤ ${row.budget.max} (${label})`, within: cost.sequential <= row.budget.max ? 'yes' : '**no**' }
}

/** `--trace`: each request of each action, indented by its place in the sequential chain. */
function trace(name: string, spans: RequestSpan[]): void {
  console.log(`\n## ${name}`)
  const shown = spans.slice(0, 60)
  for (const span of shown) {
    const chain = sequentialRoundTrips(
      spans
        .filter((s) => s.issued <= span.issued && (s === span || (s.answered !== null && s.answered < span.issued) || s.issued < span.issued))
        .filter((s) => s === span || (s.answered !== null && s.answered < span.issued)),
    )
    console.log(`${String(chain).padStart(4)}  ${span.api.replace('database.', '')} ${span.collection ?? ''}`)
  }
  if (spans.length > shown.length) console.log(`  … ${spans.length - shown.length} more`)
}

/** One row measured: its cost, and whether a row with a budget of its own is within it. */
export interface Measured {
  row: Row
  cost: Cost
  within: boolean | null
}

/** Measures the rows `which` picks (all by default), each on its own copy of the seeded demo. */
export async function measure(which: (row: Row) => boolean = () => true, tracing = false): Promise<Measured[]> {
  const seeding = standInStore()
  await seedDemo(seeding, NOW)
  representatives = (await listPeople(seeding)).filter((p) => p.villageId === 'v-shiqiao' && p.isRepresentative).map((p) => p.personId)
  seeding.close()
  const seeded = seeding.engine
  if (!representatives.includes(villager) || representatives.length < 100) throw new Error('the demo has changed: fewer representatives than the measurements need')
  const measured: Measured[] = []
  for (const row of rows.filter(which)) {
    clock.at = NOW.getTime()
    const store = standInStore(seeded.clone())
    await row.setup?.(store)
    const cost = await costOf(store.engine, () => row.run(store))
    if (tracing) trace(`${row.name} (${row.who})`, cost.spans)
    store.close()
    measured.push({ row, cost, within: row.budget.kind === 'timeout' ? null : cost.sequential <= row.budget.max })
  }
  return measured
}

export async function main(tracing = false): Promise<string> {
  const lines = [
    `| action | who | requests | sequential round trips | modelled latency (× ${ROUND_TRIP_MS} ms) | budget (sequential) | within budget? | what waits for what (why over, when over) |`,
    '|---|---|---:|---:|---:|---|---|---|',
  ]
  for (const { row, cost } of await measure(undefined, tracing)) {
    const { budget, within } = verdict(row, cost)
    lines.push(
      `| ${row.name} | ${row.who} | ${cost.requests} | ${cost.sequential} | ${(cost.sequential * ROUND_TRIP_MS).toLocaleString('en')} ms | ${budget} | ${within} | ${row.why ?? ''} |`,
    )
  }
  return lines.join('\n')
}

if (require.main === module) {
  main(process.argv.includes('--trace')).then(
    (table) => {
      console.log(`每个动作的数据库请求（云数据库适配器 + 替身，演示乡镇；每个请求计一次，含事务开始与提交；往返按 ${ROUND_TRIP_MS} ms 估算）\n`)
      console.log(table)
    },
    (error: unknown) => {
      console.error(error)
      process.exit(1)
    },
  )
}
