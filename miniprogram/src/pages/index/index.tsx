import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Button, Cell, CellGroup } from '@nutui/nutui-react-taro'
import { PageShell } from '../../components/PageShell'
import { Chips } from '../../components/Chips'
import { chooseTextScale, textScaleChoice, textScaleChoices, type TextScaleChoice } from '../../services/textScale'
import { session, type Output } from '../../services/api'
import { usePageQuery } from '../../services/queries/hooks'
import { memberQueries } from '../../services/queries/member'
import { announcementQueries } from '../../services/queries/announcement'
import { evaluationQueries } from '../../services/queries/evaluation'
import { go } from '../../services/nav'
import { NOTHING_TO_DO, badgesOf, todoInfo } from '@shared/todo'
import { entryGroupsFor } from '@shared/entries'
import './index.css'

type Me = Output<'member', 'me'>

const isH5 = process.env.TARO_ENV === 'h5'

function Membership({ me }: { me: Me }) {
  const m = me.membership
  if (m?.status === 'pending') {
    return (
      <View className="card">
        <Text className="home-status">入群申请已提交，等待村务监督委员会主任审核</Text>
        <Text className="muted">
          {/* No head's name until approved: member.me withholds it, so a number off the roster reads the same. */}
          {m.village.townshipName} {m.village.name} · 户号 {m.household.number}
        </Text>
      </View>
    )
  }
  return (
    <View className="card">
      {m?.status === 'rejected' ? <Text className="home-status error-text">上次的入群申请没有通过{m.reason ? `：${m.reason}` : ''}</Text> : null}
      {m?.status === 'removed' ? <Text className="home-status error-text">您已不在本村监督群中</Text> : null}
      <Text className="muted">加入本村的村务监督群后，可以查看权力清单、三务公开，参加评议投票。</Text>
      <Button block type="primary" size="large" className="home-join" onClick={() => go('/pages/join/index')}>
        加入本村监督群，或输入任命码
      </Button>
    </View>
  )
}

type Todo = Output<'member', 'todo'>

/** 待办: what the caller must act on, each count a row leading to where it is done. */
function TodoCard({ todo }: { todo: Todo }) {
  const due = todo.items.filter((i) => i.count > 0)
  return (
    <View className="card home-todo">
      <Text className="home-todo-title">待办</Text>
      {due.length === 0 ? (
        <Text className="home-todo-none">{NOTHING_TO_DO}</Text>
      ) : (
        due.map((i) => (
          <View key={i.kind} className="home-todo-row" hoverClass="home-todo-row-active" onClick={() => go(todoInfo[i.kind].url)}>
            <Text className="home-badge">{i.count > 99 ? '99+' : i.count}</Text>
            <Text className="home-todo-text">{todoInfo[i.kind].label(i.count).replace(/^\d+\s*/, '')}</Text>
            <Text className="home-todo-go" aria-hidden>
              ›
            </Text>
          </View>
        ))
      )}
    </View>
  )
}

export default function Index() {
  const [scaleChoice, setScaleChoice] = useState<TextScaleChoice>(textScaleChoice)
  const signedIn = !isH5 || session.token() !== ''
  // Every read here is fetched again whenever the page is shown (back from a page where something was done).
  const { data: me, error, isPending } = usePageQuery({ ...memberQueries.me(), enabled: signedIn })
  const loading = signedIn && isPending
  // Villagers see how many announcements they have not read; if that fails, the entry simply shows no count.
  const isVillager = me?.role === 'villager'
  const unread = usePageQuery({ ...announcementQueries.firstPage(), enabled: isVillager, select: (page) => page.unreadCount })

  useEffect(() => {
    if (!signedIn) void Taro.redirectTo({ url: '/pages/login/index' })
  }, [signedIn])
  // Open rounds the household has not voted in yet; a representative sees them counted on the entry.
  const toVote = usePageQuery({
    ...evaluationQueries.openRounds(),
    enabled: isVillager,
    select: (page) => page.items.filter((r) => r.myHousehold?.canVote).length,
  })
  // Chair, committee and township staff: counts of what needs doing (待办).
  const acts = me?.role === 'chair' || me?.role === 'committee' || me?.role === 'township'
  const todo = usePageQuery({ ...memberQueries.todo(), enabled: acts })

  const groups = me
    ? entryGroupsFor(me.role, unread.error ? null : (unread.data ?? null), toVote.error ? null : (toVote.data ?? null), todo.data ? badgesOf(todo.data.items) : {})
    : []
  const greeting = me?.name ? `${me.name}，您好` : '村务监督'
  const place = me?.village ? `${me.village.townshipName} ${me.village.name}` : (me?.township?.name ?? '')
  return (
    <PageShell title={greeting} subtitle={[place, me?.title].filter(Boolean).join(' · ')} loading={loading && !me} error={error} offlineAt={me?.offlineAt}>
      {me ? (
        <>
          {me.role === 'guest' ? <Membership me={me} /> : null}
          {acts && todo.data ? <TodoCard todo={todo.data} /> : null}
          {groups.map((group) => (
            <CellGroup key={group.title ?? 'entries'} className="home-entries" title={group.title ?? undefined}>
              {group.entries.map((entry) => (
                <Cell
                  key={entry.url}
                  title={entry.title}
                  description={entry.description}
                  extra={
                    entry.badge ? (
                      <Text className="home-badge" aria-label={`${entry.badge}项待办`}>
                        {entry.badge > 99 ? '99+' : entry.badge}
                      </Text>
                    ) : null
                  }
                  align="center"
                  clickable
                  onClick={() => go(entry.url)}
                />
              ))}
            </CellGroup>
          ))}
          <Text className="section-title">字体大小</Text>
          <Chips
            label="字体大小"
            options={textScaleChoices.map((c) => ({ value: c.value, label: c.label }))}
            value={scaleChoice}
            onChange={(choice) => {
              chooseTextScale(choice)
              setScaleChoice(choice)
            }}
          />
          {isH5 ? (
            <View className="home-switch">
              <Button fill="none" onClick={() => go('/pages/login/index')}>
                切换演示身份
              </Button>
            </View>
          ) : null}
        </>
      ) : null}
    </PageShell>
  )
}
