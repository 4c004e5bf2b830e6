import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import { Button, Dialog, Input, Toast } from '@nutui/nutui-react-taro'
import type { Choice } from '@shared/evaluation/rules'
import { PageShell, messageOf } from '../../../components/PageShell'
import { ReasonDialog } from '../../../components/ReasonDialog'
import { RoundCard } from '../../../components/RoundCard'
import { choiceLabels, minTurnoutText } from '@shared/evaluation/labels'
import { formatDay, formatDayTime } from '../../../components/format'
import { SubmitStatus } from '../../../components/SubmitStatus'
import { useSubmission } from '../../../hooks/useSubmission'
import { useRole } from '../../../hooks/useRole'
import { call, type Output } from '../../../services/api'
import { go, useQuery } from '../../../services/nav'
import { receiptOf, rememberReceipt } from '../receipts'
import { CopyButton } from '../../../components/CopyButton'
import { Term } from '../../../components/Term'
import { usePageQuery } from '../../../services/queries/hooks'
import { readQuery } from '../../../services/queries/read'
import { useShareCard } from '../../../services/share'
import { roundCard } from '../../../services/shareCards'
import { groupQueries } from '../../../services/queries/group'
import { ShareToGroup } from '../../../components/ShareToGroup'
import './index.css'
import { decodeScene } from '../../disclosure/public/scene'

const TOAST = 'round-toast'
type Round = Output<'evaluation', 'getRound'>

/**
 * Three large choices and a confirmation: the household's one ballot. Sent
 * with one request id however often it is retried, so a dropped connection
 * never counts it twice.
 */
function Ballot({ round, onCast }: { round: Round; onCast: (receipt: string) => void }) {
  const [choice, setChoice] = useState<Choice | null>(null)
  const [confirming, setConfirming] = useState(false)
  const { submit, phase, submitting, failure } = useSubmission(async (requestId) => {
    const { receipt } = await call('evaluation', 'castBallot', { roundId: round.roundId, choice: choice!, requestId })
    rememberReceipt(round.roundId, receipt)
    onCast(receipt)
    return receipt
  })
  return (
    <View className="card ballot">
      <Text className="ballot-ask">{round.panel ? '您作为评议团成员投票：' : '您代表本户投票：'}</Text>
      {/* A secret ballot must not nudge: three choices of the same shape, colour and weight. */}
      {(['satisfied', 'basic', 'dissatisfied'] as const).map((c) => (
        <Button
          key={c}
          block
          size="large"
          type="default"
          fill="outline"
          disabled={submitting}
          className="ballot-choice"
          onClick={() => {
            setChoice(c)
            setConfirming(true)
          }}
        >
          {choiceLabels[c]}
        </Button>
      ))}
      <SubmitStatus phase={phase} failure={failure} onRetry={submit} />
      <Dialog
        visible={confirming}
        title="确认投票"
        confirmText="确认投票"
        cancelText="再想想"
        closeOnOverlayClick={false}
        onConfirm={() => {
          setConfirming(false)
          submit()
        }}
        onCancel={() => setConfirming(false)}
        onClose={() => setConfirming(false)}
      >
        <View className="ballot-confirm">
          <Text className="ballot-confirm-choice">{choice ? choiceLabels[choice] : ''}</Text>
          <Text>{round.panel ? '每位评议团成员只能投一票' : '每户只能投一票'}，投了不能改。投票不记名，村干部看不到您投了什么。</Text>
        </View>
      </Dialog>
    </View>
  )
}

