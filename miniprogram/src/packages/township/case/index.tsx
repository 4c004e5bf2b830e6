import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import { Button, Input, Tag, Toast } from '@nutui/nutui-react-taro'
import type { RoundView } from '@shared/evaluation/schema'
import type { Tally } from '@shared/evaluation/rules'
import { PageShell } from '../../../components/PageShell'
import { RoundCard } from '../../../components/RoundCard'
import { ReasonDialog } from '../../../components/ReasonDialog'
import { Chips } from '../../../components/Chips'
import { formatDay, formatDayTime } from '../../../components/format'
import { escalationStatusTags, percentOf } from '@shared/evaluation/labels'
import { closesAtAfter, closingPresets } from '../../../components/evaluation'
import { ApiError, call } from '../../../services/api'
import { go, useQuery } from '../../../services/nav'
import { beijingToday } from '@shared/time'
import { usePageQuery } from '../../../services/queries/hooks'
import { readQuery } from '../../../services/queries/read'
import { CadreChoice, HandlingCard, NamedCadres, RecuseDialog, recuseCase } from '../handling'
import './index.css'

const TOAST = 'case-toast'
const URL = '/packages/township/case/index'

const subjectPrefix = { disclosure: '公开：', decision: '决策：' } as const
const roundStatusLabels: Record<RoundView['status'], string> = { open: '评议中', counting: '计票中', closed: '已结束' }

const cycleLabel = (cycle: number) => (cycle > 1 ? `第${cycle}次升级` : '首次升级')

/** The dissatisfied share rounded down, as the server decides it; null without ballots. */
const dissatisfiedShare = (tally: Tally) => (tally.cast === 0 ? null : percentOf(Math.floor((tally.dissatisfied * 1000) / tally.cast)))

function tallyLine(tally: Tally | null): string {
  if (!tally) return '还没有计票'
  const share = dissatisfiedShare(tally)
  return share === null ? '共 0 票，没有人投票' : `不满意 ${tally.dissatisfied} / 共 ${tally.cast} 票（${share}）`
}

/**
 * A day as the server wants it (2026-12-31), also when typed as 2026年12月31日,
 * 2026/12/31 or with full-width digits; anything else goes as typed, for the server to explain.
 */
function dayOf(typed: string): string {
  const text = typed.trim().replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
  return text.replace(/^(\d{4})\D{1,2}(\d{1,2})\D{1,2}(\d{1,2})\D?$/, (_, y: string, m: string, d: string) => `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`)
}

const presetChoices = closingPresets.map((p) => ({ value: String(p.hours), label: p.label }))

