import Database from 'better-sqlite3'
import { collectionSpecs, type CollectionName, type Collections } from '../../core/collections'
import {
  BadCursorError,
  DuplicateKeyError,
  decodeCursor,
  encodeCursor,
  type Condition,
  type Page,
  type Patch,
  type Query,
  type Scalar,
  type Store,
  type StoreTx,
} from '../../core/store'
import { shuffled } from '../../core/shuffle'
import { columnOf, fieldPath, indexedFields, migrate } from './schema'

type Db = Database.Database

/** SQLite stores booleans as 0/1 inside json_extract results. */
function bind(value: Scalar): string | number | null {
  if (typeof value === 'boolean') return value ? 1 : 0
  return value
}

function whereClause(collection: CollectionName, where: Record<string, Condition>): { sql: string; params: unknown[] } {
  const allowed = indexedFields(collectionSpecs[collection])
  const parts: string[] = []
  const params: unknown[] = []
  for (const [field, condition] of Object.entries(where)) {
    if (field !== '_id' && !allowed.has(field)) throw new Error(`${collection}.${field} is not indexed`)
    const column = `"${columnOf(field)}"`
    if (condition !== null && typeof condition === 'object') {
      if (condition.in.length === 0) {
        parts.push('0')
        continue
      }
      parts.push(`${column} IN (${condition.in.map(() => '?').join(', ')})`)
      params.push(...condition.in.map(bind))
    } else if (condition === null) {
      parts.push(`${column} IS NULL`)
    } else {
      parts.push(`${column} = ?`)
      params.push(bind(condition))
    }
  }
  return { sql: parts.length ? parts.join(' AND ') : '1', params }
}

function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: string }).code
  return code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE'
}

class SqliteOps implements StoreTx {
  private readonly statements = new Map<string, Database.Statement>()

  constructor(private readonly db: Db) {}

  prepared(sql: string): Database.Statement {
    let statement = this.statements.get(sql)
    if (!statement) {
      statement = this.db.prepare(sql)
      this.statements.set(sql, statement)
    }
    return statement
  }

  getSync<C extends CollectionName>(collection: C, id: string): Collections[C] | null {
    const row = this.prepared(`SELECT doc FROM "${collection}" WHERE _id = ?`).get(id) as { doc: string } | undefined
    return row ? (JSON.parse(row.doc) as Collections[C]) : null
  }

  insertSync<C extends CollectionName>(collection: C, doc: Collections[C]): void {
    try {
      this.prepared(`INSERT INTO "${collection}" (_id, doc) VALUES (?, ?)`).run(doc._id, JSON.stringify(doc))
    } catch (error) {
      if (isUniqueViolation(error)) throw new DuplicateKeyError(collection)
      throw error
    }
  }

  updateSync<C extends CollectionName>(collection: C, id: string, patch: Patch<C>, expect: Partial<Record<string, Scalar>> = {}): boolean {
    const fields = Object.entries(patch).filter(([, value]) => value !== undefined)
    if (fields.length === 0) throw new Error('empty patch')
    const sets = fields.map(([field]) => `'${fieldPath(field)}', json(?)`).join(', ')
    const guards = Object.keys(expect).map((field) => ` AND json_extract(doc, '${fieldPath(field)}') IS ?`)
    const sql = `UPDATE "${collection}" SET doc = json_set(doc, ${sets}) WHERE _id = ?${guards.join('')}`
    try {
      const result = this.prepared(sql).run(...fields.map(([, value]) => JSON.stringify(value)), id, ...Object.values(expect).map((value) => bind(value as Scalar)))
      return result.changes === 1
    } catch (error) {
      if (isUniqueViolation(error)) throw new DuplicateKeyError(collection)
      throw error
    }
  }

  async get<C extends CollectionName>(collection: C, id: string): Promise<Collections[C] | null> {
    return this.getSync(collection, id)
  }

