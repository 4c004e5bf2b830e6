import { useEffect, useState } from 'react'
import { View, Text } from '@tarojs/components'
import { Input } from '@nutui/nutui-react-taro'
import type { OutputOf } from '@shared/contract/action'
import type { townshipContract } from '@shared/township/schema'
import { SettingCard, missing } from './SettingCard'
import { minDaysText, minTurnoutText, percentOf } from '@shared/evaluation/labels'
import { kindLabels } from '@shared/disclosure/labels'
import { call } from '../services/api'
import { usePageQuery } from '../services/queries/hooks'
import { readQuery } from '../services/queries/read'
import './TownshipSettings.css'

/*
 * The township's three settings, each with who changed it and when: the
 * evaluation rule, the reply deadline and the disclosure deadlines. Shown
 * together on 乡镇设置 (packages/township/settings); 公开时限 shows the last.
 */

/** The township's rule: over what share of 不满意 a round counts as over, and how many in a row open a case. */
export function RuleSetting({ toast }: { toast: string }) {
  const { data, error, refetch: reload } = usePageQuery(readQuery('township', 'rule', {}))
  const [percent, setPercent] = useState('')
  const [streak, setStreak] = useState('')
  useEffect(() => {
    if (data) {
      setPercent(String(data.thresholdPermille / 10))
      setStreak(String(data.streakLength))
    }
  }, [data])

  const save = async () => {
    const p = percent.trim()
    const s = streak.trim()
    if (!p) throw missing('请填写不满意比例')
    if (Number.isNaN(Number(p))) throw missing('不满意比例要填数字')
    if (!s) throw missing('请填写连续轮数')
    const saved = await call('township', 'setRule', { thresholdPermille: Math.round(Number(p) * 10), streakLength: Number(s) })
    reload()
    return `已保存：不满意超过${percentOf(saved.thresholdPermille)}，连续${saved.streakLength}轮`
  }

  return (
    <SettingCard
      current={
        data ? (
          <>
            不满意超过 <Text className="strong-figure">{percentOf(data.thresholdPermille)}</Text> 为超标，连续 <Text className="strong-figure">{data.streakLength}</Text>{' '}
            轮超标由镇纪委介入
          </>
        ) : null
      }
      loadError={error}
      history={(data?.history ?? []).map((c) => ({ ...c, text: `不满意超过${percentOf(c.thresholdPermille)}，连续${c.streakLength}轮` }))}
      defaultText="一直是默认规则，没有修改过"
      note="只对以后发起的评议有效，已经发起的评议仍按原来的规则。"
      saveText="保存评议规则"
      toast={toast}
      onSave={save}
    >
      <Text className="field-label">不满意比例（%）</Text>
      <Input className="boxed-input" type="digit" placeholder="例如：25" value={percent} maxLength={5} onChange={setPercent} />
      <Text className="field-label">连续轮数</Text>
      <Input className="boxed-input" type="number" placeholder="例如：2" value={streak} maxLength={2} onChange={setStreak} />
    </SettingCard>
  )
}

/**
 * Safeguards on the rule (issue 20): the least share of households that must vote for a round to count
 * (below it the round is 参与不足 and changes nothing), and the least days between two rounds on one subject.
 * An empty turnout box means no minimum, as the source rule has none.
 */
export function SafeguardSetting({ toast }: { toast: string }) {
  const { data, error, refetch: reload } = usePageQuery(readQuery('township', 'safeguards', {}))
  const [percent, setPercent] = useState('')
  const [days, setDays] = useState('')
  useEffect(() => {
    if (data) {
      setPercent(data.minTurnoutPermille === null ? '' : String(data.minTurnoutPermille / 10))
      setDays(String(data.minDaysBetween))
    }
  }, [data])

  const save = async () => {
    const p = percent.trim()
    const d = days.trim() || '0'
    if (p && Number.isNaN(Number(p))) throw missing('最低参与率要填数字，不设就空着')
    if (Number.isNaN(Number(d))) throw missing('间隔天数要填数字')
    const saved = await call('township', 'setSafeguards', { minTurnoutPermille: p ? Math.round(Number(p) * 10) : null, minDaysBetween: Number(d) })
    reload()
    return `已保存：${minTurnoutText(saved)}，${minDaysText(saved)}`
  }

  return (
    <SettingCard
      current={
        data ? (
          <>
            {minTurnoutText(data)}；{minDaysText(data)}；上一轮不满意超过比例的，村里答复释疑后才能再评议（这一条总是有效）
          </>
        ) : null
      }
      loadError={error}
      history={(data?.history ?? []).map((c) => ({ ...c, text: `${minTurnoutText(c)}，${minDaysText(c)}` }))}
      defaultText="一直是默认：不设最低参与率，不限间隔"
      note="只对以后发起的评议有效。参与的户数不到最低参与率，这轮评议算“参与不足”，不算超标也不算不超标。"
      saveText="保存评议保障"
      toast={toast}
      onSave={save}
    >
      <Text className="field-label">最低参与率（%，不设就空着）</Text>
      <Input className="boxed-input" type="digit" placeholder="例如：30" value={percent} maxLength={5} onChange={setPercent} />
      <Text className="field-label">同一事项两轮评议至少相隔（天）</Text>
      <Input className="boxed-input" type="number" placeholder="例如：7，不限就填0" value={days} maxLength={3} onChange={setDays} />
    </SettingCard>
  )
}

