import writeXlsxFile, { type Cell, type Sheet } from 'write-excel-file/node'
import type { powerContract, PowerCategory, PowerItem } from '../../shared/power/schema'
import type { ParsedInputOf } from '../../shared/contract/action'
import { categoryColumns, itemRows } from '../../shared/power/reference'
import { AppError } from '../../shared/errors'
import { beijingDay } from '../../shared/time'
import type { Handler } from '../core/dispatch'
import type { HandlerContext } from '../core/context'
import { staleExports } from '../core/export-files'
import { queryAll } from '../core/paging'

type C = typeof powerContract
type List = ParsedInputOf<C['exportList']>['list']

const sheetNames: Record<List, string> = { district: '区级指导性清单', township: '镇特色清单' }

/** Column widths in characters, so 事项名称 and the long texts are readable when the file opens; one per itemColumns. */
const itemWidths = [10, 8, 24, 40, 36, 24, 20, 30, 16, 20, 40, 14]
const categoryWidths = [6, 20, 50]

/** Every cell as text (so 3-05 or a leading = stays what it is), wrapped, top-aligned; the header bold. */
function sheetOf(name: string, rows: readonly (readonly string[])[], widths: readonly number[]): Sheet<never> {
  const data: Cell[][] = rows.map((row, i) =>
    row.map((value) => (value === '' ? null : { value, type: String, wrap: true, alignVertical: 'top' as const, ...(i === 0 ? { fontWeight: 'bold' as const } : {}) })),
  )
  return { data, sheet: name, columns: widths.map((width) => ({ width })), stickyRowsCount: 1 }
}

/** The list's items, in code order (3-05 before 10-01), removed featured items left out. */
async function itemsOf(ctx: HandlerContext, list: List, townshipId: string): Promise<PowerItem[]> {
  const items = await queryAll(ctx.store, 'power_item', list === 'district' ? { level: 'district' } : { townshipId }, { field: 'code', direction: 'asc' })
  return items.filter((i) => !i.removedAt).sort((a, b) => a.code.localeCompare(b.code, 'en', { numeric: true }))
}

const categoryRows = (categories: readonly PowerCategory[]) => [[...categoryColumns], ...categories.map((c) => [String(c.order), c.name, c.description])]

/**
 * The workbook of one list in the import's format: its first sheet the items (itemColumns, what an import reads),
 * a second sheet the categories that 类别编号 names. The file name says which list, whose, and the Beijing day.
 */
async function workbook(ctx: HandlerContext, list: List): Promise<{ filename: string; bytes: Buffer; items: number }> {
  const townshipId = ctx.actor.townshipId
  if (!townshipId) throw new AppError('FORBIDDEN')
  const [items, categories, township] = await Promise.all([
    itemsOf(ctx, list, townshipId),
    queryAll(ctx.store, 'power_category', {}, { field: 'order', direction: 'asc' }),
    list === 'township' ? ctx.store.get('township', townshipId) : Promise.resolve(null),
  ])
  const bytes = await writeXlsxFile([sheetOf(sheetNames[list], itemRows(items, categories), itemWidths), sheetOf('类别', categoryRows(categories), categoryWidths)]).toBuffer()
  const day = beijingDay(ctx.now)
  const filename = list === 'township' ? `${sheetNames.township}-${township?.name ?? ''}-${day}.xlsx` : `${sheetNames.district}-${day}.xlsx`
  return { filename, bytes, items: items.length }
}

/**
 * For the browser: the workbook in base64, which the page saves as a download. Small enough to answer inline: the
 * district list is about 28 KB (37 KB in base64, test/integration/power-export.test.ts), under the 100 KB WeChat's
 * docs advise for a cloud call's data (建议临界值 100KB,
 * https://developers.weixin.qq.com/miniprogram/dev/wxcloud/reference-sdk-api/functions/Cloud.callFunction.html);
 * WeChat itself takes the file path below all the same.
 */
export const exportList: Handler<C['exportList']> = async (ctx, input) => {
  const { filename, bytes, items } = await workbook(ctx, input.list)
  return { filename, xlsx: bytes.toString('base64'), items }
}

/**
 * For WeChat: the same workbook written to a private export file with a short-lived URL, which the phone downloads
 * at once and shares on a second tap (components/exportSteps.ts; as township.prepareExport). Stale export files
 * are deleted first: a failed cleanup fails the request before anything is written.
 */
export const prepareExportList: Handler<C['prepareExportList']> = async (ctx, input) => {
  await ctx.files.removeExports(await staleExports(ctx))
  const { filename, bytes, items } = await workbook(ctx, input.list)
  const stored = await ctx.files.putExport(filename, bytes, new Date(ctx.now))
  return { filename, ...stored, items }
}
