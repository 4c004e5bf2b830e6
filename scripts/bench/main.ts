import { spawn, spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { Agent, request } from 'node:http'
import { createServer } from 'node:net'
import { cpus, loadavg } from 'node:os'
import { join, resolve } from 'node:path'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import Database from 'better-sqlite3'
import { SqliteStore } from '../../cloudfunctions/adapters/sqlite/store'
import { collectionSpecs, type CollectionName } from '../../cloudfunctions/core/collections'
import { loadSecret } from '../../host/session'
import { signInModeOf } from '../../host/start'
import { choices } from '../../shared/evaluation/rules'
import { generate, scales, type Manifest, type ScaleName } from './dataset'

/**
 * `npm run bench [-- --scale city]`: generates a township- or city-sized
 * dataset through the store port, starts the local host on it and drives it
 * over loopback: throughput at saturation (closed loop), latency under a fixed
 * offered load (open loop), single-request times, and the raw SQLite insert
 * limit with the adapter's own pragmas, plus two figures that say where a
 * ballot's time goes (its store writes alone, HTTP alone). Prints one table,
 * writes the same figures to .build/bench-<scale>.json, and prints every full
 * table scan in the plans of the statements the host ran.
 */

const PEAK_CLIENTS = 64
/** Open rounds for the peak test: each household votes once per round, so this bounds the test at 10,000 ballots. */
const PEAK_ROUNDS = 10
const PHASE_SECONDS = 3
const WARMUP_BALLOTS = 300
const BALLOT_RATE = 500
const READ_RATE = 200
const SINGLE_REPEATS = 5
const REQUEST_TIMEOUT_MS = 30_000

const targets = {
  ratioPercent: 30,
  ballotP99Ms: 25,
  readP99Ms: 30,
  figuresMs: 200,
}

const root = resolve(__dirname, '..')
const [command, ...rest] = process.argv.slice(2)

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name)
  return i >= 0 ? args[i + 1] : undefined
}

function scaleOf(args: string[]): ScaleName {
  const scale = option(args, '--scale') ?? 'township'
  if (!Object.hasOwn(scales, scale)) throw new Error(`--scale township | city, not ${scale}`)
  return scale as ScaleName
}

const seconds = (ms: number) => Math.round(ms) / 1000

/** The child step: generate the dataset and write the manifest next to it. */
async function generateStep(args: string[]): Promise<void> {
  const scale = scaleOf(args)
  const dataDir = option(args, '--data')!
  const started = performance.now()
  const store = SqliteStore.open(join(dataDir, 'village.db'))
  // Generation only: a larger page cache for this connection; the host keeps the adapter's settings.
  store.db.pragma('cache_size = -262144')
  // The key for the mode the bench's host starts in (SEED=none), or the host would replace it and the tokens with it.
  const manifest = await generate(store, scale, loadSecret(dataDir, signInModeOf({ ...process.env, SEED: 'none' }).mode), new Date(), {
    peakRounds: PEAK_ROUNDS,
    progress: (villages, of) => console.log(`  ${villages}/${of} villages, ${seconds(performance.now() - started)} s`),
  })
  const generatedMs = performance.now() - started
  const records: Partial<Record<CollectionName, number>> = {}
  for (const name of Object.keys(collectionSpecs) as CollectionName[]) {
    const n = await store.count(name, {})
    if (n > 0) records[name] = n
  }
  store.close()
  writeFileSync(join(dataDir, 'manifest.json'), JSON.stringify({ ...manifest, generation: { seconds: seconds(generatedMs), records } }))
}

/**
 * The physical limit: one single-row insert per transaction (autocommit) into
 * a fresh ballot table, on a connection opened by the adapter itself, so the
 * pragmas are the ones the host runs with.
 */
function rawInsertLimit(file: string) {
  const store = SqliteStore.open(file)
  const { db } = store
  const synchronous = ['OFF', 'NORMAL', 'FULL', 'EXTRA'][db.pragma('synchronous', { simple: true }) as number]
  const journal = db.pragma('journal_mode', { simple: true }) as string
  const insert = db.prepare('INSERT INTO "ballot" (_id, doc) VALUES (?, ?)')
  let n = 0
  const started = performance.now()
  const end = started + PHASE_SECONDS * 1000
  while (performance.now() < end) {
    for (let k = 0; k < 100; k++, n++) {
      const id = `raw-${n}`
      insert.run(id, JSON.stringify({ _id: id, roundId: 'rd-raw', receipt: id, choice: 'satisfied' }))
    }
  }
  const perSecond = Math.round(n / ((performance.now() - started) / 1000))
  store.close()
  return { perSecond, inserts: n, journal_mode: journal, synchronous }
}

