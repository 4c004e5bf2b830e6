import { View, Text } from '@tarojs/components'
import { Button, Tag } from '@nutui/nutui-react-taro'
import { periodLabel } from '@shared/disclosure/rules'
import { PageShell } from '../../../components/PageShell'
import { formatDay } from '../../../components/format'
import { cadenceLabels, dutyStatusTags, kindLabels, sectionLabels } from '@shared/disclosure/labels'
import { useRole } from '../../../hooks/useRole'
import type { Output } from '../../../services/api'
import { go, useQuery } from '../../../services/nav'
import { usePageQuery } from '../../../services/queries/hooks'
import { readQuery } from '../../../services/queries/read'
import './index.css'

type Period = Output<'disclosure', 'duties'>['duties'][number]['periods'][number]
type TopicDuty = Output<'topic', 'duties'>['items'][number]

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

function topicNote(d: TopicDuty): string {
  const at = d.disclosedAt ? formatDay(d.disclosedAt) : ''
  switch (d.status) {
    case 'onTime':
      return `${at}公开`
    case 'late':
      return `${at}才公开，应在${lastDay(d.dueAt)}前`
    case 'overdue':
      return `应在${lastDay(d.dueAt)}前公开，至今没有公开`
    case 'notDue':
      return `${lastDay(d.dueAt)}前公开`
  }
}

/** Forwarded 点题: each a duty of its own with a due day; the committees publish the answer from here. */
function TopicDuties({ villageId }: { villageId: string | undefined }) {
  const role = useRole()
  const { data, error } = usePageQuery(readQuery('topic', 'duties', { villageId }))
  if (error) return <View className="card error-text">村民点题的公开情况没有读到，请稍后再看</View>
  if (!data || data.items.length === 0) return null
  return (
    <View>
      <Text className="section-title">村民点题要公开的事</Text>
      <View className="card duty-card">
        <Text className="duty-rule">村务监督委员会主任转交的村民点题，每一条都要在期限内公开</Text>
        {data.items.map((d) => {
          const tag = dutyStatusTags[d.status]
          return (
            <View key={d.topicId} className={`duty-period duty-period-${d.status}`}>
              <View className="duty-period-head">
                <Text className="duty-period-label">{d.title}</Text>
                <Tag type={tag.type}>{tag.label}</Tag>
              </View>
              <Text className="duty-period-note">
                {kindLabels[d.kind]}·{sectionLabels[d.section]}：{topicNote(d)}
              </Text>
              <Text className="duty-period-note muted">村民想了解：{d.reason}</Text>
              {role === 'committee' && d.disclosureId === null ? (
                <Button block size="large" type="primary" onClick={() => go(`/packages/committee/publish/index?topicId=${encodeURIComponent(d.topicId)}`)}>
                  发布公开答复这条点题
                </Button>
              ) : null}
              {d.disclosureId ? (
                <View className="duty-topic-link" role="link" onClick={() => go(`/packages/disclosure/detail/index?disclosureId=${encodeURIComponent(d.disclosureId!)}`)}>
                  查看公开内容 ›
                </View>
              ) : null}
            </View>
          )
        })}
      </View>
    </View>
  )
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
          <TopicDuties villageId={villageId} />
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
