import { View, Text } from '@tarojs/components'
import { PageShell } from '../../../components/PageShell'
import { EmptyState } from '../../../components/EmptyState'
import { go } from '../../../services/nav'
import { usePageQuery } from '../../../services/queries/hooks'
import { readQuery } from '../../../services/queries/read'
import './index.css'

/** Every village cadre of the township, current and past, with what their integrity file holds. */
export default function IntegrityFiles() {
  const { data, error, isPending } = usePageQuery(readQuery('township', 'integrityFiles', {}))
  return (
    <PageShell title="村干部廉政档案" subtitle="每位村干部一份。查实的问题、整改、举报办理结果和超标的评议会自动记入，只有镇纪委能看。" loading={isPending && !data} error={error}>
      {data && data.cadres.length === 0 ? <EmptyState title="还没有村干部" description="任命村干部后会出现在这里" /> : null}
      {data?.cadres.map((c) => {
        const total = c.counts.cases + c.counts.reports + c.counts.rounds
        return (
          <View key={c.personId} className="card integrity-row" onClick={() => go('/packages/township/integrity-file/index', { personId: c.personId })}>
            <Text className="integrity-name">{c.name}</Text>
            <Text className="integrity-posts">{c.posts.map((p) => `${p.villageName} ${p.title}${p.status === 'ended' ? '（已离任）' : ''}`).join('；')}</Text>
            <Text className={total > 0 ? 'integrity-counts integrity-counts-some' : 'integrity-counts'}>
              {total === 0 ? '没有查实的问题' : `案件 ${c.counts.cases} 件，举报查实 ${c.counts.reports} 件，评议超标 ${c.counts.rounds} 次`}
              {c.counts.notes > 0 ? `，记录 ${c.counts.notes} 条` : ''}
            </Text>
            <Text className="integrity-open">查看档案 ›</Text>
          </View>
        )
      })}
    </PageShell>
  )
}
