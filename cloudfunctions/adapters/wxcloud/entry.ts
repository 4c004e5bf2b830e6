import cloud from 'wx-server-sdk'
import { type Area, dispatch } from '../../core/dispatch'
import { systemClock } from '../../core/context'
import type { Notifier } from '../../core/notifier'
import type { CodeMaker } from '../../core/codes'
import { cloudFileStore, type CloudStorage } from './files'
import { WxCloudStore, type WxDatabase } from './store'
import { opengidOf, type OpenData } from '../../core/open-data'
import type { UpdatableMessages } from '../../core/updatable'
import { templateIdVariable, thingValue, topicOfSubject } from '../../../shared/subscribe'
import { formatBeijingDayTimeFixed } from '../../../shared/time'

/**
 * WeChat subscribe messages. The template (from the mini-program's console)
 * must have a thing1 (title) and time2 (time) field; its id comes from the
 * function's environment: NOTICE_TEMPLATE_ID for announcements, ESCALATION_TEMPLATE_ID
 * for escalation cases (the template the person consented to, shared/subscribe.ts).
 */
const subscribeMessages: Notifier = {
  async send(n) {
    const variable = templateIdVariable(topicOfSubject(n.subject))
    const templateId = process.env[variable]
    if (!templateId) throw new Error(`${variable} is not configured`)
    await cloud.openapi.subscribeMessage.send({
      touser: n.openid,
      templateId,
      page: n.page,
      data: { thing1: { value: thingValue(n.title) }, time2: { value: formatBeijingDayTimeFixed(n.createdAt) } },
    } as never)
  },
}

/**
 * A mini-program code whose scene is the record (at most 32 characters, getUnlimitedQRCode:
 * https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/qrcode-link/qr-code/getUnlimitedQRCode.html).
 */
async function unlimitedCode(scene: string, page: string): Promise<string> {
  const result = (await cloud.openapi.wxacode.getUnlimited({ scene, page, checkPath: false } as never)) as { buffer: Buffer; contentType?: string }
  return `data:${result.contentType ?? 'image/jpeg'};base64,${Buffer.from(result.buffer).toString('base64')}`
}

/** Scanning the village's code opens its public page; a round's code opens the round (a panel member votes). */
const wxacodes: CodeMaker = {
  villageCode: (villageId, page) => unlimitedCode(villageId, page),
  roundCode: (roundId, page) => unlimitedCode(roundId, page),
}

/**
 * Open data by cloudID: `cloud.getOpenData({ list: [cloudID] })` answers `{ list: [{ cloudID, data }] }`
 * (https://developers.weixin.qq.com/miniprogram/dev/wxcloud/reference-sdk-api/open/Cloud.getOpenData.html; wx-server-sdk
 * src/api/open/api/getOpenData.ts parses each item's JSON). The cloudID of wx.getGroupEnterInfo stands for `{ opengid }`
 * (https://developers.weixin.qq.com/miniprogram/dev/api/open-api/group/wx.getGroupEnterInfo.html). A cloudID is valid
 * five minutes (https://docs.cloudbase.net/en/practices/get-wechat-open-data): the app reads a fresh one before each
 * call. A bare `{ opengid }` item is read too. Not verified on a real device.
 */
const cloudOpenData: OpenData = {
  async groupOf(cloudId) {
    const result = (await (cloud as unknown as { getOpenData(o: { list: string[] }): Promise<{ list: unknown[] }> }).getOpenData({ list: [cloudId] })) ?? { list: [] }
    const opengid = opengidOf(result.list[0])
    return opengid ? { opengid } : null
  },
}

/**
 * Updatable messages by cloud call (config.json permissions.openapi lists both):
 * https://developers.weixin.qq.com/miniprogram/dev/api-backend/open-api/updatable-message/updatableMessage.createActivityId.html
 * (answers activity_id and expiration_time, a Unix time in seconds, 24 hours on) and
 * https://developers.weixin.qq.com/miniprogram/dev/api-backend/open-api/updatable-message/updatableMessage.setUpdatableMsg.html
 * The SDK takes and answers camelCase (its param converter). `UPDATABLE_VERSION_TYPE` (develop/trial/release) is
 * the version a final card opens; release unless set.
 */
const cloudUpdatable: UpdatableMessages = {
  versionType: ((v) => (v === 'develop' || v === 'trial' ? v : 'release'))(process.env.UPDATABLE_VERSION_TYPE),
  async createActivityId() {
    const api = cloud.openapi as unknown as { updatableMessage: { createActivityId(o: object): Promise<{ activityId: string; expirationTime: number }> } }
    const { activityId, expirationTime } = await api.updatableMessage.createActivityId({})
    return { activityId, expiresAt: new Date(expirationTime * 1000).toISOString() }
  },
  async setUpdatableMsg(call) {
    const api = cloud.openapi as unknown as { updatableMessage: { setUpdatableMsg(o: object): Promise<unknown> } }
    await api.updatableMessage.setUpdatableMsg({ activityId: call.activityId, targetState: call.targetState, templateInfo: { parameterList: call.parameterList } })
  },
}

/** exports.main of a deployed cloud function: identity is WeChat's OPENID, never the event. */
export function cloudMain(area: Area) {
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string })
  const cloudFiles = cloudFileStore(cloud as unknown as CloudStorage)
  const store = new WxCloudStore(cloud.database({ throwOnNotFound: false } as Parameters<typeof cloud.database>[0]) as unknown as WxDatabase)
  return async (event: unknown) => {
    const { OPENID } = cloud.getWXContext()
    // A timer trigger (config.json "triggers") carries Type: 'Timer' and no caller; a caller cannot pose as one.
    if (!OPENID && (event as { Type?: string } | null)?.Type === 'Timer') {
      return area.timer ? area.timer({ store, clock: systemClock, notifier: subscribeMessages, files: cloudFiles, updatable: cloudUpdatable }) : null
    }
    return dispatch(area, event, {
      openid: OPENID || null,
      store,
      clock: systemClock,
      notifier: subscribeMessages,
      codes: wxacodes,
      files: cloudFiles,
      openData: cloudOpenData,
      updatable: cloudUpdatable,
    })
  }
}
