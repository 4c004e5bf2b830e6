import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import { Cell, CellGroup, Loading, Tag } from '@nutui/nutui-react-taro'
import { Chips } from '../../../components/Chips'
import { CoverageBar } from '../../../components/CoverageBar'
import { PageShell, messageOf } from '../../../components/PageShell'
import { EmptyState } from '../../../components/EmptyState'
import { LoadMore } from '../../../components/Paged'
import { formatPermille } from '../../../components/format'
import { go } from '../../../services/nav'
import { usePageQuery, usePagedQuery } from '../../../services/queries/hooks'
import { readQuery, pagedRead } from '../../../services/queries/read'
import { GROUP_ACTIVE_LABEL } from '@shared/group/labels'
import { GROUP_ACTIVE_DAYS } from '@shared/group/rules'
import './index.css'

const filters: { key: string; label: string; inGroup: boolean | undefined }[] = [
  { key: 'all', label: '全部', inGroup: undefined },
  { key: 'in', label: '已入群', inGroup: true },
  { key: 'out', label: '未入群', inGroup: false },
]

/** The village roster: which households have someone in the supervision group. */
export default function Roster() {
  const coverage = usePageQuery(readQuery('member', 'coverage', {}))
  const [tab, setTab] = useState<string>('all')
  const inGroup = filters.find((f) => f.key === tab)?.inGroup
  const paged = usePagedQuery(pagedRead('member', 'roster', { inGroup }))

  // Back from a household, both are fetched again: membership may have changed there.

  const village = coverage.data?.villages[0]
  return (
    <PageShell title="花名册和入群情况" subtitle="一户至少一人入群。点开一户，可以看成员、换户代表。">
      {village ? (
        <View className="card roster-coverage">
          <Text className="roster-coverage-figure">
            入群 {village.householdsInGroup} 户 / 花名册 {village.householdsOnRoster} 户，
            <Text className="nowrap">覆盖率 {formatPermille(village.coveragePermille)}</Text>
          </Text>
          <CoverageBar permille={village.coveragePermille} className="roster-progress" />
          {/* 群内活跃户: seen opening a card from a bound group lately; meaningful only once a group is bound. */}
          <Text className="roster-active">
            {village.groupsBound > 0
              ? `${GROUP_ACTIVE_LABEL} ${village.householdsActiveInGroup} 户：${GROUP_ACTIVE_DAYS} 天内有人从本村监督群里的卡片打开过`
              : `${GROUP_ACTIVE_LABEL}：还没有绑定本村监督群，绑定后才能统计`}
          </Text>
          {village.householdsOnRoster > village.householdsInGroup ? (
            <Text className="muted">还有 {village.householdsOnRoster - village.householdsInGroup} 户没有人入群，可以在“未入群”里查看，上门动员。</Text>
          ) : null}
        </View>
      ) : coverage.error ? null : (
        <View className="card roster-coverage muted">正在统计入群情况…</View>
      )}

      <Chips label="入群情况" options={filters.map((f) => ({ value: f.key, label: f.label }))} value={tab} onChange={setTab} />

      {paged.error ? (
        <View className="card error-text" role="alert">
          {messageOf(paged.error)}
        </View>
      ) : !paged.loaded ? (
        <View className="card roster-loading">
          <Loading>正在加载…</Loading>
        </View>
      ) : null}
      {paged.loaded && paged.items.length === 0 && paged.nextCursor === null ? <EmptyState title={tab === 'out' ? '每一户都已入群' : '没有符合条件的户'} /> : null}
      {paged.items.length > 0 ? (
        <CellGroup>
          {paged.items.map((h) => (
            <Cell
              key={h.householdId}
              className="roster-household"
              clickable
              align="center"
              title={<Text className="roster-title">户主 {h.headName}</Text>}
              description={
                <View className="roster-desc">
                  <Text className="nowrap">户号 {h.number}</Text>
                  <Text className="nowrap">{h.groupName}</Text>
                  <Text className="nowrap">人口 {h.size} 人</Text>
                </View>
              }
              extra={<Tag type={h.inGroup ? 'success' : 'default'}>{h.inGroup ? '已入群' : '未入群'}</Tag>}
              onClick={() => go('/packages/chair/household/index', { householdId: h.householdId })}
            />
          ))}
        </CellGroup>
      ) : null}
      <LoadMore hasMore={paged.nextCursor !== null} loading={paged.loadingMore} error={paged.moreError} onLoad={paged.loadMore} />
    </PageShell>
  )
}
