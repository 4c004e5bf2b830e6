import { useEffect, useRef } from 'react'
import Taro, { useShareAppMessage } from '@tarojs/taro'
import type { ShareCard } from './shareCards'
import { drawCover } from './shareCover'

const inWeChat = process.env.TARO_ENV === 'weapp'

/** A live updatable message: its activity id and the fixed template's parameters (member_count / room_limit), from the server. */
export interface UpdatableCard {
  activityId: string
  parameterList: { name: string; value: string }[]
}

/**
 * Makes the page forwardable as a card: the "转发" menu and any `openType="share"` button send `card`.
 * The page's config must say `enableShareAppMessage: true` (Taro registers onShareAppMessage only then).
 *
 * withShareTicket: a card opened from a group then carries a shareTicket, from which the app learns the
 * group (app.tsx). Set through showShareMenu
 * (https://developers.weixin.qq.com/miniprogram/dev/api/share/wx.showShareMenu.html) and, for an updatable
 * message, updateShareMenu with isUpdatableMessage, activityId and templateInfo's member_count / room_limit
 * (https://developers.weixin.qq.com/miniprogram/dev/api/share/wx.updateShareMenu.html,
 * https://developers.weixin.qq.com/miniprogram/dev/framework/open-ability/share/updatable-message.html).
 * In H5 there is no card to send; the hook does nothing there and the hash routes stay as they are.
 */
export function useShareCard(card: ShareCard | null, updatable?: UpdatableCard | null): void {
  const latest = useRef(card)
  latest.current = card
  const activityId = updatable?.activityId
  const parameters = JSON.stringify(updatable?.parameterList ?? [])

  useEffect(() => {
    if (!inWeChat) return
    if (activityId) {
      void Taro.updateShareMenu({
        withShareTicket: true,
        isUpdatableMessage: true,
        activityId,
        templateInfo: { parameterList: JSON.parse(parameters) },
      } as Taro.updateShareMenu.Option).catch(() => undefined)
    } else {
      // Also turns an earlier updatable card of this page back into an ordinary one (degraded, or final).
      void Taro.updateShareMenu({ withShareTicket: true, isUpdatableMessage: false } as Taro.updateShareMenu.Option)
        .catch(() => undefined)
        .then(() => Taro.showShareMenu({ withShareTicket: true }))
        .catch(() => undefined)
    }
  }, [activityId, parameters])

  useShareAppMessage(() => {
    const c = latest.current
    if (!c) return {}
    const base = { title: c.title, path: c.path }
    if (!inWeChat || !c.cover) return base
    // The card waits up to 3 s for `promise` and otherwise goes with `base`
    // (https://developers.weixin.qq.com/miniprogram/dev/reference/api/Page.html#onShareAppMessage-Object-object).
    const cover = c.cover
    return { ...base, promise: drawCover(cover).then((imageUrl) => (imageUrl ? { ...base, imageUrl } : base)) }
  })
}
