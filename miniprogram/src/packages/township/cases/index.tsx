import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import { Tag, Toast } from '@nutui/nutui-react-taro'
import type { CaseSummary } from '@shared/township/schema'
import { type EscalationStatus, escalationStatuses } from '@shared/evaluation/rules'
import { ExportButton } from '../../../components/ExportButton'
import { CaseReminders } from '../settings/CaseReminders'
import { PageShell, messageOf } from '../../../components/PageShell'
import { Chips } from '../../../components/Chips'
import { EmptyState } from '../../../components/EmptyState'
import { LoadMore } from '../../../components/Paged'
import { formatDay } from '../../../components/format'
import { escalationStatusTags, percentOf } from '@shared/evaluation/labels'
import { go } from '../../../services/nav'
import { usePagedQuery, usePageQuery } from '../../../services/queries/hooks'
import { pagedRead, readQuery } from '../../../services/queries/read'
import './index.css'

const statusChoices = [{ value: undefined, label: '全部' }, ...escalationStatuses.map((s) => ({ value: s, label: escalationStatusTags[s].label }))]

const subjectPrefix = { disclosure: '公开：', decision: '决策：' } as const

const cycleLabel = (cycle: number) => (cycle > 1 ? `第${cycle}次升级` : '首次升级')

/** 不满意 11 / 共 40 票（27.5%）: the share rounded down, as the server decides it. */
function tallyLine(tally: CaseSummary['rounds'][number]['tally']): string {
  if (!tally) return '还没有计票'
  if (tally.cast === 0) return '共 0 票，没有人投票'
  return `不满意 ${tally.dissatisfied} / 共 ${tally.cast} 票（${percentOf(Math.floor((tally.dissatisfied * 1000) / tally.cast))}）`
}

/** Township staff: subjects the villagers judged unsatisfactory round after round, newest case first. */
export default function Cases() {
  const [status, setStatus] = useState<EscalationStatus | undefined>(undefined)
  const [villageId, setVillageId] = useState<string | undefined>(undefined)
  const paged = usePagedQuery(pagedRead('township', 'listEscalations', { status, villageId }))
  // The township's villages, to filter by; without them the list simply shows every village.
  const villages = usePageQuery({ ...readQuery('township', 'figures', {}), select: (f) => f.villages })

  return (
    <PageShell title="评议升级案件" subtitle="同一事项连续评议不满意超标，由镇纪委介入：调查、下达整改、办结后再评议。">
      {/* Whether this staff member will be told of a new case, and the way to be. */}
      <CaseReminders onlyWhenNotTold />
      <Chips label="案件状态" options={statusChoices} value={status} onChange={setStatus} />
      {villages.data && villages.data.length > 1 ? (
        <Chips
          label="村"
          options={[{ value: undefined, label: '全部村' }, ...villages.data.map((v) => ({ value: v.villageId, label: v.villageName }))]}
          value={villageId}
          onChange={setVillageId}
        />
      ) : null}

      {paged.error ? (
        <View className="card error-text" role="alert">
          {messageOf(paged.error)}
        </View>
      ) : !paged.loaded ? (
        <View className="card muted cases-loading">正在加载…</View>
      ) : paged.items.length === 0 && paged.nextCursor === null ? (
        <EmptyState title={status ? `没有${escalationStatusTags[status].label}的案件` : '还没有评议升级案件'} />
      ) : (
        paged.items.map((c) => {
          const tag = escalationStatusTags[c.status]
          return (
            <View key={c.escalationId} className="card cases-row" onClick={() => go('/packages/township/case/index', { escalationId: c.escalationId })}>
              <View className="cases-head">
                <Tag type={tag.type}>{tag.label}</Tag>
                <Text className={`cases-cycle${c.cycle > 1 ? ' cases-cycle-again' : ''}`}>{cycleLabel(c.cycle)}</Text>
                <Text className="cases-village">{c.villageName}</Text>
                <Text className="muted cases-age">{c.status === 'closed' ? `${formatDay(c.openedAt)}升级` : `已 ${c.ageDays} 天`}</Text>
              </View>
              <Text className="cases-subject">
                {subjectPrefix[c.subject.type]}
                {c.subject.title}
              </Text>
              {c.rounds.map((r) => (
                <View key={r.roundId} className="cases-round">
                  <Text className="cases-round-title">{r.title}</Text>
                  <Text className="cases-round-tally">{tallyLine(r.tally)}</Text>
                </View>
              ))}
              <Text className="cases-open">查看并办理 ›</Text>
            </View>
          )
        })
      )}
      <LoadMore hasMore={paged.nextCursor !== null} loading={paged.loadingMore} error={paged.moreError} onLoad={paged.loadMore} />
      <View className="township-export">
        <ExportButton kind="cases" toast="cases-toast" />
      </View>
      <Toast id="cases-toast" />
    </PageShell>
  )
}
