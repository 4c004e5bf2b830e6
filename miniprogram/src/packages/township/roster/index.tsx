import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Button, TextArea } from '@nutui/nutui-react-taro'
import { PageShell, messageOf } from '../../../components/PageShell'
import { ErrorCard } from '../../../components/ErrorCard'
import { call, type Output } from '../../../services/api'
import { useQuery } from '../../../services/nav'
import './index.css'

type Summary = Output<'township', 'previewRoster'>

/** A CSV file's text: a file picked in the browser, or a file sent to this chat in WeChat. */
async function pickCsv(): Promise<string> {
  if (process.env.TARO_ENV === 'weapp') {
    const { tempFiles } = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['csv', 'txt'] })
    return Taro.getFileSystemManager().readFileSync(tempFiles[0]!.path, 'utf8') as string
  }
  return new Promise((resolve, reject) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = '.csv,text/csv,text/plain'
    input.onchange = () => {
      const file = input.files?.[0]
      if (!file) return reject(new Error('no file'))
      void file.text().then(resolve, reject)
    }
    input.click()
  })
}

/**
 * Imports a village's roster: the file is checked first and every bad line
 * shown; only a clean file can be imported. A re-import updates households.
 */
export default function RosterImport() {
  const query = useQuery()
  const villageId = query.villageId ?? ''
  const [csv, setCsv] = useState('')
  const [summary, setSummary] = useState<Summary | null>(null)
  const [done, setDone] = useState<Summary | null>(null)
  const [failure, setFailure] = useState('')
  const [busy, setBusy] = useState(false)

  const run = async (work: () => Promise<void>) => {
    setBusy(true)
    setFailure('')
    try {
      await work()
    } catch (e) {
      setFailure(messageOf(e))
    } finally {
      setBusy(false)
    }
  }
  const preview = (text: string) =>
    run(async () => {
      setDone(null)
      setSummary(await call('township', 'previewRoster', { villageId, csv: text }))
    })
  const choose = async () => {
    try {
      const text = await pickCsv()
      setCsv(text)
      await preview(text)
    } catch {
      // The picker was closed.
    }
  }

  return (
    <PageShell title={`导入花名册${query.villageName ? `：${query.villageName}` : ''}`} subtitle="在 Excel 里另存为“CSV UTF-8”，第一行是：户号,户主姓名,村民小组,人口数。已有的户按户号更新，户里的成员和投票记录都保留。">
      <View className="card">
        <Button block size="large" type="primary" onClick={() => void choose()}>
          选择 CSV 文件
        </Button>
        <Text className="muted roster-or">或把表格内容粘贴在下面：</Text>
        <TextArea className="roster-text" placeholder="户号,户主姓名,村民小组,人口数" value={csv} rows={6} maxLength={900000} onChange={setCsv} />
        <Button block size="large" fill="outline" className="roster-check" loading={busy && !summary} onClick={() => void preview(csv)}>
          检查
        </Button>
      </View>
      <ErrorCard error={failure} />
      {summary ? (
        <View className="card roster-summary">
          <Text className="roster-line">
            共 {summary.rows} 户可导入：新增 {summary.creates} 户，更新 {summary.updates} 户
            {summary.notInFile > 0 ? `；花名册上另有 ${summary.notInFile} 户不在这个文件里，保持不变` : ''}
          </Text>
          {summary.problems.length > 0 ? (
            <View className="roster-problems" role="alert">
              <Text className="roster-problems-title">有 {summary.problems.length} 行要改好才能导入：</Text>
              {summary.problems.map((p) => (
                <Text key={p.line} className="roster-problem">
                  第{p.line}行：{p.reason}
                </Text>
              ))}
            </View>
          ) : (
            <Button
              block
              size="large"
              type="primary"
              className="roster-import"
              loading={busy}
              onClick={() =>
                void run(async () => {
                  setDone(await call('township', 'importRoster', { villageId, csv }))
                  setSummary(null)
                })
              }
            >
              确认导入
            </Button>
          )}
        </View>
      ) : null}
      {done ? (
        <View className="card roster-done" role="status">
          已导入：新增 {done.creates} 户，更新 {done.updates} 户。
        </View>
      ) : null}
    </PageShell>
  )
}
