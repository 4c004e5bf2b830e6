import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Button, CellGroup } from '@nutui/nutui-react-taro'
import { Chips } from '../../../components/Chips'
import { type DisclosureKind, disclosureKinds } from '@shared/disclosure/rules'
import { DisclosureRow } from '../../../components/DisclosureRow'
import { PageShell, messageOf } from '../../../components/PageShell'
import { EmptyState } from '../../../components/EmptyState'
import { LoadMore } from '../../../components/Paged'
import { kindLabels } from '@shared/disclosure/labels'
import { ApiError, call } from '../../../services/api'
import { usePageQuery, usePagedQuery } from '../../../services/queries/hooks'
import { go, useQuery } from '../../../services/nav'
import { ensureVisitor, publicCall, villageOf } from './visitor'
import { useShareCard } from '../../../services/share'
import { publicVillageCard } from '../../../services/shareCards'
import './index.css'

const noVillage = () => Promise.reject(new ApiError('NOT_FOUND', '没有找到是哪个村，请重新扫描村务公开栏上的二维码'))

/**
 * A village's public page, opened by the QR code on its notice board: anyone,
 * member or not (a family member working away, a visitor), reads the
 * disclosures the village made public. Read only; joining the village's
 * supervision group is one tap away.
 */
export default function PublicVillage() {
  const villageId = villageOf(useQuery())
  const [kind, setKind] = useState<DisclosureKind | undefined>(undefined)

  const village = usePageQuery({
    queryKey: ['disclosure', 'publicVillage', { villageId }],
    queryFn: () => (villageId ? publicCall('publicVillage', { villageId }) : noVillage()),
  })
  // Members of this village already have the full 三务公开 at home; everyone else is invited to join.
  const me = usePageQuery({ queryKey: ['member', 'me', {}, 'visitor'], queryFn: () => ensureVisitor().then(() => call('member', 'me', {})) })
  const isMember = !!villageId && me.data?.village?.villageId === villageId
  const paged = usePagedQuery({
    queryKey: ['disclosure', 'publicList', { villageId, kind }, 'pages'],
    fetchPage: (cursor) => (villageId ? publicCall('publicList', { villageId, kind, cursor }) : noVillage()),
  })

  const v = village.data
  // WeChat: forwarding this page to a family chat opens the same village's page.
  useShareCard(villageId ? publicVillageCard(villageId, v) : null)

  return (
    <PageShell
      title={v ? `${v.townshipName}${v.name} 三务公开` : '三务公开'}
      subtitle="本村公开的党务、村务、财务，谁都可以看。"
      loading={village.isPending && !v}
      error={village.error}
    >
      {isMember ? (
        <View className="card public-member">
          <Text className="public-member-text">您已在本村监督群中，回到首页能看到本村的全部公开。</Text>
          <Button block size="large" fill="outline" type="primary" onClick={() => void Taro.reLaunch({ url: '/pages/index/index' })}>
            回到首页
          </Button>
        </View>
      ) : (
        <View className="public-join">
          <Text className="public-join-title">加入本村监督群：可以留言反映、参加评议</Text>
          <Text className="public-join-text">本村村民（在外务工的也可以）凭户口簿上的户号申请，村务监督委员会主任审核后入群。</Text>
          <Button block type="primary" size="large" className="public-join-button" onClick={() => go('/pages/join/index')}>
            申请加入本村监督群
          </Button>
        </View>
      )}

      <Chips
        label="公开类别"
        options={[{ value: undefined, label: '全部' }, ...disclosureKinds.map((k) => ({ value: k, label: kindLabels[k] }))]}
        value={kind}
        onChange={setKind}
      />

      {paged.error ? (
        <View className="card error-text" role="alert">
          {messageOf(paged.error)}
        </View>
      ) : !paged.loaded ? (
        <View className="card muted public-loading">正在加载…</View>
      ) : paged.items.length === 0 && paged.nextCursor === null ? (
        <EmptyState title={kind ? `还没有对外公开的${kindLabels[kind]}` : '本村还没有对外公开的内容'} />
      ) : (
        <CellGroup>
          {paged.items.map((d) => (
            <DisclosureRow
              key={d.disclosureId}
              d={d}
              className="public-row"
              onClick={() => go('/packages/disclosure/public-detail/index', { villageId, disclosureId: d.disclosureId })}
            />
          ))}
        </CellGroup>
      )}
      <LoadMore hasMore={paged.nextCursor !== null} loading={paged.loadingMore} error={paged.moreError} onLoad={paged.loadMore} />
    </PageShell>
  )
}
