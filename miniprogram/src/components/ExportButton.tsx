import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button, Toast } from '@nutui/nutui-react-taro'
import { call } from '../services/api'
import { messageOf } from './PageShell'
import { prepareFile, shareTap, type ReadyFile } from './exportSteps'

type Kind = 'cases' | 'feedback' | 'reports' | 'figures'

/** 导出表格 in the browser: township.export's CSV, downloaded in one tap. */
function BrowserExport({ kind, toast }: { kind: Kind; toast: string }) {
  const [busy, setBusy] = useState(false)
  const run = async () => {
    setBusy(true)
    try {
      const { filename, csv } = await call('township', 'export', { kind })
      const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }))
      const link = document.createElement('a')
      link.href = url
      link.download = filename
      link.click()
      URL.revokeObjectURL(url)
      Toast.show(toast, { icon: 'success', content: `已导出 ${filename}` })
    } catch (e) {
      Toast.show(toast, { icon: 'fail', content: messageOf(e) })
    } finally {
      setBusy(false)
    }
  }
  return (
    <Button block size="large" fill="outline" loading={busy} onClick={() => void run()}>
      导出表格
    </Button>
  )
}

/**
 * 导出表格 in WeChat, in two taps (components/exportSteps.ts says why): 准备表格 makes the file and
 * downloads it to the phone; 发送到微信聊天 then shares it to a chat, to open on a computer.
 */
function WeChatExport({ kind, toast }: { kind: Kind; toast: string }) {
  const [busy, setBusy] = useState(false)
  const [ready, setReady] = useState<ReadyFile | null>(null)
  const prepare = async () => {
    setBusy(true)
    setReady(null)
    try {
      setReady(
        await prepareFile({
          prepare: () => call('township', 'prepareExport', { kind }),
          download: (url) => Taro.downloadFile({ url }),
        }),
      )
    } catch (e) {
      Toast.show(toast, { icon: 'fail', content: messageOf(e) })
    } finally {
      setBusy(false)
    }
  }
  // No await before the share: WeChat allows it only straight from the tap.
  const send = (file: ReadyFile) =>
    void shareTap(file, (f) => Taro.shareFileMessage(f)).then(
      () => Toast.show(toast, { icon: 'success', content: '已发送' }),
      (e: { errMsg?: string }) => {
        if (!/cancel/.test(e?.errMsg ?? '')) Toast.show(toast, { icon: 'fail', content: '没有发送出去，请再点一次' })
      },
    )
  return (
    <View>
      <Button block size="large" fill="outline" loading={busy} onClick={() => void prepare()}>
        {busy ? '正在准备…' : ready ? '重新准备表格' : '准备表格'}
      </Button>
      {ready && (
        <View className="export-ready">
          <Text className="export-ready-text">
            已准备好，共 {ready.rows} 行：{ready.filename}
          </Text>
          <Button block size="large" type="primary" onClick={() => send(ready)}>
            发送到微信聊天
          </Button>
        </View>
      )}
    </View>
  )
}

/** 导出表格: the township's records as a CSV that Excel opens. */
export function ExportButton({ kind, toast }: { kind: Kind; toast: string }) {
  return (
    <>
      {process.env.TARO_ENV === 'weapp' ? <WeChatExport kind={kind} toast={toast} /> : <BrowserExport kind={kind} toast={toast} />}
      <Text className="muted export-note">导出的表格可以用 Excel 打开</Text>
    </>
  )
}
