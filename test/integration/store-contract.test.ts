import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { SqliteStore } from '../../cloudfunctions/adapters/sqlite/store'
import { standInStore, type StandInStore } from '../../cloudfunctions/adapters/wxcloud/standin'
import { isTransactionConflict } from '../../cloudfunctions/adapters/wxcloud/store'
import { BadCursorError, DuplicateKeyError, type Store } from '../../cloudfunctions/core/store'
import type { Household } from '../../shared/township/schema'
import { collectionSpecs, type CollectionName } from '../../cloudfunctions/core/collections'

/**
 * What every store adapter must do. The cloud adapter maps each of these onto
 * one SDK call; this suite runs on SQLite, the adapter tests and the local host use.
 */
function describeStoreContract(name: string, open: () => Store & { close?(): void }) {
  const household = (n: number, over: Partial<Household> = {}): Household => ({
    _id: `h-${n}`,
    villageId: 'v-1',
    number: String(n).padStart(4, '0'),
    headName: `户主${n}`,
    groupName: '一组',
    size: 3,
    representativeMemberId: null,
    inGroup: false,
    ...over,
  })

  describe(`${name} store`, () => {
    let store: Store & { close?(): void }
    beforeEach(() => {
      store = open()
    })
    afterEach(() => store.close?.())

    it('returns null for a missing document and round-trips a stored one exactly', async () => {
      expect(await store.get('household', 'nope')).toBeNull()
      const doc = household(1, { representativeMemberId: null, inGroup: true })
      await store.insert('household', doc)
      expect(await store.get('household', 'h-1')).toEqual(doc)
      await store.insert('power_item', {
        _id: 'pw',
        level: 'district',
        townshipId: null,
        categoryId: 'c',
        code: '1-01',
        name: '低保评定',
        summary: '',
        basis: ['《社会救助暂行办法》'],
        performer: '',
        supervisor: '',
        steps: [{ name: '申请', actor: '农户', detail: '“引号”', timeLimit: '' }],
        disclosure: '',
      })
      expect((await store.get('power_item', 'pw'))?.steps[0]?.detail).toBe('“引号”')
    })

    it('refuses a second document with the same id or the same unique key, keeping the first', async () => {
      await store.insert('household', household(1))
      await expect(store.insert('household', household(1, { headName: '冒名' }))).rejects.toBeInstanceOf(DuplicateKeyError)
      await expect(store.insert('household', household(2, { number: '0001' }))).rejects.toBeInstanceOf(DuplicateKeyError)
      expect((await store.get('household', 'h-1'))?.headName).toBe('户主1')
      expect(await store.get('household', 'h-2')).toBeNull()
    })

    it('updates only when every expected field still holds', async () => {
      await store.insert('household', household(1))
      expect(await store.update('household', 'h-1', { representativeMemberId: 'm-1', inGroup: true }, { representativeMemberId: null })).toBe(true)
      // The same guarded write again finds the field changed and does nothing.
      expect(await store.update('household', 'h-1', { representativeMemberId: 'm-2' }, { representativeMemberId: null })).toBe(false)
      expect(await store.get('household', 'h-1')).toMatchObject({ representativeMemberId: 'm-1', inGroup: true })
      expect(await store.update('household', 'h-1', { inGroup: false }, { inGroup: true })).toBe(true)
      expect(await store.update('household', 'h-1', { representativeMemberId: null })).toBe(true)
      expect(await store.get('household', 'h-1')).toMatchObject({ representativeMemberId: null, inGroup: false })
      expect(await store.update('household', 'missing', { inGroup: true })).toBe(false)
    })

    it('counts an update that changes nothing as done: a guarded no-op is not someone else getting there first', async () => {
      await store.insert('household', household(1, { inGroup: true, representativeMemberId: 'm-1' }))
      // The cloud's `updated` may count modified documents (0 here); the port's answer is whether the state holds.
      expect(await store.update('household', 'h-1', { inGroup: true })).toBe(true)
      expect(await store.update('household', 'h-1', { inGroup: true, representativeMemberId: 'm-1' }, { representativeMemberId: 'm-1' })).toBe(true)
      expect(await store.transaction((tx) => tx.update('household', 'h-1', { inGroup: true }, { inGroup: true }))).toBe(true)
      // A guard that no longer holds is still refused, whether or not the patch would change anything.
      expect(await store.update('household', 'h-1', { inGroup: true }, { representativeMemberId: null })).toBe(false)
      expect(await store.update('household', 'h-1', { inGroup: false }, { representativeMemberId: null })).toBe(false)
      expect(await store.update('household', 'missing', { inGroup: true })).toBe(false)
    })

    it('replaces arrays and objects whole on update', async () => {
      await store.insert('power_selection', { _id: 's', villageId: 'v', itemId: 'i', selected: true, changedAt: 'a' })
      await store.insert('power_item', {
        _id: 'pw',
        level: 'district',
        townshipId: null,
        categoryId: 'c',
        code: '1',
        name: 'n',
        summary: '',
        basis: ['a', 'b'],
        performer: '',
        supervisor: '',
        steps: [],
        disclosure: '',
      })
      await store.update('power_item', 'pw', { basis: ['c'] })
      expect((await store.get('power_item', 'pw'))?.basis).toEqual(['c'])
    })

    it('refuses an update that would break a unique key', async () => {
      await store.insert('household', household(1))
      await store.insert('household', household(2))
      await expect(store.update('household', 'h-2', { number: '0001' })).rejects.toBeInstanceOf(DuplicateKeyError)
      expect((await store.get('household', 'h-2'))?.number).toBe('0002')
    })

    it('filters by equality, booleans, null and lists of values, in index order', async () => {
      for (let n = 1; n <= 6; n++) await store.insert('household', household(n, { inGroup: n % 2 === 0 }))
      await store.insert('household', household(7, { villageId: 'v-2' }))
      const inGroup = await store.query('household', {
        where: { villageId: 'v-1', inGroup: true },
        orderBy: { field: 'number', direction: 'desc' },
        limit: 10,
      })
      expect(inGroup.items.map((h) => h._id)).toEqual(['h-6', 'h-4', 'h-2'])
      expect(inGroup.nextCursor).toBeNull()
      const some = await store.query('household', {
        where: { _id: { in: ['h-3', 'h-7', 'h-9'] } },
        orderBy: { field: '_id', direction: 'asc' },
        limit: 10,
      })
      expect(some.items.map((h) => h._id)).toEqual(['h-3', 'h-7'])
      const none = await store.query('household', { where: { _id: { in: [] } }, orderBy: { field: '_id', direction: 'asc' }, limit: 10 })
      expect(none.items).toEqual([])
      expect(await store.count('household', { villageId: 'v-1' })).toBe(6)
      expect(await store.count('household', { villageId: 'v-1', inGroup: false })).toBe(3)
    })

    it('pages through every match exactly once, even when sort values tie', async () => {
      for (let n = 1; n <= 25; n++) {
        await store.insert('member', {
          _id: `m-${String(n).padStart(2, '0')}`,
          personId: `p-${n}`,
          name: '',
          villageId: 'v-1',
          householdId: 'h',
          status: 'active',
          // five members share each request time
          requestedAt: `2026-01-0${Math.ceil(n / 5)}`,
          decidedAt: null,
          decidedBy: null,
          reason: null,
        })
      }
      const seen: string[] = []
      let cursor: string | null = null
      let pages = 0
      do {
        const page: Awaited<ReturnType<Store['query']>> = await store.query('member', {
          where: { villageId: 'v-1', status: 'active' },
          orderBy: { field: 'requestedAt', direction: 'desc' },
          limit: 7,
          cursor,
        })
        seen.push(...page.items.map((m) => m._id))
        cursor = page.nextCursor
        pages++
      } while (cursor)
      expect(pages).toBe(4)
      expect(seen).toHaveLength(25)
      expect(new Set(seen).size).toBe(25)
      expect(seen[0]).toBe('m-25')
    })

    it('rejects a forged cursor and a query on a field without an index', async () => {
      await expect(store.query('household', { where: {}, orderBy: { field: 'number', direction: 'asc' }, limit: 5, cursor: 'not-a-cursor' })).rejects.toBeInstanceOf(BadCursorError)
      await expect(store.query('household', { where: { headName: '王' }, orderBy: { field: 'number', direction: 'asc' }, limit: 5 })).rejects.toThrow(/not indexed/)
    })

    it('commits every write of a transaction together', async () => {
      await store.transaction(async (tx) => {
        await tx.insert('household', household(1))
        await tx.update('household', 'h-1', { inGroup: true })
        await tx.insert('household', household(2))
      })
      expect(await store.count('household', {})).toBe(2)
      expect((await store.get('household', 'h-1'))?.inGroup).toBe(true)
    })

    it("keeps none of a transaction's writes when it fails part-way", async () => {
      await store.insert('household', household(1))
      await expect(
        store.transaction(async (tx) => {
          await tx.update('household', 'h-1', { inGroup: true })
          await tx.insert('household', household(2))
          await tx.insert('household', household(3, { number: '0001' }))
        }),
      ).rejects.toBeInstanceOf(DuplicateKeyError)
      expect(await store.get('household', 'h-2')).toBeNull()
      expect((await store.get('household', 'h-1'))?.inGroup).toBe(false)
    })

    it('lets concurrent transactions that insert the same key all finish: one inserts, the rest find it (a double tap)', async () => {
      const outcomes = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          store
            .transaction(async (tx) => {
              if (await tx.get('household', 'h-1')) return 'found'
              await tx.insert('household', household(1, { headName: `第${i}次点击` }))
              await tx.update('household', 'h-1', { inGroup: true })
              return 'inserted'
            })
            .catch((error: unknown) => (error instanceof DuplicateKeyError ? 'found' : `failed: ${String(error)}`)),
        ),
      )
      expect(outcomes.filter((o) => o === 'inserted')).toHaveLength(1)
      expect(outcomes.filter((o) => o === 'found')).toHaveLength(7)
      expect(await store.count('household', {})).toBe(1)
    })

    it('isolates concurrent transactions: read-modify-write never loses an update', async () => {
      await store.insert('household', household(1, { size: 0 }))
      const outcomes = await Promise.allSettled(
        Array.from({ length: 20 }, () =>
          store.transaction(async (tx) => {
            const h = await tx.get('household', 'h-1')
            await new Promise((resolve) => setTimeout(resolve, 1))
            await tx.update('household', 'h-1', { size: h!.size + 1 })
          }),
        ),
      )
      const committed = outcomes.filter((o) => o.status === 'fulfilled').length
      // Every committed increment is there, and nothing else. SQLite serialises all 20. The cloud retries a
      // conflict a bounded number of times (adapters/wxcloud/store.ts): twenty at once on one document, on a busy
      // machine, may leave one to fail as a conflict, which the caller sees, never as a lost update.
      expect((await store.get('household', 'h-1'))?.size).toBe(committed)
      if (store instanceof SqliteStore) expect(committed).toBe(20)
      else expect(committed).toBeGreaterThanOrEqual(15)
      for (const o of outcomes) if (o.status === 'rejected') expect(isTransactionConflict(o.reason)).toBe(true)
    })

    it('increments a counter atomically: the first creates it, concurrent ones all land, each answers at least its own', async () => {
      const counter = { _id: 'c-1', kind: 'join' as const, hour: '2026-11-21T08', count: 0 }
      expect(await store.increment('attempt', 'c-1', 'count', 1, counter)).toBe(1)
      expect(await store.get('attempt', 'c-1')).toEqual({ ...counter, count: 1 })
      // Thirty at once on a counter nobody made yet: one creates it, the others (their add refused) add to it.
      const answers = await Promise.all(Array.from({ length: 30 }, () => store.increment('attempt', 'c-2', 'count', 1, { ...counter, _id: 'c-2' })))
      expect((await store.get('attempt', 'c-2'))?.count).toBe(30)
      expect(Math.max(...answers)).toBe(30)
      for (const n of answers) expect(n).toBeGreaterThanOrEqual(1)
      if (store instanceof SqliteStore) expect([...answers].sort((a, b) => a - b)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1))
      expect(await store.increment('attempt', 'c-2', 'count', -1, { ...counter, _id: 'c-2' })).toBe(29)
      // Other fields of the document are left as they were.
      expect(await store.get('attempt', 'c-2')).toEqual({ ...counter, _id: 'c-2', count: 29 })
    })
  })
}