/**
 * What a ballot asks of the store alone, without HTTP or dispatch: the
 * handler's transaction (read the round, insert participation and ballot) and
 * dispatch's audit entry, committed separately as the host does.
 */
async function storeBallotLimit(file: string) {
  const store = SqliteStore.open(file)
  // The round looked up is absent here: the lookup is the cost measured, not parsing it.
  const roundId = 'rd-store'
  // The round's empty slots exist before voting starts, as openRound makes them; more than the phase can fill.
  await store.insertMany(
    'ballot',
    Array.from({ length: 300_000 }, (_, k) => ({ _id: `r-${k}`, roundId, receipt: `~${k}`, choice: null })),
  )
  let n = 0
  const started = performance.now()
  const end = started + PHASE_SECONDS * 1000
  while (performance.now() < end) {
    const at = new Date().toISOString()
    const householdId = `h-${n}`
    await store.transaction(async (tx) => {
      await tx.get('round', roundId)
      await tx.insert('participation', {
        _id: `${roundId}:${householdId}`,
        roundId,
        householdId,
        villageId: 'v-store',
        at,
        requestKey: randomBytes(32).toString('base64url'),
        byProxy: false,
      })
      // A vote fills a slot made when the round opened: the measured write is an update (evaluation/slots.ts).
      await tx.update('ballot', `r-${n}`, { receipt: `R${n}`, choice: 'satisfied' }, { choice: null })
    })
    await store.insert('audit', {
      _id: `au-${n}`,
      at,
      townshipId: 'tw-store',
      villageId: 'v-store',
      personId: `p-${householdId}-1`,
      name: '王建国',
      role: 'villager',
      title: '户代表',
      action: 'evaluation.castBallot',
      records: [roundId],
    })
    n++
  }
  const perSecond = Math.round(n / ((performance.now() - started) / 1000))
  store.close()
  return { perSecond, ballots: n }
}

// ——— HTTP over loopback ———

const agent = new Agent({ keepAlive: true, maxSockets: 512 })
let base = ''
/** Stops the host once it runs; until then there is nothing to stop. */
let stopHost: () => Promise<void> = async () => {}

interface Answer {
  ok: boolean
  ms: number
  data?: any
  error?: string
}

function call(area: string, token: string, body: Record<string, unknown>): Promise<Answer> {
  return send(`/api/fn/${area}`, token, body)
}

