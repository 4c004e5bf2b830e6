import type { PropsWithChildren } from 'react'
import Taro, { useDidShow, useLaunch } from '@tarojs/taro'
import { applyTextScale } from './services/textScale'
import { watchPrivacyRequests } from './services/privacy'
import { QueryClientProvider } from '@tanstack/react-query'
import { queryClient, wirePlatform } from './services/queries/client'
import { dropLegacyCopies } from './services/queries/offlineCopy'
import { enterFromAddress, enterFromWeChat } from './services/groupEntry'
import './app.css'

/**
 * H5: pages scroll inside their own box; a box that scrolls must take
 * keyboard focus, or a keyboard user cannot scroll it.
 */
function focusableScrollers(): void {
  const mark = () => {
    document.querySelectorAll('.taro_page:not([tabindex]), .chip-row-scroll:not([tabindex])').forEach((el) => {
      el.setAttribute('tabindex', '0')
    })
  }
  new MutationObserver(mark).observe(document.body, { childList: true, subtree: true })
  mark()
}

// Before any page renders: the query client must know the platform's focus and network signals from the start.
wirePlatform()

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    applyTextScale()
    dropLegacyCopies()
    if (process.env.TARO_ENV !== 'weapp') {
      focusableScrollers()
      // The dev simulation of opening a card from a WeChat group (services/groupEntry.ts).
      enterFromAddress()
      window.addEventListener('hashchange', enterFromAddress)
    }
    if (process.env.TARO_ENV === 'weapp') {
      watchPrivacyRequests()
      // Calls go to the cloud functions of this environment (the default one when unset).
      Taro.cloud.init(process.env.TARO_APP_CLOUD_ENV ? { env: process.env.TARO_APP_CLOUD_ENV } : {})
    }
  })
  // App.onShow: a card opened from a group brings a shareTicket, on launch and when the app was already running.
  useDidShow((options) => {
    if (process.env.TARO_ENV === 'weapp') enterFromWeChat(options as Parameters<typeof enterFromWeChat>[0])
  })
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
}

export default App