/** The published ballots: each voter finds their receipt; anyone can recount. */
function BallotList({ round }: { round: Round }) {
  const mine = receiptOf(round.roundId)
  const [typed, setTyped] = useState('')
  const [all, setAll] = useState(false)
  const ballots = round.ballots ?? []
  const code = typed.trim().toUpperCase()
  const found = code.length >= 4 ? ballots.filter((b) => b.receipt.includes(code)) : []
  const myBallot = mine ? ballots.find((b) => b.receipt === mine) : undefined
  return (
    <>
      <Text className="section-title">投票清单（{ballots.length} 张，按回执码排列）</Text>
      <View className="card">
        {mine ? (
          <View className={`ballot-mine${myBallot ? ' ballot-mine-ok' : ''}`} role="status">
            {myBallot ? `您家的回执码 ${mine} 在清单中：${choiceLabels[myBallot.choice]}` : `您家的回执码 ${mine} 不在清单中，请向镇纪委反映`}
          </View>
        ) : null}
        <Input className="boxed-input" placeholder="输入回执码核对" value={typed} maxLength={8} onChange={setTyped} />
        {code.length >= 4 ? (
          <Text className="ballot-found">{found.length > 0 ? found.map((b) => `${b.receipt}：${choiceLabels[b.choice]}`).join('；') : '没有找到这个回执码'}</Text>
        ) : null}
        <Button block fill="outline" className="ballot-all" onClick={() => setAll(!all)}>
          {all ? '收起清单' : `显示全部 ${ballots.length} 张票`}
        </Button>
        {all ? (
          <View className="ballot-grid">
            {ballots.map((b) => (
              <Text key={b.receipt} className={`ballot-cell ballot-cell-${b.choice}`}>
                {b.receipt} {choiceLabels[b.choice]}
              </Text>
            ))}
          </View>
        ) : null}
      </View>
    </>
  )
}

/** Before the closing time the chair must give a reason (evaluation.closeRound); the server's clock decides, this one only asks. */
const early = (round: Round) => Date.now() < Date.parse(round.closesAt)
/** Fewer than half of the eligible households have voted: the chair is warned before closing. */
const fewVoted = (round: Round) => round.turnout.voted * 2 < round.turnout.eligible

