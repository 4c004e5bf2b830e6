import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { PageShell, messageOf } from '../../../components/PageShell'
import { EmptyState } from '../../../components/EmptyState'
import { LoadMore } from '../../../components/Paged'
import { usePagedQuery } from '../../../services/queries/hooks'
import { pagedRead } from '../../../services/queries/read'
import { call } from '../../../services/api'
import { useQuery } from '../../../services/nav'
import './index.css'

/** One household that has not read it: a reminder where WeChat allows one, otherwise a plain word why not. */
function Row({ announcementId, h }: { announcementId: string; h: { householdId: string; number: string; headName: string; canRemind: boolean; reminded: boolean } }) {
  const [state, setState] = useState<'idle' | 'sending' | 'sent'>(h.reminded ? 'sent' : 'idle')
  const [problem, setProblem] = useState('')
  const remind = async () => {
    setState('sending')
    setProblem('')
    try {
      await call('announcement', 'remind', { announcementId, householdId: h.householdId })
      setState('sent')
    } catch (e) {
      setProblem(messageOf(e))
      setState('idle')
    }
  }
  return (
    <View className="card unread-row">
      <Text className="unread-name">
        户号 {h.number}　户主 {h.headName}
      </Text>
      {state === 'sent' ? (
        <Text className="muted">已安排微信提醒，几分钟内发出</Text>
      ) : h.canRemind ? (
        <Button size="large" type="primary" fill="outline" loading={state === 'sending'} onClick={() => void remind()}>
          发微信提醒
        </Button>
      ) : (
        <Text className="muted">这户没有人开通微信消息提醒，发不了提醒，请打电话或当面告诉他们。</Text>
      )}
      {problem ? <Text className="error-text">{problem}</Text> : null}
    </View>
  )
}

/** The chair's list of the group's households that have not opened one announcement. */
export default function UnreadHouseholds() {
  const { announcementId = '' } = useQuery()
  const list = usePagedQuery(pagedRead('announcement', 'unread', { announcementId }))
  // The first page's figures are current for the whole list.
  const summary = list.first ?? null
  const unread = summary ? summary.householdsInGroup - summary.householdsRead : null
  return (
    <PageShell
      title="还没读的户"
      subtitle={summary ? `“${summary.title}”：群内 ${summary.householdsInGroup} 户，已读 ${summary.householdsRead} 户，还有 ${unread} 户没读` : ''}
      loading={!list.loaded && !list.error}
      error={list.error}
    >
      {list.loaded && list.items.length === 0 ? <EmptyState title="群内各户都读过了" /> : null}
      {list.items.map((h) => (
        <Row key={h.householdId} announcementId={announcementId} h={h} />
      ))}
      <LoadMore hasMore={list.nextCursor !== null} loading={list.loadingMore} error={list.moreError} onLoad={list.loadMore} />
    </PageShell>
  )
}