/** The township's reply deadline, which staff may change for feedback filed from now on. */
export function ReplyDaysSetting({ toast }: { toast: string }) {
  const { data, error, refetch: reload } = usePageQuery(readQuery('feedback', 'settings', {}))
  const [days, setDays] = useState('')
  useEffect(() => {
    if (data) setDays(String(data.days))
  }, [data])

  const save = async () => {
    if (!days.trim()) throw missing('请填写答复期限的天数')
    const saved = await call('feedback', 'setReplyDays', { days: Number(days.trim()) })
    reload()
    return `已保存：答复期限${saved.days}天`
  }

  return (
    <SettingCard
      current={
        data ? (
          <>
            现在的答复期限：<Text className="strong-figure">{data.days}</Text> 天
          </>
        ) : null
      }
      loadError={error}
      history={(data?.history ?? []).map((c) => ({ ...c, text: `答复期限${c.days}天` }))}
      defaultText="一直是默认的7天，没有修改过"
      note="修改只对以后提交的意见有效，已经提交的意见仍按原来的期限。"
      saveText="保存答复期限"
      toast={toast}
      onSave={save}
    >
      <Text className="field-label">改为（天）</Text>
      <Input className="boxed-input" type="number" placeholder="例如：7" value={days} maxLength={2} onChange={setDays} />
    </SettingCard>
  )
}

type Duties = OutputOf<(typeof townshipContract)['duties']>
const cadenceLabels = { monthly: '每月', quarterly: '每季度' } as const

/**
 * The day fields, mounted once the duties are known and starting from them. Setting an input's
 * value in the same moment it mounts reaches Taro's H5 input before its inner <input> exists
 * ("Cannot read properties of undefined (reading 'value')"), so the first value is the real one.
 */
function DutyFields({ duties, days, onChange }: { duties: Duties['duties']; days: string[]; onChange: (days: string[]) => void }) {
  return (
    <>
      {duties.map((d, i) => (
        <View key={`${d.label}-${d.cadence}`} className="duty-setting">
          <Text className="duty-setting-label">
            {d.label}（{kindLabels[d.kind]}，{cadenceLabels[d.cadence]}）
          </Text>
          <View className="duty-setting-days">
            <Text>期满后</Text>
            <Input className="boxed-input duty-setting-input" type="number" value={days[i] ?? ''} maxLength={2} onChange={(v) => onChange(days.map((x, j) => (j === i ? v : x)))} />
            <Text>天内公开</Text>
          </View>
        </View>
      ))}
    </>
  )
}

function DutiesForm({ data, reload, toast }: { data: Duties; reload: () => void; toast: string }) {
  const [days, setDays] = useState(() => data.duties.map((d) => String(d.dueDays)))
  const save = async () => {
    if (days.some((d) => !d.trim())) throw missing('请填写每一项的天数')
    const saved = await call('township', 'setDuties', { duties: data.duties.map((d, i) => ({ ...d, dueDays: Number(days[i]) })) })
    reload()
    return `已保存：${saved.count}项公开时限`
  }
  return (
    <SettingCard
      current={
        <>
          {data.custom ? '本镇自定的公开时限' : '默认的公开时限'}，共 <Text className="strong-figure">{data.duties.length}</Text> 项
        </>
      }
      loadError={null}
      history={[...data.history].reverse().map((h) => ({ setAt: h.setAt, setBy: h.setBy, text: `修改了公开时限（${h.count}项）` }))}
      defaultText="一直用默认期限，没有修改过"
      note="每期结束后多少天内要公开。修改只对以后结束的各期有效，以前的各期仍按原来的期限评判。"
      saveText="保存公开时限"
      toast={toast}
      onSave={save}
    >
      <DutyFields duties={data.duties} days={days} onChange={setDays} />
    </SettingCard>
  )
}

/** How long after each month or quarter a village has to disclose. */
export function DutiesSetting({ toast }: { toast: string }) {
  const { data, error, refetch: reload } = usePageQuery(readQuery('township', 'duties', {}))
  if (!data)
    return (
      <SettingCard
        current={null}
        loadError={error}
        history={[]}
        defaultText=""
        note=""
        saveText="保存公开时限"
        toast={toast}
        onSave={() => Promise.reject(missing('正在加载，请稍候'))}
      >
        {null}
      </SettingCard>
    )
  // A new key after each save starts the fields from what was saved.
  return <DutiesForm key={JSON.stringify(data.history.at(-1) ?? null)} data={data} reload={reload} toast={toast} />
}
