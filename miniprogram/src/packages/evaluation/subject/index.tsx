import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import { Button, Tag } from '@nutui/nutui-react-taro'
import type { EscalationPublicView } from '@shared/evaluation/schema'
import { PageShell } from '../../../components/PageShell'
import { ReasonDialog } from '../../../components/ReasonDialog'
import { RoundCard } from '../../../components/RoundCard'
import { escalationStatusTags } from '@shared/evaluation/labels'
import { formatDay, formatDayTime } from '../../../components/format'
import { useRole } from '../../../hooks/useRole'
import { call } from '../../../services/api'
import { go, useQuery } from '../../../services/nav'
import { usePageQuery } from '../../../services/queries/hooks'
import { readQuery } from '../../../services/queries/read'
import './index.css'

/** One cycle of the township's case, as the village reads it. */
function CaseCard({ e, onReport }: { e: EscalationPublicView; onReport?: () => void }) {
  const tag = escalationStatusTags[e.status]
  return (
    <View className="card subject-case">
      <View className="subject-case-head">
        <Tag type={tag.type}>{tag.label}</Tag>
        <Text className="subject-case-cycle">{e.cycle > 1 ? `第${e.cycle}次提交镇纪委` : '提交镇纪委'}</Text>
        <Text className="muted">{formatDay(e.openedAt)}</Text>
      </View>
      {e.rectification ? (
        <Text className="prose subject-case-line">
          整改要求（{formatDay(e.rectification.at)}下达，{e.rectification.dueAt}前完成）：{e.rectification.what}
        </Text>
      ) : null}
      {e.villageReport ? (
        <View className="answer">
          <Text className="answer-by">
            村里的整改情况 · {e.villageReport.title}
            {e.villageReport.name} · {formatDayTime(e.villageReport.at)}
          </Text>
          <Text className="prose">{e.villageReport.text}</Text>
        </View>
      ) : null}
      {e.conclusion ? <Text className="prose subject-case-line">镇纪委办结意见：{e.conclusion}</Text> : null}
      {onReport ? (
        <Button block size="large" type="primary" className="subject-case-report" onClick={onReport}>
          报告整改情况
        </Button>
      ) : null}
    </View>
  )
}

/** Every round on one disclosure or decision, the answers, and what the township did about it. */
export default function SubjectHistory() {
  const query = useQuery()
  const type = query.type === 'decision' ? 'decision' : 'disclosure'
  const id = query.id ?? ''
  const role = useRole()
  const { data, error, isPending: loading, refetch: reload } = usePageQuery(readQuery('evaluation', 'subjectHistory', { subject: { type, id } }))
  const [reporting, setReporting] = useState<string | null>(null)

  return (
    <PageShell title="评议记录" subtitle={data ? `${type === 'disclosure' ? '公开' : '决策'}：${data.subject.title}` : undefined} loading={loading && !data} error={error}>
      {data ? (
        <>
          {data.escalations.length > 0 ? <Text className="section-title">镇纪委介入</Text> : null}
          {data.escalations.map((e) => (
            <CaseCard key={e.escalationId} e={e} onReport={role === 'committee' && e.status === 'rectifying' ? () => setReporting(e.escalationId) : undefined} />
          ))}
          <Text className="section-title">历次评议（{data.rounds.length}）</Text>
          {data.rounds.length === 0 ? <View className="card muted">这个事项还没有评议过。</View> : null}
          {[...data.rounds].reverse().map((r) => (
            <RoundCard key={r.roundId} round={r} onClick={() => go('/packages/evaluation/round/index', { roundId: r.roundId })} />
          ))}
        </>
      ) : null}
      <ReasonDialog
        visible={reporting !== null}
        title="报告整改情况"
        message="整改情况会公布给全村村民，镇纪委看过后办结并发起再评议。"
        label="整改情况"
        placeholder="按镇纪委的整改要求做了什么、结果怎样"
        required
        maxLength={2000}
        confirmText="公布"
        onSubmit={async (text) => {
          await call('evaluation', 'reportRectification', { escalationId: reporting!, text })
          setReporting(null)
          reload()
        }}
        onClose={() => setReporting(null)}
      />
    </PageShell>
  )
}
