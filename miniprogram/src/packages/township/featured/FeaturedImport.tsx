import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { ErrorCard } from '../../../components/ErrorCard'
import { useBusy } from '../../../hooks/useBusy'
import { call, type Output } from '../../../services/api'
import { pickSpreadsheet, withoutExtension, type PickedSpreadsheet } from '../../../services/spreadsheet'

type Preview = Output<'power', 'previewTownshipImport'>
type Imported = Output<'power', 'importTownshipItems'>

/**
 * 从 Excel 导入: staff pick the list's Excel file (or a CSV saved from it); it is checked at once and every bad line
 * shown, or what the import would do, item by item. Only a clean file can be imported, and the import sends exactly
 * the file that was checked (the server checks it again).
 */
export function FeaturedImport({ onImported }: { onImported: () => void }) {
  const [picked, setPicked] = useState<PickedSpreadsheet | null>(null)
  const [preview, setPreview] = useState<Preview | null>(null)
  const [done, setDone] = useState<Imported | null>(null)
  const { busy, failure, run } = useBusy()
  const choose = async () => {
    let file: PickedSpreadsheet
    try {
      file = await pickSpreadsheet()
    } catch {
      // The picker was closed.
      return
    }
    setPicked(file)
    setPreview(null)
    setDone(null)
    await run(async () => setPreview(await call('power', 'previewTownshipImport', file.file)))
  }
  const importIt = (file: PickedSpreadsheet) =>
    run(async () => {
      setDone(await call('power', 'importTownshipItems', file.file))
      setPreview(null)
      onImported()
    })

  const toWrite = preview ? preview.added.length + preview.changed.length : 0
  return (
    <View className="card featured-import">
      <Text className="featured-import-title">从 Excel 导入</Text>
      <Text className="muted featured-import-line">
        选好表格就先检查，没有错才能导入。表格和区里的清单一样：第一行是表头（事项编号、类别编号、事项名称、事项说明、依据、实施主体、监督主体、公开要求、步骤名称、办理主体、办理内容、办理时限），一个办理步骤占一行，每行都填事项编号，事项的名称、依据等只填在它的第一行。编号已有的事项按表格修改；清单里有、表格里没有的事项不动。
      </Text>
      <Button block size="large" fill="outline" className="featured-save" loading={busy && !preview} onClick={() => void choose()}>
        选择表格文件
      </Button>
      {process.env.TARO_ENV === 'weapp' ? <Text className="muted featured-import-line">先把文件发到微信聊天里（例如文件传输助手），再从聊天记录中选择。</Text> : null}
      {picked ? <Text className="featured-import-chosen">已选择：{withoutExtension(picked.name)}</Text> : null}
      <ErrorCard error={failure} />
      {preview && preview.problems.length > 0 ? (
        <View className="featured-import-problems" role="alert">
          <Text className="featured-import-line">有 {preview.problems.length} 处要改好才能导入，这次什么也没有导入：</Text>
          {preview.problems.map((p, i) => (
            <Text key={i} className="featured-import-line">
              第 {p.line} 行：{p.reason}
            </Text>
          ))}
        </View>
      ) : null}
      {preview && preview.problems.length === 0 ? (
        <View className="featured-import-summary" role="status">
          <Text className="featured-import-line featured-import-total">
            新增 {preview.added.length} 项，修改 {preview.changed.length} 项，不变 {preview.unchanged} 项
          </Text>
          {preview.added.map((item) => (
            <Text key={item.itemId} className="featured-import-line">
              新增：{item.code} {item.name}
            </Text>
          ))}
          {preview.changed.map((item) => (
            <Text key={item.itemId} className="featured-import-line">
              修改：{item.code} {item.name}（改了 {item.fields.join('、')}）
            </Text>
          ))}
          {preview.kept.length > 0 ? (
            <Text className="muted featured-import-line">
              清单里另有 {preview.kept.length} 项不在这个表格里，保持原样，不会删除：{preview.kept.map((k) => `${k.code} ${k.name}`).join('、')}
            </Text>
          ) : null}
          {toWrite > 0 ? (
            <Button block size="large" type="primary" className="featured-save" loading={busy} onClick={() => picked && void importIt(picked)}>
              确认导入
            </Button>
          ) : (
            <Text className="featured-import-line">表格和清单一样，不用导入。</Text>
          )}
        </View>
      ) : null}
      {done ? (
        <View className="featured-import-line featured-import-done" role="status">
          已导入：新增 {done.added} 项，修改 {done.changed} 项{done.notified > 0 ? `，已通知 ${done.notified} 位村务监督委员会主任` : ''}。每项都记进了它的变更记录。
        </View>
      ) : null}
    </View>
  )
}
