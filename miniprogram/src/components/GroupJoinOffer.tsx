import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { useGroupEntry } from '../services/groupEntry'
import './GroupJoinOffer.css'

const JOIN_PAGE = 'pages/join/index'

/** The village offered, when this visit came from a card in a village's bound group and the caller may join it. */
export function useJoinOffer() {
  const entry = useGroupEntry()
  const group = entry?.opened?.canJoin ? entry.opened.group : null
  const here = Taro.getCurrentInstance().router?.path ?? ''
  return group && !here.replace(/^\//, '').startsWith(JOIN_PAGE) ? group : null
}

/**
 * Someone who is not a member yet opened a card from a village's bound group: offered joining that village,
 * with the village already chosen (the join page asks only 户号 and name).
 */
export function GroupJoinOffer() {
  const group = useJoinOffer()
  if (!group) return null
  return (
    <View className="card group-join-offer" role="status">
      <Text className="group-join-offer-text">您是从{group.villageName}监督群里打开的。加入本村监督群后，就能看公开、参加评议。</Text>
      <Button block size="large" type="primary" onClick={() => void Taro.navigateTo({ url: `/${JOIN_PAGE}` })}>
        申请加入{group.villageName}监督群
      </Button>
    </View>
  )
}
