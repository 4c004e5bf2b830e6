import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { SqliteStore } from '../../cloudfunctions/adapters/sqlite/store'
import { seedDemo } from '../../host/seed/demo'
import type { Input } from '../../shared/contract/areas'
import type { Envelope } from '../../shared/errors'
import type { TypedCall } from '../support/caller'
import { expectOk, useSeededStore, people, testClock } from '../support/harness'

/*
 * Filters are part of the query, served by an index (issue 17 item 6): a filtered page holds a full page of
 * matching items while more follow, and the last page says there are no more. Before, the committee inbox's
 * status and the search page's kind and section were applied to a fetched page, which came back short.
 */

const PAGE = 20

const fixture = useSeededStore()

/** Every page of a paged action, in order, with each page's size and whether it said more follow. */
async function allPages<T>(fetchPage: (cursor: string | null) => Promise<Envelope<{ items: T[]; nextCursor: string | null }>>) {
  const pages: { size: number; more: boolean }[] = []
  const items: T[] = []
  let cursor: string | null = null
  do {
    const page: { items: T[]; nextCursor: string | null } = expectOk(await fetchPage(cursor))
    pages.push({ size: page.items.length, more: page.nextCursor !== null })
    items.push(...page.items)
    cursor = page.nextCursor
  } while (cursor)
  return { pages, items }
}

describe('the feedback inbox filtered by status', () => {
  it('gives a committee member and the chair full pages of one status, newest first, and says when none are left', async () => {
    const villager = fixture.as(people.villager)
    const chair = fixture.as(people.chair)
    const director = fixture.as(people.director)
    const ids: string[] = []
    for (let n = 0; n < 45; n++) {
      fixture.clock.advance(60_000)
      const { feedbackId } = expectOk(
        await villager('feedback', 'submit', { requestId: `req-filter-${String(n).padStart(4, '0')}`, about: { type: 'general' }, text: `第${n + 1}条意见：村西头路灯不亮。` }),
      )
      expectOk(await chair('feedback', 'route', { feedbackId, assignTo: people.director }))
      ids.push(feedbackId)
    }
    // Every third one answered: the newest twenty hold both statuses mixed.
    const replied = ids.filter((_, n) => n % 3 === 0)
    for (const feedbackId of replied) expectOk(await director('feedback', 'reply', { feedbackId, text: '已经报修，三天内修好。' }))
    const routed = ids.filter((id) => !replied.includes(id))
    const newestFirst = (list: string[]) => [...list].reverse()

    for (const who of [director, chair]) {
      const waiting = await allPages((cursor) => who('feedback', 'inbox', { status: 'routed', cursor }))
      expect(waiting.pages).toEqual([
        { size: PAGE, more: true },
        { size: routed.length - PAGE, more: false },
      ])
      expect(waiting.items.map((f) => f.feedbackId)).toEqual(newestFirst(routed))
      expect(waiting.items.every((f) => f.status === 'routed')).toBe(true)
    }
    const answered = await allPages((cursor) => director('feedback', 'inbox', { status: 'replied', cursor }))
    expect(answered.pages).toEqual([{ size: replied.length, more: false }])
    expect(answered.items.map((f) => f.feedbackId)).toEqual(newestFirst(replied))
  })
})

describe('search filtered by kind and section', () => {
  // Each n: 0 村务·便民服务, 1 村务·工程项目, 2 党务·决策, 3 村务·便民服务 — all about 道路硬化;
  // between them, ones that share only the bigram 道路 (道路清扫), which the whole-keyword check drops.
  const placeOf = (n: number) =>
    (
      [
        { kind: 'village', section: 'services' },
        { kind: 'village', section: 'projects' },
        { kind: 'party', section: 'decisions' },
        { kind: 'village', section: 'services' },
      ] as const
    )[n % 4]!
  let published: { id: string; n: number }[]
  let director: TypedCall
  beforeEach(async () => {
    director = fixture.as(people.director)
    published = []
    for (let n = 0; n < 60; n++) {
      fixture.clock.advance(60_000)
      const notice = { ...placeOf(n), title: `三组道路硬化工程公示第${n + 1}号`, body: '工程进度和用款情况。' }
      published.push({ id: expectOk(await director('disclosure', 'publish', notice)).disclosureId, n })
      if (n % 3 === 0) expectOk(await director('disclosure', 'publish', { kind: 'village', section: 'services', title: `道路清扫安排第${n + 1}号`, body: '每周一次。' }))
    }
  })
  const expected = (pick: (n: number) => boolean) =>
    published
      .filter((p) => pick(p.n))
      .map((p) => p.id)
      .reverse()

  it.each([
    ['kind 村务', { kind: 'village' }, (n: number) => placeOf(n).kind === 'village', [PAGE, PAGE, 5]],
    ['section 便民服务', { section: 'services' }, (n: number) => placeOf(n).section === 'services', [PAGE, 10]],
    ['kind and section', { kind: 'village', section: 'projects' }, (n: number) => placeOf(n).section === 'projects', [15]],
    ['no filter (the whole keyword still checked)', {}, () => true, [PAGE, PAGE, PAGE]],
  ] satisfies [string, Partial<Input<'disclosure', 'search'>>, (n: number) => boolean, number[]][])(
    'by %s: full pages of what matches, newest first, the last one saying no more',
    async (_, filter, pick, sizes) => {
      const villager = fixture.as(people.villager)
      const found = await allPages((cursor) => villager('disclosure', 'search', { keyword: '道路硬化', ...filter, cursor }))
      expect(found.pages).toEqual(sizes.map((size, i) => ({ size, more: i < sizes.length - 1 })))
      expect(found.items.map((d) => d.disclosureId)).toEqual(expected(pick))
    },
  )

  it('only corrected ones, when asked', async () => {
    const corrected = published.filter((p) => p.n % 10 === 0)
    for (const { id } of corrected) {
      expectOk(await director('disclosure', 'revise', { disclosureId: id, reason: '补充用款', title: `三组道路硬化工程公示（更正）`, body: '补充了用款明细。' }))
    }
    const found = await allPages((cursor) => fixture.as(people.villager)('disclosure', 'search', { keyword: '道路硬化', corrected: true, cursor }))
    expect(found.pages).toEqual([{ size: corrected.length, more: false }])
    expect(found.items.map((d) => d.disclosureId)).toEqual(corrected.map((p) => p.id).reverse())
  })
})

describe('search entries stored before they carried kind and section (SQLite migration 16)', () => {
  it('get them from their disclosure, so a filtered search finds old disclosures too', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'term-kinds-'))
    try {
      const file = join(dir, 'village.db')
      const seeded = SqliteStore.open(file)
      await seedDemo(seeded, testClock().now())
      seeded.close()
      const db = new Database(file)
      db.exec(`UPDATE disclosure_term SET doc = json_remove(doc, '$.kind', '$.section')`)
      db.pragma('user_version = 14')
      db.close()
      const reopened = SqliteStore.open(file)
      const terms = reopened.db.prepare(`SELECT COUNT(*) AS n FROM disclosure_term`).get() as { n: number }
      const matching = reopened.db
        .prepare(
          `SELECT COUNT(*) AS n FROM disclosure_term t JOIN disclosure d ON d._id = json_extract(t.doc, '$.disclosureId')
           WHERE json_extract(t.doc, '$.kind') = json_extract(d.doc, '$.kind') AND json_extract(t.doc, '$.section') = json_extract(d.doc, '$.section')`,
        )
        .get() as { n: number }
      expect(terms.n).toBeGreaterThan(0)
      expect(matching.n).toBe(terms.n)
      reopened.close()
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