  async insert<C extends CollectionName>(collection: C, doc: Collections[C]): Promise<void> {
    this.insertSync(collection, doc)
  }

  async update<C extends CollectionName>(collection: C, id: string, patch: Patch<C>, expect?: Partial<Record<keyof Collections[C], Scalar>>): Promise<boolean> {
    return this.updateSync(collection, id, patch, expect as Partial<Record<string, Scalar>>)
  }
}

export class SqliteStore implements Store {
  private readonly ops: SqliteOps
  /** Serialises access: an open transaction must not interleave with other requests' statements. */
  private queue: Promise<unknown> = Promise.resolve()

  private constructor(readonly db: Db) {
    this.ops = new SqliteOps(db)
  }

  /** Opens (creating if needed) a database file, or `:memory:`, and brings its schema up to date. */
  static open(file: string): SqliteStore {
    const db = new Database(file)
    db.pragma('journal_mode = WAL')
    db.pragma('synchronous = NORMAL')
    db.pragma('foreign_keys = ON')
    db.pragma('busy_timeout = 5000')
    // Deleted and overwritten content is zeroed, not left in free space where a copy of the file would keep it.
    db.pragma('secure_delete = ON')
    migrate(db)
    // A crash between a round's close and its checkpoint leaves vote-time frames in the WAL: fold them in now.
    truncateWal(db)
    return new SqliteStore(db)
  }

  close(): void {
    this.db.close()
  }

  private exclusive<R>(work: () => Promise<R> | R): Promise<R> {
    const run = this.queue.then(work, work)
    this.queue = run.catch(() => undefined)
    return run
  }

  get<C extends CollectionName>(collection: C, id: string): Promise<Collections[C] | null> {
    return this.exclusive(() => this.ops.getSync(collection, id))
  }

  insert<C extends CollectionName>(collection: C, doc: Collections[C]): Promise<void> {
    return this.exclusive(() => this.ops.insertSync(collection, doc))
  }

  update<C extends CollectionName>(collection: C, id: string, patch: Patch<C>, expect?: Partial<Record<keyof Collections[C], Scalar>>): Promise<boolean> {
    return this.exclusive(() => this.ops.updateSync(collection, id, patch, expect as Partial<Record<string, Scalar>>))
  }

  query<C extends CollectionName>(collection: C, query: Query): Promise<Page<Collections[C]>> {
    return this.exclusive(() => {
      const { sql: whereSql, params } = whereClause(collection, query.where)
      const sortField = query.orderBy.field
      if (sortField !== '_id' && !indexedFields(collectionSpecs[collection]).has(sortField)) {
        throw new Error(`${collection}.${sortField} is not indexed`)
      }
      const sort = `"${columnOf(sortField)}"`
      const dir = query.orderBy.direction === 'asc' ? 'ASC' : 'DESC'
      const cmp = query.orderBy.direction === 'asc' ? '>' : '<'
      let cursorSql = ''
      if (query.cursor) {
        const decoded = decodeCursor(query.cursor)
        if (!decoded) throw new BadCursorError()
        const [value, id] = decoded
        // The first bound is redundant for the result but lets the index seek to the page: without
        // it SQLite walks the index from the first page on (a deep page read every entry before it).
        cursorSql = ` AND ${sort} ${cmp}= ? AND (${sort} ${cmp} ? OR (${sort} = ? AND _id ${cmp} ?))`
        params.push(bind(value), bind(value), bind(value), id)
      }
      const limit = Math.min(Math.max(query.limit, 1), 100)
      const rows = this.ops.prepared(`SELECT doc FROM "${collection}" WHERE ${whereSql}${cursorSql} ORDER BY ${sort} ${dir}, _id ${dir} LIMIT ?`).all(...params, limit + 1) as {
        doc: string
      }[]
      const items = rows.slice(0, limit).map((row) => JSON.parse(row.doc) as Collections[C])
      const last = items[items.length - 1]
      const nextCursor = rows.length > limit && last ? encodeCursor(((last as Record<string, unknown>)[sortField] ?? null) as Scalar, last._id) : null
      return { items, nextCursor }
    })
  }

