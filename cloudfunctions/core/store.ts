import type { CollectionName, Collections } from './collections'

export type Scalar = string | number | boolean | null

/** Equality on a field, or membership in a short list of values. */
export type Condition = Scalar | { in: readonly Scalar[] }

export interface Query {
  where: Record<string, Condition>
  orderBy: { field: string; direction: 'asc' | 'desc' }
  /** at most 100 */
  limit: number
  /** opaque, from a previous page's `nextCursor` */
  cursor?: string | null
}

export interface Page<T> {
  items: T[]
  nextCursor: string | null
}

/** A document patch: top-level fields to set. */
export type Patch<C extends CollectionName> = Partial<Omit<Collections[C], '_id'>>

/** Operations allowed inside a transaction (the cloud database allows only these there). */
export interface StoreTx {
  get<C extends CollectionName>(collection: C, id: string): Promise<Collections[C] | null>
  /** Fails with DuplicateKeyError when `_id` or a unique key is taken. */
  insert<C extends CollectionName>(collection: C, doc: Collections[C]): Promise<void>
  /**
   * Sets the patch's fields if the document exists and every `expect` field
   * still has the given value; returns whether it did.
   */
  update<C extends CollectionName>(collection: C, id: string, patch: Patch<C>, expect?: Partial<Record<keyof Collections[C], Scalar>>): Promise<boolean>
}

export interface Store extends StoreTx {
  query<C extends CollectionName>(collection: C, query: Query): Promise<Page<Collections[C]>>
  count(collection: CollectionName, where: Record<string, Condition>): Promise<number>
  /** Runs `work` atomically: all of its writes land, or none. */
  transaction<R>(work: (tx: StoreTx) => Promise<R>): Promise<R>
  /**
   * Inserts many documents in few requests (a cloud function has seconds, not
   * minutes). Not atomic: a crash may land some of them, so use it only where
   * part of the batch is harmless. Fails with DuplicateKeyError like `insert`.
   */
  insertMany<C extends CollectionName>(collection: C, docs: readonly Collections[C][]): Promise<void>
  /**
   * Rewrites the matching documents so that storage no longer tells when, or
   * in what order, they were written: a fresh random physical order, and no
   * earlier version of them left anywhere in the database's files. Used when a
   * secret ballot closes (docs/architecture.md, "The secret ballot in storage").
   */
  reshuffle(collection: CollectionName, where: Record<string, Condition>): Promise<void>
  /**
   * Deletes the documents with these ids (at most 100, one request in the cloud) and answers how many
   * were there. Used only by the retention policy (core/retention.ts); nothing else deletes.
   */
  removeMany(collection: CollectionName, ids: readonly string[]): Promise<number>
  /**
   * Adds `by` to the number `field` of the document `id` in one atomic step, creating the document as `init`
   * (whose `field` is then `by`) if there is none, and answers the new value. A counter without a
   * read-then-write race (core/attempts.ts): concurrent increments all land.
   */
  increment<C extends CollectionName>(collection: C, id: string, field: keyof Collections[C] & string, by: number, init: Collections[C]): Promise<number>
}

export class DuplicateKeyError extends Error {
  constructor(readonly collection: string) {
    super(`duplicate key in ${collection}`)
    this.name = 'DuplicateKeyError'
  }
}

/** Cursor: the last row's sort value and id, so pages stay stable under inserts. */
export function encodeCursor(value: Scalar, id: string): string {
  return Buffer.from(JSON.stringify([value, id]), 'utf8').toString('base64url')
}

export function decodeCursor(cursor: string): [Scalar, string] | null {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
    if (!Array.isArray(parsed) || parsed.length !== 2 || typeof parsed[1] !== 'string') return null
    const [value, id] = parsed as [unknown, string]
    if (value !== null && !['string', 'number', 'boolean'].includes(typeof value)) return null
    return [value as Scalar, id]
  } catch {
    return null
  }
}

export class BadCursorError extends Error {
  constructor() {
    super('bad cursor')
    this.name = 'BadCursorError'
  }
}
