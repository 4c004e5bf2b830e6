import { collectionSpecs, indexedFields, type CollectionName, type Collections } from '../../core/collections'
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

/*
 * The WeChat cloud database adapter. Kept thin on purpose so it can be checked
 * by reading: each port operation maps onto one SDK call. Unique keys besides
 * _id are unique indexes created in the cloud console (see README).
 */

// The SDK ships loose typings; these are the few shapes this adapter touches.
interface WxCommand {
  in(values: readonly Scalar[]): unknown
  and(...conditions: unknown[]): unknown
  or(...conditions: unknown[]): unknown
  gt(value: Scalar): unknown
  lt(value: Scalar): unknown
  eq(value: Scalar): unknown
  set(value: unknown): unknown
  inc(value: number): unknown
}
interface WxDocRef {
  get(): Promise<{ data: unknown }>
  update(options: { data: Record<string, unknown> }): Promise<{ stats: { updated: number } }>
}
interface WxCollection {
  doc(id: string): WxDocRef
  add(options: { data: Record<string, unknown> | Record<string, unknown>[] }): Promise<unknown>
  where(condition: unknown): WxQuery
}
interface WxQuery {
  where(condition: unknown): WxQuery
  orderBy(field: string, direction: 'asc' | 'desc'): WxQuery
  limit(n: number): WxQuery
  get(): Promise<{ data: unknown[] }>
  count(): Promise<{ total: number }>
  update(options: { data: Record<string, unknown> }): Promise<{ stats: { updated: number } }>
  remove(): Promise<{ stats: { removed: number } }>
}
interface WxTransaction {
  collection(name: string): WxCollection
}
export interface WxDatabase {
  command: WxCommand
  collection(name: string): WxCollection
  runTransaction<R>(work: (transaction: WxTransaction) => Promise<R>): Promise<R>
}

const INSERT_BATCH = 100
/** Our own attempts at a transaction that met a conflict (the SDK's retries are inside each). */
const TRANSACTION_ATTEMPTS = 6
const RETRY_BASE_MS = 15

interface SdkError {
  code?: unknown
  errCode?: unknown
  errMsg?: unknown
  message?: unknown
}

const textOf = (error: unknown): string => {
  const { errMsg, message } = (error ?? {}) as SdkError
  return `${typeof errMsg === 'string' ? errMsg : ''} ${typeof message === 'string' ? message : ''}`
}

/**
 * Only the documented duplicate: `DATABASE_DUPLICATE_WRITE` ("唯一索引冲突"). It is not in wx-server-sdk's code
 * table (index.js, TCB_ERR_CODE), so it arrives as errCode -501001 (SYS_ERR) with `.code` gone and only its
 * message (MongoDB's E11000 … duplicate key) to identify it; some environments may send it as
 * -502001 (DATABASE_REQUEST_FAILED) with that message. A -502001 without it is any failure at all
 * ("数据库通用错误") and must not pass for "already there" (CLOUD-NOTES.md; issue 15, breakage 2).
 */
export function isDuplicateKey(error: unknown): boolean {
  const { code, errCode } = (error ?? {}) as SdkError
  if (code === 'DATABASE_DUPLICATE_WRITE') return true
  const text = textOf(error)
  if (/DATABASE_DUPLICATE_WRITE/.test(text)) return true
  return (errCode === -501001 || errCode === -502001) && /E11000|duplicate key/i.test(text)
}

/**
 * A transaction conflict, however it arrives: with `.code` (a conflict at commit, thrown by
 * @cloudbase/database's own request) or as wx-server-sdk's rewrap of a conflict on an operation inside
 * the transaction (index.js, helper/error-checker `maybeTransformError` → errCode -501001, `.code` dropped,
 * the message kept in errMsg).
 */
export function isTransactionConflict(error: unknown): boolean {
  const { code } = (error ?? {}) as SdkError
  return code === 'DATABASE_TRANSACTION_CONFLICT' || /DATABASE_TRANSACTION_CONFLICT|transaction conflict|WriteConflict/i.test(textOf(error))
}

