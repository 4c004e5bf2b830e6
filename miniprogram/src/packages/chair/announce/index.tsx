import { useState } from 'react'
import { PhotoPicker, type Photo } from '../../../components/PhotoPicker'
import { View, Text } from '@tarojs/components'
import { Button, Cell, CellGroup, Input, Popup, TextArea, Toast } from '@nutui/nutui-react-taro'
import type { DisclosureListItem } from '@shared/disclosure/schema'
import { CoverageBar } from '../../../components/CoverageBar'
import { PageShell, messageOf } from '../../../components/PageShell'
import { ErrorCard } from '../../../components/ErrorCard'
import { EmptyState } from '../../../components/EmptyState'
import { LoadMore } from '../../../components/Paged'
import { formatDay } from '../../../components/format'
import { kindLabels } from '@shared/disclosure/labels'
import { call } from '../../../services/api'
import { go } from '../../../services/nav'
import { usePagedQuery, usePageQuery } from '../../../services/queries/hooks'
import { pagedRead, readQuery } from '../../../services/queries/read'
import { ShareToGroup } from '../../../components/ShareToGroup'
import { useShareCard } from '../../../services/share'
import { announcementCard } from '../../../services/shareCards'
import { reachChannelLabels } from '@shared/group/labels'
import './index.css'

const TOAST = 'announce-toast'

/** Chooses one of the village's 20 latest disclosures to link, or none. */
function DisclosurePicker({
  visible,
  chosen,
  onChoose,
  onClose,
}: {
  visible: boolean
  chosen: DisclosureListItem | null
  onChoose: (d: DisclosureListItem | null) => void
  onClose: () => void
}) {
  const latest = usePageQuery({ ...readQuery('disclosure', 'list', {}), enabled: visible })
  const items = latest.data?.items ?? []
  return (
    <Popup visible={visible} position="bottom" round closeable title="选择要关联的三务公开" onClose={onClose}>
      <View className="announce-picker">
        {latest.error ? (
          <View className="card error-text" role="alert">
            {messageOf(latest.error)}
          </View>
        ) : !latest.data ? (
          <Text className="muted announce-picker-note">正在加载…</Text>
        ) : (
          <CellGroup>
            <Cell
              className="announce-pick"
              clickable
              title={<Text className="announce-pick-title">不关联</Text>}
              extra={chosen === null ? <Text className="announce-picked">已选</Text> : null}
              onClick={() => onChoose(null)}
            />
            {items.map((d) => (
              <Cell
                key={d.disclosureId}
                className="announce-pick"
                clickable
                title={<Text className="announce-pick-title">{d.title}</Text>}
                description={`${kindLabels[d.kind]} · ${formatDay(d.publishedAt)}发布`}
                extra={chosen?.disclosureId === d.disclosureId ? <Text className="announce-picked">已选</Text> : null}
                onClick={() => onChoose(d)}
              />
            ))}
          </CellGroup>
        )}
        {latest.data && items.length === 0 ? <Text className="muted announce-picker-note">本村还没有三务公开</Text> : null}
      </View>
    </Popup>
  )
}

