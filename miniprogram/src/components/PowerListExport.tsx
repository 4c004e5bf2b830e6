import { Text, View } from '@tarojs/components'
import { Toast } from '@nutui/nutui-react-taro'
import { call } from '../services/api'
import { DownloadButton, ShareButton } from './ExportButton'
import './PowerListExport.css'

type List = 'district' | 'township'

const TOAST = 'power-export-toast'
const LISTS: List[] = ['district', 'township']
/** Short enough to stay on one line at 2× text; the line above says it is an Excel table. */
const labels: Record<List, string> = { district: '导出区级清单', township: '导出特色清单' }
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
/** A file's name as people read it: without “.xlsx”, Latin letters that mean nothing to them. */
const shownName = (filename: string) => filename.replace(/\.xlsx$/, '')

/** The workbook power.exportList answers in base64, as a file the browser saves. */
async function workbook(list: List) {
  const { filename, xlsx } = await call('power', 'exportList', { list })
  const bytes = Uint8Array.from(atob(xlsx), (c) => c.charCodeAt(0))
  return { filename, blob: new Blob([bytes], { type: XLSX_TYPE }), shown: shownName(filename) }
}

/** WeChat's first tap: power.prepareExportList writes the file; the phone downloads it (components/exportSteps.ts). */
async function prepared(list: List) {
  const { filename, url, items } = await call('power', 'prepareExportList', { list })
  return { filename, url, rows: items }
}

/**
 * Township staff export the district list or their featured list as an Excel table in the same format as an import
 * (one row a step of an item's flowchart), to check, print or edit on a computer: one tap in the browser, two in
 * WeChat (prepare, then 发送到微信聊天), as the other exports.
 */
export function PowerListExport() {
  return (
    <View className="card power-export">
      <Text className="power-export-title">导出为 Excel 表格，格式和导入用的一样：</Text>
      {LISTS.map((list) => (
        <View key={list} className="power-export-list">
          {process.env.TARO_ENV === 'weapp' ? (
            <ShareButton label={labels[list]} toast={TOAST} prepare={() => prepared(list)} ready={(file) => `已准备好，共 ${file.rows} 项：${shownName(file.filename)}`} />
          ) : (
            <DownloadButton label={labels[list]} toast={TOAST} fetchFile={() => workbook(list)} />
          )}
        </View>
      ))}
      <Toast id={TOAST} />
    </View>
  )
}
