import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseCsv } from '../../shared/member/roster'
import {
  describeChange,
  describeProblem,
  parseItems,
  parseReference,
  referenceChange,
  referenceFiles,
  type Loaded,
  type ReferenceChange,
  type ReferenceData,
} from '../../shared/power/reference'
import { queryAll } from './paging'
import type { PowerItem } from '../../shared/power/schema'
import type { CollectionName, Collections } from './collections'
import { DuplicateKeyError, type Patch, type Store } from './store'
import { AppError } from '../../shared/errors'
import { changedFields, districtLoader, itemVersion } from '../../shared/power/rules'
import { noticesOf, reachableChairs } from '../power/item-versions'

/**
 * The folder of the district's data files (cloudfunctions/setup/reference). The same code runs from the source
 * tree (tests), from the local host's bundles in .build/, and from the setup function's bundle, next to which
 * scripts/build-functions.mjs copies the files. A cloud function reads files uploaded with it by __dirname plus a
 * relative path ("用户代码目录：__dirname … 如果有随云函数打包上传的资源文件，可以通过 __dirname 加相对路径引用获取",
 * https://developers.weixin.qq.com/miniprogram/dev/wxcloud/guide/functions/notice.html).
 */
export function referenceDir(): string {
  const layouts = [join(__dirname, '../setup/reference'), join(__dirname, '../cloudfunctions/setup/reference'), join(__dirname, 'reference')]
  const found = layouts.find((dir) => existsSync(join(dir, referenceFiles.items)))
  if (!found) throw new Error(`区级权力清单的数据文件不见了（找过 ${layouts.join('、')}）`)
  return found
}

const tableIn = (dir: string, file: string) => parseCsv(readFileSync(join(dir, file), 'utf8'))

/** Reads and checks the four district files in `dir`: every bad line, or the data. */
export function loadReference(dir: string): Loaded<ReferenceData> {
  const absent = Object.values(referenceFiles).filter((file) => !existsSync(join(dir, file)))
  if (absent.length > 0) return { ok: false, problems: absent.map((file) => ({ file, line: 0, reason: `${dir} 里没有这个文件` })) }
  return parseReference({
    categories: tableIn(dir, referenceFiles.categories),
    items: tableIn(dir, referenceFiles.items),
    responsibilities: tableIn(dir, referenceFiles.responsibilities),
    prohibitions: tableIn(dir, referenceFiles.prohibitions),
  })
}

/** The shipped files; a bad line is a broken deployment, so it throws, naming every one. */
export function readReference(dir: string = referenceDir()): ReferenceData {
  const loaded = loadReference(dir)
  if (!loaded.ok) throw new Error(`区级权力清单的数据文件有错：\n${loaded.problems.map(describeProblem).join('\n')}`)
  return loaded.value
}

/** A township's featured items from a file in the same format as the district items (the demo's own list). */
export function readTownshipItems(file: string, townshipId: string, data: ReferenceData): PowerItem[] {
  const loaded = parseItems(tableIn(referenceDir(), file), {
    level: 'township',
    townshipId,
    categoryIds: new Set(data.categories.map((c) => c._id)),
    file,
  })
  if (!loaded.ok) throw new Error(loaded.problems.map(describeProblem).join('\n'))
  return loaded.value
}

/** Documents a cloud `add` carries at once here: items with their flowcharts run to a few KB each. */
const WRITE_BATCH = 50

/** Inserts the documents whose ids are not there yet: one read a hundred ids, then batched inserts. */
async function insertMissing<C extends CollectionName>(store: Store, collection: C, docs: readonly Collections[C][]): Promise<Set<string>> {
  const ids = docs.map((d) => d._id)
  const present = new Set<string>()
  for (let i = 0; i < ids.length; i += 100) {
    const page = await store.query(collection, { where: { _id: { in: ids.slice(i, i + 100) } }, orderBy: { field: '_id', direction: 'asc' }, limit: 100 })
    for (const doc of page.items) present.add(doc._id)
  }
  const missing = docs.filter((d) => !present.has(d._id))
  for (let i = 0; i < missing.length; i += WRITE_BATCH) await store.insertMany(collection, missing.slice(i, i + WRITE_BATCH))
  return present
}

/** Updates in parallel a chunk at a time: one round trip a chunk rather than one a document. */
async function updateAll<C extends CollectionName>(store: Store, collection: C, docs: readonly Collections[C][]): Promise<void> {
  for (let i = 0; i < docs.length; i += 20) {
    await Promise.all(docs.slice(i, i + 20).map(({ _id, ...patch }) => store.update(collection, _id, patch as Patch<C>)))
  }
}

/**
 * Writes the reference data that is not there yet, a collection at a time: one read of the ids already
 * present, then batched inserts. Each district item starts its 变更记录 with version 1 (新增了这一项, at `now`,
 * 区级清单导入 运营方), written before the item. Run again after a crash, it adds only what is missing.
 */
export async function insertReference(store: Store, data: ReferenceData, now: Date): Promise<void> {
  const at = now.toISOString()
  const items = data.items.map((item) => ({ ...item, version: 1 }))
  await insertMissing(store, 'power_category', data.categories)
  await insertMissing(
    store,
    'power_item_version',
    items.map((item) => itemVersion(item, 1, 'created', [], '', at, districtLoader())),
  )
  await insertMissing(store, 'power_item', items)
  await insertMissing(store, 'responsibility', data.responsibilities)
  await insertMissing(store, 'prohibition', data.prohibitions)
}

/** What bootstrap says it loaded. */
export const describeLoaded = (data: ReferenceData) =>
  `已载入 区级权力清单 ${data.items.length} 项（${data.categories.length} 类）、责任清单 ${data.responsibilities.length} 条、负面清单 ${data.prohibitions.length} 条`

