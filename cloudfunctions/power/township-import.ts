import { AppError } from '../../shared/errors'
import { townshipItemInput, type powerContract, type PowerItem } from '../../shared/power/schema'
import type { ParsedInputOf } from '../../shared/contract/action'
import { codesOfFile, describeProblems, IMPORT_MAX_ITEMS, planImport, type ItemChange } from '../../shared/power/import'
import { itemIdOf } from '../../shared/power/reference'
import { parseCsv } from '../../shared/member/roster'
import type { Handler } from '../core/dispatch'
import type { HandlerContext } from '../core/context'
import type { Collections } from '../core/collections'
import { getMany, queryAll } from '../core/paging'
import { readXlsx } from '../township/spreadsheet'
import { noticesOf, reachableChairs, staffTownship, versionOf, writeVersion } from './item-versions'

type C = typeof powerContract

const TOO_BIG = '这个 Excel 表格太大了。特色清单只需要事项编号、类别编号、事项名称等十二列，请删去其他内容后再导入'

/** The edit form's limits (townshipItemInput), so that every imported item can be opened and saved in the app. */
function fitsTheForm(item: PowerItem): string | null {
  const { categoryId, name, summary, basis, performer, supervisor, steps, disclosure } = item
  const result = townshipItemInput.safeParse({ categoryId, name, summary, basis, performer, supervisor, steps, disclosure })
  return result.success ? null : (result.error.issues[0]?.message ?? '事项内容不完整')
}

/** Reads the file against the caller's township's list as it is now: every bad line, or what the import writes. */
async function planFor(ctx: HandlerContext, input: ParsedInputOf<C['previewTownshipImport']>) {
  const townshipId = staffTownship(ctx)
  const table = input.xlsx !== undefined ? await readXlsx(input.xlsx, TOO_BIG) : parseCsv(input.csv ?? '')
  // District items' ids are pw-<code> (power-reference itemIdOf): one read finds which of the file's codes are the district's.
  const [categories, present, named] = await Promise.all([
    queryAll(ctx.store, 'power_category', {}, { field: 'order', direction: 'asc' }),
    queryAll(ctx.store, 'power_item', { townshipId }, { field: 'code', direction: 'asc' }),
    // A file past the cap is refused anyway: its codes beyond it are not looked up.
    getMany(ctx.store, 'power_item', [
      ...new Set(
        codesOfFile(table)
          .slice(0, IMPORT_MAX_ITEMS + 1)
          .map(itemIdOf),
      ),
    ]),
  ])
  return planImport(table, {
    townshipId,
    categoryIds: new Set(categories.map((c) => c._id)),
    present,
    districtCodes: named.filter((i) => i.level === 'district').map((i) => i.code),
    check: fitsTheForm,
  })
}

const view = ({ item, fields }: ItemChange) => ({ itemId: item._id, code: item.code, name: item.name, fields })

export const previewTownshipImport: Handler<C['previewTownshipImport']> = async (ctx, input) => {
  const plan = await planFor(ctx, input)
  if (!plan.ok) return { problems: plan.problems, added: [], changed: [], unchanged: 0, kept: [] }
  return {
    problems: [],
    added: plan.added.map(({ item }) => ({ itemId: item._id, code: item.code, name: item.name })),
    changed: plan.changed.map(view),
    unchanged: plan.unchanged.length,
    kept: plan.kept.map((item) => ({ itemId: item._id, code: item.code, name: item.name })),
  }
}

/** Items written at once: each is its own transaction on its own documents, so they do not wait on each other. */
const AT_ONCE = 8

/**
 * Checks the file again and writes each new or changed item as a new version (created / edited, who and when, the
 * fields changed), in its own transaction with its version record and the notices to the chairs of the villages
 * that selected it. An item the file leaves as it is gets no version, so the same file imported again writes nothing.
 */
export const importTownshipItems: Handler<C['importTownshipItems']> = async (ctx, input) => {
  const plan = await planFor(ctx, input)
  if (!plan.ok) throw new AppError('INVALID_INPUT', describeProblems(plan.problems))
  // Who to tell, read once for the whole file: the villages that selected a changed item and their reachable chairs.
  const changedIds = plan.changed.map((c) => c.item._id)
  const selections: Collections['power_selection'][] = []
  for (let i = 0; i < changedIds.length; i += 100) {
    selections.push(...(await queryAll(ctx.store, 'power_selection', { itemId: { in: changedIds.slice(i, i + 100) }, selected: true }, { field: '_id', direction: 'asc' })))
  }
  const chairs = await reachableChairs(ctx, [...new Set(selections.map((s) => s.villageId))])
  const writeChange = async ({ item, before, fields }: ItemChange): Promise<number> => {
    const record = versionOf(ctx, item, item.version ?? 1, before ? 'edited' : 'created', fields, '')
    const villages = selections.filter((s) => s.itemId === item._id).map((s) => s.villageId)
    const notices = noticesOf(ctx.now, item, record._id, chairs, villages, `镇里修改了清单事项：${item.name}`)
    await writeVersion(ctx, before, item, record, notices)
    return notices.length
  }

  const writes = [...plan.added, ...plan.changed]
  let notified = 0
  try {
    for (let i = 0; i < writes.length; i += AT_ONCE) {
      const sent = await Promise.all(writes.slice(i, i + AT_ONCE).map(writeChange))
      notified += sent.reduce((a, b) => a + b, 0)
    }
  } catch (error) {
    // Items written before stay written, each whole; the same file imported again carries on from where this stopped.
    if (error instanceof AppError && error.code === 'CONFLICT') throw new AppError('CONFLICT', '导入时有人同时改了清单里的事项，已导入的部分保留。请重新检查后再导入')
    throw error
  }
  return { added: plan.added.length, changed: plan.changed.length, unchanged: plan.unchanged.length, notified }
}
