import Taro from '@tarojs/taro'
import { QueryClient, environmentManager, focusManager, hashKey, onlineManager, type QueryKey } from '@tanstack/react-query'
import { session } from '../api'
import { ensureAbortController } from './abort'

/*
 * The one query client of the app and the two signals TanStack Query needs from the platform: when the app is in
 * front (a page shown again refetches what it shows) and whether there is a network.
 */

/** How long a read's answer counts as current; a page shown again after this refetches it. */
export const FRESH_MS = 0

/**
 * A cached answer belongs to the person who asked: in the browser one can sign in as someone else (pages/login),
 * so the session token is part of every cache entry's hash and one person's answers are never shown to the next.
 * In WeChat the caller is the WeChat user and there is no token.
 */
export const sessionHash = (queryKey: QueryKey, token: string): string => hashKey([token, ...queryKey])

const currentToken = (): string => (process.env.TARO_ENV === 'h5' ? session.token() : '')

export function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Fetch even when the platform says there is no network: the fetcher then answers from the phone's copy
        // (offlineCopy.ts), which a paused query ('online' mode) would never reach.
        networkMode: 'always',
        queryKeyHashFn: (queryKey) => sessionHash(queryKey, currentToken()),
        staleTime: FRESH_MS,
        // A failed read is shown with its reason and a retry button at once, as before; nothing is retried behind
        // the person's back.
        retry: false,
        refetchOnWindowFocus: true,
        refetchOnReconnect: true,
      },
      mutations: { networkMode: 'always' },
    },
  })
}

export const queryClient = makeQueryClient()

let wired = false

/** Called once at launch (app.tsx). */
export function wirePlatform(): void {
  if (wired) return
  wired = true
  ensureAbortController()
  // In WeChat there is no `window` unless Taro provides one; either way this is a client, never a server render.
  environmentManager.setIsServer(() => false)

  // The app coming back to the front (Taro.onAppShow: wx.onAppShow, https://developers.weixin.qq.com/miniprogram/dev/api/base/app/app-event/wx.onAppShow.html)
  // counts as focus; a page shown again within the app resubscribes its queries (usePageShown in hooks.ts).
  focusManager.setEventListener((setFocused) => {
    const shown = () => setFocused(true)
    const hidden = () => setFocused(false)
    Taro.onAppShow(shown)
    Taro.onAppHide(hidden)
    return () => {
      Taro.offAppShow(shown)
      Taro.offAppHide(hidden)
    }
  })

  // In WeChat, wx.onNetworkStatusChange reports `isConnected` on every change
  // (https://developers.weixin.qq.com/miniprogram/dev/api/device/network/wx.onNetworkStatusChange.html). In the
  // browser TanStack Query's own listener (the window's online/offline events) stays: Taro's H5 version of that API
  // listens only to navigator.connection. Coming back online refetches what is on screen.
  if (process.env.TARO_ENV === 'weapp') {
    onlineManager.setEventListener((setOnline) => {
      const changed = (res: { isConnected: boolean }) => setOnline(res.isConnected)
      Taro.onNetworkStatusChange(changed)
      return () => Taro.offNetworkStatusChange(changed)
    })
  }
}
