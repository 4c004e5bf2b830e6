import { View, Text } from '@tarojs/components'
import { Tag } from '@nutui/nutui-react-taro'
import { periodLabel } from '@shared/disclosure/rules'
import { PageShell } from '../../../components/PageShell'
import { formatDay } from '../../../components/format'
import { cadenceLabels, dutyStatusTags } from '@shared/disclosure/labels'
import type { Output } from '../../../services/api'
import { useQuery } from '../../../services/nav'
import { usePageQuery } from '../../../services/queries/hooks'
import { readQuery } from '../../../services/queries/read'
import './index.css'

type Period = Output<'disclosure', 'duties'>['duties'][number]['periods'][number]

/** `dueAt` is the first moment too late; the last day allowed is the day before it. */
const lastDay = (dueAt: string) => formatDay(Date.parse(dueAt) - 1)

function note(p: Period): string {
  switch (p.status) {
    case 'onTime':
      return p.publishedAt ? `${formatDay(p.publishedAt)}公开` : ''
    case 'late':
      return `${p.publishedAt ? formatDay(p.publishedAt) : ''}才公开，应在${lastDay(p.dueAt)}前`
    case 'overdue':
      return `应在${lastDay(p.dueAt)}前公开，至今没有公开`
    case 'notDue':
      return `${lastDay(p.dueAt)}前公开即可`
  }
}

/**
 * Whether the village published what it must, on time: per duty (monthly
 * finance, quarterly party and village affairs) the last twelve months.
 * The chair and the committees see their own village; township staff arrive
 * with `villageId` (and `villageName`).
 */
export default function Duties() {
  const query = useQuery()
  const villageId = query.villageId || undefined
  const villageName = query.villageName || ''
  const { data, error, isPending: loading } = usePageQuery(readQuery('disclosure', 'duties', { villageId }))

  return (
    <PageShell title={villageName ? `${villageName}公开时限` : '公开时限'} subtitle="每一期该公开的内容，有没有在规定的天数内公开。" loading={loading && !data} error={error}>
      {data ? (
        <>
          <View
            className={`card duties-summary${data.overdueCount > 0 ? ' duties-summary-bad' : data.lateCount > 0 ? ' duties-summary-late' : ' duties-summary-good'}`}
            role="status"
          >
            <Text className="duties-summary-text">
              逾期未公开 <Text className="duties-summary-figure">{data.overdueCount}</Text> 项，逾期公开 <Text className="duties-summary-figure">{data.lateCount}</Text> 项
            </Text>
            <Text className="duties-summary-note">
              {data.overdueCount > 0 ? '逾期未公开的，请尽快补上公开' : data.lateCount > 0 ? '近一年都已公开，但有的公开晚了' : '近一年都按时公开了'}
            </Text>
          </View>
          {data.duties.map((duty) => (
            <View key={duty.label}>
              <Text className="section-title">{duty.label}</Text>
              <View className="card duty-card">
                <Text className="duty-rule">
                  {cadenceLabels[duty.cadence]}公开一次，每期结束后 {duty.dueDays} 天内公开
                </Text>
                {duty.periods.map((p) => {
                  const tag = dutyStatusTags[p.status]
                  return (
                    <View key={p.period} className={`duty-period duty-period-${p.status}`}>
                      <View className="duty-period-head">
                        <Text className="duty-period-label">{periodLabel(p.period)}</Text>
                        <Tag type={tag.type}>{tag.label}</Tag>
                      </View>
                      <Text className="duty-period-note">{note(p)}</Text>
                    </View>
                  )
                })}
              </View>
            </View>
          ))}
        </>
      ) : null}
    </PageShell>
  )
}
