import { mkdirSync, mkdtempSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { SqliteStore } from '../../cloudfunctions/adapters/sqlite/store'
import { secureDataDir } from '../../host/data-dir'
import { LocalFiles, signingKey } from '../../host/files'
import { loadSecret } from '../../host/session'

// SQLite only: the local host's data folder on disk.
const modeOf = (path: string) => (statSync(path).mode & 0o777).toString(8)

describe('the data folder is readable by its owner only', () => {
  const umask = process.umask()
  afterAll(() => process.umask(umask))

  it('creates the folder 0700 and everything the host then writes in it 0600: village.db, its WAL, the key, files', async () => {
    process.umask(0o022)
    const dir = join(mkdtempSync(join(tmpdir(), 'data-')), 'data')
    secureDataDir(dir)
    const store = SqliteStore.open(join(dir, 'village.db'))
    await store.insert('prohibition', { _id: 'ban-01', order: 1, area: '决策', text: '不得以村“两委”会议代替村民会议作出决定。' })
    const secret = loadSecret(dir, 'demo')
    const files = new LocalFiles(join(dir, 'files'), signingKey(secret))
    expect(files).toBeDefined()
    expect(modeOf(dir)).toBe('700')
    expect(modeOf(join(dir, 'files'))).toBe('700')
    for (const file of ['village.db', 'village.db-wal', 'village.db-shm', 'session.key', 'session.mode']) expect([file, modeOf(join(dir, file))]).toEqual([file, '600'])
    store.close()
  })

  it('tightens a folder an older version left readable to others (0755 folders, 0644 files)', () => {
    process.umask(0o022)
    const dir = mkdtempSync(join(tmpdir(), 'data-'))
    mkdirSync(join(dir, 'files', 'private'), { recursive: true, mode: 0o755 })
    writeFileSync(join(dir, 'village.db'), '', { mode: 0o644 })
    writeFileSync(join(dir, 'files', 'private', 'photo.jpg'), '', { mode: 0o644 })
    secureDataDir(dir)
    expect([modeOf(dir), modeOf(join(dir, 'files')), modeOf(join(dir, 'files', 'private'))]).toEqual(['700', '700', '700'])
    expect([modeOf(join(dir, 'village.db')), modeOf(join(dir, 'files', 'private', 'photo.jpg'))]).toEqual(['600', '600'])
  })
})
