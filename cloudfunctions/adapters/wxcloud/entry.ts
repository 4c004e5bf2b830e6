import cloud from 'wx-server-sdk'
import type { Area } from '../../core/dispatch'
import { dispatch } from '../../core/dispatch'
import { systemClock } from '../../core/context'
import type { Notifier } from '../../core/notifier'
import type { CodeMaker } from '../../core/codes'
import { cloudFileStore, type CloudStorage } from './files'
import { WxCloudStore, type WxDatabase } from './store'
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

/** A mini-program code whose scene is the village: scanning it opens the village's public page. */
const wxacodes: CodeMaker = {
  async villageCode(villageId, page) {
    const result = (await cloud.openapi.wxacode.getUnlimited({ scene: villageId, page, checkPath: false } as never)) as {
      buffer: Buffer
      contentType?: string
    }
    return `data:${result.contentType ?? 'image/jpeg'};base64,${Buffer.from(result.buffer).toString('base64')}`
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
      return area.timer ? area.timer({ store, clock: systemClock, notifier: subscribeMessages, files: cloudFiles }) : null
    }
    return dispatch(area, event, {
      openid: OPENID || null,
      store,
      clock: systemClock,
      notifier: subscribeMessages,
      codes: wxacodes,
      files: cloudFiles,
    })
  }
}
