import { useEffect, useState } from 'react'
import { useDidShow } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Button, Input, Toast } from '@nutui/nutui-react-taro'
import type { VillageEvaluationFigures } from '@shared/contract/township'
import { ExportButton } from '../../../components/ExportButton'
import { FigureGrid, type Figure } from '../../../components/FigureGrid'
import { SettingCard, missing } from '../../../components/SettingCard'
import { PageShell } from '../../../components/PageShell'
import { EmptyState } from '../../../components/EmptyState'
import { formatPermille } from '../../../components/format'
import { percentOf } from '../../../components/evaluation'
import { useRemote } from '../../../hooks/useRemote'
import { call } from '../../../services/api'
import { go } from '../../../services/nav'
import './index.css'

const TOAST = 'evalfig-toast'

const permilleText = (permille: number | null) => (permille === null ? '—' : formatPermille(permille))

/** 第1次 3 件，第2次 1 件; cycles without a case are left out. */
function byCycle(counts: number[]): string {
  const parts = counts.flatMap((n, i) => (n > 0 ? [`第${i + 1}次 ${n} 件`] : []))
  return parts.length > 0 ? parts.join('，') : '无'
}

/** One village's evaluation figures: counts in a grid, then its cases by cycle. */
function VillageCard({ v }: { v: VillageEvaluationFigures }) {
  const cases = v.casesByCycle.reduce((n, c) => n + c, 0)
  const figures: Figure[] = [
    { label: '评议轮数', value: String(v.roundsHeld) },
    { label: '参与率', value: permilleText(v.turnoutPermille) },
    { label: '满意率', value: permilleText(v.satisfactionPermille) },
    { label: '不满意超标（轮）', value: String(v.roundsOverThreshold), bad: v.roundsOverThreshold > 0 },
    { label: '未办结案件（件）', value: String(v.openCases), bad: v.openCases > 0 },
    { label: '升级案件（件）', value: String(cases) },
  ]
  return (
    <View className="card evalfig-village">
      <Text className="evalfig-name">{v.villageName}</Text>
      <FigureGrid figures={figures} />
      <Text className="evalfig-line">升级次数：{byCycle(v.casesByCycle)}</Text>
      <Text className="muted evalfig-note">参与率、满意率按已结束的评议计算；满意率含基本满意。</Text>
    </View>
  )
}

/** The township's rule: over what share of 不满意 a round counts as over, and how many in a row open a case. */
function RuleCard() {
  const { data, error, reload } = useRemote(() => call('township', 'rule', {}))
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
            不满意超过 <Text className="strong-figure">{percentOf(data.thresholdPermille)}</Text> 为超标，连续{' '}
            <Text className="strong-figure">{data.streakLength}</Text> 轮超标由镇纪委介入
          </>
        ) : null
      }
      loadError={error}
      history={(data?.history ?? []).map((c) => ({ ...c, text: `不满意超过${percentOf(c.thresholdPermille)}，连续${c.streakLength}轮` }))}
      defaultText="一直是默认规则，没有修改过"
      note="只对以后发起的评议有效，已经发起的评议仍按原来的规则。"
      saveText="保存规则"
      toast={TOAST}
      onSave={save}
    >
      <Text className="field-label">不满意比例（%）</Text>
      <Input className="boxed-input" type="digit" placeholder="例如：25" value={percent} maxLength={5} onChange={setPercent} />
      <Text className="field-label">连续轮数</Text>
      <Input className="boxed-input" type="number" placeholder="例如：2" value={streak} maxLength={2} onChange={setStreak} />
    </SettingCard>
  )
}

/** Township staff: how each village's evaluations go, and the rule that sends a subject to the township. */
export default function EvaluationFigures() {
  const { data, error, loading, reload } = useRemote(() => call('township', 'figures', {}))
  // Coming back from 评议升级案件 the counts may have moved.
  useDidShow(() => {
    if (data) reload()
  })

  return (
    <PageShell title="各村评议情况" subtitle="数字随时更新。" loading={loading && !data} error={error}>
      {data ? (
        <>
          <View className="evalfig-more">
            <Button block size="large" type="primary" fill="outline" onClick={() => go('/packages/township/cases/index')}>
              查看评议升级案件
            </Button>
          </View>
          <Text className="section-title">各村</Text>
          {data.villages.length === 0 ? <EmptyState title="本镇还没有村" /> : null}
          {data.villages.map((v) => (
            <VillageCard key={v.villageId} v={v} />
          ))}
        </>
      ) : null}

      <Text className="section-title">评议规则</Text>
      <RuleCard />
      <View className="township-export">
        <ExportButton kind="figures" toast={TOAST} />
      </View>
      <Toast id={TOAST} />
    </PageShell>
  )
}
