// The village WeChat group (监督群): stored records and the `group` function's actions (issue 19).
import { id, optionalText, z } from '../zod'
import { action } from '../contract/action'
import { cardStates, reachChannels } from './rules'

/**
 * A cloudID from wx.getGroupEnterInfo (or, on the local host in dev mode, `dev-group:<name>`). The server
 * turns it into the group's opengid through cloud open data; an opengid is never taken from the phone. A cloudID
 * is valid five minutes: read a fresh one (wx.getGroupEnterInfo again) right before each call.
 */
export const cloudIdInput = z.string({ error: '没有读到群的信息，请从群里的卡片重新打开' }).trim().min(1, '没有读到群的信息，请从群里的卡片重新打开').max(1024, '群的信息格式不对')

/**
 * A village's bound WeChat group. `_id` is a one-way hash of the group's opengid (core/open-data.ts): a group
 * can be bound to one village at a time, and the opengid itself is stored nowhere.
 */
export const groupBindingSchema = z.object({
  _id: z.string(),
  villageId: z.string(),
  townshipId: z.string(),
  /** what the chair calls it, e.g. 一组群; may be empty */
  label: z.string(),
  status: z.enum(['bound', 'unbound']),
  /** the chair who bound it last (a person id), and their name then */
  boundBy: z.string(),
  boundByName: z.string(),
  boundAt: z.string(),
  unboundAt: z.string().nullable(),
})
export type GroupBinding = z.infer<typeof groupBindingSchema>

/**
 * The last Beijing day a member of a household opened a card from one of its village's bound groups. One
 * record per household (`_id` the household's id), overwritten: no log of who opened what, or when.
 */
export const groupSeenSchema = z.object({
  _id: z.string(),
  villageId: z.string(),
  /** YYYY-MM-DD, Beijing time */
  day: z.string(),
})
export type GroupSeen = z.infer<typeof groupSeenSchema>

/** A round's updatable card (动态消息): `_id` the round's id. Counts only, never choices. */
export const roundCardSchema = z.object({
  _id: z.string(),
  villageId: z.string(),
  state: z.enum(cardStates),
  activityId: z.string().nullable(),
  activityExpiresAt: z.string().nullable(),
  sentParticipants: z.number().int().nullable(),
  sentAt: z.string().nullable(),
  /** activity ids made for the round after the first (rounds longer than a day) */
  renewals: z.number().int(),
  createdAt: z.string(),
})
export type RoundCard = z.infer<typeof roundCardSchema>

const groupView = z.object({
  groupId: z.string(),
  label: z.string(),
  boundBy: z.string(),
  boundAt: z.string(),
})

const templateParameter = z.object({ name: z.enum(['member_count', 'room_limit', 'path', 'version_type']), value: z.string() })

/** The card of a round: what wx.updateShareMenu needs (https://developers.weixin.qq.com/miniprogram/dev/api/share/wx.updateShareMenu.html). */
export const roundCardView = z.object({
  roundId: z.string(),
  title: z.string(),
  closesAt: z.string(),
  state: z.enum(cardStates),
  /** null when degraded or final: share the card as an ordinary one (isUpdatableMessage false) */
  activityId: z.string().nullable(),
  /** templateInfo.parameterList for wx.updateShareMenu while live; empty otherwise */
  parameterList: z.array(templateParameter),
  participants: z.number().int(),
  eligible: z.number().int(),
})

export const groupContract = {
  /**
   * Binds the group the caller opened the binding card in to the caller's village (chair only). Binding a
   * group already bound to this village again (rebinding) records the new who/when; a group bound to another
   * village is refused.
   */
  bind: action(z.object({ cloudId: cloudIdInput, label: optionalText('群的名称', 20) }), z.object({ group: groupView, rebound: z.boolean() })),
  /** The village's bound groups, with who bound each and when. */
  list: action(z.object({}), z.object({ groups: z.array(groupView) })),
  unbind: action(z.object({ groupId: id('群编号') }), z.object({ groupId: z.string() })),
  /**
   * The caller opened a card from a WeChat group. Records, for an active member of that group's village, the
   * household's last day seen in the group (群内活跃户); answers which village the group is bound to, if any,
   * so the app can offer joining with the village already chosen (member.join with `groupCloudId`).
   */
  opened: action(
    z.object({ cloudId: cloudIdInput }),
    z.object({
      group: z.object({ villageId: z.string(), villageName: z.string(), townshipName: z.string(), label: z.string() }).nullable(),
      /** the caller is an active member of that village */
      member: z.boolean(),
      /** the caller may ask to join that village (not a member anywhere, no request waiting) */
      canJoin: z.boolean(),
    }),
  ),
  /** A round's card for sharing into the group: the live turnout's activity id, or an ordinary card. */
  roundCard: action(z.object({ roundId: id('评议编号') }), roundCardView),
}

export const reachChannelSchema = z.enum(reachChannels)
