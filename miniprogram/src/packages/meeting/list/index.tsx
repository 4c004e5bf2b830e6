import { Text, View } from '@tarojs/components'
import { Button, Cell, CellGroup, Tag } from '@nutui/nutui-react-taro'
import { meetingStatusTags } from '@shared/meeting/labels'
import { PageShell } from '../../../components/PageShell'
import { EmptyState } from '../../../components/EmptyState'
import { LoadMore } from '../../../components/Paged'
import { formatDayTime } from '../../../components/format'
import { useRole } from '../../../hooks/useRole'
import { go, useQuery } from '../../../services/nav'
import { usePagedQuery } from '../../../services/queries/hooks'
import { meetingQueries } from '../../../services/queries/meeting'
import './index.css'

/** The village's meetings, newest first: what is coming and the records of those held. The chair schedules here. */
export default function MeetingList() {
  const role = useRole()
  const villageId = useQuery().villageId
  const paged = usePagedQuery(meetingQueries.list(villageId))

  return (
    <PageShell
      title="村情发布会"
      subtitle="村“两委”当面发布村情、回答提问；开过的会都有记录"
      loading={!paged.loaded && !paged.error}
      error={paged.error}
      offlineAt={paged.offlineAt}
    >
      {role === 'chair' ? (
        <View className="meeting-new">
          <Button block type="primary" size="large" onClick={() => go('/packages/meeting/schedule/index')}>
            安排一次村情发布会
          </Button>
        </View>
      ) : null}
      {paged.items.length === 0 && paged.nextCursor === null ? (
        <EmptyState title="还没有村情发布会" description="村务监督委员会主任安排后，时间、地点和要发布的事项会显示在这里" />
      ) : null}
      {paged.items.length > 0 ? (
        <CellGroup>
          {paged.items.map((m) => (
            <Cell
              key={m.meetingId}
              className="meeting-row"
              clickable
              title={<Text className="meeting-title">{m.title}</Text>}
              description={
                <Text className="meeting-meta">
                  {formatDayTime(m.startsAt)} · {m.place}
                  {'\n'}
                  {m.itemCount} 项发布{m.status === 'held' ? ` · 记录了 ${m.questionCount} 个提问` : ''}
                </Text>
              }
              extra={<Tag type={meetingStatusTags[m.status].type}>{meetingStatusTags[m.status].label}</Tag>}
              onClick={() => go('/packages/meeting/detail/index', { meetingId: m.meetingId, villageId })}
            />
          ))}
        </CellGroup>
      ) : null}
      <LoadMore hasMore={paged.nextCursor !== null} loading={paged.loadingMore} error={paged.moreError} onLoad={paged.loadMore} />
    </PageShell>
  )
}
