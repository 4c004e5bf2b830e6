import { View, Text } from '@tarojs/components'
import { PhotoGrid } from '../../../components/PhotoPicker'
import { Button } from '@nutui/nutui-react-taro'
import { PageShell } from '../../../components/PageShell'
import { formatDayTime } from '../../../components/format'
import { usePageQuery } from '../../../services/queries/hooks'
import { announcementQueries } from '../../../services/queries/announcement'
import { go, useQuery } from '../../../services/nav'
import { TermNotes } from '../../../components/Term'
import { useShareCard } from '../../../services/share'
import { announcementCard } from '../../../services/shareCards'
import './index.css'

/** One announcement; opening it marks it read (and counts the household as reached). */
export default function AnnouncementDetail() {
  const query = useQuery()
  const announcementId = query.announcementId ?? ''
  const { data, error, isPending: loading } = usePageQuery(announcementQueries.open(announcementId, query.fromMessage === '1'))
  const a = data?.announcement
  useShareCard(a ? announcementCard(a) : null)

  return (
    <PageShell title={a?.title ?? '公告'} loading={loading && !a} error={error} offlineAt={data?.offlineAt} readAloud={a ? `${a.title}。${a.body}` : undefined}>
      {a ? (
        <>
          <View className="card">
            <Text className="announcement-by">
              发布：{a.byTitle}
              {a.byName}
            </Text>
            <Text className="muted">{formatDayTime(a.publishedAt)}</Text>
          </View>
          <View className="card">
            {a.body
              .split('\n')
              .map((p) => p.trim())
              .filter(Boolean)
              .map((p, i) => (
                <Text key={i} className="announcement-paragraph">
                  {p}
                </Text>
              ))}
          </View>
          <TermNotes text={`${a.title}\n${a.body}`} />
          {a.attachment ? (
            <View className="card">
              <PhotoGrid images={[a.attachment]} />
            </View>
          ) : null}
          {a.link ? (
            <View className="announcement-link">
              <Button
                block
                size="large"
                type="primary"
                onClick={() =>
                  a.link!.type === 'disclosure'
                    ? go('/packages/disclosure/detail/index', { disclosureId: a.link!.id })
                    : go('/packages/evaluation/round/index', { roundId: a.link!.id })
                }
              >
                {a.link.type === 'disclosure' ? '查看相关的三务公开' : '去评议'}
              </Button>
            </View>
          ) : null}
        </>
      ) : null}
    </PageShell>
  )
}
