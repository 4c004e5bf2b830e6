import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button, Input } from '@nutui/nutui-react-taro'
import Taro from '@tarojs/taro'
import { useQueryClient } from '@tanstack/react-query'
import { panelRoleLabels, voteWayLabels } from '@shared/meeting/labels'
import { panelRoles, type PanelRole, type VoteWay } from '@shared/meeting/rules'
import { Chips } from '../../../components/Chips'
import { ErrorCard } from '../../../components/ErrorCard'
import { PageShell, messageOf } from '../../../components/PageShell'
import { call } from '../../../services/api'
import { useQuery } from '../../../services/nav'
import { usePageQuery } from '../../../services/queries/hooks'
import { meetingQueries } from '../../../services/queries/meeting'
import { readQuery } from '../../../services/queries/read'
import './index.css'

interface Seat {
  personId: string | null
  name: string
  role: PanelRole
  votes: VoteWay
}

/**
 * The chair names the meeting's evaluation panel (评议团): members of the village group who vote on their phones,
 * found by name or 户号, and people without the app, listed by name, who vote on paper.
 */
export default function PanelEditor() {
  const { meetingId = '' } = useQuery()
  const client = useQueryClient()
  const meeting = usePageQuery(meetingQueries.get(meetingId))
  const [seats, setSeats] = useState<Seat[] | null>(null)
  const [keyword, setKeyword] = useState('')
  const [paperName, setPaperName] = useState('')
  const [saving, setSaving] = useState(false)
  const [failure, setFailure] = useState('')
  const found = usePageQuery({ ...readQuery('meeting', 'panelCandidates', { keyword }), enabled: keyword.trim().length > 0 })

  // The panel as named so far, once: the chair's edits are not overwritten when the page is shown again.
  useEffect(() => {
    if (seats === null && meeting.data) setSeats(meeting.data.panel.map(({ personId, name, role, votes }) => ({ personId, name, role, votes })))
  }, [meeting.data, seats])
  const list = seats ?? []
  const change = (index: number, patch: Partial<Seat>) => setSeats(list.map((s, i) => (i === index ? { ...s, ...patch } : s)))

  const save = async () => {
    setSaving(true)
    setFailure('')
    try {
      const saved = await call('meeting', 'setPanel', {
        meetingId,
        panel: list.map((s) => (s.personId ? { personId: s.personId, role: s.role, votes: s.votes } : { name: s.name, role: s.role, votes: s.votes })),
      })
      client.setQueryData(meetingQueries.get(meetingId).queryKey, saved)
      void Taro.navigateBack()
    } catch (e) {
      setFailure(messageOf(e))
    } finally {
      setSaving(false)
    }
  }

  return (
    <PageShell title="评议团成员" subtitle="会上由评议团当场评议：有手机的成员扫码投票，没有手机的投纸质票" loading={meeting.isPending} error={meeting.error}>
      {list.map((s, i) => (
        <View key={i} className="card panel-seat">
          <Text className="panel-name">
            {s.name}
            {s.votes === 'phone' ? '（本村监督群成员）' : ''}
          </Text>
          <Text className="muted">{voteWayLabels[s.votes]}</Text>
          <Chips label={`${s.name}的身份`} options={panelRoles.map((r) => ({ value: r, label: panelRoleLabels[r] }))} value={s.role} onChange={(role) => change(i, { role })} />
          <Button fill="none" className="panel-remove" onClick={() => setSeats(list.filter((_, n) => n !== i))}>
            从评议团删去
          </Button>
        </View>
      ))}

      <Text className="section-title">加一位用手机投票的成员</Text>
      <View className="card">
        <Input className="boxed-input" placeholder="输入姓名或户号查找" value={keyword} maxLength={20} onChange={setKeyword} />
        {(found.data?.items ?? [])
          .filter((c) => !list.some((s) => s.personId === c.personId))
          .map((c) => (
            <Button
              key={c.personId}
              block
              fill="outline"
              className="panel-candidate"
              onClick={() => {
                setSeats([...list, { personId: c.personId, name: c.name, role: 'villageRep', votes: 'phone' }])
                setKeyword('')
              }}
            >
              {c.name}（{c.householdNumber}户）
            </Button>
          ))}
        {found.data && found.data.items.length === 0 ? <Text className="muted">本村监督群里没有找到</Text> : null}
      </View>

      <Text className="section-title">加一位投纸质票的成员</Text>
      <View className="card">
        <Input className="boxed-input" placeholder="姓名，例如：李国强" value={paperName} maxLength={20} onChange={setPaperName} />
        <Button
          block
          fill="outline"
          className="panel-candidate"
          onClick={() => {
            if (!paperName.trim()) return setFailure('请先写上姓名')
            setSeats([...list, { personId: null, name: paperName.trim(), role: 'villageRep', votes: 'paper' }])
            setPaperName('')
            setFailure('')
          }}
        >
          加上
        </Button>
      </View>

      <ErrorCard error={failure} />
      <View className="panel-save">
        <Button block type="primary" size="large" loading={saving} onClick={() => void save()}>
          保存评议团（{list.length}人）
        </Button>
      </View>
    </PageShell>
  )
}
