import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { CoverageBar } from '../../../components/CoverageBar'
import { PageShell } from '../../../components/PageShell'
import { EmptyState } from '../../../components/EmptyState'
import { formatPermille } from '../../../components/format'
import { go } from '../../../services/nav'
import { usePageQuery } from '../../../services/queries/hooks'
import { readQuery } from '../../../services/queries/read'
import { GROUP_ACTIVE_LABEL } from '@shared/group/labels'
import { GROUP_ACTIVE_DAYS } from '@shared/group/rules'
import './index.css'

/** One village's disclosure figures: overdue duties and what it published this month. */
function VillageDisclosure({ villageId }: { villageId: string }) {
  const { data, error } = usePageQuery(readQuery('disclosure', 'figures', { villageId }))
  if (error) return <Text className="village-disclosure muted">公开情况暂时没取到，稍后再看</Text>
  if (!data) return <Text className="village-disclosure muted">公开情况加载中…</Text>
  const published = data.publishedThisMonth.party + data.publishedThisMonth.village + data.publishedThisMonth.finance
  return (
    <View className="village-disclosure">
      <Text className={`village-duty${data.overdueDuties > 0 ? ' village-duty-bad' : ''}`}>逾期未公开 {data.overdueDuties} 项</Text>
      <Text className="village-published">本月发布公开 {published} 条</Text>
    </View>
  )
}

/** Township staff: per village, how many households are in its supervision group and whether it discloses on time. */
/** What township staff open for one village; each page takes the village as a parameter. */
const villageLinks = [
  { label: '权力清单', url: '/packages/power/list/index' },
  { label: '三务公开', url: '/packages/disclosure/home/index' },
  { label: '公开时限', url: '/packages/disclosure/duties/index' },
  { label: '清单变更记录', url: '/packages/power/history/index' },
]

export default function Villages() {
  const { data, error, isPending: loading } = usePageQuery(readQuery('member', 'coverage', {}))
  const villages = data?.villages ?? []
  const inGroup = villages.reduce((n, v) => n + v.householdsInGroup, 0)
  const onRoster = villages.reduce((n, v) => n + v.householdsOnRoster, 0)

  return (
    <PageShell
      title="各村监督群覆盖情况"
      subtitle={data && villages.length > 0 ? `全镇 ${villages.length} 个村，入群 ${inGroup} 户 / 花名册 ${onRoster} 户` : undefined}
      loading={loading && !data}
      error={error}
    >
      {data && villages.length === 0 ? <EmptyState title="本镇还没有村" description="到“村和花名册”新建村，再导入花名册" /> : null}
      {villages.map((v) => (
        <View key={v.villageId} className="card village-card">
          <View className="village-head">
            <Text className="village-name">{v.name}</Text>
            <Text className="village-rate">覆盖率 {formatPermille(v.coveragePermille)}</Text>
          </View>
          <Text className="village-figure">
            入群 {v.householdsInGroup} 户 / 花名册 {v.householdsOnRoster} 户
          </Text>
          <CoverageBar permille={v.coveragePermille} className="village-progress" />
          <Text className="village-active">
            {v.groupsBound > 0 ? `${GROUP_ACTIVE_LABEL} ${v.householdsActiveInGroup} 户（${GROUP_ACTIVE_DAYS} 天内从本村监督群打开过）` : '还没有绑定本村监督群'}
          </Text>
          <VillageDisclosure villageId={v.villageId} />
          <View className="button-row">
            {villageLinks.map((link) => (
              <Button key={link.url} size="large" type="primary" fill="outline" onClick={() => go(link.url, { villageId: v.villageId, villageName: v.name })}>
                {link.label}
              </Button>
            ))}
          </View>
        </View>
      ))}
    </PageShell>
  )
}
