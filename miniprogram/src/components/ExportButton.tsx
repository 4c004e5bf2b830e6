import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button, Toast } from '@nutui/nutui-react-taro'
import { call } from '../services/api'
import { messageOf } from './PageShell'
import { prepareFile, shareTap, type ExportDeps, type ReadyFile } from './exportSteps'

type Kind = 'cases' | 'feedback' | 'reports' | 'figures'

/**
 * An export in the browser, in one tap: `fetchFile` gets the file from the server, the page saves it as a download.
 * `shown` is the file's name as the toast says it.
 */
export function DownloadButton({ label, toast, fetchFile }: { label: string; toast: string; fetchFile: () => Promise<{ filename: string; blob: Blob; shown: string }> }) {
  const [busy, setBusy] = useState(false)
  const run = async () => {
    setBusy(true)
    try {
      const { filename, blob, shown } = await fetchFile()
      const url = URL.createObjectURL(blob)
      const link = document.createElement('a')
      link.href = url
      link.download = filename
      link.click()
      URL.revokeObjectURL(url)
      Toast.show(toast, { icon: 'success', content: `已导出 ${shown}` })
    } catch (e) {
      Toast.show(toast, { icon: 'fail', content: messageOf(e) })
    } finally {
      setBusy(false)
    }
  }
  return (
    <Button block size="large" fill="outline" loading={busy} onClick={() => void run()}>
      {label}
    </Button>
  )
}

/**
 * An export in WeChat, in two taps (components/exportSteps.ts says why): `label` makes the file on the server and
 * downloads it to the phone (`prepare`); 发送到微信聊天 then shares it to a chat, to open on a computer.
 * `again` labels the first button once a file is ready; `ready` says what is ready.
 */
export function ShareButton(props: { label: string; again?: string; toast: string; prepare: ExportDeps['prepare']; ready: (file: ReadyFile) => string }) {
  const { label, again = label, toast } = props
  const [busy, setBusy] = useState(false)
  const [ready, setReady] = useState<ReadyFile | null>(null)
  const prepare = async () => {
    setBusy(true)
    setReady(null)
    try {
      setReady(await prepareFile({ prepare: props.prepare, download: (url) => Taro.downloadFile({ url }) }))
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
        {busy ? '正在准备…' : ready ? again : label}
      </Button>
      {ready && (
        <View className="export-ready">
          <Text className="export-ready-text">{props.ready(ready)}</Text>
          <Button block size="large" type="primary" onClick={() => send(ready)}>
            发送到微信聊天
          </Button>
        </View>
      )}
    </View>
  )
}

/** 导出表格: the township's records as a CSV that Excel opens (township.export; in WeChat township.prepareExport). */
export function ExportButton({ kind, toast }: { kind: Kind; toast: string }) {
  return (
    <>
      {process.env.TARO_ENV === 'weapp' ? (
        <ShareButton
          label="准备表格"
          again="重新准备表格"
          toast={toast}
          prepare={() => call('township', 'prepareExport', { kind })}
          ready={(file) => `已准备好，共 ${file.rows} 行：${file.filename}`}
        />
      ) : (
        <DownloadButton
          label="导出表格"
          toast={toast}
          fetchFile={async () => {
            const { filename, csv } = await call('township', 'export', { kind })
            return { filename, blob: new Blob([csv], { type: 'text/csv;charset=utf-8' }), shown: filename }
          }}
        />
      )}
      <Text className="muted export-note">导出的表格可以用 Excel 打开</Text>
    </>
  )
}
