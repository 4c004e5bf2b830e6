import { SqliteStore } from '../../cloudfunctions/adapters/sqlite/store'
import { CloudBaseEngine, StandInStore, standInStore, type StandInOptions } from '../../cloudfunctions/adapters/wxcloud/standin'
import { areas } from '../../cloudfunctions/areas'
import { dispatch } from '../../cloudfunctions/core/dispatch'
import { collectionSpecs, type CollectionName, type Collections } from '../../cloudfunctions/core/collections'
import type { BaseContext, Clock } from '../../cloudfunctions/core/context'
import { devOpenData } from '../../cloudfunctions/core/open-data'
import type { FileStore } from '../../cloudfunctions/core/files'
import { localOutbox, type Notifier } from '../../cloudfunctions/core/notifier'
import { noCodes } from '../../cloudfunctions/core/codes'
import { LocalFiles } from '../../host/files'
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { EJSON } from 'bson'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { seedDemo } from '../../host/seed/demo'
import { errorStatus, type Envelope, type ErrorCode } from '../../shared/errors'
import { typed, type TypedCall } from './caller'

export const NOW = new Date('2026-11-21T08:00:00.000Z')

/** Uploaded attachments for tests live in a temporary folder. */
export const testFiles = new LocalFiles(join(mkdtempSync(join(tmpdir(), 'files-')), 'files'))

/** A clock tests can move forward. */
export function testClock(start = NOW): Clock & { advance(ms: number): void } {
  let now = start.getTime()
  return { now: () => new Date(now), advance: (ms) => (now += ms) }
}

/*
 * Which adapter the tests run on: SQLite by default, or the cloud adapter (the real wx-server-sdk) over the
 * in-process CloudBase stand-in with STORE=cloud (`npm run test:cloud`). STANDIN_DUPLICATE picks the shape
 * of the duplicate-key error (duplicate-write | request-failed), STANDIN_NOOP what `updated` counts for an
 * update that changes nothing (modified | matched); see cloudfunctions/adapters/wxcloud/standin/engine.ts.
 */
export const storeKind: 'sqlite' | 'cloud' = process.env.STORE === 'cloud' ? 'cloud' : 'sqlite'

export const standInOptions: StandInOptions = {
  duplicate: process.env.STANDIN_DUPLICATE === 'request-failed' ? 'request-failed' : 'duplicate-write',
  noOpUpdated: process.env.STANDIN_NOOP === 'matched' ? 'matched' : 'modified',
}

/** Every stand-in database of this test file, to check afterwards that the cloud could serve each query's sort. */
const standIns: StandInStore[] = []
if (storeKind === 'cloud') {
  afterAll(() => {
    expect(standIns.flatMap((s) => s.engine.sortsInMemory)).toEqual([])
  })
}

/** A store the tests use: either adapter, behind the port. */
export type TestStore = SqliteStore | StandInStore

/** An empty store of the kind under test (SQLite in memory, or a fresh stand-in database). */
export function emptyStore(): TestStore {
  if (storeKind === 'sqlite') return SqliteStore.open(':memory:')
  const store = standInStore(standInOptions)
  standIns.push(store)
  return store
}

/*
 * The seeded demo is seeded once and cloned for each test: seeding takes 50–150 ms, a clone 1–15 ms.
 * SQLite: the seed's database file is written once per jest worker process (a worker runs many test files, and
 * each file's modules are loaded afresh, so the template lives on disk, in a folder named by the worker's pid and
 * start time); each test opens its own copy of the file through SqliteStore.open, as the host opens its database.
 * Stand-in: seeding goes through the real SDK (about 7,000 requests, 2–4 s), so it too is done once per worker: its
 * committed documents are written beside the SQLite template as the wire's EJSON, and each test file loads them
 * into one engine (one insert per collection, tens of ms) that every test clones (CloudBaseEngine.clone).
 * Templates are keyed by the seed's start time, since the demo's dates follow the clock it is seeded at.
 */