/**
 * The district's lists as the store holds them now (township featured items are the townships' own), each item
 * as its file would give it: its version number is the store's bookkeeping, not the district's content.
 */
export async function presentReference(store: Store): Promise<{ data: ReferenceData; versions: Map<string, number> }> {
  const [categories, items, responsibilities, prohibitions] = await Promise.all([
    queryAll(store, 'power_category', {}, { field: '_id', direction: 'asc' }),
    queryAll(store, 'power_item', { level: 'district' }, { field: '_id', direction: 'asc' }),
    queryAll(store, 'responsibility', {}, { field: '_id', direction: 'asc' }),
    queryAll(store, 'prohibition', {}, { field: '_id', direction: 'asc' }),
  ])
  const versions = new Map(items.map((item) => [item._id, item.version ?? 0]))
  const asInFile = items.map(({ version: _version, removedAt: _removedAt, ...item }) => item)
  return { data: { categories, items: asInFile, responsibilities, prohibitions }, versions }
}

export interface Applied {
  /** Version records written (one per item added or changed). */
  versions: number
  /** Chairs' notices queued. */
  notified: number
}

/**
 * Writes a previewed change: new documents in batches, changed ones in place; what only the store has stays
 * (a line missing from a file is more often an editing slip than a withdrawal, and the committee's review mark
 * speaks of the township; the preview names each such item for the operator).
 *
 * Each district item added or changed gets a new version (who: `by`, when: `now`, which fields), and each chair
 * of a village whose published list holds a changed item a notice. A load may touch a hundred items, too many
 * for a transaction each within a function call, so they are written in an order a rerun repairs: versions and
 * notices first (keyed <item>:v<n> and pn:<version>:<person>, so a rerun adds none twice), the items last. Until
 * its item is written, an item still differs from the file and the same load, run again, writes it.
 */
export async function applyReferenceChange(
  store: Store,
  before: Map<string, number>,
  present: ReferenceData,
  change: ReferenceChange,
  options: { now: Date; by?: string },
): Promise<Applied> {
  const at = options.now.toISOString()
  const author = districtLoader(options.by)
  const was = new Map(present.items.map((item) => [item._id, item]))
  const added = change.items.added.map((item) => ({ item: { ...item, version: 1 }, record: itemVersion(item, 1, 'created', [], '', at, author) }))
  const changed = change.items.changed.map((item) => {
    const version = (before.get(item._id) ?? 0) + 1
    return { item: { ...item, version }, record: itemVersion(item, version, 'edited', changedFields(was.get(item._id)!, item), '', at, author) }
  })

  // The villages whose published list holds a changed item, and their chairs, read once for the whole load.
  const selections: Collections['power_selection'][] = []
  const changedIds = changed.map((c) => c.item._id)
  for (let i = 0; i < changedIds.length; i += 100) {
    selections.push(...(await queryAll(store, 'power_selection', { itemId: { in: changedIds.slice(i, i + 100) }, selected: true }, { field: '_id', direction: 'asc' })))
  }
  const chairs = await reachableChairs({ store }, [...new Set(selections.map((s) => s.villageId))])
  const notices = changed.flatMap(({ item, record }) => {
    const villages = selections.filter((s) => s.itemId === item._id).map((s) => s.villageId)
    return noticesOf(at, item, record._id, chairs, villages, `区里修改了清单事项：${item.name}`)
  })

  await insertMissing(store, 'power_category', change.categories.added)
  await updateAll(store, 'power_category', change.categories.changed)
  // A version left by a load cut short is rewritten with this load's content, which its item is about to get.
  const records = [...added, ...changed].map((c) => c.record)
  const earlier = await insertMissing(store, 'power_item_version', records)
  await updateAll(
    store,
    'power_item_version',
    records.filter((r) => earlier.has(r._id)),
  )
  await insertMissing(store, 'notification', notices)
  await insertMissing(
    store,
    'power_item',
    added.map((c) => c.item),
  )
  await updateAll(
    store,
    'power_item',
    changed.map((c) => c.item),
  )
  for (const key of ['responsibilities', 'prohibitions'] as const) {
    const collection = key === 'responsibilities' ? 'responsibility' : 'prohibition'
    await insertMissing(store, collection, change[key].added)
    await updateAll(store, collection, change[key].changed)
  }
  return { versions: records.length, notified: notices.length }
}

/**
 * The operator's load of a new version from `dir`: every bad line and nothing written, or what each list gains
 * and changes, written only when `apply`. Behind both `npm run admin -- import-power-list` and the setup function.
 */
export async function importReference(
  store: Store,
  dir: string,
  apply: boolean,
  options: { now: Date; by?: string },
): Promise<{ ok: false; problems: string[] } | ({ ok: true; changes: string[] } & Applied)> {
  const loaded = loadReference(dir)
  if (!loaded.ok) return { ok: false, problems: loaded.problems.map(describeProblem) }
  const { data, versions } = await presentReference(store)
  const change = referenceChange(data, loaded.value)
  let applied: Applied = { versions: 0, notified: 0 }
  try {
    if (apply) applied = await applyReferenceChange(store, versions, data, change, options)
  } catch (error) {
    // Another load wrote the same version first (its key): what it wrote stays, and a rerun finds nothing left to do.
    if (error instanceof DuplicateKeyError) throw new AppError('CONFLICT', '同时有另一次导入在写入，请等它完成后再运行一次（已写入的不会重复）')
    throw error
  }
  return { ok: true, changes: describeChange(change), ...applied }
}