/** One round: vote while open; the tally, the answer on record and the ballot list once closed. */
export default function RoundPage() {
  const query = useQuery()
  // Opened by scanning the round's mini-program code at a 村情发布会, the round comes as the code's scene.
  const roundId = query.roundId ?? (query.scene ? decodeScene(query.scene) : '')
  const role = useRole()
  const { data: round, error, isPending: loading, refetch: reload } = usePageQuery(readQuery('evaluation', 'getRound', { roundId }))
  const [receipt, setReceipt] = useState<string | null>(null)
  // Closing: a warning when fewer than half have voted, then the reason when before the closing time, or a plain confirmation.
  const [closing, setClosing] = useState<null | 'warn' | 'reason' | 'confirm'>(null)
  const [answering, setAnswering] = useState(false)
  // The group card of an open round shows live turnout (动态消息) when the server has an activity id for it.
  const live = usePageQuery({ ...groupQueries.roundCard(roundId), enabled: round?.status === 'open' })
  const updatable = live.data?.state === 'live' && live.data.activityId ? { activityId: live.data.activityId, parameterList: live.data.parameterList } : null
  const card = round ? roundCard(round) : null
  useShareCard(card, updatable)

  /** Closes the round; a failure is thrown, so the reason dialog stays open with the message. */
  const finish = async (reason?: string) => {
    const result = await call('evaluation', 'closeRound', { roundId, reason })
    Toast.show(TOAST, {
      icon: 'success',
      content: result.escalationId ? '已结束：连续超标，已提交镇纪委' : result.outcome === 'void' ? '已结束：参与不足，这轮不算数' : '评议已结束',
    })
    reload()
  }
  const close = async () => {
    try {
      await finish()
    } catch (e) {
      Toast.show(TOAST, { icon: 'fail', content: messageOf(e) })
    }
  }

  return (
    <PageShell title={round?.title ?? '评议'} loading={loading && !round} error={error}>
      {round ? (
        <>
          <RoundCard round={round} />
          {role === 'chair' && round.status === 'open' && card ? <ShareToGroup card={card} what="这次评议" /> : null}
          {receipt ? (
            <View className="card ballot-receipt" role="status">
              <Text className="ballot-receipt-title">投票成功，已计入</Text>
              <Text>回执码</Text>
              <Text className="ballot-receipt-code">{receipt}</Text>
              <Text className="muted">评议结束后会公布全部投票清单，可以用回执码核对您的票有没有被计入。</Text>
              <CopyButton text={receipt} label="复制回执码" />
            </View>
          ) : round.myHousehold?.canVote ? (
            <Ballot
              round={round}
              onCast={(r) => {
                setReceipt(r)
                reload()
              }}
            />
          ) : round.status === 'open' && round.myHousehold ? (
            <View className="card muted">{round.myHousehold.voted ? (round.panel ? '您已经投过票了。' : '本户已经投过票了。') : '本户由户代表投票。'}</View>
          ) : null}

          {round.answer ? (
            <>
              <Text className="section-title">
                <Term word="答复释疑" />
              </Text>
              <View className="card">
                <View className="answer">
                  <Text className="answer-by">
                    {round.answer.title}
                    {round.answer.name} · {formatDayTime(round.answer.at)}
                  </Text>
                  <Text className="prose">{round.answer.text}</Text>
                </View>
              </View>
            </>
          ) : null}
          {round.needsAnswer && role === 'committee' ? (
            <View className="round-actions">
              <Button block size="large" type="primary" onClick={() => setAnswering(true)}>
                答复释疑
              </Button>
            </View>
          ) : null}
          {round.escalationId ? <View className="card round-escalated">连续评议不满意超过比例，已提交镇纪委处理。</View> : null}

          {round.ballotsDeletedAt ? (
            <View className="card muted">投票清单已按保存期限在{formatDay(round.ballotsDeletedAt)}删除（评议结束满一年）。上面的票数和参与户数照样保留。</View>
          ) : round.status === 'closed' ? (
            <BallotList round={round} />
          ) : null}

          <View className="round-actions">
            {role === 'chair' && round.status === 'open' ? (
              <Button block size="large" type="primary" onClick={() => setClosing(fewVoted(round) ? 'warn' : early(round) ? 'reason' : 'confirm')}>
                结束评议
              </Button>
            ) : null}
            <Button block size="large" fill="outline" onClick={() => go('/packages/evaluation/subject/index', { type: round.subject.type, id: round.subject.id })}>
              全部评议记录
            </Button>
          </View>
          {/* The warning (fewer than half voted) and the plain confirmation share one dialog; past the warning an early close still asks its reason. */}
          <Dialog
            visible={closing === 'warn' || closing === 'confirm'}
            title={closing === 'warn' ? '投票的户还不到一半' : '结束评议'}
            content={
              closing === 'warn'
                ? `只有 ${round.turnout.voted} 户投了票，群内一共 ${round.turnout.eligible} 户，还不到一半。${
                    round.safeguards.minTurnoutPermille !== null ? `镇里规定${minTurnoutText(round.safeguards)}，不够就算参与不足。` : ''
                  }确定现在就结束吗？`
                : `现在结束投票并公布结果？已投 ${round.turnout.voted} 户 / 群内 ${round.turnout.eligible} 户。`
            }
            confirmText={closing === 'warn' ? '仍要结束' : '结束并公布'}
            cancelText={closing === 'warn' ? '再等等' : '取消'}
            onConfirm={() => {
              if (closing === 'warn' && early(round)) return setClosing('reason')
              setClosing(null)
              void close()
            }}
            onCancel={() => setClosing(null)}
          />
          <ReasonDialog
            visible={closing === 'reason'}
            title="提前结束评议"
            message={`还没到截止时间（${formatDayTime(round.closesAt)}），提前结束要写明原因，镇纪委能看到。已投 ${round.turnout.voted} 户 / 群内 ${round.turnout.eligible} 户。`}
            label="提前结束的原因"
            placeholder="例如：村民会议上全部户代表已当场投票"
            required
            maxLength={200}
            confirmText="结束并公布"
            onSubmit={async (reason) => {
              await finish(reason)
              setClosing(null)
            }}
            onClose={() => setClosing(null)}
          />
          <ReasonDialog
            visible={answering}
            title="答复释疑"
            message="不满意超过比例，村“两委”须书面答复，答复会和评议结果一起公布给全村。"
            label="答复内容"
            placeholder="针对村民不满意的地方，说明情况和下一步怎么做"
            required
            maxLength={2000}
            confirmText="公布答复"
            onSubmit={async (answer) => {
              await call('evaluation', 'answerRound', { roundId, answer })
              setAnswering(false)
              reload()
            }}
            onClose={() => setAnswering(false)}
          />
        </>
      ) : null}
      <Toast id={TOAST} />
    </PageShell>
  )
}
