import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { SubscribeTopic } from '@shared/subscribe'
import { messageOf } from './PageShell'
import { call } from '../services/api'
import { usePageQuery } from '../services/queries/hooks'
import { readQuery } from '../services/queries/read'
import './ReminderCard.css'

/** The subscribe-message template of each topic, set at build time (README deploy step 8). */
const templateIds: Record<SubscribeTopic, string> = {
  announcement: process.env.TARO_APP_NOTICE_TEMPLATE_ID ?? '',
  escalation: process.env.TARO_APP_ESCALATION_TEMPLATE_ID ?? '',
}

type Answer = { ok: true } | { ok: false; message: string }

/**
 * Shows WeChat's subscribe prompt. It must be called in the tap itself, before anything is awaited:
 * "2.8.2 版本开始，用户发生点击行为或者发起支付回调后，才可以调起订阅消息界面"
 * (https://developers.weixin.qq.com/miniprogram/dev/api/open-api/subscribe-message/wx.requestSubscribeMessage.html);
 * after an await WeChat refuses with "can only be invoked by user TAP gesture".
 * Off WeChat (H5 on the local host) there is no prompt: the host's dev mode grants the consent.
 */
function askWeChat(topic: SubscribeTopic): Promise<Answer> {
  if (process.env.TARO_ENV !== 'weapp') return Promise.resolve({ ok: true })
  const templateId = templateIds[topic]
  if (!templateId) return Promise.resolve({ ok: false, message: '微信提醒还没有设置好，请告诉管理员' })
  // Taro's typings also demand Alipay's entityIds; WeChat takes only tmplIds.
  return Taro.requestSubscribeMessage({ tmplIds: [templateId] } as Taro.requestSubscribeMessage.Option).then(
    (answer): Answer =>
      (answer as Taro.requestSubscribeMessage.SuccessCallbackResult)[templateId] === 'accept' ? { ok: true } : { ok: false, message: '您没有点“允许”，这次没有开启提醒' },
    (): Answer => ({ ok: false, message: '这次没能打开微信提醒，请稍后再试' }),
  )
}

interface Props {
  topic: SubscribeTopic
  /** what the reminder is about */
  explain: string
  button: string
  /** said while the person will not be told */
  notTold: string
  /** show nothing while the person will be told (a page that only warns) */
  onlyWhenNotTold?: boolean
  className?: string
}

/** What one "allow" gives, by the template the deploy uses. */
const perTap = {
  'one-time': '每点一次“允许”，可以收到一条通知；用完了再点一下。',
  'long-term': '点一次“允许”就一直有效，不用再点；不想收了，可以在微信的设置里关掉。',
} as const

/**
 * A card to be reminded by WeChat: whether the person will be told (messages still allowed, or
 * 已开启长期提醒), and a button that asks WeChat and then records the consent on the server.
 */
export function ReminderCard({ topic, explain, button, notTold, onlyWhenNotTold, className }: Props) {
  const status = usePageQuery(readQuery('announcement', 'subscription', { topic }))
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState('')
  // Once subscribed here, the card stays to show the result.
  const [subscribedHere, setSubscribedHere] = useState(false)

  const subscribe = () => {
    // First, in the tap: nothing awaited before the prompt.
    const asked = askWeChat(topic)
    setBusy(true)
    setFailure('')
    asked
      .then(async (answer) => {
        if (!answer.ok) return setFailure(answer.message)
        await call('announcement', 'subscribe', { topic })
        setSubscribedHere(true)
        void status.refetch()
      })
      .catch((e: unknown) => setFailure(messageOf(e)))
      .finally(() => setBusy(false))
  }

  const s = status.data
  if (onlyWhenNotTold && (!s || s.subscribed) && !subscribedHere) return null
  return (
    <View className={`card reminder-card${className ? ` ${className}` : ''}`}>
      <Text className="muted reminder-explain">
        {explain}
        {s ? perTap[s.kind] : ''}
      </Text>
      {s ? (
        <View className={`reminder-status${s.subscribed ? ' reminder-on' : ' reminder-off'}`} role="status">
          {s.longTerm && s.subscribed ? '已开启长期提醒' : s.subscribed ? `已开启：还可接收 ${s.remaining} 条提醒` : notTold}
        </View>
      ) : null}
      {s?.longTerm && s.subscribed ? null : (
        <Button block size="large" type="primary" fill="outline" loading={busy} onClick={subscribe}>
          {button}
        </Button>
      )}
      {failure ? (
        <View className="error-text reminder-status" role="alert">
          {failure}
        </View>
      ) : null}
    </View>
  )
}
