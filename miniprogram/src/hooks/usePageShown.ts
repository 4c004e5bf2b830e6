import { useState } from 'react'
import { useDidHide, useDidShow } from '@tarojs/taro'

/**
 * Whether the page this component is on is the one on screen. A page under another one in the stack stays
 * mounted; its queries unsubscribe while it is hidden and, subscribing again when it is shown, refetch what is
 * stale (TanStack Query's `subscribed` option, the pattern its docs give for React Native screens).
 */
export function usePageShown(): boolean {
  const [shown, setShown] = useState(true)
  useDidShow(() => setShown(true))
  useDidHide(() => setShown(false))
  return shown
}