describeStoreContract('SQLite (in memory)', () => SqliteStore.open(':memory:'))
// The cloud adapter on the real wx-server-sdk, over the CloudBase stand-in, with either shape of the duplicate-key error.
describeStoreContract('cloud adapter, duplicates as DATABASE_DUPLICATE_WRITE,', () => standInStore({ duplicate: 'duplicate-write' }))
describeStoreContract('cloud adapter, duplicates as DATABASE_REQUEST_FAILED + E11000,', () => standInStore({ duplicate: 'request-failed' }))

describe('SQLite store on disk', () => {
  it('keeps its data and schema across a reopen', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'store-'))
    try {
      const first = SqliteStore.open(join(dir, 'db.sqlite'))
      await first.insert('village', { _id: 'v-1', townshipId: 't', name: '石桥村', joinCode: 'SHIQIAO' })
      first.close()
      const second = SqliteStore.open(join(dir, 'db.sqlite'))
      expect((await second.get('village', 'v-1'))?.name).toBe('石桥村')
      expect(second.db.pragma('journal_mode', { simple: true })).toBe('wal')
      expect(second.db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(1)
      second.close()
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

/*
 * What only the cloud adapter can get wrong: how the real wx-server-sdk hands it the platform's errors and
 * counts, over the stand-in (cloudfunctions/adapters/wxcloud/standin). Issue 15, breakages 1, 2 and 6.
 */
describe('cloud adapter over the CloudBase stand-in', () => {
  const household = (n: number): Household => ({
    _id: `h-${n}`,
    villageId: 'v-1',
    number: String(n).padStart(4, '0'),
    headName: `户主${n}`,
    groupName: '一组',
    size: 3,
    representativeMemberId: null,
    inGroup: false,
  })
  let store: StandInStore
  afterEach(() => store.close())

  it('does not take a generic database failure (-502001 without E11000) for a duplicate key', async () => {
    store = standInStore()
    store.engine.failNext({ code: 'DATABASE_REQUEST_FAILED', message: 'database request failed' }, 'database.insertDocument')
    const error: unknown = await store.insert('household', household(1)).catch((e: unknown) => e)
    expect(error).not.toBeInstanceOf(DuplicateKeyError)
    expect((error as { errCode?: number }).errCode).toBe(-502001)
    store.engine.failNext({ code: 'DATABASE_REQUEST_FAILED', message: 'database request failed' }, 'database.insertDocument')
    await expect(store.insertMany('household', [household(2)])).rejects.not.toBeInstanceOf(DuplicateKeyError)
    store.engine.failNext({ code: 'DATABASE_REQUEST_FAILED', message: 'database request failed' }, 'database.insertDocument')
    await expect(store.transaction((tx) => tx.insert('household', household(3)))).rejects.not.toBeInstanceOf(DuplicateKeyError)
    expect(await store.count('household', {})).toBe(0)
  })

  it.each(['duplicate-write', 'request-failed'] as const)('recognises the documented duplicate (%s) in and out of transactions', async (duplicate) => {
    store = standInStore({ duplicate })
    await store.insert('household', household(1))
    await expect(store.insert('household', household(1))).rejects.toBeInstanceOf(DuplicateKeyError)
    await expect(store.transaction((tx) => tx.insert('household', household(1)))).rejects.toBeInstanceOf(DuplicateKeyError)
    await expect(store.insertMany('household', [household(2), household(1)])).rejects.toBeInstanceOf(DuplicateKeyError)
  })

  it('retries a transaction whose write met another open transaction, and gives up after a few attempts', async () => {
    store = standInStore()
    await store.insert('household', household(1))
    // A transaction that keeps the document locked while the other one tries, then commits.
    let release!: () => void
    const held = new Promise<void>((resolve) => (release = resolve))
    const holder = store.transaction(async (tx) => {
      await tx.update('household', 'h-1', { size: 10 })
      await held
    })
    await new Promise((resolve) => setTimeout(resolve, 20))
    const other = store.transaction(async (tx) => {
      const h = await tx.get('household', 'h-1')
      await tx.update('household', 'h-1', { size: h!.size + 1 })
    })
    setTimeout(release, 60)
    await Promise.all([holder, other])
    expect((await store.get('household', 'h-1'))?.size).toBe(11)
    // Held for good (a function that hangs until the platform's limit), the retries end, with the conflict.
    let never!: () => void
    const hung = store.transaction(async (tx) => {
      await tx.update('household', 'h-1', { size: 0 })
      await new Promise<void>((resolve) => (never = resolve))
    })
    await new Promise((resolve) => setTimeout(resolve, 10))
    const before = store.engine.requests
    await expect(store.transaction((tx) => tx.update('household', 'h-1', { size: 99 }))).rejects.toThrow(/conflict/)
    expect(store.engine.requests - before).toBeLessThanOrEqual(6 * 4)
    never()
    await hung
  })

  it('ends a transaction past the 30 s limit: none of its writes land, and its lock goes', async () => {
    store = standInStore({ transactionLimitMs: 50 })
    await store.insert('household', household(1))
    await expect(
      store.transaction(async (tx) => {
        await tx.update('household', 'h-1', { size: 7 })
        await new Promise((resolve) => setTimeout(resolve, 80))
      }),
    ).rejects.toThrow(/time limit|DATABASE_TRANSACTION_FAIL/)
    expect((await store.get('household', 'h-1'))?.size).toBe(3)
    expect(await store.update('household', 'h-1', { size: 8 })).toBe(true)
  })

  it('finds an index for every query shape the specs promise: filter fields, then the sort field, then _id', async () => {
    store = standInStore()
    for (const [name, spec] of Object.entries(collectionSpecs) as [CollectionName, (typeof collectionSpecs)[CollectionName]][]) {
      for (const fields of spec.indexes) {
        const [sortField, ...filterFields] = fields.filter((f) => f !== '_id').reverse()
        if (!sortField) continue
        for (const direction of ['asc', 'desc'] as const) {
          const page = await store.query(name, { where: Object.fromEntries(filterFields.map((f) => [f, 'x'])), orderBy: { field: sortField, direction }, limit: 1 })
          // The second page's query carries the cursor: (field, _id) beyond the last row.
          if (page.nextCursor) await store.query(name, { where: {}, orderBy: { field: sortField, direction }, limit: 1, cursor: page.nextCursor })
        }
      }
    }
    expect(store.engine.sortsInMemory).toEqual([])
  })

  it('inserts many documents in one request per hundred, and answers unsorted reads in insertion order', async () => {
    store = standInStore()
    const before = store.engine.requests
    await store.insertMany(
      'household',
      Array.from({ length: 250 }, (_, i) => household(250 - i)),
    )
    expect(store.engine.requests - before).toBe(3)
    expect(
      store.engine
        .dump('household')
        .map((h) => h._id)
        .slice(0, 3),
    ).toEqual(['h-250', 'h-249', 'h-248'])
    // Filling in place keeps the place.
    await store.update('household', 'h-250', { inGroup: true })
    expect(store.engine.dump('household')[0]).toMatchObject({ _id: 'h-250', inGroup: true })
  })

  it("counts every request, a transaction's start and commit included", async () => {
    store = standInStore()
    const before = store.engine.requests
    await store.transaction(async (tx) => {
      await tx.insert('household', household(1))
      await tx.update('household', 'h-1', { inGroup: true })
    })
    // start, insert, get + update (a guarded update in a transaction reads first), commit
    expect(store.engine.requestLog.slice(before)).toEqual([
      'database.startTransaction',
      'database.insertDocument',
      'database.getDocument',
      'database.modifyDocument',
      'database.commitTransaction',
    ])
  })
})