function send(path: string, token: string | null, body: Record<string, unknown> | null): Promise<Answer> {
  const payload = body ? JSON.stringify(body) : ''
  const started = performance.now()
  return new Promise((done) => {
    const req = request(
      `${base}${path}`,
      {
        method: body ? 'POST' : 'GET',
        agent,
        // As a browser asks: the host compresses answers over 1 KB.
        headers: {
          'accept-encoding': 'br, gzip',
          ...(body ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        timeout: REQUEST_TIMEOUT_MS,
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => {
          const ms = performance.now() - started
          try {
            const raw = Buffer.concat(chunks)
            const encoding = res.headers['content-encoding']
            const text = (encoding === 'br' ? brotliDecompressSync(raw) : encoding === 'gzip' ? gunzipSync(raw) : raw).toString('utf8')
            const envelope = JSON.parse(text)
            done(envelope.ok ? { ok: true, ms, data: envelope.data } : { ok: false, ms, error: `${envelope.error.code} ${envelope.error.message ?? ''}` })
          } catch {
            done({ ok: false, ms, error: `HTTP ${res.statusCode}` })
          }
        })
      },
    )
    req.on('timeout', () => req.destroy(new Error('timeout')))
    req.on('error', (error) => done({ ok: false, ms: performance.now() - started, error: error.message }))
    req.end(payload)
  })
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!
}

const round1 = (ms: number) => Math.round(ms * 10) / 10

function summary(latencies: number[], errors: string[]) {
  const sorted = [...latencies].sort((a, b) => a - b)
  return {
    requests: latencies.length + errors.length,
    errors: errors.length,
    firstError: errors[0] ?? null,
    p50Ms: round1(percentile(sorted, 0.5)),
    p99Ms: round1(percentile(sorted, 0.99)),
    maxMs: round1(sorted[sorted.length - 1] ?? NaN),
  }
}

/**
 * Open loop: request i is due at start + i/rate, and is sent then whatever the
 * earlier ones are doing. Latency counts from the due time, so a stalled
 * server or client shows up in the figures instead of slowing the schedule.
 */
async function offered(rate: number, count: number, issue: (i: number) => Promise<Answer>) {
  const latencies: number[] = []
  const errors: string[] = []
  const inflight: Promise<void>[] = []
  const start = performance.now() + 20
  let i = 0
  await new Promise<void>((finished) => {
    const tick = () => {
      const now = performance.now()
      while (i < count && start + (i * 1000) / rate <= now) {
        const due = start + (i * 1000) / rate
        inflight.push(
          issue(i).then((answer) => {
            if (answer.ok) latencies.push(performance.now() - due)
            else errors.push(answer.error ?? 'error')
          }),
        )
        i++
      }
      if (i < count) setTimeout(tick, Math.max(0, start + (i * 1000) / rate - performance.now()))
      else finished()
    }
    tick()
  })
  await Promise.all(inflight)
  return { offeredPerSecond: rate, ...summary(latencies, errors) }
}

/** Closed loop: `clients` callers, each sending its next request when the last one is answered, until time or work runs out. */
async function saturate(clients: number, count: number, work: (i: number) => Promise<Answer>, ms: number) {
  const latencies: number[] = []
  const errors: string[] = []
  let next = 0
  const started = performance.now()
  const end = started + ms
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < count && performance.now() < end) {
        const answer = await work(next++)
        if (answer.ok) latencies.push(answer.ms)
        else errors.push(answer.error ?? 'error')
      }
    }),
  )
  const elapsed = performance.now() - started
  return {
    clients,
    perSecond: Math.round(latencies.length / (elapsed / 1000)),
    seconds: seconds(elapsed),
    ranOutOfWork: next >= count,
    ...summary(latencies, errors),
  }
}

/** One request at a time, a few times: the median, with every time kept in the JSON. */
async function single(send: () => Promise<Answer>) {
  const times: number[] = []
  const errors: string[] = []
  for (let k = 0; k < SINGLE_REPEATS; k++) {
    const answer = await send()
    if (answer.ok) times.push(round1(answer.ms))
    else errors.push(answer.error ?? 'error')
  }
  return {
    medianMs: round1(
      percentile(
        [...times].sort((a, b) => a - b),
        0.5,
      ),
    ),
    timesMs: times,
    errors: errors.length,
    firstError: errors[0] ?? null,
  }
}

const requestId = () => randomBytes(16).toString('base64url')

/** CPU time a process has used, from /proc (Linux; clock ticks of 1/100 s); NaN elsewhere. */
function cpuSecondsOf(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
    return (Number(fields[11]) + Number(fields[12])) / 100
  } catch {
    return NaN
  }
}

function freePort(): Promise<number> {
  return new Promise((done) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number }
      probe.close(() => done(port))
    })
  })
}

/**
 * Share of the last minute in which some runnable task waited for a CPU
 * (Linux pressure stall information): how much other work shared the machine.
 */
function cpuPressure(): number | null {
  try {
    return Number(/some avg10=\S+ avg60=(\S+)/.exec(readFileSync('/proc/pressure/cpu', 'utf8'))![1])
  } catch {
    return null
  }
}

// ——— Query plans ———

/**
 * Asks SQLite for the plan of every statement the host prepared during the
 * run; a `SCAN <table>` without an index reads the whole table.
 */
function queryPlans(dbFile: string, logFile: string) {
  const statements = existsSync(logFile)
    ? readFileSync(logFile, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as string)
    : []
  const queries = statements.filter((sql) => /^\s*(SELECT|INSERT|UPDATE|DELETE)\b/i.test(sql))
  const db = new Database(dbFile, { readonly: true })
  const plans = queries.map((sql) => {
    const params = Array.from({ length: (sql.match(/\?/g) ?? []).length }, () => null)
    return { sql, plan: (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((row) => row.detail) }
  })
  db.close()
  const fullScans = plans.filter(({ plan }) => plan.some((detail) => /^SCAN \S+$/.test(detail) || /^SCAN \S+ (?!USING)/.test(detail)))
  return { statements: queries.length, fullScans, plans }
}

// ——— The run ———

/** Columns a terminal gives the text: CJK characters take two. */
const displayWidth = (text: string) =>
  [...text].reduce((n, c) => n + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(c) ? 2 : 1), 0)

