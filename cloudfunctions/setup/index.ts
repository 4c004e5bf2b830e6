import cloud from 'wx-server-sdk'
import { WxCloudStore, type WxDatabase } from '../adapters/wxcloud/store'
import { handleSetupEvent } from './main'

cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string })
const store = new WxCloudStore(cloud.database({ throwOnNotFound: false } as Parameters<typeof cloud.database>[0]) as unknown as WxDatabase)

export const main = (event: unknown) => handleSetupEvent(store, event, process.env.SETUP_SECRET, new Date())
