import type { PropsWithChildren } from 'react'
import Taro, { useLaunch } from '@tarojs/taro'
import './app.css'

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    if (process.env.TARO_ENV === 'weapp') {
      // Calls go to the cloud functions of this environment (the default one when unset).
      Taro.cloud.init(process.env.TARO_APP_CLOUD_ENV ? { env: process.env.TARO_APP_CLOUD_ENV } : {})
    }
  })
  return children
}

export default App
