import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import { Button, Tag, Toast } from '@nutui/nutui-react-taro'
import type { reportStepKinds } from '@shared/report/rules'
import { PageShell, messageOf } from '../../../components/PageShell'
import { PhotoGrid } from '../../../components/PhotoPicker'
import { ReasonDialog } from '../../../components/ReasonDialog'
import { formatDayTime } from '../../../components/format'
import { reportStatusTags } from '@shared/report/labels'
import { call } from '../../../services/api'
import { useQuery } from '../../../services/nav'
import { usePageQuery } from '../../../services/queries/hooks'
import { readQuery } from '../../../services/queries/read'
import { CadreChoice, HandlingCard, NamedCadres, RecuseDialog, recuseReport } from '../handling'
import './index.css'

const TOAST = 'report-toast'

const stepLabels: Record<(typeof reportStepKinds)[number], string> = {
  acknowledged: '受理',
  note: '调查记录',
  concluded: '办结',
}

/** Township staff handle one report: acknowledge it, keep investigation notes, conclude it. */
export default function ReportDetail() {
  const reportId = useQuery().reportId ?? ''
  const { data, error, isPending: loading, refetch: reload } = usePageQuery(readQuery('report', 'get', { reportId }))
  const [dialog, setDialog] = useState<'note' | 'conclude' | 'recuse' | null>(null)
  const [named, setNamed] = useState<string[]>([])
  const [acknowledging, setAcknowledging] = useState(false)

  // Whatever happened (done, or someone else moved it first), show the report as it now stands.
  const act = async (work: () => Promise<unknown>, done: string) => {
    try {
      await work()
      Toast.show(TOAST, { icon: 'success', content: done })
    } finally {
      reload()
    }
  }

  const acknowledge = async () => {
    setAcknowledging(true)
    try {
      await act(() => call('report', 'acknowledge', { reportId }), '已受理')
    } catch (e) {
      Toast.show(TOAST, { icon: 'fail', content: messageOf(e) })
    } finally {
      setAcknowledging(false)
    }
  }

  const r = data
  const tag = r ? reportStatusTags[r.status] : null
  const open = r?.status === 'acknowledged' || r?.status === 'investigating'
  return (
    <PageShell title="举报详情" loading={loading && !r} error={error}>
      {r && tag ? (
        <>
          <View className="card report-detail">
            <View className="report-detail-head">
              <Tag type={tag.type}>{tag.label}</Tag>
              {r.anonymous ? <Tag>匿名</Tag> : null}
              <Text className="report-detail-village">{r.villageName}</Text>
            </View>
            <Text className="report-detail-subject">举报对象：{r.subject || '未写举报对象'}</Text>
            <Text className="report-detail-text">{r.text}</Text>
            <PhotoGrid images={r.photos} />
            <Text className="report-detail-line">举报人：{r.reporter ? `${r.reporter.name}（户号 ${r.reporter.householdNumber}）` : '匿名举报'}</Text>
            <Text className="muted report-detail-line">{formatDayTime(r.filedAt)}提交</Text>
          </View>

          <Text className="section-title">办理人</Text>
          <HandlingCard handler={r.handler} handling={r.handling} />

          <Text className="section-title">办理经过</Text>
          <View className="card report-steps">
            {r.steps.length === 0 ? <Text className="muted">还没有受理</Text> : null}
            {r.steps.map((s, i) => (
              <View key={`${s.at}-${i}`} className={`report-step report-step-${s.kind}`}>
                <View className="report-step-head">
                  <Text className="report-step-kind">{stepLabels[s.kind]}</Text>
                  <Text className="muted">{formatDayTime(s.at)}</Text>
                  <Text className="muted">{s.staffName}</Text>
                </View>
                {s.text ? <Text className="report-step-text">{s.text}</Text> : null}
              </View>
            ))}
          </View>

          {r.outcome ? (
            <>
              <Text className="section-title">办理结果（举报人能看到）</Text>
              <View className="card report-outcome">
                <Text className="prose">{r.outcome}</Text>
                <NamedCadres cadres={r.namedCadres} />
              </View>
            </>
          ) : null}

          <View className="report-actions">
            {r.status === 'submitted' ? (
              <Button block size="large" type="primary" loading={acknowledging} onClick={() => void acknowledge()}>
                受理
              </Button>
            ) : null}
            {open ? (
              <>
                <Button block size="large" type="primary" fill="outline" onClick={() => setDialog('note')}>
                  添加调查记录
                </Button>
                <Button
                  block
                  size="large"
                  type="primary"
                  onClick={() => {
                    setNamed([])
                    setDialog('conclude')
                  }}
                >
                  办结
                </Button>
              </>
            ) : null}
            {r.status !== 'concluded' ? (
              <Button block size="large" type="default" onClick={() => setDialog('recuse')}>
                申请回避
              </Button>
            ) : null}
          </View>
        </>
      ) : null}

      <ReasonDialog
        visible={dialog === 'note'}
        title="记录调查情况"
        message="调查记录只在镇纪委内部留存，村里和举报人都看不到。"
        label="调查记录"
        placeholder="例如：已找当事人谈话，核对了账目"
        required
        maxLength={1000}
        confirmText="保存记录"
        onSubmit={(text) => act(() => call('report', 'note', { reportId, text }), '已添加调查记录')}
        onClose={() => setDialog(null)}
      />
      <ReasonDialog
        visible={dialog === 'conclude'}
        title="办结这条举报"
        message="办理结果会告诉举报人（凭查询码查看）。办结后不能再添加调查记录。"
        label="办理结果"
        placeholder="例如：经核查，反映的问题属实，已责令整改"
        required
        maxLength={1000}
        confirmText="确认办结"
        onSubmit={(outcome) => act(() => call('report', 'conclude', { reportId, outcome, findingAppointmentIds: named }), '已办结')}
        onClose={() => setDialog(null)}
      >
        {r ? <CadreChoice villageId={r.villageId} value={named} onChange={setNamed} /> : null}
      </ReasonDialog>
      <RecuseDialog visible={dialog === 'recuse'} what="条举报" onRecuse={recuseReport(reportId)} onClose={() => setDialog(null)} />
      <Toast id={TOAST} />
    </PageShell>
  )
}
