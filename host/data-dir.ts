import { chmodSync, mkdirSync, readdirSync } from 'node:fs'
import { join } from 'node:path'

/**
 * The data folder holds the township's whole record (village.db and its WAL, uploaded photos, exports, the
 * session key): only the account that runs the host may read it. Everything this process creates from now on is
 * owner-only (umask 077; SQLite gives its -wal and -shm files the database file's mode), and what an older
 * version left readable to others is tightened: folders 0700, files 0600.
 */
export function secureDataDir(dir: string): void {
  process.umask(0o077)
  mkdirSync(dir, { recursive: true, mode: 0o700 })
  const tighten = (path: string) => {
    chmodSync(path, 0o700)
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      const child = join(path, entry.name)
      if (entry.isDirectory()) tighten(child)
      else if (entry.isFile()) chmodSync(child, 0o600)
    }
  }
  tighten(dir)
}
