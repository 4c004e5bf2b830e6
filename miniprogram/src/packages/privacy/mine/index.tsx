import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { PageShell } from '../../../components/PageShell'
import { ReasonDialog } from '../../../components/ReasonDialog'
import { formatDay } from '../../../components/format'
import { call } from '../../../services/api'
import { usePageQuery } from '../../../services/queries/hooks'
import { readQuery } from '../../../services/queries/read'
import { GROUP_ACTIVE_LABEL } from '@shared/group/labels'
import { GROUP_ACTIVE_DAYS } from '@shared/group/rules'
import './index.css'

const statusWords = { pending: '申请待审核', active: '在监督群里', rejected: '申请没有通过', removed: '已不在监督群里' } as const

/** What the product keeps about the reader and why, and the way out of the group. */
export default function MyData() {
  const { data, error, isPending: loading } = usePageQuery(readQuery('member', 'myData', {}))
  const [leaving, setLeaving] = useState(false)
  const rows: [string, string][] = data
    ? [
        ['姓名', data.name],
        ['村', data.village ?? '—'],
        ['户号', data.householdNumber ?? '—'],
        ['身份', data.title ?? '—'],
        ['监督群', data.membershipStatus ? statusWords[data.membershipStatus] : '—'],
        ['首次使用', formatDay(data.since)],
        ['提过的意见', `${data.feedback} 条`],
        ['点过的题（想让村里公开的事）', `${data.topics} 条`],
        ['看过的公告', `${data.announcementsRead} 条`],
        ['本户参加的评议', `${data.householdRoundsVoted} 轮`],
        // Group data kept about the person (issue 19 item 7): only the household's last day, and groups they bound.
        ['本户最近一次从村监督群打开', data.householdLastSeenInGroup ? formatDay(data.householdLastSeenInGroup) : '没有记录'],
        ...(data.groupsBoundByMe > 0 ? ([['我绑定的村监督群', `${data.groupsBoundByMe} 个`]] as [string, string][]) : []),
      ]
    : []
  return (
    <PageShell title="我的信息" subtitle="这里是本程序保存的关于您的全部信息。" loading={loading && !data} error={error}>
      <View className="card">
        {rows.map(([label, value]) => (
          <View key={label} className="mine-row">
            <Text className="mine-label">{label}</Text>
            <Text className="mine-value">{value}</Text>
          </View>
        ))}
      </View>
      <View className="card muted mine-why">
        只保存您自己填写的姓名和户号，不收集身份证号；手机号只有您自己填写时才保存。每户投了什么不和任何户、任何人关联；匿名举报不记录举报人。从村监督群里的卡片打开时，只记本户最近一次的日期（
        {GROUP_ACTIVE_DAYS}
        天内算{GROUP_ACTIVE_LABEL}），不记打开了什么；群的编号不保存原样。
      </View>
      {data?.membershipStatus === 'active' ? (
        <View className="mine-actions">
          <Button block size="large" fill="outline" onClick={() => setLeaving(true)}>
            退出监督群
          </Button>
        </View>
      ) : null}
      <ReasonDialog
        visible={leaving}
        title="退出监督群"
        message="退出后不能再看本村的公开和参加评议。您户里如果还有别人在群里，投票改由他代表本户；已经投过的票照样计数。"
        label="退出原因"
        placeholder="例如：已迁出本村"
        required={false}
        maxLength={200}
        confirmText="确认退出"
        onSubmit={async (reason) => {
          await call('member', 'leave', { reason: reason || undefined })
          setLeaving(false)
          await Taro.reLaunch({ url: '/pages/index/index' })
        }}
        onClose={() => setLeaving(false)}
      />
    </PageShell>
  )
}
