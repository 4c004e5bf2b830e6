import Taro from '@tarojs/taro'

/** What the server reads: CSV text, or an Excel workbook in base64 (its first sheet). */
export type SpreadsheetFile = { csv: string } | { xlsx: string }

export interface PickedSpreadsheet {
  name: string
  file: SpreadsheetFile
}

/** .xlsx, and old .xls too, whose bytes the server recognises and asks to be saved again as .xlsx. */
const isExcel = (name: string) => /\.xlsx?$/i.test(name)
export const withoutExtension = (name: string) => name.replace(/\.[^.]*$/, '')

/**
 * In WeChat: a file sent to a chat, read by WeChat's file system. `type: 'file'` with `extension` filters by the
 * file's ending (base library 2.6.0; https://developers.weixin.qq.com/miniprogram/dev/api/media/image/wx.chooseMessageFile.html).
 */
async function pickInWeChat(): Promise<PickedSpreadsheet> {
  const { tempFiles } = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['xlsx', 'xls', 'csv', 'txt'] })
  const { name, path } = tempFiles[0]!
  const fs = Taro.getFileSystemManager()
  return {
    name,
    file: isExcel(name) ? { xlsx: fs.readFileSync(path, 'base64') as string } : { csv: fs.readFileSync(path, 'utf8') as string },
  }
}

/** In the browser: a file input; an Excel file goes as base64 of its bytes. */
function pickInBrowser(): Promise<PickedSpreadsheet> {
  return new Promise((resolve, reject) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = '.xlsx,.xls,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv,text/plain'
    input.onchange = () => {
      const file = input.files?.[0]
      if (!file) return reject(new Error('no file'))
      if (!isExcel(file.name)) return void file.text().then((csv) => resolve({ name: file.name, file: { csv } }), reject)
      const reader = new FileReader()
      // A data URL: everything after the comma is the base64 of the bytes.
      reader.onload = () => resolve({ name: file.name, file: { xlsx: String(reader.result).split(',')[1] ?? '' } })
      reader.onerror = () => reject(reader.error)
      reader.readAsDataURL(file)
    }
    input.click()
  })
}

/**
 * An Excel or CSV file the person picks (a roster, a featured list); rejects when the picker is closed.
 * Chosen at module level so each build carries only its own way of reading files.
 */
export const pickSpreadsheet = process.env.TARO_ENV === 'weapp' ? pickInWeChat : pickInBrowser