/** Township staff handle one escalation case: notes, rectification order, closing with a re-evaluation. */
export default function CaseDetail() {
  const escalationId = useQuery().escalationId ?? ''
  const { data, error, isPending: loading, refetch: reload } = usePageQuery(readQuery('township', 'getEscalation', { escalationId }))
  const [dialog, setDialog] = useState<'note' | 'rectify' | 'close' | 'recuse' | null>(null)
  const [named, setNamed] = useState<string[]>([])
  const [dueAt, setDueAt] = useState('')
  const [hours, setHours] = useState(72)
  const open = (which: 'rectify' | 'close') => {
    setDueAt('')
    setHours(72)
    setNamed([])
    setDialog(which)
  }

  // Whatever happened (done, or someone else moved it first), show the case as it now stands.
  const act = async (work: () => Promise<unknown>, done: string) => {
    try {
      await work()
      Toast.show(TOAST, { icon: 'success', content: done })
    } finally {
      reload()
    }
  }

  const e = data?.escalation
  const tag = e ? escalationStatusTags[e.status] : null
  const canOrder = e?.status === 'open' || e?.status === 'investigating'
  const canClose = canOrder || e?.status === 'reported'
  const today = beijingToday()
  const reevaluation = e?.reevaluationRoundId ? data?.rounds.find((r) => r.roundId === e.reevaluationRoundId) : undefined

  return (
    <PageShell title="评议升级案件" loading={loading && !data} error={error}>
      {data && e && tag ? (
        <>
          <View className="card case-head">
            <View className="tag-row">
              <Tag type={tag.type}>{tag.label}</Tag>
              <Text className={`case-cycle${e.cycle > 1 ? ' case-cycle-again' : ''}`}>{cycleLabel(e.cycle)}</Text>
              <Text className="case-village">{e.villageName}</Text>
            </View>
            <Text className="case-subject">
              {subjectPrefix[e.subject.type]}
              {e.subject.title}
            </Text>
            <Text className="case-line">
              {formatDay(e.openedAt)}升级
              {e.status === 'closed' && e.closedAt ? `，${formatDay(e.closedAt)}办结` : `，已 ${e.ageDays} 天`}
            </Text>
          </View>

          <Text className="section-title">办理人</Text>
          <HandlingCard handler={e.handler} handling={e.handling} />

          <Text className="section-title">触发的评议</Text>
          <View className="card">
            {e.rounds.map((r) => (
              <View key={r.roundId} className="case-trigger">
                <Text className="case-trigger-title">{r.title}</Text>
                <Text className="case-trigger-tally">{tallyLine(r.tally)}</Text>
                {r.closedAt ? <Text className="muted">{formatDayTime(r.closedAt)}结束</Text> : null}
              </View>
            ))}
          </View>

          <Text className="section-title">调查记录（仅镇纪委可见）</Text>
          <View className="card">
            {e.notes.length === 0 ? <Text className="muted">还没有调查记录</Text> : null}
            {e.notes.map((n, i) => (
              <View key={`${n.at}-${i}`} className="case-note">
                <View className="case-note-head">
                  <Text className="muted">{formatDayTime(n.at)}</Text>
                  <Text className="muted">
                    {n.title}
                    {n.name}
                  </Text>
                </View>
                <Text className="prose case-note-text">{n.text}</Text>
              </View>
            ))}
          </View>

          {e.rectification ? (
            <>
              <Text className="section-title">整改要求（村民能看到）</Text>
              <View className="card case-rectification">
                <Text className="prose">{e.rectification.what}</Text>
                <View className="tag-row case-due">
                  <Text className="case-strong">整改期限：{formatDay(e.rectification.dueAt)}</Text>
                  {e.status === 'rectifying' && e.rectification.dueAt < today ? <Tag type="danger">已超期</Tag> : null}
                </View>
                <Text className="muted case-line">
                  {e.rectification.title}
                  {e.rectification.name} {formatDayTime(e.rectification.at)}下达
                </Text>
              </View>
            </>
          ) : null}

          {e.villageReport ? (
            <>
              <Text className="section-title">村里报告的整改情况（村民能看到）</Text>
              <View className="card">
                <View className="answer case-answer">
                  <Text className="answer-by">
                    {e.villageReport.title}
                    {e.villageReport.name} · {formatDayTime(e.villageReport.at)}
                  </Text>
                  <Text className="prose">{e.villageReport.text}</Text>
                </View>
              </View>
            </>
          ) : null}

          {e.conclusion ? (
            <>
              <Text className="section-title">办结意见（村民能看到）</Text>
              <View className="card case-conclusion">
                <Text className="prose">{e.conclusion}</Text>
                {e.closedAt ? <Text className="muted case-line">{formatDayTime(e.closedAt)}办结</Text> : null}
                <NamedCadres cadres={e.namedCadres} />
                {reevaluation ? (
                  <Text className="case-line">
                    已发起再评议：{reevaluation.title}（{roundStatusLabels[reevaluation.status]}）
                  </Text>
                ) : null}
              </View>
            </>
          ) : null}

          {e.status !== 'closed' ? (
            <View className="case-actions">
              {e.status === 'rectifying' ? <Text className="muted case-waiting">等待村里报告整改情况</Text> : null}
              <Button block size="large" type="primary" fill="outline" onClick={() => setDialog('note')}>
                添加调查记录
              </Button>
              {canOrder ? (
                <Button block size="large" type="primary" fill="outline" onClick={() => open('rectify')}>
                  下达整改要求
                </Button>
              ) : null}
              {canClose ? (
                <Button block size="large" type="primary" onClick={() => open('close')}>
                  办结并发起再评议
                </Button>
              ) : null}
              <Button block size="large" type="default" onClick={() => setDialog('recuse')}>
                申请回避
              </Button>
            </View>
          ) : null}

          <Text className="section-title">评议记录</Text>
          {data.rounds.length === 0 ? <View className="card muted">没有评议记录</View> : null}
          {data.rounds.map((r) => (
            <RoundCard
              key={r.roundId}
              round={r}
              mark={e.roundIds.includes(r.roundId) ? '触发本案' : undefined}
              onClick={() => go('/packages/evaluation/round/index', { roundId: r.roundId })}
            >
              {r.answer ? (
                <View className="answer">
                  <Text className="answer-by">
                    答复释疑 · {r.answer.title}
                    {r.answer.name} · {formatDayTime(r.answer.at)}
                  </Text>
                  <Text className="prose">{r.answer.text}</Text>
                </View>
              ) : r.needsAnswer ? (
                <Text className="case-line case-missing">村里还没有答复释疑</Text>
              ) : null}
            </RoundCard>
          ))}

          {data.cycles.length > 1 ? (
            <>
              <Text className="section-title">本事项的历次升级</Text>
              {data.cycles.map((c) => {
                const current = c.escalationId === e.escalationId
                const cTag = escalationStatusTags[c.status]
                return (
                  <View
                    key={c.escalationId}
                    className={`card case-cycle-row${current ? ' case-cycle-current' : ''}`}
                    onClick={current ? undefined : () => go(URL, { escalationId: c.escalationId })}
                  >
                    <View className="tag-row">
                      <Text className="case-strong">{cycleLabel(c.cycle)}</Text>
                      <Tag type={cTag.type}>{cTag.label}</Tag>
                      {current ? <Text className="muted">正在查看</Text> : null}
                    </View>
                    <Text className="case-line">
                      {formatDay(c.openedAt)}升级{c.closedAt ? `，${formatDay(c.closedAt)}办结` : ''}
                    </Text>
                    {current ? null : <Text className="case-open">查看 ›</Text>}
                  </View>
                )
              })}
            </>
          ) : null}
        </>
      ) : null}

      <ReasonDialog
        visible={dialog === 'note'}
        title="添加调查记录"
        message="调查记录只在镇纪委内部留存，村里和村民都看不到。"
        label="调查记录"
        placeholder="例如：已约谈村委会主任，核对了公开的账目"
        required
        maxLength={2000}
        confirmText="保存记录"
        onSubmit={(text) => act(() => call('township', 'addNote', { escalationId, text }), '已添加调查记录')}
        onClose={() => setDialog(null)}
      />
      <ReasonDialog
        visible={dialog === 'rectify'}
        title="下达整改要求"
        message="整改要求和期限会向村民公开。村里报告整改情况后才能办结。"
        label="整改要求"
        placeholder="例如：重新公开完整的收支明细，并在村民会议上说明"
        required
        maxLength={2000}
        confirmText="下达"
        onSubmit={(what) => {
          if (!dueAt.trim()) return Promise.reject(new ApiError('INVALID_INPUT', '请填写整改期限'))
          return act(() => call('township', 'orderRectification', { escalationId, what, dueAt: dayOf(dueAt) }), '已下达整改要求')
        }}
        onClose={() => setDialog(null)}
      >
        <Text className="reason-dialog-label">整改期限（必填）</Text>
        <Input className="boxed-input" value={dueAt} onChange={setDueAt} placeholder="例如：2026-12-31" maxLength={20} />
      </ReasonDialog>
      <ReasonDialog
        visible={dialog === 'close'}
        title="办结并发起再评议"
        message={`办结后会自动对「${e?.subject.title ?? ''}」发起一轮整改后再评议，各户重新投票。办结意见村民能看到。`}
        label="办结意见"
        placeholder="例如：经核查，村里已按要求整改到位"
        required
        maxLength={2000}
        confirmText="办结"
        onSubmit={(conclusion) =>
          act(
            () => call('township', 'closeEscalation', { escalationId, conclusion, reevaluationClosesAt: closesAtAfter(hours), findingAppointmentIds: named }),
            '已办结，再评议已发起',
          )
        }
        onClose={() => setDialog(null)}
      >
        <Text className="reason-dialog-label">再评议截止时间</Text>
        <Chips label="再评议截止时间" options={presetChoices} value={String(hours)} onChange={(v) => setHours(Number(v))} />
        <Text className="muted">大约 {formatDayTime(closesAtAfter(hours))} 截止</Text>
        {e ? <CadreChoice villageId={e.villageId} value={named} onChange={setNamed} /> : null}
      </ReasonDialog>
      <RecuseDialog visible={dialog === 'recuse'} what="个案件" onRecuse={recuseCase(escalationId)} onClose={() => setDialog(null)} />
      <Toast id={TOAST} />
    </PageShell>
  )
}
