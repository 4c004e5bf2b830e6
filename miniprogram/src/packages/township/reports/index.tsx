import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import { Tag, Toast } from '@nutui/nutui-react-taro'
import { type ReportStatus, reportStatuses } from '@shared/report/rules'
import { ExportButton } from '../../../components/ExportButton'
import { PageShell, messageOf } from '../../../components/PageShell'
import { ErrorCard } from '../../../components/ErrorCard'
import { Chips } from '../../../components/Chips'
import { EmptyState } from '../../../components/EmptyState'
import { LoadMore } from '../../../components/Paged'
import { formatDay } from '../../../components/format'
import { reportStatusTags } from '@shared/report/labels'
import { go } from '../../../services/nav'
import { usePageQuery, usePagedQuery } from '../../../services/queries/hooks'
import { readQuery, pagedRead } from '../../../services/queries/read'
import './index.css'

const statusChoices = [{ value: undefined, label: '全部' }, ...reportStatuses.map((s) => ({ value: s, label: reportStatusTags[s].label }))]

/** Township staff: reports from every village, filtered by where they stand; each opens to be handled. */
export default function Reports() {
  const [status, setStatus] = useState<ReportStatus | undefined>(undefined)
  const figures = usePageQuery(readQuery('report', 'figures', {}))
  const paged = usePagedQuery(pagedRead('report', 'inbox', { status }))

  // Back from one report its status may have changed: refresh without clearing the list.

  const total = figures.data?.total
  return (
    <PageShell title="举报受理" subtitle="村民直接向镇纪委的举报，村里看不到。请及时受理、调查、办结。">
      <View className="card reports-figures">
        <View className="reports-figure">
          <Text className="reports-number">{total ? total.received : '—'}</Text>
          <Text className="reports-label">收到（件）</Text>
        </View>
        <View className="reports-figure">
          <Text className="reports-number">{total ? total.concluded : '—'}</Text>
          <Text className="reports-label">已办结（件）</Text>
        </View>
        <View className="reports-figure">
          <Text className="reports-number">{total ? total.received - total.concluded : '—'}</Text>
          <Text className="reports-label">未办结（件）</Text>
        </View>
      </View>
      <ErrorCard error={figures.error} />

      <Chips label="举报状态" options={statusChoices} value={status} onChange={setStatus} />

      {paged.error ? (
        <View className="card error-text" role="alert">
          {messageOf(paged.error)}
        </View>
      ) : !paged.loaded ? (
        <View className="card muted reports-loading">正在加载…</View>
      ) : paged.items.length === 0 && paged.nextCursor === null ? (
        <EmptyState title={status ? `没有${reportStatusTags[status].label}的举报` : '还没有收到举报'} />
      ) : (
        paged.items.map((r) => {
          const tag = reportStatusTags[r.status]
          return (
            <View key={r.reportId} className="card reports-row" onClick={() => go('/packages/township/report/index', { reportId: r.reportId })}>
              <View className="reports-head">
                <Tag type={tag.type}>{tag.label}</Tag>
                {r.anonymous ? <Tag>匿名</Tag> : null}
                <Text className="reports-village">{r.villageName}</Text>
                <Text className="muted reports-date">{formatDay(r.filedAt)}</Text>
              </View>
              <Text className="reports-subject">{r.subject || '未写举报对象'}</Text>
              <Text className="reports-excerpt">{r.excerpt}</Text>
              <Text className="reports-open">查看并办理 ›</Text>
            </View>
          )
        })
      )}
      <LoadMore hasMore={paged.nextCursor !== null} loading={paged.loadingMore} error={paged.moreError} onLoad={paged.loadMore} />
      <View className="township-export">
        <ExportButton kind="reports" toast="reports-toast" />
      </View>
      <Toast id="reports-toast" />
    </PageShell>
  )
}
