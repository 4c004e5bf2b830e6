import { useEffect, useState } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Button, Cell, CellGroup } from '@nutui/nutui-react-taro'
import { PageShell } from '../../components/PageShell'
import { Chips } from '../../components/Chips'
import { chooseTextScale, textScaleChoice, textScaleChoices, type TextScaleChoice } from '../../services/textScale'
import { useRemote } from '../../hooks/useRemote'
import { call, session, type Output } from '../../services/api'
import { readThrough } from '../../services/offline'
import { go } from '../../services/nav'
import './index.css'

type Me = Output<'member', 'me'>

const isH5 = process.env.TARO_ENV === 'h5'

interface Entry {
  title: string
  description: string
  url: string
  /** A red count beside the entry, e.g. unread announcements. */
  badge?: number
}

const disclosureEntry: Entry = {
  title: '三务公开',
  description: '党务、村务、财务公开，每一笔收支都查得到',
  url: '/packages/disclosure/home/index',
}

const dutiesEntry: Entry = {
  title: '公开时限',
  description: '每月、每季度该公开的，有没有按时公开',
  url: '/packages/disclosure/duties/index',
}

const powerEntries: Entry[] = [
  { title: '权力清单', description: '村里能办什么、怎么办，每项都有流程图', url: '/packages/power/list/index' },
  { title: '责任清单和负面清单', description: '村干部该做的事，和不能做的事', url: '/packages/power/lists/index' },
  { title: '清单变更记录', description: '清单什么时候改过、谁改的、为什么', url: '/packages/power/history/index' },
]

const feedbackInbox = (description: string): Entry => ({ title: '村民意见', description, url: '/packages/feedback/inbox/index' })

const roundsEntry = (title: string, description: string, badge?: number): Entry => ({
  title,
  description,
  url: '/packages/evaluation/list/index',
  badge,
})

function entriesFor(me: Me, unread: number | null, toVote: number | null): Entry[] {
  switch (me.role) {
    case 'chair':
      return [
        { title: '发起评议', description: '对一条公开或一项决策发起评议，每户投一票', url: '/packages/evaluation/open/index' },
        roundsEntry('评议结果', '进行中的评议、投票人数，结束的评议结果'),
        { title: '发布公告', description: '给全村监督群发通知，看各户读了没有', url: '/packages/chair/announce/index' },
        feedbackInbox('村民提的意见和建议：分派给村“两委”成员答复，或列入会议议题'),
        disclosureEntry,
        { title: '本村监督情况', description: '公开是否按时、公告几户看了、意见办结率', url: '/packages/chair/figures/index' },
        dutiesEntry,
        { title: '入群审核', description: '审核村民加入本村监督群的申请', url: '/packages/chair/pending/index' },
        { title: '花名册和入群情况', description: '全村各户是否已入群、谁是户代表', url: '/packages/chair/roster/index' },
        { title: '本村公开二维码', description: '打印贴在公开栏，扫码就能看本村公开', url: '/packages/chair/qrcode/index' },
        ...powerEntries,
      ]
    case 'committee':
      return [
        { title: '发布公开', description: '发布党务、村务、财务公开，或更正已发布的公开', url: '/packages/committee/publish/index' },
        feedbackInbox('分给您答复的村民意见'),
        roundsEntry('评议与答复', '不满意超过比例的评议要答复释疑；整改情况在这里报告'),
        disclosureEntry,
        { title: '四议两公开', description: '记录重大事项的提议、商议、审议、决议和公开', url: '/packages/disclosure/decisions/index' },
        dutiesEntry,
        { title: '维护本村权力清单', description: '从区、镇清单中选定本村事项，变更留痕备案', url: '/packages/committee/catalog/index' },
        ...powerEntries,
      ]
    case 'township':
      return [
        { title: '评议升级案件', description: '连续评议不满意超标的事项：调查、整改、再评议', url: '/packages/township/cases/index' },
        { title: '举报受理', description: '村民向镇纪委的举报：受理、调查、办结', url: '/packages/township/reports/index' },
        { title: '意见督办', description: '超过答复期限的村民意见，提醒村里答复', url: '/packages/township/overdue/index' },
        { title: '各村意见办理情况', description: '收到、答复、办结多少，办结率和答复用时；答复期限设置', url: '/packages/township/feedback/index' },
        { title: '各村评议情况', description: '评议轮数、参与率、满意率、超标次数；评议规则设置', url: '/packages/township/evaluation/index' },
        { title: '各村监督群覆盖情况', description: '各村入群户数、公开是否按时', url: '/packages/township/villages/index' },
        { title: '村和花名册', description: '新建村、查看村加入码、导入各村户籍花名册', url: '/packages/township/setup/index' },
        { title: '职务任命', description: '任命村务监督委员会主任、村“两委”成员和镇纪委干部', url: '/packages/township/appointments/index' },
        { title: '公开时限设置', description: '每月、每季度的公开要在期满后几天内完成', url: '/packages/township/duties/index' },
        { title: '操作记录', description: '谁在什么时候做了什么，不能修改', url: '/packages/township/audit/index' },
      ]
    case 'villager':
      return [
        roundsEntry('评议投票', toVote ? `有 ${toVote} 轮评议等您投票` : '对村里的公开和决策投满意、基本满意或不满意', toVote ?? 0),
        disclosureEntry,
        {
          title: '村务公告',
          description: unread ? `有 ${unread} 条新公告还没看` : '村务监督委员会发布的通知',
          url: '/packages/announcement/list/index',
          badge: unread ?? 0,
        },
        { title: '我要提意见', description: '对村务有意见、建议，写给村务监督委员会', url: '/packages/feedback/submit/index' },
        { title: '我提的意见', description: '看村里的答复，确认解决或重新反映', url: '/packages/feedback/mine/index' },
        ...powerEntries,
        { title: '向镇纪委举报', description: '村干部违纪违规，直接向镇纪委举报，村里看不到', url: '/packages/report/file/index' },
        { title: '查询举报进展', description: '用查询码查看举报的办理情况', url: '/packages/report/track/index' },
        { title: '我的信息', description: '本程序保存了您哪些信息；退出监督群', url: '/packages/privacy/mine/index' },
      ]
    default:
      return []
  }
}

