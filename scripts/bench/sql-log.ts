import { appendFileSync } from 'node:fs'
import Database from 'better-sqlite3'

/**
 * Appends every distinct SQL text the process prepares to BENCH_SQL_LOG, so the
 * benchmark can ask SQLite how it runs each one. The adapter caches prepared
 * statements, so this costs once per statement, not per call.
 */
const file = process.env.BENCH_SQL_LOG
if (file) {
  const proto = (Database as unknown as { prototype: { prepare: (this: unknown, ...args: unknown[]) => unknown } }).prototype
  const prepare = proto.prepare
  const seen = new Set<string>()
  proto.prepare = function (this: unknown, ...args: unknown[]) {
    const source = String(args[0])
    if (!seen.has(source)) {
      seen.add(source)
      appendFileSync(file, `${JSON.stringify(source)}\n`)
    }
    return prepare.apply(this, args)
  }
}
