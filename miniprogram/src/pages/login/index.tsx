import { useMemo, useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Button, Cell, CellGroup, SearchBar } from '@nutui/nutui-react-taro'
import type { DevPerson } from '@shared/dev/schema'
import { Chips } from '../../components/Chips'
import { PageShell, messageOf } from '../../components/PageShell'
import { usePageQuery } from '../../services/queries/hooks'
import { demoPeopleQuery } from '../../services/queries/dev'
import { ApiError, devAuth } from '../../services/api'
import { demoPeopleShown, describeDemoPerson } from '@shared/dev/labels'
import './index.css'

const roleChoices: { value: DevPerson['role']; label: string }[] = [
  { value: 'villager', label: '村民' },
  { value: 'chair', label: '监委会主任' },
  { value: 'committee', label: '村两委' },
  { value: 'township', label: '镇纪委' },
]

/** What to say when signing in fails: a host that signs in nobody (production) answers 404. */
const signInFailure = (e: unknown) => (e instanceof ApiError && e.code === 'NOT_FOUND' ? '这里不能登录。正式使用请在微信里打开小程序。' : messageOf(e))

/**
 * Local host only: sign in as a new visitor, or (in the demo) as one of the
 * seeded people. A host for a real township's data offers only the first, and
 * then the page shows only that. In WeChat the caller is known from WeChat
 * itself and this page is never shown.
 */
export default function Login() {
  const { data: people, error, isPending: loading } = usePageQuery(demoPeopleQuery())
  const [role, setRole] = useState<DevPerson['role']>('villager')
  const [keyword, setKeyword] = useState('')
  const [failure, setFailure] = useState('')

  const shown = useMemo(() => demoPeopleShown(people ?? [], role, keyword), [people, role, keyword])

  const signIn = async (request: { personId: string } | { guest: true }) => {
    try {
      await devAuth.signIn(request)
      await Taro.reLaunch({ url: '/pages/index/index' })
    } catch (e) {
      setFailure(signInFailure(e))
    }
  }

  if (process.env.TARO_ENV !== 'h5') {
    return <PageShell title="无需登录">在微信中打开时，系统会自动识别您的身份。</PageShell>
  }
  const guestEntry = (note: string, label: string) => (
    <View className="card login-guest">
      <Text className="muted login-guest-note">{note}</Text>
      <Button block size="large" type="primary" onClick={() => void signIn({ guest: true })}>
        {label}
      </Button>
    </View>
  )
  if (!loading && !error && people === null) {
    return (
      <PageShell title="登录" subtitle="点下面的按钮进入，再申请加入本村监督群，或输入任命码">
        {failure ? <View className="card error-text">{failure}</View> : null}
        {guestEntry('第一次来的人，都从这里进入。', '进入')}
      </PageShell>
    )
  }
  return (
    <PageShell title="选择演示身份" subtitle="本地演示版：选择一位演示村的人登录，体验他能看到和能做的事" loading={loading} error={error}>
      {failure ? <View className="card error-text">{failure}</View> : null}
      {/* First: how a real newcomer starts (join a village, or take a post with an invite code). */}
      {guestEntry('第一次来？以新访客身份申请加入本村监督群，或输入任命码。', '新访客体验')}
      <Text className="section-title">或选一位演示身份</Text>
      <Chips label="演示身份" options={roleChoices} value={role} onChange={setRole} />
      {role === 'villager' ? <SearchBar placeholder="输入姓名查找村民" value={keyword} onChange={setKeyword} /> : null}
      <CellGroup>
        {shown.map((p) => (
          <Cell key={p.personId} className="login-person" title={p.name} description={describeDemoPerson(p)} clickable onClick={() => void signIn({ personId: p.personId })} />
        ))}
      </CellGroup>
      {role === 'villager' && (people ?? []).filter((p) => p.role === role).length > shown.length ? (
        <Text className="muted login-more">只列出前 40 位，输入姓名可查找其他村民</Text>
      ) : null}
    </PageShell>
  )
}
