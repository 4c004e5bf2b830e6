import { View, Text } from '@tarojs/components'
import { Badge, Cell, CellGroup } from '@nutui/nutui-react-taro'
import { PageShell } from '../../../components/PageShell'
import { ReminderCard } from '../../../components/ReminderCard'
import { useRole } from '../../../hooks/useRole'
import { EmptyState } from '../../../components/EmptyState'
import { LoadMore } from '../../../components/Paged'
import { formatDay } from '../../../components/format'
import { usePagedQuery } from '../../../services/queries/hooks'
import { announcementQueries } from '../../../services/queries/announcement'
import { go } from '../../../services/nav'
import './index.css'

/** Announcements from the supervision committee, newest first; unread ones stand out. */
export default function AnnouncementList() {
  const role = useRole()
  // Shown again after an announcement was opened, the list refetches: that one is read now.
  const paged = usePagedQuery(announcementQueries.list())
  // Only the first page's count is current for the whole list.
  const unread = paged.first?.unreadCount ?? null

  return (
    <PageShell title="村务公告" subtitle="村务监督委员会发布的通知" loading={!paged.loaded && !paged.error} error={paged.error} offlineAt={paged.offlineAt}>
      {unread !== null && paged.items.length > 0 ? (
        <Text className={`announcement-unread-count${unread > 0 ? ' has-unread' : ''}`}>{unread > 0 ? `有 ${unread} 条公告还没看` : '公告都已看过'}</Text>
      ) : null}
      {paged.items.length === 0 && paged.nextCursor === null ? <EmptyState title="还没有公告" description="村务监督委员会主任发布公告后，会显示在这里" /> : null}
      {paged.items.length > 0 ? (
        <CellGroup>
          {paged.items.map((a) => (
            <Cell
              key={a.announcementId}
              className={`announcement-row${a.read ? '' : ' announcement-unread'}`}
              clickable
              title={
                <View className="announcement-title-row">
                  {a.read ? null : <Badge dot className="announcement-dot" />}
                  <Text className={a.read ? 'announcement-title' : 'announcement-title announcement-title-unread'}>{a.title}</Text>
                </View>
              }
              description={
                <Text className="announcement-meta">
                  {a.read ? '' : '未读 · '}
                  {formatDay(a.publishedAt)} · {a.byTitle}
                </Text>
              }
              onClick={() => go('/packages/announcement/detail/index', { announcementId: a.announcementId })}
            />
          ))}
        </CellGroup>
      ) : null}
      <LoadMore hasMore={paged.nextCursor !== null} loading={paged.loadingMore} error={paged.moreError} onLoad={paged.loadMore} />
      {/* Only group members can be reminded of announcements. */}
      {role === 'villager' ? (
        <ReminderCard
          topic="announcement"
          className="announcement-subscribe"
          explain="有新公告发布时，微信会通知您。"
          button="接收新公告提醒"
          notTold="还没有开启：有新公告时，微信不会通知您"
        />
      ) : null}
    </PageShell>
  )
}
