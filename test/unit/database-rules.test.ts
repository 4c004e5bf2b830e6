import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { SqliteStore } from '../../cloudfunctions/adapters/sqlite/store'
import { collectionSpecs } from '../../cloudfunctions/core/collections'

/**
 * The security rules an operator pastes into the WeChat cloud console. Every
 * read and write goes through a cloud function, which checks who is asking;
 * a collection left readable from the phone would bypass all of it.
 */
const rules = JSON.parse(readFileSync(join(__dirname, '../../cloudfunctions/database-rules.json'), 'utf8')) as Record<string, unknown>

describe('the database security rules shipped for WeChat cloud', () => {
  it.each(Object.keys(collectionSpecs))('deny every direct client read and write of %s', (name) => {
    expect(rules[name]).toEqual({ read: false, write: false })
  })

  it('name no collection the code does not have', () => {
    expect(Object.keys(rules).sort()).toEqual(Object.keys(collectionSpecs).sort())
  })

  it('cover every table the storage actually creates', () => {
    const store = SqliteStore.open(':memory:')
    const tables = (store.db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`).all() as { name: string }[]).map((t) => t.name)
    store.close()
    expect(tables.length).toBeGreaterThan(0)
    for (const table of tables) expect([table, rules[table]]).toEqual([table, { read: false, write: false }])
  })
})
