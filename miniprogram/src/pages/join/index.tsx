import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Button, Input } from '@nutui/nutui-react-taro'
import { PageShell, messageOf } from '../../components/PageShell'
import { ErrorCard } from '../../components/ErrorCard'
import { call } from '../../services/api'
import { freshCloudId, useGroupEntry } from '../../services/groupEntry'
import './index.css'

/**
 * What was typed, in groups of four as the code is printed (ABCD-EFGH-JKLM): easier to compare with the paper.
 * Case, spaces and dashes do not matter to the server, which normalises the same way.
 */
export const groupCode = (typed: string): string =>
  (
    typed
      .toUpperCase()
      .replace(/[^0-9A-Z]/g, '')
      .match(/.{1,4}/g) ?? []
  ).join('-')

/** Village cadres and township staff take their post with the code the township gave them. */
function AcceptInvite() {
  const [code, setCode] = useState('')
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState('')
  const accept = async () => {
    setBusy(true)
    setFailure('')
    try {
      await call('member', 'acceptInvite', { code })
      await Taro.reLaunch({ url: '/pages/index/index' })
    } catch (e) {
      setFailure(messageOf(e))
    } finally {
      setBusy(false)
    }
  }
  return (
    <>
      <Text className="section-title">我有任命码</Text>
      <View className="card">
        <Text className="muted">村务监督委员会主任、村“两委”成员和镇纪委干部，输入镇纪委给的任命码：</Text>
        <Input className="boxed-input join-invite-code" placeholder="12位，例如 ABCD-EFGH-JKLM" value={code} onChange={(v) => setCode(groupCode(v))} maxLength={19} />
        <ErrorCard error={failure} />
        <Button block size="large" fill="outline" loading={busy} className="join-invite" onClick={() => void accept()}>
          接受任命
        </Button>
      </View>
    </>
  )
}

/** A villager asks to join with the village's join code and their household number (户号). */
export default function Join() {
  const [joinCode, setJoinCode] = useState('')
  const [householdNumber, setHouseholdNumber] = useState('')
  const [name, setName] = useState('')
  const [submitting, setSubmitting] = useState(false)
  const [failure, setFailure] = useState('')
  const [done, setDone] = useState(false)
  // Opened from a card in a group bound to a village: that village is already chosen, no join code needed.
  const entry = useGroupEntry()
  const [withCode, setWithCode] = useState(false)
  const fromGroup = entry?.opened?.canJoin && entry.opened.group && !withCode ? entry.opened.group : null

  const submit = async () => {
    setSubmitting(true)
    setFailure('')
    try {
      await call('member', 'join', fromGroup && entry ? { groupCloudId: await freshCloudId(entry), householdNumber, name } : { joinCode, householdNumber, name })
      setDone(true)
    } catch (e) {
      setFailure(messageOf(e))
    } finally {
      setSubmitting(false)
    }
  }

  if (done) {
    return (
      <PageShell title="申请已提交">
        <View className="card">
          <Text className="join-done">村务监督委员会主任审核通过后，您就能看到本村的权力清单和三务公开了。</Text>
          <Button block type="primary" size="large" onClick={() => void Taro.reLaunch({ url: '/pages/index/index' })}>
            回到首页
          </Button>
        </View>
      </PageShell>
    )
  }
  return (
    <PageShell
      title={fromGroup ? `加入${fromGroup.villageName}监督群` : '加入本村监督群'}
      subtitle={fromGroup ? '您是从本村监督群里的卡片进来的，村已经选好了。每户至少一人入群，户号见户口簿。' : '每户至少一人入群。加入码印在村务公开栏上，户号见户口簿。'}
    >
      {/* Plain fields, each holding its own value: NutUI's Form without field names shared one value across all three. */}
      <View className="card join-form">
        {fromGroup ? (
          <>
            <Text className="field-label">村</Text>
            <Text className="join-village">
              {fromGroup.townshipName}
              {fromGroup.villageName}
            </Text>
          </>
        ) : (
          <>
            <Text className="field-label">村加入码</Text>
            <Input className="boxed-input join-code" placeholder="例如 SHIQIAO" value={joinCode} onChange={setJoinCode} maxLength={12} />
          </>
        )}
        <Text className="field-label">户号</Text>
        <Input className="boxed-input join-household" placeholder="户口簿上的户号" value={householdNumber} onChange={setHouseholdNumber} maxLength={20} />
        <Text className="field-label">您的姓名</Text>
        <Input className="boxed-input join-name" placeholder="真实姓名" value={name} onChange={setName} maxLength={20} />
      </View>
      <ErrorCard error={failure} />
      <View className="join-submit">
        <Button block type="primary" size="large" loading={submitting} onClick={() => void submit()}>
          提交申请
        </Button>
        {fromGroup ? (
          <Button block size="large" fill="none" className="join-other-village" onClick={() => setWithCode(true)}>
            不是这个村？用村加入码申请
          </Button>
        ) : null}
      </View>
      {fromGroup ? null : <AcceptInvite />}
    </PageShell>
  )
}
