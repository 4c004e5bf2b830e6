import { View, Text } from '@tarojs/components'
import { Button, Toast } from '@nutui/nutui-react-taro'
import type { VillageEvaluationFigures } from '@shared/township/schema'
import { ExportButton } from '../../../components/ExportButton'
import { FigureGrid, type Figure } from '../../../components/FigureGrid'
import { SettingsLink } from '../settings/SettingsLink'
import { PageShell } from '../../../components/PageShell'
import { EmptyState } from '../../../components/EmptyState'
import { formatPermille } from '../../../components/format'
import { go } from '../../../services/nav'
import { usePageQuery } from '../../../services/queries/hooks'
import { readQuery } from '../../../services/queries/read'
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
    { label: '参与不足（轮）', value: String(v.roundsVoid) },
    { label: '未办结案件（件）', value: String(v.openCases), bad: v.openCases > 0 },
    { label: '升级案件（件）', value: String(cases) },
  ]
  return (
    <View className="card evalfig-village">
      <Text className="evalfig-name">{v.villageName}</Text>
      <FigureGrid figures={figures} />
      <Text className="evalfig-line">升级次数：{byCycle(v.casesByCycle)}</Text>
      <Text className="muted evalfig-note">参与率、满意率按已结束的评议计算；满意率含基本满意。参与不足：没人投票，或参加的户少于镇里规定的最低参与率，这轮不算数。</Text>
    </View>
  )
}

/** Township staff: how each village's evaluations go; the rule itself is on 乡镇设置. */
export default function EvaluationFigures() {
  const { data, error, isPending: loading } = usePageQuery(readQuery('township', 'figures', {}))

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
      <SettingsLink text="评议规则（不满意超过多少、连续几轮由镇纪委介入）在乡镇设置里查看和修改。" />
      <View className="township-export">
        <ExportButton kind="figures" toast={TOAST} />
      </View>
      <Toast id={TOAST} />
    </PageShell>
  )
}
