import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseCsv } from '../../shared/domain/roster'
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
} from '../../shared/domain/power-reference'
import { queryAll } from './paging'
import type { PowerItem } from '../../shared/domain/power'
import type { CollectionName, Collections } from './collections'
import type { Store } from './store'

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

/**
 * Writes the reference data that is not there yet, a collection at a time: one read of the ids already
 * present, then batched inserts. Run again after a crash, it adds only what is missing.
 */
export async function insertReference(store: Store, data: ReferenceData): Promise<void> {
  const put = async <C extends CollectionName>(collection: C, docs: readonly Collections[C][]) => {
    const ids = docs.map((d) => d._id)
    const present = new Set<string>()
    for (let i = 0; i < ids.length; i += 100) {
      const page = await store.query(collection, { where: { _id: { in: ids.slice(i, i + 100) } }, orderBy: { field: '_id', direction: 'asc' }, limit: 100 })
      for (const doc of page.items) present.add(doc._id)
    }
    const missing = docs.filter((d) => !present.has(d._id))
    for (let i = 0; i < missing.length; i += WRITE_BATCH) await store.insertMany(collection, missing.slice(i, i + WRITE_BATCH))
  }
  await put('power_category', data.categories)
  await put('power_item', data.items)
  await put('responsibility', data.responsibilities)
  await put('prohibition', data.prohibitions)
}

/** What bootstrap says it loaded. */
export const describeLoaded = (data: ReferenceData) =>
  `已载入 区级权力清单 ${data.items.length} 项（${data.categories.length} 类）、责任清单 ${data.responsibilities.length} 条、负面清单 ${data.prohibitions.length} 条`

/** The district's lists as the store holds them now (township featured items are the townships' own). */
export async function presentReference(store: Store): Promise<ReferenceData> {
  const [categories, items, responsibilities, prohibitions] = await Promise.all([
    queryAll(store, 'power_category', {}, { field: '_id', direction: 'asc' }),
    queryAll(store, 'power_item', { level: 'district' }, { field: '_id', direction: 'asc' }),
    queryAll(store, 'responsibility', {}, { field: '_id', direction: 'asc' }),
    queryAll(store, 'prohibition', {}, { field: '_id', direction: 'asc' }),
  ])
  return { categories, items, responsibilities, prohibitions }
}

/** Writes a previewed change: new documents in batches, changed ones in place; what only the store has stays. */
export async function applyReferenceChange(store: Store, change: ReferenceChange): Promise<void> {
  const write = async <C extends CollectionName>(collection: C, added: readonly Collections[C][], changed: readonly Collections[C][]) => {
    for (let i = 0; i < added.length; i += WRITE_BATCH) await store.insertMany(collection, added.slice(i, i + WRITE_BATCH))
    for (const { _id, ...patch } of changed) await store.update(collection, _id, patch)
  }
  await write('power_category', change.categories.added, change.categories.changed)
  await write('power_item', change.items.added, change.items.changed)
  await write('responsibility', change.responsibilities.added, change.responsibilities.changed)
  await write('prohibition', change.prohibitions.added, change.prohibitions.changed)
}

/**
 * The operator's load of a new version from `dir`: every bad line and nothing written, or what each list gains
 * and changes, written only when `apply`. Behind both `npm run admin -- import-power-list` and the setup function.
 */
export async function importReference(store: Store, dir: string, apply: boolean): Promise<{ ok: false; problems: string[] } | { ok: true; changes: string[] }> {
  const loaded = loadReference(dir)
  if (!loaded.ok) return { ok: false, problems: loaded.problems.map(describeProblem) }
  const change = referenceChange(await presentReference(store), loaded.value)
  if (apply) await applyReferenceChange(store, change)
  return { ok: true, changes: describeChange(change) }
}
