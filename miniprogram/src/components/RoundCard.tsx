import type { ReactNode } from 'react'
import { View, Text } from '@tarojs/components'
import { Tag } from '@nutui/nutui-react-taro'
import type { RoundView } from '@shared/evaluation/schema'
import { CoverageBar } from './CoverageBar'
import { formatDayTime } from './format'
import { choiceLabels, minTurnoutText, outcomeLabels, percentOf } from '@shared/evaluation/labels'
import { Term } from './Term'
import './RoundCard.css'

// Tokens (styles/tokens.css): NutUI's Progress puts the colour in an inline style, where var() works too.
const barColors = { satisfied: 'var(--color-success)', basic: 'var(--color-info)', dissatisfied: 'var(--color-primary)' } as const

/** The tally as three bars; the share of 不满意 against the round's threshold. */
function TallyBars({ round }: { round: RoundView }) {
  const tally = round.tally
  if (!tally) return null
  return (
    <View className="tally">
      {(['satisfied', 'basic', 'dissatisfied'] as const).map((c) => (
        <View key={c} className={`tally-row tally-${c}`}>
          <Text className="tally-label">{choiceLabels[c]}</Text>
          <CoverageBar permille={tally.cast ? Math.floor((tally[c] * 1000) / tally.cast) : 0} color={barColors[c]} className="tally-bar" />
          <Text className="tally-count">{tally[c]} 票</Text>
        </View>
      ))}
      <Text className="tally-line">
        共 {tally.cast} 票{round.dissatisfiedPermille !== null ? `，不满意占 ${percentOf(round.dissatisfiedPermille)}` : ''}
        （超过 {percentOf(round.rule.thresholdPermille)} 须<Term word="答复释疑" />）
      </Text>
    </View>
  )
}

interface Props {
  round: RoundView
  onClick?: () => void
  /** a tag of the reader's own, e.g. 触发本案 */
  mark?: string
  children?: ReactNode
}

/** A round at a glance: what, its state, how many households voted, and the result once closed. */
export function RoundCard({ round, onClick, mark, children }: Props) {
  const open = round.status !== 'closed'
  return (
    <View className={`card round-card${onClick ? ' round-card-link' : ''}`} onClick={onClick}>
      <View className="round-tags">
        {open ? <Tag type="primary">进行中</Tag> : <Tag type="default">已结束</Tag>}
        {round.overThreshold ? <Tag type="danger">不满意超过{percentOf(round.rule.thresholdPermille)}</Tag> : null}
        {round.outcome === 'void' ? <Tag type="default">{outcomeLabels.void}</Tag> : null}
        {round.needsAnswer ? <Tag type="warning">待答复</Tag> : null}
        {round.reevaluationOf ? <Tag type="info">整改后再评议</Tag> : null}
        {round.myHousehold?.voted ? <Tag type="success">本户已投</Tag> : null}
        {mark ? <Tag type="warning">{mark}</Tag> : null}
      </View>
      <Text className="round-title">{round.title}</Text>
      <Text className="muted round-subject">
        {round.subject.type === 'disclosure' ? '公开' : '决策'}：{round.subject.title}
      </Text>
      <Text className="round-turnout">
        已投 {round.turnout.voted} 户 / 群内 {round.turnout.eligible} 户{round.turnout.byProxy > 0 ? `（其中委托投票 ${round.turnout.byProxy} 户）` : ''}
      </Text>
      <Text className="muted">{open ? `${formatDayTime(round.closesAt)} 截止` : `${formatDayTime(round.closedAt ?? round.closesAt)} 结束`}</Text>
      {round.safeguards.minTurnoutPermille !== null ? <Text className="muted round-min-turnout">{minTurnoutText(round.safeguards)}</Text> : null}
      <TallyBars round={round} />
      {round.outcome === 'void' ? (
        <Text className="round-void">{round.tally?.cast ? '参加的户太少，这轮评议不算数，不算超标也不算不超标。' : '没有人投票，这轮评议不算数。'}</Text>
      ) : null}
      {round.closeReason ? <Text className="round-close-reason">主任提前结束，原因：{round.closeReason}</Text> : null}
      {/* Who acts next is said in plain words, for everyone who reads the card. */}
      {round.needsAnswer ? <Text className="round-needs-answer">不满意超过比例，等村“两委”书面答复释疑。</Text> : null}
      {children}
    </View>
  )
}
