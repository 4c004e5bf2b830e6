import Taro from '@tarojs/taro'
import { ApiError, call, type ActionOf, type Area, type Input, type Output } from './api'
import { withoutExpiredLinks } from './savedLinks'

/** What was last read, kept on the phone so it stays readable without a network. */
interface Saved<T> {
  data: T
  at: string
}

/** A read answered from the phone's copy: when that copy was saved. */
export type Offline<T> = T & { offlineAt?: string }

const keyOf = (area: string, action: string, input: unknown) => `offline:${area}.${action}:${JSON.stringify(input)}`

/**
 * Calls a read action and keeps its answer on the phone. When the network is
 * down, answers with the last copy instead, marked with when it was saved
 * (and without photos whose links may have expired, services/savedLinks.ts);
 * without one, the network error stands.
 */
export async function readThrough<A extends Area, K extends ActionOf<A>>(area: A, action: K, input: Input<A, K>): Promise<Offline<Output<A, K>>> {
  const key = keyOf(area, action, input)
  try {
    const data = (await call(area, action, input)) as Output<A, K>
    try {
      Taro.setStorageSync(key, { data, at: new Date().toISOString() } satisfies Saved<Output<A, K>>)
    } catch {
      // A full storage only costs the offline copy.
    }
    return data as Offline<Output<A, K>>
  } catch (error) {
    const saved = error instanceof ApiError && error.code === 'NETWORK' ? (Taro.getStorageSync(key) as Saved<Output<A, K>> | '') : ''
    if (!saved) throw error
    // The copy's file links may have expired since it was saved: those files are left out.
    return Object.assign({}, withoutExpiredLinks(saved.data, saved.at, new Date()), { offlineAt: saved.at }) as Offline<Output<A, K>>
  }
}
