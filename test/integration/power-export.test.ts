import readXlsxFile from 'read-excel-file/node'
import { parseItems } from '../../shared/power/reference'
import type { PowerItem } from '../../shared/power/schema'
import { exportFileStores, exportWorld } from '../support/export-files'
import { addNeighbourTownship, docsOf, expectError, expectOk, people, type TestStore } from '../support/harness'

/**
 * power.exportList / power.prepareExportList (issue 16): township staff export the district list or their featured
 * list as an .xlsx in the import's format. Each export is read back with read-excel-file and the import's own
 * parser, and must give the list's items as the store holds them. Run on both file stores (the local host's data
 * folder over HTTP; cloud storage through the cloud file store over the storage stand-in) and, with STORE=cloud,
 * on the cloud database adapter too.
 */
const HOUR = 3_600_000
const SHIQIAO = 'tw-shiqiao'

/** A workbook as the import reads it: its sheets' names, and the first sheet's cells as text (empty cells ''). */
async function readBack(bytes: Buffer) {
  const sheets = await readXlsxFile(bytes)
  const rows = sheets[0]!.data.map((row) => row.map((cell) => (cell === null ? '' : cell)))
  return { names: sheets.map((s) => s.sheet), rows }
}

/** The items of an exported workbook, read by the import's parser; fails the test on any line it refuses. */
async function itemsIn(store: TestStore, bytes: Buffer, level: PowerItem['level'], townshipId: string | null): Promise<PowerItem[]> {
  const { rows } = await readBack(bytes)
  // Every cell is text, as the import reads it: a code like 3-05 or a name starting with = never turns into something else.
  expect(rows.flat().filter((c) => typeof c !== 'string')).toEqual([])
  const categoryIds = new Set(docsOf(store, 'power_category').map((c) => c._id))
  const parsed = parseItems(rows as string[][], { level, townshipId, categoryIds, file: 'export.xlsx' })
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems))
  return parsed.value
}

/** What a file holds of an item: everything but its id (the file names the code), version and removal. */
const content = ({ _id, version, removedAt, townshipId, ...rest }: PowerItem) => rest
const byCode = (a: { code: string }, b: { code: string }) => a.code.localeCompare(b.code, 'en', { numeric: true })
const storedItems = (store: TestStore, where: (i: PowerItem) => boolean) => docsOf(store, 'power_item').filter(where).sort(byCode)

