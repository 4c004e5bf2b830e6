import { useInfiniteQuery, useQuery, useQueryClient, type InfiniteData, type QueryKey, type UseQueryOptions } from '@tanstack/react-query'
import { usePageShown } from '../../hooks/usePageShown'
import type { Offline } from './offlineCopy'

/** A read shown on a page: fetched on mount, and again whenever the page is shown after being covered. */
export function usePageQuery<T, D = T, K extends QueryKey = QueryKey>(options: UseQueryOptions<T, Error, D, K>) {
  const subscribed = usePageShown()
  return useQuery({ ...options, subscribed })
}

/**
 * A list read page by page with the server's cursor (`{ items, nextCursor }`), for the 加载更多 button: the first
 * page on mount and when the key changes, the next on `loadMore`, all of them again when the page is shown again
 * or `refresh` is called (the rows stay on screen until they arrive).
 */
export function usePagedQuery<P extends { nextCursor: string | null; items: readonly unknown[] }>(
  { queryKey, fetchPage }: { queryKey: QueryKey; fetchPage: (cursor: string | null) => Promise<P> },
  { enabled = true }: { enabled?: boolean } = {},
) {
  const subscribed = usePageShown()
  const client = useQueryClient()
  const query = useInfiniteQuery({
    queryKey,
    queryFn: ({ pageParam }) => fetchPage(pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last: P) => last.nextCursor ?? undefined,
    enabled,
    subscribed,
  })
  const pages = query.data?.pages ?? []
  const last = pages[pages.length - 1]
  return {
    items: pages.flatMap((p) => p.items as P['items'][number][]),
    /** The first page as it came (for what it says about the whole list, e.g. an unread count). */
    first: pages[0] as Offline<P> | undefined,
    nextCursor: last?.nextCursor ?? null,
    loaded: query.data !== undefined,
    // A failed next page is `moreError`, under the rows; any other failure is the page's.
    error: query.isFetchNextPageError ? null : query.error,
    offlineAt: (pages[0] as Offline<P> | undefined)?.offlineAt ?? null,
    loadingMore: query.isFetchingNextPage,
    moreError: query.isFetchNextPageError ? query.error : null,
    refresh: () => void query.refetch(),
    /** Takes rows off the list at once (one just decided elsewhere on the page), without waiting for a refetch. */
    drop: (gone: (item: P['items'][number]) => boolean) =>
      client.setQueryData<InfiniteData<P, string | null>>(queryKey, (data) =>
        data ? { ...data, pages: data.pages.map((page) => ({ ...page, items: page.items.filter((item) => !gone(item)) })) } : data,
      ),
    loadMore: () => {
      if (query.hasNextPage && !query.isFetchingNextPage) void query.fetchNextPage()
    },
  }
}