const seededEngines = new Map<string, CloudBaseEngine>()
const workerDir = join(tmpdir(), `seeded-${process.pid}-${Math.round(Date.now() / 1000 - process.uptime())}`)
let copies = 0

/** Removes the template folders of worker processes that have ended (their pid is gone). */
function sweepEndedWorkers(): void {
  for (const name of readdirSync(tmpdir())) {
    const pid = /^seeded-(\d+)-\d+$/.exec(name)?.[1]
    if (!pid || Number(pid) === process.pid) continue
    try {
      process.kill(Number(pid), 0)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ESRCH') rmSync(join(tmpdir(), name), { recursive: true, force: true })
    }
  }
}

async function sqliteTemplate(at: Date): Promise<string> {
  const template = join(workerDir, `demo-${at.getTime()}.sqlite`)
  if (existsSync(template)) return template
  sweepEndedWorkers()
  mkdirSync(workerDir, { recursive: true })
  const store = SqliteStore.open(':memory:')
  await seedDemo(store, at)
  // Written under another name and renamed, so a template is either whole or absent.
  writeFileSync(`${template}.part`, store.db.serialize())
  store.close()
  renameSync(`${template}.part`, template)
  return template
}

/** The seeded demo township on a fresh database of the kind under test (a clone of one seeded once). */
export async function seededStore(clock: Clock = testClock()): Promise<TestStore> {
  if (storeKind === 'sqlite') {
    const file = join(workerDir, `test-${++copies}.sqlite`)
    copyFileSync(await sqliteTemplate(clock.now()), file)
    const store = SqliteStore.open(file)
    const close = store.close.bind(store)
    // The copy goes with the store: a worker runs hundreds of tests.
    store.close = () => {
      close()
      for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true })
    }
    return store
  }
  const store = standInStore((await standInTemplate(clock.now())).clone())
  standIns.push(store)
  return store
}

/** Collection name → its documents in insertion order, each as canonical EJSON (what the SDK sends). */
type StandInSnapshot = Record<string, string[]>

/** The seeded stand-in engine of this test file, loaded from the worker's template (written by the first file). */
async function standInTemplate(at: Date): Promise<CloudBaseEngine> {
  const cached = seededEngines.get(at.toISOString())
  if (cached) return cached
  const template = join(workerDir, `demo-${at.getTime()}.standin.json`)
  const engine = new CloudBaseEngine(standInOptions)
  if (existsSync(template)) {
    const snapshot = JSON.parse(readFileSync(template, 'utf8')) as StandInSnapshot
    // Through the engine's own insert, so its unique keys and insertion order are rebuilt as a seeding builds them.
    for (const [collectionName, data] of Object.entries(snapshot)) {
      if (data.length > 0) await engine.handle('database.insertDocument', { collectionName, data })
    }
  } else {
    sweepEndedWorkers()
    mkdirSync(workerDir, { recursive: true })
    const store = standInStore(engine)
    await seedDemo(store, at)
    store.close()
    const snapshot: StandInSnapshot = {}
    for (const name of Object.keys(collectionSpecs)) snapshot[name] = engine.dump(name).map((doc) => EJSON.stringify(doc, { relaxed: false }))
    writeFileSync(`${template}.part`, JSON.stringify(snapshot))
    renameSync(`${template}.part`, template)
  }
  seededEngines.set(at.toISOString(), engine)
  return engine
}

/** Forgets this file's seeded stand-in engines, so the next seededStore() loads the worker's template as a later file does. */
export function forgetFileTemplates(): void {
  seededEngines.clear()
}

export type TestClock = ReturnType<typeof testClock>

/** What useSeededStore() gives a test file; every field is new for each test. */
export interface SeededFixture {
  readonly store: TestStore
  readonly clock: TestClock
  /** A demo person (see `people`), on this test's store and (unless given another) clock. */
  as(personId: string, clock?: Clock, notifier?: Notifier): TypedCall
  /** Whoever is behind an openid (null: no openid at all), on this test's store and (unless given another) clock. */
  caller(openid: string | null, clock?: Clock, notifier?: Notifier): TypedCall
}

