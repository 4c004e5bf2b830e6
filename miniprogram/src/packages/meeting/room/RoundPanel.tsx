import { useState } from 'react'
import { Image, Text, View } from '@tarojs/components'
import { Button, Input, TextArea } from '@nutui/nutui-react-taro'
import qrcode from 'qrcode-generator'
import { choiceLabels, percentOf } from '@shared/evaluation/labels'
import { ErrorCard } from '../../../components/ErrorCard'
import { messageOf } from '../../../components/PageShell'
import { useRole } from '../../../hooks/useRole'
import { call } from '../../../services/api'
import { usePageQuery } from '../../../services/queries/hooks'
import { readQuery } from '../../../services/queries/read'

/** While voting, the room's screen asks again this often: turnout only, never the choices. */
const LIVE_MS = 5000

const paperWords = { none: '', waiting: '纸质票：等两位干部分别录入', disagree: '纸质票：两位干部录入的不一致，请重新清点', agreed: '纸质票：两位干部录入一致' } as const

/** A QR code of the round's page in this H5 app (hash router); in WeChat the members open it from the app. */
function roundQr(roundId: string): string | null {
  if (process.env.TARO_ENV !== 'h5') return null
  const qr = qrcode(0, 'M')
  qr.addData(`${location.origin}${location.pathname}#/packages/evaluation/round/index?roundId=${encodeURIComponent(roundId)}`)
  qr.make()
  return qr.createDataURL(8, 16)
}

const count = (text: string): number | null => (/^\d{1,4}$/.test(text.trim()) ? Number(text.trim()) : null)

/**
 * One agenda item's panel round on the room's screen: a QR code and turnout while voting, the paper ballot
 * entry for the officials, and once closed the result in large text with its 答复释疑 recorded on the spot.
 */
export function RoundPanel({ roundId, onChanged }: { roundId: string; onChanged: () => void }) {
  const role = useRole()
  const query = readQuery('evaluation', 'getRound', { roundId })
  const { data: round, error, refetch } = usePageQuery({ ...query, refetchInterval: (q) => (q.state.data?.status === 'closed' ? false : LIVE_MS) })
  // In WeChat a mini-program code of the round (evaluation.roundCode); elsewhere none, and the app draws a QR code.
  const code = usePageQuery({ ...readQuery('evaluation', 'roundCode', { roundId }), enabled: role === 'chair' && round?.status === 'open' })
  const [counts, setCounts] = useState({ satisfied: '', basic: '', dissatisfied: '' })
  const [answer, setAnswer] = useState('')
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState('')

  const act = async (work: () => Promise<unknown>) => {
    setBusy(true)
    setFailure('')
    try {
      await work()
      await refetch()
      onChanged()
    } catch (e) {
      setFailure(messageOf(e))
    } finally {
      setBusy(false)
    }
  }
  if (error) return <ErrorCard error={messageOf(error)} />
  if (!round) return <Text className="muted">正在加载…</Text>
  const panel = round.panel
  const official = role === 'chair' || role === 'committee' || role === 'township'

  if (round.status !== 'closed' || !round.tally) {
    const qr = code.data?.image ?? (code.data ? roundQr(roundId) : null)
    return (
      <View className="room-round">
        <Text className="room-live">投票中 · 手机已投 {round.turnout.voted} 人</Text>
        {panel ? (
          <Text className="room-sub">
            评议团 {panel.phone + panel.paper} 人：手机投票 {panel.phone} 人，纸质票 {panel.paper} 张
          </Text>
        ) : null}
        {qr ? (
          <Image className="room-qr" src={qr} mode="widthFix" nativeProps={{ alt: '扫码进入这一项的评议投票' }} />
        ) : (
          <Text className="room-sub">评议团成员请在小程序里打开“评议投票”，找到这一项投票。</Text>
        )}
        {panel && panel.paper > 0 ? <Text className="room-sub">{paperWords[panel.paperState]}</Text> : null}
        {official && panel && panel.paper > 0 ? (
          <View className="room-paper">
            <Text className="room-label">录入纸质票（两位干部各录一次，要一致）</Text>
            {(['satisfied', 'basic', 'dissatisfied'] as const).map((c) => (
              <View key={c} className="room-paper-row">
                <Text className="room-paper-label">{choiceLabels[c]}</Text>
                <Input className="boxed-input room-paper-input" type="number" value={counts[c]} maxLength={4} onChange={(v) => setCounts({ ...counts, [c]: v })} />
              </View>
            ))}
            <Button
              block
              fill="outline"
              loading={busy}
              onClick={() => {
                const [satisfied, basic, dissatisfied] = [count(counts.satisfied), count(counts.basic), count(counts.dissatisfied)]
                if (satisfied === null || basic === null || dissatisfied === null) return setFailure('三种票数都要填整数，没有就填 0')
                void act(() => call('evaluation', 'enterPaper', { roundId, satisfied, basic, dissatisfied }))
              }}
            >
              录入纸质票
            </Button>
          </View>
        ) : null}
        {role === 'chair' ? (
          <Button
            block
            type="primary"
            size="large"
            className="room-close"
            loading={busy}
            onClick={() =>
              void act(() => call('evaluation', 'closeRound', { roundId, reason: Date.parse(round.closesAt) > Date.now() ? '村情发布会上当场评议，投票结束' : undefined }))
            }
          >
            结束并公布
          </Button>
        ) : null}
        <ErrorCard error={failure} />
      </View>
    )
  }

  const t = round.tally
  return (
    <View className="room-round">
      <View className="room-result">
        {(['satisfied', 'basic', 'dissatisfied'] as const).map((c) => (
          <View key={c} className="room-figure">
            <Text className="room-figure-number">{t[c]}</Text>
            <Text className="room-figure-label">{choiceLabels[c]}</Text>
          </View>
        ))}
      </View>
      <Text className="room-live">
        共 {t.cast} 票{round.dissatisfiedPermille !== null ? `，不满意占 ${percentOf(round.dissatisfiedPermille)}` : ''}
      </Text>
      {round.outcome === 'void' ? <Text className="room-sub">参与不足，这一轮不计入</Text> : null}
      {round.overThreshold ? <Text className="room-over">不满意超过 {percentOf(round.rule.thresholdPermille)}，须当场答复释疑</Text> : null}
      {round.answer ? (
        <Text className="room-answer">
          答复释疑（{round.answer.title}
          {round.answer.name}）：{round.answer.text}
        </Text>
      ) : null}
      {round.needsAnswer && role === 'committee' ? (
        <View className="room-paper">
          <Text className="room-label">当场答复释疑</Text>
          <TextArea className="boxed-textarea" value={answer} maxLength={2000} autoSize rows={3} onChange={setAnswer} />
          <Button block type="primary" loading={busy} onClick={() => void act(() => call('evaluation', 'answerRound', { roundId, answer }))}>
            记录答复
          </Button>
        </View>
      ) : null}
      <ErrorCard error={failure} />
    </View>
  )
}
