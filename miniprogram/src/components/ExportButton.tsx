import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text } from '@tarojs/components'
import { Button, Toast } from '@nutui/nutui-react-taro'
import { call } from '../services/api'
import { messageOf } from './PageShell'

type Kind = 'cases' | 'feedback' | 'reports' | 'figures'

/** Saves a CSV: downloaded in the browser; in WeChat written to the phone and shared to a chat (to open on a computer). */
async function save(filename: string, csv: string): Promise<void> {
  if (process.env.TARO_ENV === 'weapp') {
    const filePath = `${Taro.env.USER_DATA_PATH}/${filename}`
    Taro.getFileSystemManager().writeFileSync(filePath, csv, 'utf8')
    await Taro.shareFileMessage({ filePath, fileName: filename })
    return
  }
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }))
  const link = document.createElement('a')
  link.href = url
  link.download = filename
  link.click()
  URL.revokeObjectURL(url)
}

/** 导出表格: the township's records as a CSV that Excel opens. */
export function ExportButton({ kind, toast }: { kind: Kind; toast: string }) {
  const [busy, setBusy] = useState(false)
  const run = async () => {
    setBusy(true)
    try {
      const { filename, csv } = await call('township', 'export', { kind })
      await save(filename, csv)
      Toast.show(toast, { icon: 'success', content: `已导出 ${filename}` })
    } catch (e) {
      Toast.show(toast, { icon: 'fail', content: messageOf(e) })
    } finally {
      setBusy(false)
    }
  }
  return (
    <>
      <Button block size="large" fill="outline" loading={busy} onClick={() => void run()}>
        导出表格
      </Button>
      <Text className="muted export-note">导出的表格可以用 Excel 打开</Text>
    </>
  )
}
