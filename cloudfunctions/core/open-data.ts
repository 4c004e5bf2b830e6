import { DEV_GROUP_PREFIX } from '../../shared/group/rules'
import { sha256 } from './hash'

/**
 * Turns a cloudID the phone got from WeChat into the open data it stands for; here, the group a card was opened
 * in (wx.getGroupEnterInfo answers `cloudID`, whose data is `{ opengid }`:
 * https://developers.weixin.qq.com/miniprogram/dev/api/open-api/group/wx.getGroupEnterInfo.html). In the cloud
 * the function resolves it with `cloud.getOpenData({ list: [cloudID] })` (wx-server-sdk, src/api/open/api/getOpenData.ts;
 * https://developers.weixin.qq.com/miniprogram/dev/wxcloud/reference-sdk-api/open/Cloud.getOpenData.html), so an
 * opengid is never taken from the phone in clear. Null when the cloudID gives no group (expired, forged,
 * another kind of data, or no resolver on this host).
 */
export interface OpenData {
  groupOf(cloudId: string): Promise<{ opengid: string } | null>
}

/**
 * How a group is stored and compared: a one-way hash of its opengid, so the stored records never hold the
 * group's id itself (privacy: README 隐私).
 */
export const groupKeyOf = (opengid: string): string => sha256(`group:${opengid}`)

/** No open data on this host (the local host outside demo sign-in): nothing is from a group. */
export const noOpenData: OpenData = { groupOf: async () => null }

/**
 * The local host's fake, accepted only in demo/dev sign-in (host/server.ts): `dev-group:<name>` is "opened from
 * group <name>"; any other cloudID resolves to nothing. Another name is simply another group.
 */
export const devOpenData: OpenData = {
  async groupOf(cloudId) {
    if (!cloudId.startsWith(DEV_GROUP_PREFIX)) return null
    const name = cloudId.slice(DEV_GROUP_PREFIX.length).trim()
    return name ? { opengid: `dev-opengid:${name}` } : null
  },
}

/**
 * The opengid in one item of `cloud.getOpenData`'s answer: `{ cloudID, data: { opengid } }` as documented
 * (https://developers.weixin.qq.com/miniprogram/dev/wxcloud/reference-sdk-api/open/Cloud.getOpenData.html), or a bare
 * `{ opengid }`; null for anything else (another kind of open data, an error item).
 */
export function opengidOf(item: unknown): string | null {
  if (item === null || typeof item !== 'object') return null
  const { opengid, data } = item as { opengid?: unknown; data?: { opengid?: unknown } | null }
  const found = typeof data === 'object' && data !== null ? data.opengid : opengid
  return typeof found === 'string' && found.length > 0 ? found : null
}