/**
 * For a test file: a fresh clone of the seeded demo and a fresh clock before each test, closed after it. Read
 * the fixture's fields inside tests (they change for each one); its callers are typed from the contracts.
 */
export function useSeededStore(): SeededFixture {
  const fixture = {
    as: (personId: string, clock: Clock = fixture.clock, notifier?: Notifier) => as(fixture.store, personId, clock, notifier),
    caller: (openid: string | null, clock: Clock = fixture.clock, notifier?: Notifier) => callerFor(fixture.store, openid, clock, notifier),
  } as SeededFixture & { store: TestStore; clock: TestClock }
  beforeEach(async () => {
    fixture.clock = testClock()
    fixture.store = await seededStore(fixture.clock)
  })
  afterEach(() => fixture.store.close())
  return fixture
}

/** Calls cloud functions the way WeChat would: as the person behind an openid; typed from the contracts. */
export function callerFor(
  store: TestStore,
  openid: string | null,
  clock: Clock = testClock(),
  notifier: Notifier = localOutbox,
  files: FileStore = testFiles,
  /** WeChat's open data and updatable messages: the local fakes (dev-mode group cloudIDs) unless given */
  ports: Pick<BaseContext, 'openData' | 'updatable'> = { openData: devOpenData },
): TypedCall {
  return typed((area, action, input = {}) => dispatch(areas[area]!, { ...input, action }, { openid, store, clock, notifier, codes: noCodes, files, ...ports }))
}

/** Seeded demo people sign in with openid `demo:<personId>`. */
export const as = (store: TestStore, personId: string, clock?: Clock, notifier?: Notifier) => callerFor(store, `demo:${personId}`, clock, notifier)

export function expectOk<T = any>(envelope: Envelope<T>): T {
  if (!envelope.ok) throw new Error(`expected ok, got ${envelope.error.code}: ${envelope.error.message}`)
  return envelope.data
}

export function expectError(envelope: Envelope<unknown>, code: ErrorCode, status?: number): string {
  if (envelope.ok) throw new Error(`expected ${code}, got ok: ${JSON.stringify(envelope.data).slice(0, 200)}`)
  expect(envelope.error.code).toBe(code)
  if (status !== undefined) expect(errorStatus(envelope.error.code)).toBe(status)
  // Every error speaks Chinese to the user.
  expect(envelope.error.message).toMatch(/[\u4e00-\u9fff]/)
  return envelope.error.message
}

/** Every stored document of a collection, in storage order (SQLite rows, or the stand-in's console export). */
export function docsOf<C extends CollectionName>(store: TestStore, collection: C): Collections[C][] {
  if (store instanceof StandInStore) return store.engine.dump(collection) as unknown as Collections[C][]
  return (store.db.prepare(`SELECT doc FROM "${collection}" ORDER BY rowid`).all() as { doc: string }[]).map((r) => JSON.parse(r.doc) as Collections[C])
}

/** Edits a stored document behind the port's back (someone with access to the database). */
export function tamper<C extends CollectionName>(store: TestStore, collection: C, id: string, edit: (doc: Collections[C]) => void): void {
  if (store instanceof StandInStore) {
    store.engine.tamper(collection, id, edit as unknown as (doc: Record<string, unknown>) => void)
    return
  }
  const row = store.db.prepare(`SELECT doc FROM "${collection}" WHERE _id = ?`).get(id) as { doc: string } | undefined
  if (!row) throw new Error(`no ${collection}/${id}`)
  const doc = JSON.parse(row.doc) as Collections[C]
  edit(doc)
  store.db.prepare(`UPDATE "${collection}" SET doc = ? WHERE _id = ?`).run(JSON.stringify(doc), id)
}