async function runBench(args: string[]): Promise<void> {
  const scale = scaleOf(args)
  const dataDir = join(root, '.build', `bench-${scale}`)
  rmSync(dataDir, { recursive: true, force: true })
  mkdirSync(dataDir, { recursive: true })
  try {
    await measure(scale, dataDir)
  } finally {
    // The city's database is 12 GB: never leave it (or a host on it) behind, whatever happened.
    await stopHost()
    rmSync(dataDir, { recursive: true, force: true })
    agent.destroy()
  }
}

async function measure(scale: ScaleName, dataDir: string): Promise<void> {
  const machine = {
    date: new Date().toISOString(),
    cpus: cpus().length,
    cpu: cpus()[0]?.model ?? '',
    node: process.version,
    loadBefore: loadavg().map((x) => Math.round(x * 100) / 100),
    cpuPressureBefore: cpuPressure(),
  }
  console.log(`▶ 基准测试 benchmark — ${scale} (${machine.cpus} cores, load ${machine.loadBefore.join(' ')})`)

  console.log('▶ 原始插入极限 raw insert limit…')
  const raw = rawInsertLimit(join(dataDir, 'raw.db'))
  const storeBallot = await storeBallotLimit(join(dataDir, 'store.db'))
  for (const name of ['raw.db', 'store.db']) rmSync(join(dataDir, name), { force: true })

  console.log('▶ 生成数据 generating the dataset through the store port…')
  const gen = spawnSync(process.execPath, [__filename, 'generate', '--scale', scale, '--data', dataDir], { stdio: 'inherit' })
  if (gen.status !== 0) throw new Error('generation failed')
  const manifest = JSON.parse(readFileSync(join(dataDir, 'manifest.json'), 'utf8')) as Manifest & {
    generation: { seconds: number; records: Record<string, number> }
  }
  const dbFile = join(dataDir, 'village.db')
  const dbBytes = statSync(dbFile).size
  const records = Object.values(manifest.generation.records).reduce((a, b) => a + b, 0)
  console.log(`  ${records.toLocaleString('en')} records in ${manifest.generation.seconds} s, ${(dbBytes / 2 ** 20).toFixed(0)} MB`)

  const port = await freePort()
  base = `http://127.0.0.1:${port}`
  const sqlLog = join(dataDir, 'statements.log')
  const stderr: Buffer[] = []
  const host = spawn(process.execPath, [join(root, '.build', 'bench-host.cjs')], {
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, SEED: 'none', STATIC_DIR: join(dataDir, 'no-h5'), BENCH_SQL_LOG: sqlLog },
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  host.stderr.on('data', (chunk: Buffer) => stderr.push(chunk))
  const exited = new Promise<void>((done) => host.on('exit', () => done()))
  stopHost = () => {
    if (host.exitCode === null && host.signalCode === null) host.kill('SIGTERM')
    return exited
  }
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) break
    } catch {}
    if (i > 300) throw new Error(`local host did not start: ${Buffer.concat(stderr).toString()}`)
    await new Promise((r) => setTimeout(r, 100))
  }

  const m = manifest
  const list = (cursor: string | null) => call('disclosure', m.villagerToken, { action: 'list', cursor })
  const search = () => call('disclosure', m.villagerToken, { action: 'search', keyword: m.keyword })

  // Warm the host's code paths and statement cache, and find the tenth page's cursor.
  let cursor: string | null = null
  for (let page = 1; page < 10; page++) {
    const answer = await list(cursor)
    if (!answer.ok) throw new Error(`disclosure.list: ${answer.error}`)
    cursor = answer.data.nextCursor
  }
  const tenthCursor = cursor
  const searchPage = await search()
  if (!searchPage.ok) throw new Error(`disclosure.search: ${searchPage.error}`)
  for (let k = 0; k < 20; k++) await Promise.all([list(null), list(tenthCursor), search()])

  console.log('▶ 读取 reads at a fixed offered load…')
  const reads = READ_RATE * PHASE_SECONDS
  const listFirst = await offered(READ_RATE, reads, () => list(null))
  const listTenth = await offered(READ_RATE, reads, () => list(tenthCursor))
  const searchLoad = await offered(READ_RATE, reads, () => search())

  console.log('▶ 投票 ballots…')
  const voters = m.voterTokens.length
  const ballot = (roundId: string, voter: number) =>
    call('evaluation', m.voterTokens[voter]!, { action: 'castBallot', roundId, choice: choices[voter % 3], requestId: requestId() })
  // Every (round, household) pair once, round by round: the households of one village voting together.
  const pair = (i: number) => ballot(m.peakRoundIds[Math.floor(i / voters)]!, i % voters)
  const pairs = m.peakRoundIds.length * voters
  await saturate(PEAK_CLIENTS, WARMUP_BALLOTS, pair, 60_000)
  const cpuBefore = { host: cpuSecondsOf(host.pid!), client: process.cpuUsage() }
  const peak = await saturate(PEAK_CLIENTS, pairs - WARMUP_BALLOTS, (i) => pair(WARMUP_BALLOTS + i), PHASE_SECONDS * 1000)
  const clientCpu = process.cpuUsage(cpuBefore.client)
  // Where the two cores went at saturation: the host is one Node thread, the load generator shares the machine.
  const peakCpu = {
    hostPercentOfOneCore: Math.round(((cpuSecondsOf(host.pid!) - cpuBefore.host) / peak.seconds) * 100),
    loadGeneratorPercentOfOneCore: Math.round(((clientCpu.user + clientCpu.system) / 1e6 / peak.seconds) * 100),
  }
  const paced = await offered(BALLOT_RATE, voters, (voter) => ballot(m.pacedRoundId, voter))
  // The same clients on the host's cheapest request: what HTTP alone allows on this machine.
  const httpCeiling = await saturate(PEAK_CLIENTS, Number.MAX_SAFE_INTEGER, () => send('/api/health', null, null), PHASE_SECONDS * 1000)

  console.log('▶ 单次请求 single requests…')
  const close = await call('evaluation', m.chairToken, { action: 'closeRound', roundId: m.pacedRoundId })
  const closeRound = { ms: round1(close.ok ? close.ms : NaN), ballots: close.ok ? close.data.tally.cast : 0, error: close.ok ? null : close.error }
  const figures = await single(() => call('township', m.staffToken, { action: 'figures' }))
  const inbox = await single(() => call('township', m.staffToken, { action: 'listEscalations' }))

  await stopHost()
  const plans = queryPlans(dbFile, sqlLog)
  const hostErrors = Buffer.concat(stderr).toString().trim()

  const ratioPercent = Math.round((peak.perSecond / raw.perSecond) * 1000) / 10
  const result = {
    scale,
    machine: { ...machine, loadAfter: loadavg().map((x) => Math.round(x * 100) / 100), cpuPressureAfter: cpuPressure() },
    dataset: { generationSeconds: manifest.generation.seconds, records: manifest.generation.records, databaseMB: Math.round(dbBytes / 2 ** 20) },
    rawInsert: raw,
    storeBallot,
    castBallot: { peak: { ...peak, cpu: peakCpu }, ratioPercent, paced },
    httpCeiling,
    disclosure: { listFirstPage: listFirst, listTenthPage: listTenth, search: { keyword: m.keyword, firstPageItems: searchPage.data.items.length, ...searchLoad } },
    township: { figures, listEscalations: inbox },
    closeRound,
    queryPlans: plans,
    targets,
  }

  const ok = (pass: boolean) => (pass ? '✔' : '✖')
  const rows: [string, string, string][] = [
    ['生成数据 generation', `${records.toLocaleString('en')} records, ${result.dataset.databaseMB} MB, ${manifest.generation.seconds} s`, ''],
    [`原始插入 raw insert (1 row/txn, ${raw.journal_mode}, synchronous=${raw.synchronous})`, `${raw.perSecond.toLocaleString('en')} /s`, ''],
    [
      "  一票的存储写入 a ballot's store writes only (no HTTP)",
      `${storeBallot.perSecond.toLocaleString('en')} /s = ${Math.round((storeBallot.perSecond / raw.perSecond) * 1000) / 10}% of raw`,
      '',
    ],
    [
      `castBallot 峰值 peak (${PEAK_CLIENTS} clients)`,
      `${peak.perSecond.toLocaleString('en')} /s = ${ratioPercent}% of raw`,
      `${ok(ratioPercent >= targets.ratioPercent)} ≥ ${targets.ratioPercent}%`,
    ],
    ['  CPU at peak: host / load generator', `${peakCpu.hostPercentOfOneCore}% / ${peakCpu.loadGeneratorPercentOfOneCore}% of one core`, ''],
    [
      `  空请求上限 HTTP ceiling (GET /api/health, ${PEAK_CLIENTS} clients)`,
      `${httpCeiling.perSecond.toLocaleString('en')} /s = ${Math.round((httpCeiling.perSecond / raw.perSecond) * 1000) / 10}% of raw`,
      '',
    ],
    [`castBallot @${BALLOT_RATE}/s`, `p50 ${paced.p50Ms} ms  p99 ${paced.p99Ms} ms`, `${ok(paced.p99Ms < targets.ballotP99Ms)} p99 < ${targets.ballotP99Ms} ms`],
    [
      `disclosure.list 第1页 page 1 @${READ_RATE}/s`,
      `p50 ${listFirst.p50Ms} ms  p99 ${listFirst.p99Ms} ms`,
      `${ok(listFirst.p99Ms < targets.readP99Ms)} p99 < ${targets.readP99Ms} ms`,
    ],
    [
      `disclosure.list 第10页 page 10 @${READ_RATE}/s`,
      `p50 ${listTenth.p50Ms} ms  p99 ${listTenth.p99Ms} ms`,
      `${ok(listTenth.p99Ms < targets.readP99Ms)} p99 < ${targets.readP99Ms} ms`,
    ],
    [
      `disclosure.search「${m.keyword}」@${READ_RATE}/s`,
      `p50 ${searchLoad.p50Ms} ms  p99 ${searchLoad.p99Ms} ms`,
      `${ok(searchLoad.p99Ms < targets.readP99Ms)} p99 < ${targets.readP99Ms} ms`,
    ],
    ['township.figures 乡镇统计', `${figures.medianMs} ms`, scale === 'city' ? `${ok(figures.medianMs < targets.figuresMs)} < ${targets.figuresMs} ms` : ''],
    ['township.listEscalations 案件', `${inbox.medianMs} ms`, ''],
    [`closeRound 结束评议 (${closeRound.ballots} ballots)`, `${closeRound.ms} ms`, ''],
    ['全表扫描 full scans (EXPLAIN QUERY PLAN)', `${plans.fullScans.length} of ${plans.statements} statements`, ok(plans.fullScans.length === 0)],
  ]
  const width = Math.max(...rows.map((r) => displayWidth(r[0])))
  const pad = (text: string, n: number) => text + ' '.repeat(Math.max(0, n - displayWidth(text)))
  console.log(
    `\n基准测试 Benchmark — ${scale}, ${machine.date.slice(0, 10)}, ${machine.cpus} cores, load ${machine.loadBefore.join(' ')} → ${result.machine.loadAfter.join(' ')}` +
      `, CPU pressure ${machine.cpuPressureBefore ?? '?'}% → ${result.machine.cpuPressureAfter ?? '?'}% (time some task waited for a CPU, last minute)`,
  )
  for (const [label, value, target] of rows) console.log(`${pad(label, width)}  ${pad(value, 44)} ${target}`)
  const errors = [peak, paced, listFirst, listTenth, searchLoad].reduce((n, r) => n + r.errors, 0) + figures.errors + inbox.errors + (close.ok ? 0 : 1)
  if (errors)
    console.log(`\n✖ ${errors} failed requests, e.g. ${[peak, paced, listFirst, listTenth, searchLoad, figures, inbox].find((r) => r.firstError)?.firstError ?? closeRound.error}`)
  if (peak.ranOutOfWork) console.log(`\n! the peak test used all ${pairs - WARMUP_BALLOTS} ballots before ${PHASE_SECONDS} s`)
  for (const scan of plans.fullScans) console.log(`\n全表扫描 full scan:\n  ${scan.sql}\n  ${scan.plan.join('\n  ')}`)
  if (hostErrors) console.log(`\nhost stderr:\n${hostErrors.slice(0, 2000)}`)

  const out = join(root, '.build', `bench-${scale}.json`)
  writeFileSync(out, JSON.stringify(result, null, 2))
  console.log(`\n→ ${out}`)
}

;(command === 'generate' ? generateStep(rest) : runBench(process.argv.slice(2))).catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
