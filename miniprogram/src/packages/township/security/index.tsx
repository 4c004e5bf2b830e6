import { View, Text } from '@tarojs/components'
import type { Output } from '../../../services/api'
import { PageShell } from '../../../components/PageShell'
import { ErrorCard } from '../../../components/ErrorCard'
import { EmptyState } from '../../../components/EmptyState'
import { LoadMore } from '../../../components/Paged'
import { formatDayTime } from '../../../components/format'
import { usePagedQuery } from '../../../services/queries/hooks'
import { pagedRead } from '../../../services/queries/read'
import './index.css'

type Entry = Output<'township', 'securityLog'>['items'][number]

const kindLabels: Record<Entry['kind'], string> = { invite: '任命码', join: '村加入码', tracking: '举报查询码' }

/** One line a 70-year-old reads at a glance: what happened, with which kind of code. */
function what(e: Entry): string {
  const code = kindLabels[e.kind]
  switch (e.event) {
    case 'wrong':
      return `输错了${code}`
    case 'limit':
      return `${code}输错次数到了上限，暂停这个人再试`
    case 'refused':
      return `暂停期间又试了${e.count}次${code}，都被拒绝`
    case 'overall':
      return `所有人输错${code}的次数太多，暂停所有人再试；期间拒绝了${e.count}次`
  }
}

/**
 * The security log, apart from the audit log: wrong guesses of codes and the attempt limits they reached.
 * Tracking-code lookups are anonymous and read 匿名查询: nobody is named for them.
 */
export default function SecurityLog() {
  const log = usePagedQuery(pagedRead('township', 'securityLog', {}))
  return (
    <PageShell
      title="安全记录"
      subtitle="有人输错任命码、村加入码或举报查询码，这里都记一笔。同一个人一小时内输错20次就暂停他再试。查举报进展是匿名的，不记是谁。"
      loading={!log.loaded && !log.error}
    >
      <ErrorCard error={log.error} />
      {log.loaded && log.items.length === 0 ? <EmptyState title="没有安全记录" description="没有人输错过码" /> : null}
      {log.items.map((e) => (
        <View key={e.entryId} className="card security-entry">
          <Text className="security-what">{what(e)}</Text>
          <Text className="security-who">{e.who}</Text>
          <Text className="muted">{formatDayTime(e.at)}</Text>
        </View>
      ))}
      <LoadMore hasMore={log.nextCursor !== null} loading={log.loadingMore} error={log.moreError} onLoad={log.loadMore} />
    </PageShell>
  )
}
