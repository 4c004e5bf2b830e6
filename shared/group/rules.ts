// The village WeChat group (监督群), as pure rules: free of zod so the mini-program can import them too.
import { DAY_MS, HOUR_MS, beijingDay, type Instant } from '../time'

/** A household counts as 群内活跃户 when a member opened a card from a bound group within this many days. */
export const GROUP_ACTIVE_DAYS = 90

/** The card of a round is updated at most this often while voting (a timer pass decides, see `planCard`). */
export const CARD_UPDATE_EVERY_MS = 5 * 60_000

/**
 * An updatable message's activity id lives 24 hours (createActivityId answers its `expiration_time`;
 * https://developers.weixin.qq.com/miniprogram/dev/api-backend/open-api/updatable-message/updatableMessage.createActivityId.html).
 * It is renewed when less than this is left, so a card shared late in the day is still updatable for a while.
 */
export const ACTIVITY_RENEW_MARGIN_MS = 2 * HOUR_MS
export const ACTIVITY_LIFETIME_MS = 24 * HOUR_MS

/**
 * The round card's state. `live`: an activity id exists and the card shows turnout (WeChat's fixed template,
 * target_state 0: 成员正在加入，当前 {member_count}/{room_limit} 人). `final`: the round closed and the card
 * was switched to target_state 1 (the platform's fixed text is 已开始; what it means here the title says).
 * `degraded`: no activity id could be had (the capability is missing or the call failed): the card is shared
 * as an ordinary card, its title and cover carrying the subject and the closing time.
 */
export const cardStates = ['live', 'final', 'degraded'] as const
export type CardState = (typeof cardStates)[number]

/** How a household first reached an announcement: the group card, a subscribe message, or the app itself. */
export const reachChannels = ['group', 'message', 'app'] as const
export type ReachChannel = (typeof reachChannels)[number]

/**
 * A dev-mode cloudID: on the local host (demo sign-in only) `dev-group:<name>` stands for "opened from group
 * <name>"; the fake resolver turns it into a fake opengid. Another name is simply another group.
 */
export const DEV_GROUP_PREFIX = 'dev-group:'
export const devCloudIdOf = (groupName: string): string => `${DEV_GROUP_PREFIX}${groupName}`

/** The first Beijing day that still counts as active on `now`'s day. */
export const activeSinceDay = (now: Instant): string => beijingDay(new Date(new Date(now).getTime() - (GROUP_ACTIVE_DAYS - 1) * DAY_MS))

/** Whether a household last seen on `lastSeenDay` (YYYY-MM-DD, Beijing) is active on `now`. */
export const isActiveInGroup = (lastSeenDay: string | null, now: Instant): boolean => lastSeenDay !== null && lastSeenDay >= activeSinceDay(now)

/** What the server last did with a round's card. */
export interface CardRecord {
  state: CardState
  activityId: string | null
  /** ISO instant the activity id stops being updatable */
  activityExpiresAt: string | null
  /** the participants figure last sent, and when; null before the first update */
  sentParticipants: number | null
  sentAt: string | null
}

/** The round as far as its card is concerned. */
export interface CardRound {
  status: 'open' | 'counting' | 'closed'
  /** households that took part so far */
  participants: number
  /** households eligible when the round opened */
  eligible: number
}

/**
 * What to do with a round's card on a pass, at `now`:
 * - `final`: the round stopped and the card (with a live id) was not switched yet;
 * - `renew`: still voting and the id is (nearly) expired: a new id for cards shared from now on (cards already
 *   in the group keep their last figure; the platform cannot update an expired id);
 * - `update`: turnout changed and the last update is at least CARD_UPDATE_EVERY_MS old;
 * - `retire`: the round is over but its id expired before the final state was sent: nothing can be sent;
 * - `none`: nothing to do (degraded, already final, or throttled).
 */
export type CardPlan = 'final' | 'renew' | 'update' | 'retire' | 'none'

export function planCard(card: CardRecord, round: CardRound, now: Instant): CardPlan {
  if (card.state !== 'live' || card.activityId === null) return 'none'
  const at = new Date(now).getTime()
  const expired = card.activityExpiresAt === null || Date.parse(card.activityExpiresAt) <= at
  if (round.status !== 'open') return expired ? 'retire' : 'final'
  if (Date.parse(card.activityExpiresAt ?? '') - at < ACTIVITY_RENEW_MARGIN_MS) return 'renew'
  if (card.sentParticipants === round.participants) return 'none'
  if (card.sentAt !== null && at - Date.parse(card.sentAt) < CARD_UPDATE_EVERY_MS) return 'none'
  return 'update'
}

/** One parameter of the updatable message's template (template_info.parameter_list). */
export interface TemplateParameter {
  name: 'member_count' | 'room_limit' | 'path' | 'version_type'
  value: string
}

/**
 * The template's parameters for a live card: turnout as participants of eligible households, nothing else.
 * Nothing about any household's choice can be here: the inputs are two counts.
 * https://developers.weixin.qq.com/miniprogram/dev/api-backend/open-api/updatable-message/updatableMessage.setUpdatableMsg.html
 */
export const liveParameters = (participants: number, eligible: number): TemplateParameter[] => [
  { name: 'member_count', value: String(participants) },
  { name: 'room_limit', value: String(Math.max(eligible, participants)) },
]

/** target_state 1 needs the page the card opens and the version (release in production). */
export const finalParameters = (path: string, versionType: 'develop' | 'trial' | 'release'): TemplateParameter[] => [
  { name: 'path', value: path },
  { name: 'version_type', value: versionType },
]

/** The page a round card opens. */
export const roundCardPath = (roundId: string): string => `packages/evaluation/round/index?roundId=${encodeURIComponent(roundId)}`
