import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { usePageQuery } from '../services/queries/hooks'
import { demoPeopleQuery } from '../services/queries/dev'
import type { ShareCard } from '../services/shareCards'
import { CopyButton } from './CopyButton'
import './ShareToGroup.css'

/**
 * "发到村监督群": the natural next step after publishing. In WeChat a share button (open-type="share",
 * https://developers.weixin.qq.com/miniprogram/dev/component/button.html) sends the page's card (the page calls
 * useShareCard with the same `card`); the chair picks the village group. In a browser there is no group to send
 * to: it says so, and on the local demo host offers the card's link to copy instead.
 */
export function ShareToGroup({ card, what, label = '发到村监督群' }: { card: ShareCard; what: string; label?: string }) {
  const demo = usePageQuery({ ...demoPeopleQuery(), enabled: process.env.TARO_ENV !== 'weapp' })
  if (process.env.TARO_ENV === 'weapp') {
    return (
      <View className="card share-to-group">
        <Text className="share-to-group-text">下一步：把{what}发到村监督群，村民在群里点开就能看到。</Text>
        <Button block size="large" type="primary" openType="share" className="share-to-group-button">
          {label}
        </Button>
      </View>
    )
  }
  const link = `${location.origin}${location.pathname}#${card.path}`
  return (
    <View className="card share-to-group">
      <Text className="share-to-group-text">下一步：在微信里打开本页，点“{label}”，选本村监督群发送。</Text>
      {demo.data ? (
        <>
          <Text className="muted share-to-group-text">演示版：可以复制链接代替卡片。</Text>
          <CopyButton text={link} label="复制链接" />
        </>
      ) : null}
    </View>
  )
}
