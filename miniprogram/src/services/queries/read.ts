import { queryOptions } from '@tanstack/react-query'
import { call, type ActionOf, type Area, type Input, type Output } from '../api'
import { copyKey, readWithCopy, type Offline } from './offlineCopy'

/** Every read's key: `[area, action, input]`, so a write can refresh a whole area (`[area]`) or one action. */
export const readKey = <A extends Area, K extends ActionOf<A>>(area: A, action: K, input: Input<A, K>) => [area, action, input] as const

/** A read of one action, optionally kept on the phone for offline reading (offlineCopy.ts). */
export function readQuery<A extends Area, K extends ActionOf<A>>(area: A, action: K, input: Input<A, K>, { offline = false } = {}) {
  const queryKey = readKey(area, action, input)
  const fetch = () => call(area, action, input) as Promise<Offline<Output<A, K>>>
  return queryOptions<Offline<Output<A, K>>>({
    queryKey,
    queryFn: offline ? () => readWithCopy(copyKey(queryKey), fetch) : fetch,
  })
}

/** A cursor-paged read (`input.cursor`) for usePagedQuery: its key and page fetcher, each page kept offline when asked. */
export function pagedRead<A extends Area, K extends ActionOf<A>>(area: A, action: K, input: Omit<Input<A, K>, 'cursor'>, { offline = false } = {}) {
  // Marked apart from the plain read of the same input: a list of pages is cached in another shape.
  const queryKey = [...readKey(area, action, input as Input<A, K>), 'pages'] as const
  const fetch = (cursor: string | null) => call(area, action, { ...input, cursor } as Input<A, K>) as Promise<Offline<Output<A, K>>>
  return {
    queryKey,
    fetchPage: (cursor: string | null): Promise<Offline<Output<A, K>>> => (offline ? readWithCopy(copyKey(queryKey, cursor), () => fetch(cursor)) : fetch(cursor)),
  }
}
