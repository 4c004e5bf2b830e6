import { Unzip, UnzipInflate } from 'fflate'
import { readSheet, type SheetData } from 'read-excel-file/node'
import { AppError } from '../../shared/errors'
import type { Cell } from '../../shared/member/roster'

/** A roster or a featured list unpacks to well under a megabyte; a small file that unpacks to far more is a zip bomb. */
export const MAX_UNPACKED_BYTES = 20 * 1024 * 1024

/**
 * Compressed bytes fed to the inflater at a time. Deflate expands at most about 1,032 to 1, so one slice
 * inflates to about 1 MB at most: the check stops within that of the cap.
 */
const SLICE = 1024

/**
 * Inflates every part of the workbook, counting what comes out and stopping once it passes `cap`. The sizes a
 * zip declares are not trusted (a crafted file under-declares them); only what inflating really yields counts.
 * Nothing inflated is kept. Not a zip: `over` is false and the reader below says so in words.
 */
export function inflatedSize(bytes: Uint8Array, cap: number = MAX_UNPACKED_BYTES): { inflated: number; over: boolean } {
  let inflated = 0
  const unzip = new Unzip((file) => {
    file.ondata = (error, chunk) => {
      if (!error) inflated += chunk.length
    }
    file.start()
  })
  unzip.register(UnzipInflate)
  try {
    for (let at = 0; at < bytes.length && inflated <= cap; at += SLICE) unzip.push(bytes.subarray(at, at + SLICE), at + SLICE >= bytes.length)
  } catch {
    // Not a zip, or a broken one.
  }
  return { inflated, over: inflated > cap }
}

/**
 * The first sheet of an Excel workbook (.xlsx) as rows of cells, row 1 first,
 * so line numbers match what Excel shows. Numbers and dates stay as they are:
 * the rules of what is imported decide what each means in its column.
 * `tooBig` says what to leave out of a file that unpacks to too much, in the words of what is imported.
 */
export async function readXlsx(base64: string, tooBig = '这个 Excel 表格太大了，请删去要导入的内容以外的部分后再导入'): Promise<Cell[][]> {
  const bytes = Buffer.from(base64, 'base64')
  if (inflatedSize(bytes).over) throw new AppError('INVALID_INPUT', tooBig)
  let sheet: SheetData
  try {
    // A Buffer: a string would be taken as a file path.
    sheet = await readSheet(bytes)
  } catch (error) {
    // Whatever the library fails on, the file is not one we can read; nothing is stored.
    const legacy = (error as { code?: string }).code === 'XLS_FILE_NOT_SUPPORTED'
    throw new AppError(
      'INVALID_INPUT',
      legacy
        ? '这是旧版 Excel 文件（.xls），读不了。请在 Excel 里“另存为”Excel 工作簿（.xlsx）后再导入'
        : '读不了这个文件：它不是 Excel 表格（.xlsx）。请选择 Excel 表格，或在 Excel 里另存为“CSV UTF-8”后导入',
    )
  }
  // The library's cell type names the Date constructor rather than a Date; the values are Dates.
  return sheet as unknown as Cell[][]
}