function Membership({ me }: { me: Me }) {
  const m = me.membership
  if (m?.status === 'pending') {
    return (
      <View className="card">
        <Text className="home-status">入群申请已提交，等待村务监督委员会主任审核</Text>
        <Text className="muted">
          {m.village.townshipName} {m.village.name} · 户号 {m.household.number}（户主 {m.household.headName}）
        </Text>
      </View>
    )
  }
  return (
    <View className="card">
      {m?.status === 'rejected' ? (
        <Text className="home-status error-text">上次的入群申请没有通过{m.reason ? `：${m.reason}` : ''}</Text>
      ) : null}
      {m?.status === 'removed' ? <Text className="home-status error-text">您已不在本村监督群中</Text> : null}
      <Text className="muted">加入本村的村务监督群后，可以查看权力清单、三务公开，参加评议投票。</Text>
      <Button block type="primary" size="large" className="home-join" onClick={() => go('/pages/join/index')}>
        加入本村监督群，或输入任命码
      </Button>
    </View>
  )
}

export default function Index() {
  const [scaleChoice, setScaleChoice] = useState<TextScaleChoice>(textScaleChoice)
  const signedIn = !isH5 || session.token() !== ''
  const { data: me, error, loading, reload } = useRemote(() => (signedIn ? readThrough('member', 'me', {}) : Promise.resolve(null)))
  // Villagers see how many announcements they have not read; if that fails, the entry simply shows no count.
  const isVillager = me?.role === 'villager'
  const unread = useRemote(
    () => (isVillager ? call('announcement', 'list', {}).then((page) => page.unreadCount) : Promise.resolve(null)),
    [isVillager],
  )

  useEffect(() => {
    if (!signedIn) void Taro.redirectTo({ url: '/pages/login/index' })
  }, [signedIn])
  // Open rounds the household has not voted in yet; a representative sees them counted on the entry.
  const toVote = useRemote(
    () =>
      isVillager
        ? call('evaluation', 'listRounds', { status: 'open' }).then((page) => page.items.filter((r) => r.myHousehold?.canVote).length)
        : Promise.resolve(null),
    [isVillager],
  )
  useDidShow(() => {
    if (me) reload()
    if (isVillager) {
      unread.reload()
      toVote.reload()
    }
  })

  const entries = me ? entriesFor(me, unread.error ? null : unread.data, toVote.error ? null : toVote.data) : []
  const greeting = me?.name ? `${me.name}，您好` : '村务监督'
  const place = me?.village ? `${me.village.townshipName} ${me.village.name}` : me?.township?.name ?? ''
  return (
    <PageShell title={greeting} subtitle={[place, me?.title].filter(Boolean).join(' · ')} loading={loading && !me} error={error} offlineAt={me?.offlineAt}>
      {me ? (
        <>
          {me.role === 'guest' ? <Membership me={me} /> : null}
          {entries.length > 0 ? (
            <CellGroup>
              {entries.map((entry) => (
                <Cell
                  key={entry.url}
                  title={entry.title}
                  description={entry.description}
                  extra={entry.badge ? <Text className="home-badge">{entry.badge > 99 ? '99+' : entry.badge}</Text> : null}
                  align="center"
                  clickable
                  onClick={() => go(entry.url)}
                />
              ))}
            </CellGroup>
          ) : null}
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