function rethrow(collection: string, error: unknown): never {
  if (isDuplicateKey(error)) throw new DuplicateKeyError(collection)
  throw error
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  const ka = Object.keys(a as object).filter((k) => (a as Record<string, unknown>)[k] !== undefined)
  const kb = Object.keys(b as object).filter((k) => (b as Record<string, unknown>)[k] !== undefined)
  return ka.length === kb.length && ka.every((k) => deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
}

/** Throws like the SQLite adapter when a query filters or sorts on a field no index covers. */
function checkIndexed(collection: CollectionName, fields: string[]): void {
  const allowed = indexedFields(collectionSpecs[collection])
  for (const field of fields) if (field !== '_id' && !allowed.has(field)) throw new Error(`${collection}.${field} is not indexed`)
}

function condition(_: WxCommand, value: Condition): unknown {
  return value !== null && typeof value === 'object' ? _.in(value.in) : value
}

/** Objects and arrays are replaced whole, not merged field by field. */
function patchData(_: WxCommand, patch: Record<string, unknown>): Record<string, unknown> {
  const data: Record<string, unknown> = {}
  for (const [field, value] of Object.entries(patch)) {
    if (value === undefined) continue
    data[field] = value !== null && typeof value === 'object' ? _.set(value) : value
  }
  return data
}

class WxOps implements StoreTx {
  constructor(
    protected readonly _: WxCommand,
    private readonly collectionOf: (name: string) => WxCollection,
    private readonly inTransaction: boolean,
  ) {}

  async get<C extends CollectionName>(collection: C, id: string): Promise<Collections[C] | null> {
    const { data } = await this.collectionOf(collection).doc(id).get()
    return (data as Collections[C] | null) ?? null
  }

  async insert<C extends CollectionName>(collection: C, doc: Collections[C]): Promise<void> {
    await this.collectionOf(collection)
      .add({ data: doc as unknown as Record<string, unknown> })
      .catch((error: unknown) => rethrow(collection, error))
  }

  async update<C extends CollectionName>(collection: C, id: string, patch: Patch<C>, expect: Partial<Record<keyof Collections[C], Scalar>> = {}): Promise<boolean> {
    const data = patchData(this._, patch as Record<string, unknown>)
    if (this.inTransaction) {
      // Transactions allow single-document calls only; the transaction itself guards the read.
      const current = (await this.get(collection, id)) as Record<string, unknown> | null
      if (!current) return false
      for (const [field, value] of Object.entries(expect)) if ((current[field] ?? null) !== value) return false
      await this.collectionOf(collection)
        .doc(id)
        .update({ data })
        .catch((error: unknown) => rethrow(collection, error))
      return true
    }
    const { stats } = await this.collectionOf(collection)
      .where({ _id: id, ...expect })
      .update({ data })
      .catch((error: unknown) => rethrow(collection, error))
    if (stats.updated === 1) return true
    // `updated` may count modified documents, not matched ones (MongoDB's meaning; not confirmed on a real
    // backend: CLOUD-NOTES.md), so 0 can also mean "matched, and already so". One read tells them apart:
    // the document holds what `expect` asks and what the patch sets, which is the state this update makes.
    const current = (await this.get(collection, id)) as Record<string, unknown> | null
    if (!current) return false
    for (const [field, value] of Object.entries(expect)) if ((current[field] ?? null) !== value) return false
    return Object.entries(patch as Record<string, unknown>).every(([field, value]) => value === undefined || deepEqual(current[field] ?? null, value))
  }
}

export class WxCloudStore extends WxOps implements Store {
  constructor(private readonly db: WxDatabase) {
    super(db.command, (name) => db.collection(name), false)
  }

  async query<C extends CollectionName>(collection: C, query: Query): Promise<Page<Collections[C]>> {
    const _ = this._
    checkIndexed(collection, [...Object.keys(query.where), query.orderBy.field])
    const where: Record<string, unknown> = {}
    for (const [field, value] of Object.entries(query.where)) where[field] = condition(_, value)
    const { field, direction } = query.orderBy
    let filter: unknown = where
    if (query.cursor) {
      const decoded = decodeCursor(query.cursor)
      if (!decoded) throw new BadCursorError()
      const [value, id] = decoded
      const beyond = direction === 'asc' ? _.gt : _.lt
      filter = _.and(where, _.or({ [field]: beyond.call(_, value) }, { [field]: _.eq(value), _id: beyond.call(_, id) }))
    }
    const limit = Math.min(Math.max(query.limit, 1), 100)
    const { data } = await this.db
      .collection(collection)
      .where(filter)
      .orderBy(field, direction)
      .orderBy('_id', direction)
      .limit(limit + 1)
      .get()
    const items = data.slice(0, limit) as Collections[C][]
    const last = items[items.length - 1] as Record<string, unknown> | undefined
    const nextCursor = data.length > limit && last ? encodeCursor((last[field] ?? null) as Scalar, last._id as string) : null
    return { items, nextCursor }
  }

  async count(collection: CollectionName, where: Record<string, Condition>): Promise<number> {
    checkIndexed(collection, Object.keys(where))
    const filter: Record<string, unknown> = {}
    for (const [field, value] of Object.entries(where)) filter[field] = condition(this._, value)
    const { total } = await this.db.collection(collection).where(filter).count()
    return total
  }

  /**
   * One request per 100 documents: `add` takes an array (wx-server-sdk 4.0.2
   * index.js, CollectionReference.add passes `data` through and answers `_ids`
   * for an array; @cloudbase/database collection.js sends it as one insertDocument).
   */
  async insertMany<C extends CollectionName>(collection: C, docs: readonly Collections[C][]): Promise<void> {
    for (let i = 0; i < docs.length; i += INSERT_BATCH) {
      await this.db
        .collection(collection)
        .add({ data: docs.slice(i, i + INSERT_BATCH) as unknown as Record<string, unknown>[] })
        .catch((error: unknown) => rethrow(collection, error))
    }
  }

  /**
   * Nothing to do here: the cloud database's files, logs and backups are not
   * ours to rewrite. What keeps the ballot secret there is that slots are made
   * together, all alike, before anyone votes, and a vote updates one in place,
   * so insertion order (what unsorted queries and console exports show) says
   * nothing of who voted when. What the platform may keep of updates is listed
   * in the README's privacy section.
   */
  async reshuffle(): Promise<void> {}

  /**
   * One request: `where({ _id: _.in(ids) }).remove()`, the server-side batch delete ("删除多条记录 … 只支持通过匹配
   * where 语句来删除", https://developers.weixin.qq.com/miniprogram/dev/wxcloudservice/wxcloud/reference-sdk-api/database/collection/Collection.remove.md);
   * wx-server-sdk answers `stats.removed`.
   */
  async removeMany(collection: CollectionName, ids: readonly string[]): Promise<number> {
    if (ids.length > 100) throw new Error('removeMany takes at most 100 ids')
    if (ids.length === 0) return 0
    const { stats } = await this.db
      .collection(collection)
      .where({ _id: this._.in(ids) })
      .remove()
    return stats.removed
  }

  /**
   * `_.inc` is the database's own atomic add ("原子自增 … 多个用户同时写时不会丢失", db.command.inc,
   * https://developers.weixin.qq.com/miniprogram/dev/wxcloudservice/wxcloud/reference-sdk-api/database/command/Command.inc.html).
   * The first increment of a counter finds no document and adds it; of two first increments at once one add
   * fails on the `_id` and increments instead. The new value is read afterwards, so under concurrency it may
   * already include others' increments: never less than this one's.
   */
  async increment<C extends CollectionName>(collection: C, id: string, field: keyof Collections[C] & string, by: number, init: Collections[C]): Promise<number> {
    const ref = this.db.collection(collection)
    for (let attempt = 0; ; attempt++) {
      const { stats } = await ref.where({ _id: id }).update({ data: { [field]: this._.inc(by) } })
      if (stats.updated === 0) {
        try {
          await ref.add({ data: { ...(init as unknown as Record<string, unknown>), _id: id, [field]: by } })
          return by
        } catch (error) {
          if (!isDuplicateKey(error) || attempt >= 2) throw error
          continue
        }
      }
      const current = (await this.get(collection, id)) as Record<string, unknown> | null
      return Number(current?.[field] ?? by)
    }
  }

  /**
   * `runTransaction` of @cloudbase/database (dist/commonjs/transaction/index.js) retries only when
   * `error.code === 'DATABASE_TRANSACTION_CONFLICT'`, which holds for a conflict at commit. A conflict on an
   * operation inside the transaction (another open transaction wrote the document: the platform fails the
   * write at once) comes through wx-server-sdk's rewrap (index.js, database/helper/error-checker.ts) as
   * errCode -501001 without `.code`, so the SDK rolls back and gives up. We retry those ourselves, a few
   * times, after a random pause that grows, so two taps that collided do not collide again in step.
   */
  async transaction<R>(work: (tx: StoreTx) => Promise<R>): Promise<R> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.db.runTransaction((transaction) => work(new WxOps(this._, (name) => transaction.collection(name), true)))
      } catch (error) {
        if (attempt >= TRANSACTION_ATTEMPTS || !isTransactionConflict(error)) throw error
        await sleep(RETRY_BASE_MS * 2 ** (attempt - 1) * (0.5 + Math.random()))
      }
    }
  }
}
