import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import { Button, TextArea } from '@nutui/nutui-react-taro'
import { PageShell } from '../../../components/PageShell'
import { ErrorCard } from '../../../components/ErrorCard'
import { call, type Output } from '../../../services/api'
import { useQuery } from '../../../services/nav'
import { useBusy } from '../../../hooks/useBusy'
import { pickSpreadsheet, withoutExtension, type PickedSpreadsheet, type SpreadsheetFile as RosterFile } from '../../../services/spreadsheet'
import { ROSTER_PIECE } from '@shared/member/roster'
import './index.css'

type Summary = Output<'township', 'previewRoster'>
/** What the pieces sent so far did, and the next piece to send (a failed piece is sent again from there). */
interface Progress {
  pieces: Summary['households'][]
  next: number
  creates: number
  updates: number
  unchanged: number
}
/**
 * Imports a village's roster from an Excel or CSV file, or pasted text: the
 * file is checked first and every bad line shown; only a clean file can be
 * imported. A re-import updates households.
 */
export default function RosterImport() {
  const query = useQuery()
  const villageId = query.villageId ?? ''
  const [csv, setCsv] = useState('')
  /** the Excel file chosen, until CSV text is typed or pasted instead */
  const [excel, setExcel] = useState<{ name: string; xlsx: string } | null>(null)
  /** the last check and the file it was about: importing sends exactly what was checked */
  const [checked, setChecked] = useState<{ file: RosterFile; summary: Summary } | null>(null)
  /** the import under way or finished: each piece is its own call, so a big file never outlasts the server's time limit */
  const [progress, setProgress] = useState<Progress | null>(null)
  const { busy, failure, run } = useBusy()
  const preview = (file: RosterFile) =>
    run(async () => {
      setProgress(null)
      setChecked(null)
      setChecked({ file, summary: await call('township', 'previewRoster', { villageId, ...file }) })
    })
  const choose = async () => {
    let picked: PickedSpreadsheet
    try {
      picked = await pickSpreadsheet()
    } catch {
      // The picker was closed.
      return
    }
    if ('xlsx' in picked.file) {
      setExcel({ name: picked.name, xlsx: picked.file.xlsx })
      setCsv('')
    } else {
      setExcel(null)
      setCsv(picked.file.csv)
    }
    await preview(picked.file)
  }
  /**
   * Sends the checked households piece by piece from `from.next`. A piece sent again changes nothing (the
   * server keys households by 户号), so after a failure the same button carries on from the failed piece.
   */
  const importFrom = (from: Progress) =>
    run(async () => {
      let at = from
      for (let i = at.next; i < at.pieces.length; i++) {
        const piece = await call('township', 'importRoster', { villageId, households: at.pieces[i]! })
        at = { ...at, next: i + 1, creates: at.creates + piece.creates, updates: at.updates + piece.updates, unchanged: at.unchanged + piece.unchanged }
        setProgress(at)
      }
      setChecked(null)
    })
  const startImport = (summary: Summary) => {
    const pieces: Summary['households'][] = []
    for (let i = 0; i < summary.households.length; i += ROSTER_PIECE) pieces.push(summary.households.slice(i, i + ROSTER_PIECE))
    const start: Progress = { pieces, next: 0, creates: 0, updates: 0, unchanged: 0 }
    setProgress(start)
    void importFrom(start)
  }
  const importing = progress !== null && progress.next < progress.pieces.length
  // Changed text must be checked again before it can be imported.
  const typed = (text: string) => {
    setExcel(null)
    setCsv(text)
    setChecked(null)
  }

  return (
    <PageShell
      title={`导入花名册${query.villageName ? `：${query.villageName}` : ''}`}
      subtitle="选择 Excel 表格，或另存为“CSV UTF-8”的文件。表头是：户号、户主姓名、村民小组、人口数；户号一列请设为文本格式，免得开头的0丢掉。已有的户按户号更新，户里的成员和投票记录都保留。"
    >
      <View className="card">
        <Button block size="large" type="primary" onClick={() => void choose()}>
          选择表格文件
        </Button>
        {process.env.TARO_ENV === 'weapp' ? <Text className="muted roster-or">先把文件发到微信聊天里（例如文件传输助手），再从聊天记录中选择。</Text> : null}
        {excel ? <Text className="roster-chosen">已选择 Excel 表格：{withoutExtension(excel.name)}</Text> : null}
        <Text className="muted roster-or">或把表格内容粘贴在下面：</Text>
        <TextArea className="boxed-textarea" placeholder="户号,户主姓名,村民小组,人口数" value={csv} rows={6} maxLength={900000} onChange={typed} />
        <Button block size="large" fill="outline" className="roster-check" loading={busy && !checked} onClick={() => void preview(excel ? { xlsx: excel.xlsx } : { csv })}>
          检查
        </Button>
      </View>
      <ErrorCard error={failure} />
      {checked ? (
        <View className="card roster-summary">
          <Text className="roster-line">
            共 {checked.summary.rows} 户可导入：新增 {checked.summary.creates} 户，更新 {checked.summary.updates} 户
            {checked.summary.notInFile > 0 ? `；花名册上另有 ${checked.summary.notInFile} 户不在这个文件里，保持不变` : ''}
          </Text>
          {checked.summary.problems.length > 0 ? (
            <View className="roster-problems" role="alert">
              <Text className="roster-problems-title">有 {checked.summary.problems.length} 行要改好才能导入：</Text>
              {checked.summary.problems.map((p) => (
                <Text key={p.line} className="roster-problem">
                  第{p.line}行：{p.reason}
                </Text>
              ))}
            </View>
          ) : importing ? (
            <>
              <View className="roster-progress" role="status">
                {busy ? `正在导入 第 ${progress.next + 1}/${progress.pieces.length} 批` : `第 ${progress.next + 1}/${progress.pieces.length} 批没有导入成功，前面的已经导入了`}
              </View>
              {busy ? null : (
                <Button block size="large" type="primary" className="roster-import" onClick={() => void importFrom(progress)}>
                  接着导入
                </Button>
              )}
            </>
          ) : (
            <Button block size="large" type="primary" className="roster-import" loading={busy} onClick={() => startImport(checked.summary)}>
              确认导入
            </Button>
          )}
        </View>
      ) : null}
      {progress && !importing ? (
        <View className="card roster-done" role="status">
          已导入：新增 {progress.creates} 户，更新 {progress.updates} 户{progress.unchanged > 0 ? `，${progress.unchanged} 户本来就是这样` : ''}。
        </View>
      ) : null}
    </PageShell>
  )
}
