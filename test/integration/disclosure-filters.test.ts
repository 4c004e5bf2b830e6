import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { SqliteStore } from '../../cloudfunctions/adapters/sqlite/store'
import { seedDemo } from '../../host/seed/demo'
import { as, expectOk, people, seededStore, testClock } from '../support/harness'

/* The disclosure list's 已更正 filter: every page full, served by an index, kept right for data stored before it. */

const notice = (title: string) => ({ kind: 'village', section: 'services', title, body: '公示内容。' }) as const

describe('the 已更正 filter', () => {
  it('lists only disclosures corrected after publication, newest first, in full pages', async () => {
    const clock = testClock()
    const store = await seededStore(clock)
    const director = as(store, people.director, clock)
    const ids: string[] = []
    for (let n = 0; n < 40; n++) {
      clock.advance(60_000)
      ids.push(expectOk(await director('disclosure', 'publish', notice(`公示第${n + 1}号`))).disclosureId)
    }
    for (const disclosureId of ids.filter((_, n) => n % 2 === 0)) {
      expectOk(await director('disclosure', 'revise', { disclosureId, reason: '补充内容', ...notice('更正后的公示'), body: '公示内容，已补充。' }))
    }
    const villager = as(store, people.villager, clock)
    const first = expectOk(await villager('disclosure', 'list', { corrected: true }))
    expect(first.items).toHaveLength(20)
    expect(first.items.every((d: { revision: number }) => d.revision > 1)).toBe(true)
    const second = expectOk(await villager('disclosure', 'list', { corrected: true, cursor: first.nextCursor }))
    const all = [...first.items, ...second.items].map((d: { disclosureId: string }) => d.disclosureId)
    for (const id of ids.filter((_, n) => n % 2 === 0)) expect(all).toContain(id)
    for (const id of ids.filter((_, n) => n % 2 === 1)) expect(all).not.toContain(id)
    store.close()
  })

  it('marks disclosures stored before the flag existed from their revision number', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'corrected-'))
    try {
      const file = join(dir, 'village.db')
      const store = SqliteStore.open(file)
      await seedDemo(store, testClock().now())
      store.close()
      const db = new Database(file)
      const corrected = db.prepare(`SELECT COUNT(*) AS n FROM disclosure WHERE json_extract(doc, '$.revision') > 1`).get() as { n: number }
      expect(corrected.n).toBeGreaterThan(0)
      db.exec(`UPDATE disclosure SET doc = json_remove(doc, '$.corrected')`)
      db.pragma('user_version = 10')
      db.close()
      const reopened = SqliteStore.open(file)
      const flagged = reopened.db.prepare(`SELECT COUNT(*) AS n FROM disclosure WHERE json_extract(doc, '$.corrected') = 1`).get() as { n: number }
      const unflagged = reopened.db.prepare(`SELECT COUNT(*) AS n FROM disclosure WHERE json_extract(doc, '$.corrected') = 0`).get() as { n: number }
      const total = reopened.db.prepare('SELECT COUNT(*) AS n FROM disclosure').get() as { n: number }
      expect(flagged.n).toBe(corrected.n)
      expect(flagged.n + unflagged.n).toBe(total.n)
      reopened.close()
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
