import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import { Button, Dialog, Input, Toast } from '@nutui/nutui-react-taro'
import type { InviteRole } from '@shared/township/rules'
import { PageShell, messageOf } from '../../../components/PageShell'
import { ErrorCard } from '../../../components/ErrorCard'
import { Chips } from '../../../components/Chips'
import { CopyButton } from '../../../components/CopyButton'
import { formatDay } from '../../../components/format'
import { call } from '../../../services/api'
import { usePageQuery } from '../../../services/queries/hooks'
import { readQuery } from '../../../services/queries/read'
import './index.css'

const TOAST = 'appoint-toast'

const roles: { value: InviteRole; label: string; title: string }[] = [
  { value: 'chair', label: '村务监督委员会主任', title: '村务监督委员会主任' },
  { value: 'committee', label: '村“两委”成员', title: '村委委员' },
  { value: 'township', label: '镇纪委干部', title: '镇纪委干部' },
]
const roleLabel = (role: InviteRole) => roles.find((r) => r.value === role)!.label

/**
 * Township staff appoint a village's supervision committee chair and committee
 * members (and fellow staff) by a one-time code the person opens themselves.
 */
export default function Appointments() {
  const { data, error, isPending: loading, refetch: reload } = usePageQuery(readQuery('township', 'appointments', {}))
  const villages = usePageQuery({ ...readQuery('member', 'coverage', {}), select: (c) => c.villages })
  const [role, setRole] = useState<InviteRole>('chair')
  const [villageId, setVillageId] = useState<string | undefined>(undefined)
  const [title, setTitle] = useState(roles[0]!.title)
  const [name, setName] = useState('')
  const [failure, setFailure] = useState('')
  /** the code just made or re-issued, with whom it is for: shown this once, the store keeps only its hash */
  const [made, setMade] = useState<{ code: string; who: string } | null>(null)
  const [ending, setEnding] = useState<{ appointmentId: string; label: string } | null>(null)

  const invite = async () => {
    setFailure('')
    try {
      const answer = await call('township', 'invite', { role, villageId: role === 'township' ? undefined : villageId, title, name })
      setMade({ code: answer.code, who: `${title}${name}` })
      setName('')
      reload()
    } catch (e) {
      setFailure(messageOf(e))
    }
  }
  const reissue = async (inviteId: string, who: string) => {
    try {
      const answer = await call('township', 'reissueInvite', { inviteId })
      setMade({ code: answer.code, who })
      Toast.show(TOAST, { icon: 'success', content: '已重发，原来的任命码不能再用' })
      reload()
    } catch (e) {
      Toast.show(TOAST, { icon: 'fail', content: messageOf(e) })
    }
  }
  const end = async () => {
    if (!ending) return
    try {
      await call('township', 'endAppointment', { appointmentId: ending.appointmentId })
      Toast.show(TOAST, { icon: 'success', content: '职务已结束' })
      reload()
    } catch (e) {
      Toast.show(TOAST, { icon: 'fail', content: messageOf(e) })
    } finally {
      setEnding(null)
    }
  }

  return (
    <PageShell
      title="职务任命"
      subtitle="生成任命码交给本人，本人在小程序首页输入即上任。任命码只在生成时显示一次，7天内有效，只能用一次；一个人同时只能担任一个职务。"
      loading={loading && !data}
      error={error}
    >
      <Text className="section-title">任命</Text>
      <Chips
        label="职务"
        options={roles.map((r) => ({ value: r.value, label: r.label }))}
        value={role}
        onChange={(r) => {
          setRole(r)
          setTitle(roles.find((x) => x.value === r)!.title)
        }}
      />
      {role !== 'township' ? (
        <Chips label="村" options={(villages.data ?? []).map((v) => ({ value: v.villageId, label: v.name }))} value={villageId} onChange={setVillageId} />
      ) : null}
      <View className="card">
        <Text className="appoint-label">职务名称</Text>
        <Input className="boxed-input" placeholder="例如：村委会主任" value={title} maxLength={20} onChange={setTitle} />
        <Text className="appoint-label appoint-label-next">姓名</Text>
        <Input className="boxed-input" placeholder="被任命人的姓名" value={name} maxLength={20} onChange={setName} />
        <ErrorCard error={failure} />
        <Button block size="large" type="primary" className="appoint-make" onClick={() => void invite()}>
          生成任命码
        </Button>
      </View>
      {made ? (
        <View className="card appoint-code-box" role="status">
          <Text>{made.who}的任命码</Text>
          <Text className="appoint-code">{made.code}</Text>
          <Text className="appoint-code-note">只显示这一次，请现在抄下来或复制，交给本人。丢了可以在下面“重发”一个新的。</Text>
          <CopyButton text={made.code} label="复制任命码" />
        </View>
      ) : null}

      <Text className="section-title">未使用的任命码</Text>
      {(data?.invites ?? []).length === 0 ? <View className="card muted">没有</View> : null}
      {(data?.invites ?? []).map((i) => (
        <View key={i.inviteId} className="card appoint-row">
          <Text className="appoint-who">
            {i.villageName ?? '镇纪委'} · {i.title} {i.name}
          </Text>
          <Text className="muted">{formatDay(i.expiresAt)}前有效</Text>
          <Button fill="none" className="appoint-end" onClick={() => void reissue(i.inviteId, `${i.title}${i.name}`)}>
            重发任命码
          </Button>
        </View>
      ))}

      <Text className="section-title">在任</Text>
      {(data?.appointments ?? []).map((a) => (
        <View key={a.appointmentId} className="card appoint-row">
          <Text className="appoint-who">
            {a.villageName ?? '镇纪委'} · {a.title} {a.name}
          </Text>
          <Text className="muted">
            {roleLabel(a.role)} · {formatDay(a.startedAt)}上任
          </Text>
          <Button fill="none" className="appoint-end" onClick={() => setEnding({ appointmentId: a.appointmentId, label: `${a.title}${a.name}` })}>
            结束职务
          </Button>
        </View>
      ))}
      <Dialog
        visible={ending !== null}
        title="结束职务"
        content={`结束${ending?.label ?? ''}的职务？他在任时做的一切都保留在记录里。`}
        confirmText="结束职务"
        cancelText="取消"
        onConfirm={() => void end()}
        onCancel={() => setEnding(null)}
      />
      <Toast id={TOAST} />
    </PageShell>
  )
}
