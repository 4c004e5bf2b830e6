import type { CollectionName, Collections } from '../../core/collections'
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
}
interface WxTransaction {
  collection(name: string): WxCollection
}
export interface WxDatabase {
  command: WxCommand
  collection(name: string): WxCollection
  runTransaction<R>(work: (transaction: WxTransaction) => Promise<R>): Promise<R>
}

const DUPLICATE_KEY = -502001
const INSERT_BATCH = 100

function rethrow(collection: string, error: unknown): never {
  const { errCode, errMsg } = error as { errCode?: number; errMsg?: string }
  if (errCode === DUPLICATE_KEY || /duplicate key/i.test(errMsg ?? '')) throw new DuplicateKeyError(collection)
  throw error
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

  async update<C extends CollectionName>(
    collection: C,
    id: string,
    patch: Patch<C>,
    expect: Partial<Record<keyof Collections[C], Scalar>> = {},
  ): Promise<boolean> {
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
    return stats.updated === 1
  }
}

export class WxCloudStore extends WxOps implements Store {
  constructor(private readonly db: WxDatabase) {
    super(db.command, (name) => db.collection(name), false)
  }

  async query<C extends CollectionName>(collection: C, query: Query): Promise<Page<Collections[C]>> {
    const _ = this._
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
    const nextCursor =
      data.length > limit && last ? encodeCursor((last[field] ?? null) as Scalar, last._id as string) : null
    return { items, nextCursor }
  }

  async count(collection: CollectionName, where: Record<string, Condition>): Promise<number> {
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

  transaction<R>(work: (tx: StoreTx) => Promise<R>): Promise<R> {
    return this.db.runTransaction((transaction) =>
      work(new WxOps(this._, (name) => transaction.collection(name), true)),
    )
  }
}
