import { SqliteStore } from '../../cloudfunctions/adapters/sqlite/store'
import { seedDemo } from '../../host/seed/demo'
import {
  docsOf,
  dump,
  emptyStore,
  expectError,
  expectOk,
  forgetFileTemplates,
  NOW,
  people,
  seededStore,
  storeKind,
  testClock,
  useSeededStore,
  type TestStore,
} from '../support/harness'

// The fixture every seeded suite uses: the demo seeded once, a clone for each test (test/support/harness.ts).
const fixture = useSeededStore()
/** Every stored document; a ballot's id and receipt are random by design (nothing links a ballot to its household), so they are left out. */
function seedContent(store: TestStore): Record<string, string[]> {
  const tables = dump(store)
  tables.ballot = tables
    .ballot!.map((doc) => {
      const { _id, receipt, ...rest } = JSON.parse(doc) as Record<string, unknown>
      return JSON.stringify(rest)
    })
    .sort()
  return tables
}

const notice = { title: '只在第一个测试里发的公告', body: '第二个测试不应看到这条公告。' }

describe('a seeded store for each test', () => {
  it('is the seeded demo township', async () => {
    const me = expectOk(await fixture.as(people.villager)('member', 'me'))
    expect(me.role).toBe('villager')
    expect(me.village?.name).toBe('石桥村')
    expect(docsOf(fixture.store, 'household').length).toBeGreaterThan(100)
  })

  // These two run in order: the second must not see the first one's write.
  it('takes writes (1 of 2)', async () => {
    expectOk(await fixture.as(people.chair)('announcement', 'push', notice))
    const { items } = expectOk(await fixture.as(people.villager)('announcement', 'list'))
    expect(items.map((a) => a.title)).toContain(notice.title)
  })

  it('does not see the previous test’s writes (2 of 2)', async () => {
    const { items } = expectOk(await fixture.as(people.villager)('announcement', 'list'))
    expect(items.map((a) => a.title)).not.toContain(notice.title)
  })

  it('is a store of its own when several are open at once', async () => {
    const other = await seededStore(testClock())
    try {
      const before = dump(other)
      expectOk(await fixture.as(people.chair)('announcement', 'push', notice))
      expect(dump(other)).toEqual(before)
      expect(dump(fixture.store)).not.toEqual(before)
    } finally {
      other.close()
    }
  })

  it('is the same seed for every test at the same start time', async () => {
    const other = await seededStore(testClock())
    try {
      expect(dump(other)).toEqual(dump(fixture.store))
    } finally {
      other.close()
    }
  })

  // The template is written by the worker's first file and loaded from disk by the others: either way a test gets
  // exactly what seeding the demo writes.
  it('is what seeding the demo gives, in this file and in the worker’s later files', async () => {
    forgetFileTemplates()
    const loaded = await seededStore(testClock())
    const fresh = emptyStore()
    try {
      await seedDemo(fresh, NOW)
      expect(seedContent(loaded)).toEqual(seedContent(fresh))
      expect(seedContent(fixture.store)).toEqual(seedContent(fresh))
    } finally {
      loaded.close()
      fresh.close()
    }
  }, 30_000)

  // SQLite: each test opens a copy of the template file through SqliteStore.open, as the host opens its database.
  if (storeKind === 'sqlite') {
    it('is a database file opened the way the host opens one', () => {
      expect(fixture.store).toBeInstanceOf(SqliteStore)
      const db = (fixture.store as SqliteStore).db
      expect(db.memory).toBe(false)
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
    })
  }
})

describe('the typed test caller', () => {
  it('answers with the action’s output type and checks its input at compile time', async () => {
    const chair = fixture.as(people.chair)
    const { announcementId, queued } = expectOk(await chair('announcement', 'push', notice))
    expect(typeof announcementId).toBe('string')
    expect(typeof queued).toBe('number')
    // @ts-expect-error: the contract needs a body (type-checked by `npx tsc -p .`)
    const rejected = await chair('announcement', 'push', { title: notice.title })
    expectError(rejected, 'INVALID_INPUT', 400)
  })

  it('sends a request that breaks the contract on purpose through `unchecked`', async () => {
    const chair = fixture.as(people.chair)
    expectError(await chair.unchecked('announcement', 'push', { title: 42, body: notice.body }), 'INVALID_INPUT', 400)
    expectError(await chair.unchecked('announcement', 'noSuchAction'), 'UNKNOWN_ACTION')
  })
})
