import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { PageShell } from '../../../components/PageShell'
import { ErrorCard } from '../../../components/ErrorCard'
import { Chips } from '../../../components/Chips'
import { EmptyState } from '../../../components/EmptyState'
import { LoadMore } from '../../../components/Paged'
import { RoundCard } from '../../../components/RoundCard'
import { useRole } from '../../../hooks/useRole'
import { go } from '../../../services/nav'
import { usePagedQuery } from '../../../services/queries/hooks'
import { pagedRead } from '../../../services/queries/read'
import './index.css'

type Filter = 'open' | 'closed' | undefined

const filters = [
  { value: 'open' as Filter, label: '进行中' },
  { value: 'closed' as Filter, label: '已结束' },
  { value: undefined as Filter, label: '全部' },
]

/** The village's rounds: vote in an open one, read the results and answers of closed ones. */
export default function Rounds() {
  const role = useRole()
  const [status, setStatus] = useState<Filter>('open')
  const list = usePagedQuery(pagedRead('evaluation', 'listRounds', { status }))

  return (
    <PageShell title="评议" subtitle="每户由户代表投一票：满意、基本满意或不满意。投票不记名，谁投了什么谁也看不到。">
      {role === 'chair' ? (
        <View className="rounds-new">
          <Button block size="large" type="primary" onClick={() => go('/packages/evaluation/open/index')}>
            发起评议
          </Button>
        </View>
      ) : null}
      {role === 'villager' ? (
        <View className="rounds-new">
          <Text className="muted rounds-proxy-note">外出了？可以把本户的票委托给监督群里的家人。</Text>
          <Button block size="large" fill="outline" onClick={() => go('/packages/evaluation/proxy/index')}>
            委托家人投票
          </Button>
        </View>
      ) : null}
      <Chips label="评议状态" options={filters} value={status} onChange={setStatus} />
      <ErrorCard error={list.error} />
      {list.loaded && list.items.length === 0 ? (
        <EmptyState
          title={status === 'open' ? '现在没有进行中的评议' : '还没有评议'}
          description={
            role === 'chair'
              ? '点上面的“发起评议”，请各户对一条公开或一项决策投票'
              : status === 'open'
                ? '评议由村务监督委员会主任发起，开始后首页“评议投票”会提示您。以前的结果点“已结束”查看'
                : '村务监督委员会主任发起评议后，结果会在这里公布'
          }
        />
      ) : null}
      {list.items.map((r) => (
        <RoundCard key={r.roundId} round={r} onClick={() => go('/packages/evaluation/round/index', { roundId: r.roundId })} />
      ))}
      <LoadMore hasMore={list.nextCursor !== null} loading={list.loadingMore} error={list.moreError} onLoad={list.loadMore} />
    </PageShell>
  )
}