  /** One upsert statement: SQLite runs it atomically, and the queue keeps it apart from any open transaction. */
  increment<C extends CollectionName>(collection: C, id: string, field: keyof Collections[C] & string, by: number, init: Collections[C]): Promise<number> {
    const path = fieldPath(field)
    return this.exclusive(() => {
      const row = this.ops
        .prepared(
          `INSERT INTO "${collection}" (_id, doc) VALUES (?, ?) ON CONFLICT(_id) DO UPDATE SET doc = json_set(doc, '${path}', coalesce(json_extract(doc, '${path}'), 0) + ?) RETURNING json_extract(doc, '${path}') AS n`,
        )
        .get(id, JSON.stringify({ ...init, _id: id, [field]: by }), by) as { n: number }
      return row.n
    })
  }

  count(collection: CollectionName, where: Record<string, Condition>): Promise<number> {
    return this.exclusive(() => {
      const { sql, params } = whereClause(collection, where)
      const row = this.ops.prepared(`SELECT COUNT(*) AS n FROM "${collection}" WHERE ${sql}`).get(...params) as {
        n: number
      }
      return row.n
    })
  }

  insertMany<C extends CollectionName>(collection: C, docs: readonly Collections[C][]): Promise<void> {
    return this.exclusive(() => {
      this.db.transaction(() => {
        for (const doc of docs) this.ops.insertSync(collection, doc)
      })()
    })
  }

  /**
   * Deletes the matching rows and inserts them again in a random order, in one
   * transaction: they get new rowids and new places in every index page in that
   * order, and secure_delete zeroes where they were. Then the WAL, which holds
   * every earlier commit's pages, is checkpointed and truncated to nothing.
   */
  reshuffle(collection: CollectionName, where: Record<string, Condition>): Promise<void> {
    return this.exclusive(() => {
      const { sql, params } = whereClause(collection, where)
      this.db.transaction(() => {
        const rows = this.ops.prepared(`SELECT _id, doc FROM "${collection}" WHERE ${sql}`).all(...params) as { _id: string; doc: string }[]
        this.ops.prepared(`DELETE FROM "${collection}" WHERE ${sql}`).run(...params)
        const insert = this.ops.prepared(`INSERT INTO "${collection}" (_id, doc) VALUES (?, ?)`)
        for (const row of shuffled(rows)) insert.run(row._id, row.doc)
      })()
      truncateWal(this.db)
    })
  }

  /** secure_delete (set at open) zeroes the deleted rows' bytes in the file, not only unlinks them. */
  removeMany(collection: CollectionName, ids: readonly string[]): Promise<number> {
    return this.exclusive(() => {
      if (ids.length > 100) throw new Error('removeMany takes at most 100 ids')
      if (ids.length === 0) return 0
      return this.ops.prepared(`DELETE FROM "${collection}" WHERE _id IN (${ids.map(() => '?').join(', ')})`).run(...ids).changes
    })
  }

  transaction<R>(work: (tx: StoreTx) => Promise<R>): Promise<R> {
    return this.exclusive(async () => {
      this.db.exec('BEGIN IMMEDIATE')
      try {
        const result = await work(this.ops)
        this.db.exec('COMMIT')
        return result
      } catch (error) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK')
        throw error
      }
    })
  }
}

/**
 * Copies every WAL frame into the database file and truncates the WAL to zero
 * bytes, so no earlier version of a page stays in it. Another connection
 * reading at that moment (a backup tool) can keep it from finishing; that is
 * reported, and the next close or start tries again.
 */
export function truncateWal(db: Db): void {
  if (db.memory) return
  const [result] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[]
  if (result?.busy) console.warn('[sqlite] WAL checkpoint was blocked by another reader; it is retried at the next close or start')
}
