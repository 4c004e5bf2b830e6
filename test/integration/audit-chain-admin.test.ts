// SQLite only by nature: `npm run admin` works on the local host's data folder (its village.db).
import Database from 'better-sqlite3'
import { spawnSync } from 'node:child_process'
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { AuditEntry } from '../../shared/audit/schema'
import { storeKind } from '../support/harness'
import { bundleHost } from '../support/host-process'

/*
 * The admin CLI's commands (host/admin.ts) are in the audit log (issue 18): each that writes or exports leaves an
 * entry naming the operator, "运维（命令行）", the command and the township; a preview that writes nothing, none.
 */

const root = join(__dirname, '../..')
const sqliteOnly = storeKind === 'sqlite' ? describe : describe.skip
let admin: string
let dataDir: string

beforeAll(() => {
  if (storeKind !== 'sqlite') return
  // host/admin.ts bundled as `npm run admin` does
  admin = bundleHost('admin-audit', 'host/admin.ts')
  dataDir = mkdtempSync(join(tmpdir(), 'admin-audit-'))
})
afterAll(() => {
  if (dataDir) rmSync(dataDir, { recursive: true, force: true })
})

function run(...args: string[]): string {
  const result = spawnSync(process.execPath, [admin, ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, DATA_DIR: dataDir } })
  if (result.status !== 0) throw new Error(`admin ${args.join(' ')} failed: ${result.stderr}`)
  return result.stdout
}

function entries(): AuditEntry[] {
  const db = new Database(join(dataDir, 'village.db'), { readonly: true })
  try {
    return (db.prepare(`SELECT doc FROM audit ORDER BY rowid`).all() as { doc: string }[]).map((r) => JSON.parse(r.doc) as AuditEntry)
  } finally {
    db.close()
  }
}

sqliteOnly('the admin CLI in the audit log', () => {
  it("records bootstrap, invite and export as the operator's; a preview that writes nothing leaves no entry", () => {
    run('bootstrap', '--township', '石桥镇', '--district', '清河区', '--name', '张三')
    const operator = { personId: null, name: '运维（命令行）', role: 'operator', townshipId: 'tw-main', records: ['tw-main'] }
    expect(entries()).toEqual([expect.objectContaining({ ...operator, action: 'admin.bootstrap' })])

    run('invite', '--name', '李四')
    run('export', '--kind', 'figures', '--out', join(dataDir, 'figures.csv'))
    run('import-power-list')
    expect(entries().map((e) => e.action)).toEqual(['admin.bootstrap', 'admin.invite', 'admin.export'])
    expect(entries()).toEqual(entries().map(() => expect.objectContaining(operator)))
  }, 60_000)

  it('records an applied power-list import that changed an item; a retention run with nothing due leaves no entry', () => {
    // bootstrap (the test above) loaded the shipped district list; a new version of it renames one item.
    const dir = mkdtempSync(join(tmpdir(), 'reference-'))
    cpSync(join(root, 'cloudfunctions/setup/reference'), dir, { recursive: true })
    const items = join(dir, 'district-items.csv')
    writeFileSync(items, readFileSync(items, 'utf8').replace('村级重大事项“四议两公开”决策,', '村级重大事项“四议两公开”决策程序,'))
    const before = entries().length
    run('retention')
    expect(entries()).toHaveLength(before)
    run('import-power-list', '--dir', dir, '--apply', '--by', '王科长')
    rmSync(dir, { recursive: true, force: true })
    expect(entries().slice(before)).toEqual([
      expect.objectContaining({ personId: null, name: '运维（命令行）', role: 'operator', action: 'admin.importPowerList', townshipId: 'tw-main' }),
    ])
  }, 60_000)
})
