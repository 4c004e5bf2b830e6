import { useCallback, useEffect, useRef, useState } from 'react'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { messageOf } from './PageShell'

export interface CursorPage<T> {
  items: T[]
  nextCursor: string | null
}

/**
 * A list read page by page with the server's cursor. The first page loads on
 * mount and whenever `deps` change (the list is cleared first); `refresh`
 * reloads the first page but keeps the rows on screen until it arrives.
 */
export function usePaged<T>(load: (cursor: string | null) => Promise<CursorPage<T>>, deps: readonly unknown[] = []) {
  const [items, setItems] = useState<T[]>([])
  const [nextCursor, setNextCursor] = useState<string | null>(null)
  const [loaded, setLoaded] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const [loadingMore, setLoadingMore] = useState(false)
  const [moreError, setMoreError] = useState<unknown>(null)
  // Set when the first page came from the phone's saved copy (see services/offline).
  const [offlineAt, setOfflineAt] = useState<string | null>(null)
  const ticket = useRef(0)
  const loadRef = useRef(load)
  loadRef.current = load

  const refresh = useCallback(() => {
    const mine = ++ticket.current
    setLoadingMore(false)
    setMoreError(null)
    loadRef
      .current(null)
      .then((page) => {
        if (mine !== ticket.current) return
        setItems(page.items)
        setNextCursor(page.nextCursor)
        setOfflineAt((page as { offlineAt?: string }).offlineAt ?? null)
        setError(null)
        setLoaded(true)
      })
      .catch((e: unknown) => {
        if (mine === ticket.current) setError(e)
      })
  }, [])

  useEffect(() => {
    setItems([])
    setNextCursor(null)
    setLoaded(false)
    setError(null)
    refresh()
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps)

  const loadMore = useCallback(() => {
    if (!nextCursor || loadingMore) return
    const mine = ticket.current
    setLoadingMore(true)
    setMoreError(null)
    loadRef
      .current(nextCursor)
      .then((page) => {
        if (mine !== ticket.current) return
        setItems((prev) => [...prev, ...page.items])
        setNextCursor(page.nextCursor)
      })
      .catch((e: unknown) => {
        if (mine === ticket.current) setMoreError(e)
      })
      .finally(() => {
        if (mine === ticket.current) setLoadingMore(false)
      })
  }, [nextCursor, loadingMore])

  return { items, setItems, nextCursor, loaded, error, offlineAt, loadingMore, moreError, refresh, loadMore }
}

interface LoadMoreProps {
  hasMore: boolean
  loading: boolean
  error?: unknown
  onLoad: () => void
}

/** The "加载更多" button under a paged list; shows why the next page failed, if it did. */
export function LoadMore({ hasMore, loading, error, onLoad }: LoadMoreProps) {
  if (!hasMore) return null
  return (
    <View className="load-more">
      {error ? (
        <Text className="error-text load-more-error">
          {messageOf(error)}
        </Text>
      ) : null}
      <Button block size="large" fill="outline" type="primary" loading={loading} onClick={onLoad}>
        {error ? '重新加载' : '加载更多'}
      </Button>
    </View>
  )
}