describe.each(exportFileStores)('exporting the power lists to .xlsx, files on %s', (where, make) => {
  const w = exportWorld(make)
  const caller = w.as
  const inspector = () => caller(people.inspector)
  const direct = async (list: 'district' | 'township', personId = people.inspector) => {
    const answer = expectOk(await caller(personId)('power', 'exportList', { list }))
    return { ...answer, bytes: Buffer.from(answer.xlsx, 'base64') }
  }

  it('exports the district list: its first sheet 区级指导性清单 reads back as every district item, small enough to answer inline', async () => {
    const answer = await direct('district')
    expect(answer.filename).toBe('区级指导性清单-2026-11-21.xlsx')
    const district = storedItems(w.store, (i) => i.level === 'district')
    expect(district.length).toBeGreaterThanOrEqual(30)
    expect(answer.items).toBe(district.length)
    expect((await readBack(answer.bytes)).names).toEqual(['区级指导性清单', '类别'])
    expect((await itemsIn(w.store, answer.bytes, 'district', null)).map(content)).toEqual(district.map(content))
    // The whole answer stays well under the 100 KB WeChat advises for a cloud call's data.
    const { bytes, ...sent } = answer
    expect(JSON.stringify(sent).length).toBeLessThan(100 * 1024)
  })

  it("exports the featured list as the township keeps it now: edits in, removed items out, another township's never", async () => {
    const before = storedItems(w.store, (i) => i.townshipId === SHIQIAO)
    expect(before.length).toBeGreaterThanOrEqual(3)
    const [edited, removed] = before
    const { item } = expectOk(await inspector()('power', 'townshipItem', { itemId: edited!._id }))
    expectOk(await inspector()('power', 'saveTownshipItem', { ...item, steps: item.steps.map((s, i) => (i === 0 ? { ...s, timeLimit: '3个工作日内' } : s)) }))
    expectOk(await inspector()('power', 'removeTownshipItem', { itemId: removed!._id, reason: '本镇不再办理' }))
    const added = expectOk(
      await inspector()('power', 'saveTownshipItem', {
        categoryId: 'cat-7',
        name: '=1+1 竹林补植',
        basis: ['《森林法》', '县级《造林补助办法》'],
        performer: '村民委员会',
        supervisor: '村务监督委员会',
        steps: [
          { name: '申请', actor: '申请人', timeLimit: '5' },
          { name: '核实', actor: '村民委员会' },
        ],
      }),
    )

    const answer = await direct('township')
    expect(answer.filename).toBe('镇特色清单-石桥镇-2026-11-21.xlsx')
    expect((await readBack(answer.bytes)).names[0]).toBe('镇特色清单')
    const exported = await itemsIn(w.store, answer.bytes, 'township', SHIQIAO)
    const now = storedItems(w.store, (i) => i.townshipId === SHIQIAO && !i.removedAt)
    expect(exported.map(content)).toEqual(now.map(content))
    expect(answer.items).toBe(before.length)
    expect(exported.map((i) => i.code)).not.toContain(removed!.code)
    expect(exported.find((i) => i.code === edited!.code)!.steps[0]!.timeLimit).toBe('3个工作日内')
    expect(exported.find((i) => i.code === added.code)).toMatchObject({ name: '=1+1 竹林补植', steps: [{ timeLimit: '5' }, { timeLimit: '' }] })

    // Another township's staff export their own featured list (none yet): the header alone.
    const neighbour = await addNeighbourTownship(w.store)
    const theirs = await direct('township', neighbour)
    expect(theirs.filename).toBe('镇特色清单-北苑镇-2026-11-21.xlsx')
    expect(theirs.items).toBe(0)
    expect((await readBack(theirs.bytes)).rows).toHaveLength(1)
  })

  it("exports the featured list in the import's own format: importing the file back changes nothing", async () => {
    const { xlsx, items } = await direct('township')
    expect(expectOk(await inspector()('power', 'previewTownshipImport', { xlsx }))).toMatchObject({ problems: [], added: [], changed: [], unchanged: items, kept: [] })
  })

  it('is for township staff only: villagers, chairs and committee members are FORBIDDEN and nothing is written', async () => {
    for (const personId of [people.villager, people.chair, people.director]) {
      for (const list of ['district', 'township'] as const) {
        expectError(await caller(personId)('power', 'exportList', { list }), 'FORBIDDEN')
        expectError(await caller(personId)('power', 'prepareExportList', { list }), 'FORBIDDEN')
      }
    }
    expect(w.fs.count()).toBe(0)
    expect(docsOf(w.store, 'audit')).toEqual([])
    expectError(await inspector().unchecked('power', 'exportList', { list: 'village' }), 'INVALID_INPUT')
  })

  it('for WeChat, stores a private .xlsx behind a short-lived link that reads back the same items, audited with its file', async () => {
    for (const list of ['district', 'township'] as const) {
      const prepared = expectOk(await inspector()('power', 'prepareExportList', { list }))
      const inline = await direct(list)
      expect(prepared.filename).toBe(inline.filename)
      expect(prepared.items).toBe(inline.items)
      expect(prepared.fileId).toMatch(where === 'cloud storage' ? /^cloud:\/\/[^/]+\/private\/exports\/[0-9a-f]{32}\.xlsx$/ : /^local:exports\/[0-9a-f]{32}\.xlsx$/)
      const bytes = await w.fs.open(prepared.url)
      expect(bytes).not.toBeNull()
      if (where === 'the local host') expect(await w.fs.typeOf(prepared.url)).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      const level = list === 'district' ? 'district' : 'township'
      const townshipId = list === 'district' ? null : SHIQIAO
      expect(await itemsIn(w.store, bytes!, level, townshipId)).toEqual(await itemsIn(w.store, inline.bytes, level, townshipId))
    }
    expect(docsOf(w.store, 'audit').map((a) => [a.action, a.personId, a.records.length])).toEqual([
      ['power.prepareExportList', people.inspector, 1],
      ['power.prepareExportList', people.inspector, 1],
    ])
  })

  it('deletes export files over a day old on a later prepare, of either kind of export', async () => {
    const list = expectOk(await inspector()('power', 'prepareExportList', { list: 'district' }))
    const table = expectOk(await inspector()('township', 'prepareExport', { kind: 'figures' }))
    w.clock.advance(25 * HOUR)
    // A township table's prepare clears the day-old list, and the other way round.
    const nextTable = expectOk(await inspector()('township', 'prepareExport', { kind: 'figures' }))
    expect([w.fs.stored(list.fileId), w.fs.stored(table.fileId), w.fs.stored(nextTable.fileId)]).toEqual([false, false, true])
    w.clock.advance(25 * HOUR)
    const nextList = expectOk(await inspector()('power', 'prepareExportList', { list: 'township' }))
    expect([w.fs.stored(nextTable.fileId), w.fs.stored(nextList.fileId)]).toEqual([false, true])
  })
})