/** The supervision committee chair announces to the village group and sees who has read it. */
export default function Announce() {
  const [title, setTitle] = useState('')
  const [body, setBody] = useState('')
  const [linked, setLinked] = useState<DisclosureListItem | null>(null)
  const [photos, setPhotos] = useState<Photo[]>([])
  const [picking, setPicking] = useState(false)
  const [submitting, setSubmitting] = useState(false)
  const [failure, setFailure] = useState('')
  const reach = usePagedQuery(pagedRead('announcement', 'reach', {}))
  // Just published: its card is what this page forwards, for the chair to send into the village group.
  const [published, setPublished] = useState<{ announcementId: string; title: string } | null>(null)
  const card = published ? announcementCard(published) : null
  useShareCard(card)

  const submit = async () => {
    setSubmitting(true)
    setFailure('')
    try {
      const { announcementId, queued } = await call('announcement', 'push', {
        title,
        body,
        link: linked ? { type: 'disclosure', id: linked.disclosureId } : null,
        attachment: photos[0] ? { fileId: photos[0].fileId, name: photos[0].name } : null,
      })
      setPublished({ announcementId, title })
      setTitle('')
      setBody('')
      setLinked(null)
      setPhotos([])
      Toast.show(TOAST, { icon: 'success', content: queued > 0 ? `已发布，${queued} 人几分钟内会收到微信提醒` : '已发布' })
      reach.refresh()
    } catch (e) {
      setFailure(messageOf(e))
    } finally {
      setSubmitting(false)
    }
  }

  return (
    <PageShell title="发布公告" subtitle="公告发给本村监督群的全体村民；开启了微信提醒的村民会收到提醒。">
      <View className="card announce-form">
        <Text className="announce-label">标题</Text>
        <Input className="boxed-input" placeholder="例如：10月财务收支已公开，请大家查看" value={title} maxLength={40} onChange={setTitle} />
        <Text className="announce-label announce-label-next">内容</Text>
        <TextArea className="boxed-textarea" placeholder="要告诉村民的事" value={body} maxLength={2000} showCount rows={5} autoSize onChange={setBody} />
        <PhotoPicker max={1} photos={photos} onChange={(update) => setPhotos(update)} />
        <Text className="announce-label announce-label-next">关联三务公开（可不选）</Text>
        <Button block fill="outline" className="announce-link" onClick={() => setPicking(true)}>
          {linked ? linked.title : '选择一条三务公开'}
        </Button>
        {linked ? (
          <Button fill="none" className="announce-unlink" onClick={() => setLinked(null)}>
            不关联
          </Button>
        ) : null}
      </View>
      <ErrorCard error={failure} />
      {card ? <ShareToGroup card={card} what="这条公告" /> : null}
      <View className="announce-submit">
        <Button block type="primary" size="large" loading={submitting} onClick={() => void submit()}>
          发布公告
        </Button>
      </View>

      <Text className="section-title">阅读情况</Text>
      {reach.error ? (
        <View className="card error-text" role="alert">
          {messageOf(reach.error)}
        </View>
      ) : !reach.loaded ? (
        <View className="card muted">正在加载…</View>
      ) : reach.items.length === 0 ? (
        <EmptyState title="还没有发布过公告" description="在上面写好标题和内容，点“发布公告”" />
      ) : (
        reach.items.map((r) => (
          <View key={r.announcementId} className="card reach-card">
            <Text className="reach-title">{r.title}</Text>
            <Text className="muted">{formatDay(r.publishedAt)}发布</Text>
            <Text className="reach-figure">
              已读 {r.householdsRead} 户 / 群内 {r.householdsInGroup} 户
            </Text>
            <CoverageBar permille={r.householdsInGroup > 0 ? Math.round((r.householdsRead * 1000) / r.householdsInGroup) : 0} className="reach-progress" />
            {/* How the households that read it got there: the group card, a WeChat reminder, or the app itself. */}
            <View className="reach-channels">
              <Text className="reach-channel">
                {reachChannelLabels.group}：{r.householdsReadViaGroup} 户
              </Text>
              <Text className="reach-channel">
                {reachChannelLabels.message}：{r.householdsReadViaMessage} 户
              </Text>
              <Text className="reach-channel">
                {reachChannelLabels.app}：{r.householdsReadInApp} 户
              </Text>
            </View>
            <View className="reach-notify">
              <Text>微信提醒：</Text>
              <Text className="nowrap">已发送 {r.notificationsSent}</Text>
              <Text className="nowrap">待发送 {r.notificationsPending}</Text>
              <Text className={`nowrap${r.notificationsFailed > 0 ? ' reach-failed' : ''}`}>发送失败 {r.notificationsFailed}</Text>
            </View>
            {r.householdsRead < r.householdsInGroup ? (
              <Button block size="large" fill="outline" className="reach-unread" onClick={() => go('/packages/chair/unread/index', { announcementId: r.announcementId })}>
                {r.householdsInGroup - r.householdsRead} 户未读
              </Button>
            ) : null}
          </View>
        ))
      )}
      <LoadMore hasMore={reach.nextCursor !== null} loading={reach.loadingMore} error={reach.moreError} onLoad={reach.loadMore} />

      <DisclosurePicker
        visible={picking}
        chosen={linked}
        onChoose={(d) => {
          setLinked(d)
          setPicking(false)
        }}
        onClose={() => setPicking(false)}
      />
      <Toast id={TOAST} />
    </PageShell>
  )
}
