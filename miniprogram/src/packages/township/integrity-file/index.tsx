import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import { Button, Toast } from '@nutui/nutui-react-taro'
import { answeredKindLabels } from '@shared/integrity/labels'
import { PageShell } from '../../../components/PageShell'
import { PhotoGrid, PhotoPicker, type Photo } from '../../../components/PhotoPicker'
import { ReasonDialog } from '../../../components/ReasonDialog'
import { DownloadButton, ShareButton } from '../../../components/ExportButton'
import { formatDay, formatDayTime } from '../../../components/format'
import { call } from '../../../services/api'
import { useQuery } from '../../../services/nav'
import { usePageQuery } from '../../../services/queries/hooks'
import { readQuery } from '../../../services/queries/read'
import '../handling.css'
import './index.css'

const TOAST = 'integrity-toast'

/**
 * One village cadre's 廉政档案: assembled from the record when it is read (concluded cases and reports whose finding
 * names them, rounds over the threshold on what they answered for) and the staff's dated notes. Never a reporter.
 */
export default function IntegrityFile() {
  const personId = useQuery().personId ?? ''
  const { data: f, error, isPending, refetch } = usePageQuery(readQuery('township', 'integrityFile', { personId }))
  const [adding, setAdding] = useState(false)
  const [photos, setPhotos] = useState<Photo[]>([])
  const empty = f && f.cases.length + f.reports.length + f.rounds.length === 0

  return (
    <PageShell title={f ? `${f.name}的廉政档案` : '廉政档案'} subtitle="只有镇纪委能看。只记查实的问题，不记没有办结的反映，也不记举报人。" loading={isPending && !f} error={error}>
      {f ? (
        <>
          <Text className="section-title">任职</Text>
          <View className="card">
            {f.posts.map((p) => (
              <Text key={p.appointmentId} className="integrity-line">
                {p.villageName} {p.title}：{formatDay(p.startedAt)}起{p.status === 'ended' && p.endedAt ? `，${formatDay(p.endedAt)}离任` : '，现任'}
              </Text>
            ))}
          </View>

          {empty ? <View className="card integrity-clean">没有查实的问题</View> : null}

          {f.cases.length > 0 ? <Text className="section-title">评议升级案件（已办结）</Text> : null}
          {f.cases.map((c) => (
            <View key={c.escalationId} className="card integrity-entry">
              <Text className="integrity-title">
                {c.villageName} · {c.subjectTitle}
              </Text>
              <Text className="muted">
                {formatDay(c.openedAt)}升级，{formatDay(c.closedAt)}办结；涉及职务：{c.postTitles.join('、')}
              </Text>
              <Text className="integrity-line">办结意见：{c.conclusion}</Text>
              {c.rectification ? (
                <Text className="integrity-line">
                  整改要求：{c.rectification.what}（期限 {c.rectification.dueAt}）
                </Text>
              ) : null}
              {c.villageReport ? <Text className="integrity-line">村里报告整改：{c.villageReport.text}</Text> : null}
            </View>
          ))}

          {f.reports.length > 0 ? <Text className="section-title">举报查实</Text> : null}
          {f.reports.map((r) => (
            <View key={r.reportId} className="card integrity-entry">
              <Text className="muted">
                {r.villageName}，{formatDay(r.concludedAt)}办结；涉及职务：{r.postTitles.join('、')}
              </Text>
              <Text className="integrity-line">办理结果：{r.outcome}</Text>
            </View>
          ))}

          {f.rounds.length > 0 ? <Text className="section-title">评议不满意超标</Text> : null}
          {f.rounds.map((r) => (
            <View key={r.roundId} className="card integrity-entry">
              <Text className="integrity-title">
                {r.villageName} · {r.title}
              </Text>
              <Text className="muted">
                {formatDay(r.closedAt)}结束，不满意 {r.dissatisfied} / 共 {r.cast} 票；本人{r.answeredAs.map((k) => answeredKindLabels[k]).join('、')}
              </Text>
              {r.answer ? (
                <Text className="integrity-line">
                  答复释疑（{r.answer.title}
                  {r.answer.name}）：{r.answer.text}
                </Text>
              ) : (
                <Text className="integrity-line">还没有答复释疑</Text>
              )}
            </View>
          ))}

          <Text className="section-title">镇纪委记录</Text>
          {f.notes.length === 0 ? <View className="card muted">还没有记录</View> : null}
          {f.notes.map((n) => (
            <View key={n.noteId} className="card integrity-entry">
              <Text className="muted">
                {formatDayTime(n.at)} {n.by.title}
                {n.by.name}
              </Text>
              <Text className="integrity-line">{n.text}</Text>
              <PhotoGrid images={n.attachments} />
            </View>
          ))}

          <View className="integrity-actions">
            <Button
              block
              size="large"
              type="primary"
              onClick={() => {
                setPhotos([])
                setAdding(true)
              }}
            >
              添加记录
            </Button>
            {process.env.TARO_ENV === 'weapp' ? (
              <ShareButton
                label="准备表格"
                again="重新准备表格"
                toast={TOAST}
                prepare={() => call('township', 'prepareIntegrityExport', { personId })}
                ready={(file) => `已准备好，共 ${file.rows} 行：${file.filename}`}
              />
            ) : (
              <DownloadButton
                label="导出档案表格"
                toast={TOAST}
                fetchFile={async () => {
                  const { filename, csv } = await call('township', 'exportIntegrityFile', { personId })
                  return { filename, blob: new Blob([csv], { type: 'text/csv;charset=utf-8' }), shown: filename }
                }}
              />
            )}
          </View>
        </>
      ) : null}

      <ReasonDialog
        visible={adding}
        title="添加记录"
        message="记入这位村干部的廉政档案，写明日期和经过。只有镇纪委能看到。"
        label="记录内容"
        placeholder="例如：2026年12月约谈，本人作了检查"
        required
        maxLength={1000}
        confirmText="保存"
        onSubmit={async (text) => {
          await call('township', 'addIntegrityNote', { personId, text, photos: photos.map(({ fileId, name }) => ({ fileId, name })) })
          Toast.show(TOAST, { icon: 'success', content: '已记入档案' })
          setAdding(false)
          void refetch()
        }}
        onClose={() => setAdding(false)}
      >
        <Text className="reason-dialog-label">照片或材料（可不加，最多3张）</Text>
        <PhotoPicker max={3} photos={photos} onChange={(update) => setPhotos(update)} />
      </ReasonDialog>
      <Toast id={TOAST} />
    </PageShell>
  )
}
