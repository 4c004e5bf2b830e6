import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import { Button, Cell, CellGroup, Toast } from '@nutui/nutui-react-taro'
import { PageShell, messageOf } from '../../../components/PageShell'
import { ErrorCard } from '../../../components/ErrorCard'
import { Chips } from '../../../components/Chips'
import { formatDay } from '../../../components/format'
import { call, type Output } from '../../../services/api'
import { addDays } from '@shared/time'
import { usePageQuery } from '../../../services/queries/hooks'
import { readQuery } from '../../../services/queries/read'
import './index.css'

const TOAST = 'proxy-toast'
type Proxies = Output<'evaluation', 'proxies'>
type Granted = NonNullable<Proxies['granted']>

const periods = [
  { value: 'round', label: '只委托一轮评议', days: 0 },
  { value: '30', label: '委托1个月', days: 30 },
  { value: '90', label: '委托3个月', days: 90 },
  { value: '180', label: '委托半年', days: 180 },
] as const

const scopeOf = (p: Granted) => (p.round ? `评议“${p.round.title}”` : `到${formatDay(p.until ?? p.createdAt)}为止的每一轮评议`)

/**
 * A representative working far away hands the household's vote to someone at
 * home: for one round or for a while, and can take it back any time.
 */
export default function Proxy() {
  const { data, error, isPending: loading, refetch: reload } = usePageQuery(readQuery('evaluation', 'proxies', {}))
  const rounds = usePageQuery(readQuery('evaluation', 'listRounds', { status: 'open' }))
  const [to, setTo] = useState<string | undefined>(undefined)
  const [period, setPeriod] = useState<(typeof periods)[number]['value']>('30')
  const [roundId, setRoundId] = useState<string | undefined>(undefined)
  const [failure, setFailure] = useState('')

  const grant = async () => {
    setFailure('')
    const days = periods.find((p) => p.value === period)!.days
    if (!to) return setFailure('请选择委托给谁')
    if (period === 'round' && !roundId) return setFailure('请选择委托哪一轮评议')
    try {
      await call('evaluation', 'grantProxy', {
        toMemberId: to,
        ...(period === 'round' ? { roundId } : { until: addDays(Date.now(), days) }),
      })
      Toast.show(TOAST, { icon: 'success', content: '已委托' })
      reload()
    } catch (e) {
      setFailure(messageOf(e))
    }
  }
  const revoke = async () => {
    try {
      await call('evaluation', 'revokeProxy', {})
      Toast.show(TOAST, { icon: 'success', content: '已收回委托' })
      reload()
    } catch (e) {
      Toast.show(TOAST, { icon: 'fail', content: messageOf(e) })
    }
  }

  return (
    <PageShell title="委托家人投票" subtitle="户代表外出时，可以把本户的票委托给监督群里的家人。每户仍然只有一票，投了什么谁也看不到。" loading={loading && !data} error={error}>
      {data?.held ? (
        <View className="card proxy-held" role="status">
          {data.held.inForce ? `户代表${data.held.fromName}委托您代表本户投票：${scopeOf(data.held)}。` : `户代表${data.held.fromName}的委托已经到期。`}
        </View>
      ) : null}
      {data && !data.isRepresentative && !data.held ? <View className="card muted">只有户代表可以委托。本户现在没有委托给您。</View> : null}
      {data?.isRepresentative ? (
        <>
          {data.granted ? (
            <View className="card proxy-granted">
              <Text className="proxy-line">
                现在委托给 <Text className="proxy-strong">{data.granted.toName}</Text>：{scopeOf(data.granted)}
                {data.granted.inForce ? '' : '（已到期）'}
              </Text>
              <Button block size="large" fill="outline" className="proxy-revoke" onClick={() => void revoke()}>
                收回委托
              </Button>
            </View>
          ) : null}
          <Text className="section-title">{data.granted ? '改为委托' : '委托给谁'}</Text>
          {data.members.length === 0 ? (
            <View className="card muted">本户监督群里没有别的家人。请家人先申请加入本村监督群。</View>
          ) : (
            <Chips label="委托给谁" options={data.members.map((m) => ({ value: m.memberId, label: m.name }))} value={to} onChange={setTo} />
          )}
          <Text className="section-title">委托多久</Text>
          <Chips label="委托多久" options={periods.map((p) => ({ value: p.value, label: p.label }))} value={period} onChange={setPeriod} />
          {period === 'round' ? (
            <CellGroup>
              {(rounds.data?.items ?? []).length === 0 ? <Cell title="现在没有进行中的评议" /> : null}
              {(rounds.data?.items ?? []).map((r) => (
                <Cell
                  key={r.roundId}
                  clickable
                  title={r.title}
                  extra={roundId === r.roundId ? <Text className="proxy-picked">已选</Text> : null}
                  onClick={() => setRoundId(r.roundId)}
                />
              ))}
            </CellGroup>
          ) : null}
          <ErrorCard error={failure} />
          <View className="proxy-actions">
            <Button block size="large" type="primary" onClick={() => void grant()}>
              确认委托
            </Button>
          </View>
        </>
      ) : null}
      <Toast id={TOAST} />
    </PageShell>
  )
}
