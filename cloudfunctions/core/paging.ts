import type { CollectionName, Collections } from './collections'
import { encodeCursor, type Condition, type Page, type Query, type Scalar, type Store } from './store'

/** Reads every matching document page by page; for small, bounded sets (a village's list, a household). */
export async function queryAll<C extends CollectionName>(
  store: Store,
  collection: C,
  where: Record<string, Condition>,
  orderBy: Query['orderBy'],
  max = 2000,
): Promise<Collections[C][]> {
  const all: Collections[C][] = []
  let cursor: string | null = null
  do {
    const page: Page<Collections[C]> = await store.query(collection, { where, orderBy, limit: 100, cursor })
    all.push(...page.items)
    cursor = page.nextCursor
  } while (cursor && all.length < max)
  return all
}

/** Fetches documents by id in batches, keeping the order of `ids` and skipping missing ones. */
export async function getMany<C extends CollectionName>(store: Store, collection: C, ids: readonly string[]): Promise<Collections[C][]> {
  const byId = new Map<string, Collections[C]>()
  for (let i = 0; i < ids.length; i += 100) {
    const batch = ids.slice(i, i + 100)
    const page = await store.query(collection, {
      where: { _id: { in: batch } },
      orderBy: { field: '_id', direction: 'asc' },
      limit: 100,
    })
    for (const doc of page.items) byId.set(doc._id, doc)
  }
  return ids.flatMap((id) => byId.get(id) ?? [])
}

/**
 * Documents matching `where`, newest first by `field`, back to the instant
 * `from`: pages are read only until older documents begin.
 */
export async function newestSince<C extends CollectionName>(store: Store, collection: C, where: Record<string, Condition>, field: string, from: string): Promise<Collections[C][]> {
  const found: Collections[C][] = []
  let cursor: string | null = null
  do {
    const page: Page<Collections[C]> = await store.query(collection, { where, orderBy: { field, direction: 'desc' }, limit: 100, cursor })
    for (const doc of page.items) {
      if (String((doc as Record<string, unknown>)[field]) < from) return found
      found.push(doc)
    }
    cursor = page.nextCursor
  } while (cursor)
  return found
}

/**
 * A full page of `size` results from an indexed query whose matches still need a check no index can make
 * (`keep` answers a result per document, or null to drop it): store pages are read until the page is full and
 * one more result is known to follow, so `nextCursor` is null exactly when nothing more matches. The cursor
 * of a page that ends inside a store page is that document's, in the port's format (core/store.ts). At most
 * `maxReads` store pages a call: a page cut short by that still gives the cursor to go on from.
 */
export async function filledPage<C extends CollectionName, T>(
  store: Store,
  collection: C,
  query: Omit<Query, 'limit'>,
  size: number,
  keep: (docs: Collections[C][]) => Promise<(T | null)[]>,
  maxReads = 5,
): Promise<Page<T>> {
  const found: { result: T; cursor: string }[] = []
  let cursor = query.cursor ?? null
  for (let read = 0; read < maxReads; read++) {
    const page: Page<Collections[C]> = await store.query(collection, { ...query, limit: size, cursor })
    const kept = await keep(page.items)
    page.items.forEach((doc, i) => {
      const result = kept[i]
      const sortValue = ((doc as Record<string, unknown>)[query.orderBy.field] ?? null) as Scalar
      if (result !== null && result !== undefined) found.push({ result, cursor: encodeCursor(sortValue, doc._id) })
    })
    if (found.length > size) return { items: found.slice(0, size).map((f) => f.result), nextCursor: found[size - 1]!.cursor }
    cursor = page.nextCursor
    if (!cursor) return { items: found.map((f) => f.result), nextCursor: null }
  }
  return { items: found.map((f) => f.result), nextCursor: cursor }
}
