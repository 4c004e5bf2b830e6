// Chinese words for the village group, zod-free so the mini-program can show them.
import type { CardState, ReachChannel } from './rules'

/** How a join request made after opening a card from the village's bound group is marked for the chair. */
export const FROM_GROUP_LABEL = '从本村监督群进入'

/** The coverage figure's name: households with a member seen opening from a bound group lately. */
export const GROUP_ACTIVE_LABEL = '群内活跃户'

export const cardStateLabels: Record<CardState, string> = {
  live: '群里的卡片会显示参评户数',
  final: '评议已结束，群里的卡片已改为结束状态',
  degraded: '群里的卡片不显示实时参评户数',
}

export const reachChannelLabels: Record<ReachChannel, string> = {
  group: '从村监督群的卡片打开',
  message: '从微信提醒打开',
  app: '在小程序里打开',
}
