import type { CollectionName, Collections } from './collections'
import type { Condition, Page, Query, Store } from './store'

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
export async function getMany<C extends CollectionName>(
  store: Store,
  collection: C,
  ids: readonly string[],
): Promise<Collections[C][]> {
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
export async function newestSince<C extends CollectionName>(
  store: Store,
  collection: C,
  where: Record<string, Condition>,
  field: string,
  from: string,
): Promise<Collections[C][]> {
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
