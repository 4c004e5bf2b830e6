import type { ReactNode } from 'react'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { periodLabel, disclosureKinds } from '@shared/disclosure/rules'
import { FigureGrid } from '../../../components/FigureGrid'
import { CoverageBar } from '../../../components/CoverageBar'
import { PageShell, messageOf } from '../../../components/PageShell'
import { FeedbackFigures } from '../../../components/FeedbackFigures'
import { TopicFigures } from '../../../components/TopicFigures'
import { formatDay } from '../../../components/format'
import { kindLabels } from '@shared/disclosure/labels'
import { go } from '../../../services/nav'
import { usePageQuery } from '../../../services/queries/hooks'
import { readQuery } from '../../../services/queries/read'
import './index.css'

/** A section read on its own (feedback, 点题): its failure, its figures or 正在加载…, then a button to where the work is done. */
function Part<T>({ read, shown, more, url }: { read: { error: unknown; data: T | undefined }; shown: (data: T) => ReactNode; more: string; url: string }) {
  return (
    <>
      {read.error ? (
        <View className="card error-text" role="alert">
          {messageOf(read.error)}
        </View>
      ) : read.data ? (
        shown(read.data)
      ) : (
        <View className="card muted">正在加载…</View>
      )}
      <View className="figure-more">
        <Button block size="large" fill="outline" onClick={() => go(url)}>
          {more}
        </Button>
      </View>
    </>
  )
}

/** The chair's view of how the village is disclosing: this month, deadlines, and who reads announcements. */
export default function Figures() {
  const { data, error, isPending: loading } = usePageQuery(readQuery('disclosure', 'figures', {}))
  const feedback = usePageQuery(readQuery('feedback', 'figures', {}))
  const topics = usePageQuery(readQuery('topic', 'figures', {}))

  const month = data ? periodLabel(data.month) : ''
  const total = data ? disclosureKinds.reduce((n, k) => n + data.publishedThisMonth[k], 0) : 0
  return (
    <PageShell title="本村监督情况" subtitle={month ? `${month}的数字，随时更新` : undefined} loading={loading && !data} error={error}>
      {data ? (
        <>
          <Text className="section-title">本月发布的公开（共 {total} 条）</Text>
          <View className="card">
            <FigureGrid figures={disclosureKinds.map((k) => ({ label: `${kindLabels[k]}（条）`, value: data.publishedThisMonth[k] }))} />
            <Text className="figure-line">
              本月更正 <Text className="figure-strong">{data.revisionsThisMonth}</Text> 次
            </Text>
          </View>

          <Text className="section-title">公开时限（近一年）</Text>
          <View className={`card figure-duties${data.overdueDuties > 0 ? ' figure-duties-bad' : ''}`}>
            <Text className="figure-line">
              逾期未公开 <Text className={`figure-strong${data.overdueDuties > 0 ? ' figure-bad' : ''}`}>{data.overdueDuties}</Text> 项，逾期公开{' '}
              <Text className={`figure-strong${data.lateDuties > 0 ? ' figure-late' : ''}`}>{data.lateDuties}</Text> 项
            </Text>
            {data.overdueDuties > 0 ? <Text className="figure-hint">逾期未公开的，请督促村“两委”尽快公开。</Text> : null}
            <Button block size="large" type="primary" fill="outline" className="figure-button" onClick={() => go('/packages/disclosure/duties/index')}>
              看公开时限
            </Button>
          </View>

          <Text className="section-title">村民意见办理情况（答复期限{feedback.data?.replyDays ?? '—'}天）</Text>
          <Part read={feedback} shown={(d) => <FeedbackFigures figures={d.total} />} more="处理村民意见" url="/packages/feedback/inbox/index" />

          <Text className="section-title">村民点题公开情况</Text>
          <Part read={topics} shown={(d) => <TopicFigures figures={d.total} />} more="处理村民点题" url="/packages/topic/inbox/index" />

          <Text className="section-title">最近的公告有多少户看了</Text>
          {data.announcements.length === 0 ? (
            <View className="card muted">还没有发布过公告</View>
          ) : (
            data.announcements.map((a, i) => (
              <View key={`${a.publishedAt}-${i}`} className="card figure-reach">
                <Text className="figure-reach-title">{a.title}</Text>
                <Text className="muted">{formatDay(a.publishedAt)}发布</Text>
                <Text className="figure-reach-count">
                  已读 {a.householdsRead} 户 / 群内 {a.householdsInGroup} 户
                </Text>
                <CoverageBar permille={a.householdsInGroup > 0 ? Math.round((a.householdsRead * 1000) / a.householdsInGroup) : 0} className="figure-reach-bar" />
              </View>
            ))
          )}
          <View className="figure-more">
            <Button block size="large" fill="outline" onClick={() => go('/packages/chair/announce/index')}>
              公告和阅读情况
            </Button>
          </View>
        </>
      ) : null}
    </PageShell>
  )
}
