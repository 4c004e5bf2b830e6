import { useEffect, useRef, useState } from 'react'
import { View, Text } from '@tarojs/components'
import { Button, Input } from '@nutui/nutui-react-taro'
import { useQueryClient } from '@tanstack/react-query'
import { PageShell, messageOf } from '../../../components/PageShell'
import { ErrorCard } from '../../../components/ErrorCard'
import { EmptyState } from '../../../components/EmptyState'
import { ShareToGroup } from '../../../components/ShareToGroup'
import { formatDayTime } from '../../../components/format'
import { call, type Output } from '../../../services/api'
import { useQuery } from '../../../services/nav'
import { usePageQuery } from '../../../services/queries/hooks'
import { groupQueries } from '../../../services/queries/group'
import { demoPeopleQuery } from '../../../services/queries/dev'
import { useGroupEntry } from '../../../services/groupEntry'
import { useShareCard } from '../../../services/share'
import { bindingCard } from '../../../services/shareCards'
import './index.css'

const PAGE = 'packages/chair/group/index'
type Bound = Output<'group', 'bind'>

/**
 * Opened from the binding card in a group (bind=1 and this visit came from a group): binds that group, once.
 * The group is known only by the cloudID WeChat gave for this visit; the server resolves it (never the phone).
 */
function useBindFromCard(bindAsked: boolean, label: string) {
  const entry = useGroupEntry()
  const client = useQueryClient()
  const [bound, setBound] = useState<Bound | null>(null)
  const [failure, setFailure] = useState<unknown>(null)
  const tried = useRef('')
  const cloudId = entry && entry.page === PAGE ? entry.cloudId : ''
  useEffect(() => {
    if (!bindAsked || !cloudId || tried.current === cloudId) return
    tried.current = cloudId
    call('group', 'bind', { cloudId, label })
      .then((answer) => {
        setBound(answer)
        void client.invalidateQueries({ queryKey: ['group'] })
      })
      .catch(setFailure)
  }, [bindAsked, cloudId, label, client])
  return { bound, failure, fromGroup: !!cloudId }
}

/**
 * The chair binds the village's WeChat group(s) (监督群): share a binding card into the group, open it there,
 * and the group is bound. Lists the bound groups with who bound each and when; a group can be bound again
 * (the same card, opened again) or unbound.
 */
export default function VillageGroups() {
  const query = useQuery()
  const bindAsked = query.bind === '1'
  const [label, setLabel] = useState('')
  const list = usePageQuery(groupQueries.list())
  const client = useQueryClient()
  const { bound, failure, fromGroup } = useBindFromCard(bindAsked, query.label ?? '')
  const [unbinding, setUnbinding] = useState('')
  const [unbindFailure, setUnbindFailure] = useState<unknown>(null)
  const card = bindingCard(label.trim())
  useShareCard(card)

  const unbind = async (groupId: string) => {
    setUnbinding(groupId)
    setUnbindFailure(null)
    try {
      await call('group', 'unbind', { groupId })
      await client.invalidateQueries({ queryKey: ['group'] })
    } catch (e) {
      setUnbindFailure(e)
    } finally {
      setUnbinding('')
    }
  }

  const groups = list.data?.groups ?? []
  return (
    <PageShell title="本村监督群" subtitle="把本村的微信群和小程序连起来：村民从群里的卡片打开，就知道是本村群里的人。" loading={list.isPending && !list.data} error={list.error}>
      {bindAsked ? (
        <View className="card group-bind-result" role="status">
          {bound ? (
            <Text className="group-bound">
              {bound.rebound ? '已重新绑定' : '已绑定'}：{bound.group.label || '本村监督群'}
            </Text>
          ) : failure ? (
            <ErrorCard error={messageOf(failure)} />
          ) : fromGroup ? (
            <Text>正在绑定这个群…</Text>
          ) : (
            <Text>请在村监督群里点开绑定卡片，才能绑定那个群。</Text>
          )}
        </View>
      ) : null}

      <Text className="section-title">已绑定的群（{groups.length} 个）</Text>
      {groups.length === 0 ? (
        <EmptyState title="还没有绑定村监督群" description="照下面的步骤，把绑定卡片发到群里，再在群里点开" />
      ) : (
        groups.map((g) => (
          <View key={g.groupId} className="card group-row">
            <Text className="group-label">{g.label || '本村监督群'}</Text>
            <Text className="muted group-line">
              {g.boundBy} 绑定于 {formatDayTime(g.boundAt)}
            </Text>
            <Button block size="large" fill="outline" loading={unbinding === g.groupId} onClick={() => void unbind(g.groupId)}>
              解除绑定
            </Button>
          </View>
        ))
      )}
      <ErrorCard error={unbindFailure ? messageOf(unbindFailure) : ''} />

      <Text className="section-title">绑定一个群</Text>
      <View className="card group-steps">
        <Text className="group-step">1. 给这个群起个名字（可不填），例如“一组群”。</Text>
        <Input className="boxed-input group-name" placeholder="群的名称，可不填" value={label} maxLength={20} onChange={setLabel} />
        <Text className="group-step">2. 点下面的按钮，选本村监督群发送。</Text>
        <Text className="group-step">3. 在群里点开这张卡片，就绑定好了。已绑定的群再点开一次，就是重新绑定。</Text>
        <Text className="muted group-step">村大的可以绑定几个群（按村民小组分的群）。</Text>
      </View>
      <ShareToGroup card={card} what="绑定卡片" label="发绑定卡片到群里" />
      <DevBindSimulation label={label.trim()} />
    </PageShell>
  )
}

/**
 * Local demo host only: opening the binding card "from group X" is simulated by reopening this page with
 * `fromGroup=X` in the address (services/groupEntry.ts), the same path as a card opened in WeChat.
 */
function DevBindSimulation({ label }: { label: string }) {
  const demo = usePageQuery({ ...demoPeopleQuery(), enabled: process.env.TARO_ENV !== 'weapp' })
  const [name, setName] = useState('石桥村监督群')
  if (process.env.TARO_ENV === 'weapp' || !demo.data) return null
  const simulate = () => {
    const path = bindingCard(label).path
    window.location.href = `${location.origin}${location.pathname}?fromGroup=${encodeURIComponent(name.trim())}#${path}`
  }
  return (
    <View className="card group-dev">
      <Text className="group-step">演示版：模拟在微信群里点开绑定卡片。</Text>
      <Input className="boxed-input group-dev-name" placeholder="模拟的微信群" value={name} maxLength={20} onChange={setName} />
      <Button block size="large" fill="outline" disabled={!name.trim()} onClick={simulate}>
        模拟点开卡片
      </Button>
    </View>
  )
}
