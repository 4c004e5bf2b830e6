import { useState } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Badge, Button, Cell, CellGroup } from '@nutui/nutui-react-taro'
import { PageShell, messageOf } from '../../../components/PageShell'
import { EmptyState } from '../../../components/EmptyState'
import { LoadMore, usePaged } from '../../../components/Paged'
import { formatDay } from '../../../components/format'
import { call } from '../../../services/api'
import { readThrough } from '../../../services/offline'
import { go } from '../../../services/nav'
import './index.css'

const templateId = process.env.TARO_APP_NOTICE_TEMPLATE_ID ?? ''

/**
 * Asks to be reminded of the next announcement. In WeChat each "allow" on
 * the subscribe prompt lets the app send one message, so the server counts
 * how many reminders are left.
 */
function Subscribe() {
  const [remaining, setRemaining] = useState<number | null>(null)
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState('')

  const subscribe = async () => {
    setBusy(true)
    setFailure('')
    try {
      if (process.env.TARO_ENV === 'weapp' && templateId) {
        // Taro's typings also demand Alipay's entityIds; WeChat takes only tmplIds.
        const answer = await Taro.requestSubscribeMessage({ tmplIds: [templateId] } as Taro.requestSubscribeMessage.Option).catch(
          () => null,
        )
        if (!answer) {
          setFailure('这次没能打开微信提醒，请稍后再试')
          return
        }
        if ((answer as Taro.requestSubscribeMessage.SuccessCallbackResult)[templateId] !== 'accept') {
          setFailure('您没有点“允许”，这次没有开启提醒')
          return
        }
      }
      const { remaining } = await call('announcement', 'subscribe', {})
      setRemaining(remaining)
    } catch (e) {
      setFailure(messageOf(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className="card announcement-subscribe">
      <Text className="muted subscribe-explain">点一下下面的按钮，下一条新公告发布时，微信会通知您一次。想接着收到通知，看完公告后再点一下。</Text>
      <Button block size="large" type="primary" fill="outline" loading={busy} onClick={() => void subscribe()}>
        接收新公告提醒
      </Button>
      {remaining !== null ? (
        <View className="subscribe-result" role="status">
          已开启：还可接收 {remaining} 条提醒
        </View>
      ) : null}
      {failure ? (
        <View className="error-text subscribe-result" role="alert">
          {failure}
        </View>
      ) : null}
    </View>
  )
}

/** Announcements from the supervision committee, newest first; unread ones stand out. */
export default function AnnouncementList() {
  const [unread, setUnread] = useState<number | null>(null)
  const paged = usePaged((cursor) =>
    readThrough('announcement', 'list', { cursor }).then((page) => {
      // Only the first page's count is current for the whole list.
      if (!cursor) setUnread(page.unreadCount)
      return page
    }),
  )
  const [opened, setOpened] = useState(false)

  // Back from an announcement: it is read now.
  useDidShow(() => {
    if (opened) paged.refresh()
  })

  return (
    <PageShell
      title="村务公告"
      subtitle="村务监督委员会发布的通知"
      loading={!paged.loaded && !paged.error}
      error={paged.error}
      offlineAt={paged.offlineAt}
    >
      {unread !== null && paged.items.length > 0 ? (
        <Text className={`announcement-unread-count${unread > 0 ? ' has-unread' : ''}`}>
          {unread > 0 ? `有 ${unread} 条公告还没看` : '公告都已看过'}
        </Text>
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
                  <Text className={a.read ? 'announcement-title' : 'announcement-title announcement-title-unread'}>
                    {a.title}
                  </Text>
                </View>
              }
              description={
                <Text className="announcement-meta">
                  {a.read ? '' : '未读 · '}
                  {formatDay(a.publishedAt)} · {a.byTitle}
                </Text>
              }
              onClick={() => {
                setOpened(true)
                go('/packages/announcement/detail/index', { announcementId: a.announcementId })
              }}
            />
          ))}
        </CellGroup>
      ) : null}
      <LoadMore hasMore={paged.nextCursor !== null} loading={paged.loadingMore} error={paged.moreError} onLoad={paged.loadMore} />
      <Subscribe />
    </PageShell>
  )
}
