import cloud from 'wx-server-sdk'
import type { Area } from '../../core/dispatch'
import { dispatch } from '../../core/dispatch'
import { systemClock } from '../../core/context'
import { WxCloudStore, type WxDatabase } from './store'

/** exports.main of a deployed cloud function: identity is WeChat's OPENID, never the event. */
export function cloudMain(area: Area) {
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string })
  const store = new WxCloudStore(cloud.database({ throwOnNotFound: false } as Parameters<typeof cloud.database>[0]) as unknown as WxDatabase)
  return async (event: unknown) => {
    const { OPENID } = cloud.getWXContext()
    return dispatch(area, event, { openid: OPENID || null, store, clock: systemClock })
  }
}