/** Every stored row of every collection, to prove a rejected request changed nothing. */
export function dump(store: TestStore): Record<string, string[]> {
  const tables: Record<string, string[]> = {}
  for (const name of Object.keys(collectionSpecs) as CollectionName[]) {
    tables[name] =
      store instanceof StandInStore
        ? store.engine
            .dump(name)
            .map((d) => JSON.stringify(d))
            .sort()
        : (store.db.prepare(`SELECT doc FROM "${name}" ORDER BY _id`).all() as { doc: string }[]).map((r) => r.doc)
  }
  return tables
}

/** Demo people by role (ids from host/seed/demo.ts). */
export const people = {
  chair: 'p-shiqiao-chair',
  secretary: 'p-shiqiao-secretary',
  director: 'p-shiqiao-director',
  otherChair: 'p-liushu-chair',
  otherDirector: 'p-liushu-director',
  inspector: 'p-tw-inspector',
  /** household 0001 of 石桥村: head, the voting representative */
  villager: 'p-shiqiao-0001-1',
  /** household 0003 of 石桥村 has two members */
  representative3: 'p-shiqiao-0003-1',
  secondMember3: 'p-shiqiao-0003-2',
  otherVillager: 'p-liushu-0001-1',
  /** household 0107 of 石桥村: a pending join request */
  pending: 'p-shiqiao-0107-1',
}

/**
 * A second township with one village and one discipline-staff member, to show
 * that staff see only their own township. Returns the staff member's person id.
 */
export async function addNeighbourTownship(store: TestStore): Promise<string> {
  await store.transaction(async (tx) => {
    await tx.insert('township', { _id: 'tw-beiyuan', name: '北苑镇', district: '清河区', duties: null })
    await tx.insert('village', { _id: 'v-beiyuan', townshipId: 'tw-beiyuan', name: '北苑村', joinCode: 'BEIYUAN' })
    await tx.insert('person', {
      _id: 'p-tw2-inspector',
      openid: 'demo:p-tw2-inspector',
      name: '钱北辰',
      memberId: null,
      appointmentId: 'a-tw2-inspector',
      snapshot: { householdId: null, villageId: null, postVillageId: null },
      createdAt: NOW.toISOString(),
    })
    await tx.insert('appointment', {
      _id: 'a-tw2-inspector',
      personId: 'p-tw2-inspector',
      role: 'township',
      townshipId: 'tw-beiyuan',
      villageId: null,
      title: '镇纪委书记',
      status: 'active',
      startedAt: NOW.toISOString(),
      endedAt: null,
    })
  })
  return 'p-tw2-inspector'
}

/**
 * `count` more households of 石桥村 in the group, each with a voting
 * representative (`load:<n>:1`) and a second member (`load:<n>:2`); returns
 * their openids.
 */
export async function addHouseholds(store: TestStore, count: number): Promise<{ representative: string; second: string }[]> {
  const at = NOW.toISOString()
  const households: { representative: string; second: string }[] = []
  await store.transaction(async (tx) => {
    for (let n = 1; n <= count; n++) {
      const householdId = `h-load-${n}`
      for (const k of [1, 2]) {
        const personId = `p-load-${n}-${k}`
        const memberId = `m-load-${n}-${k}`
        await tx.insert('person', {
          _id: personId,
          openid: `load:${n}:${k}`,
          name: `测试${n}-${k}`,
          memberId,
          appointmentId: null,
          snapshot: { householdId, villageId: 'v-shiqiao', postVillageId: null },
          createdAt: at,
        })
        await tx.insert('member', {
          _id: memberId,
          personId,
          name: `测试${n}-${k}`,
          villageId: 'v-shiqiao',
          householdId,
          status: 'active',
          requestedAt: at,
          decidedAt: at,
          decidedBy: 'p-shiqiao-chair',
          reason: null,
        })
      }
      await tx.insert('household', {
        _id: householdId,
        villageId: 'v-shiqiao',
        number: `L${String(n).padStart(4, '0')}`,
        headName: `测试${n}-1`,
        groupName: '测试组',
        size: 2,
        representativeMemberId: `m-load-${n}-1`,
        inGroup: true,
      })
      households.push({ representative: `load:${n}:1`, second: `load:${n}:2` })
    }
  })
  return households
}
