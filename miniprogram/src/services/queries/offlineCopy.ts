import Taro from '@tarojs/taro'
import { hashKey, type QueryKey } from '@tanstack/react-query'
import { ApiError } from '../api'
import { withoutExpiredLinks } from '../savedLinks'

/*
 * The persisted part of the query cache: the last answer of each query marked for offline reading, kept in
 * Taro storage so it stays readable without a network. Only a query's own fetch writes it, and only a network
 * failure reads it back: an answer from the phone is always marked with when it was saved (`offlineAt`), and a
 * fresh start never shows old data as if it were current (which restoring the whole cache at launch, as
 * @tanstack/query-persist-client does, would).
 */

/** Storage keys of the offline copies; the app's other keys (`session-token`, `text-scale`) are never touched. */
export const COPY_PREFIX = 'query-cache:'
/** Copies written before the app's reads moved to TanStack Query (services/offline.ts): dropped at launch. */
const LEGACY_PREFIX = 'offline:'

interface Saved<T> {
  data: T
  at: string
}

/** A read answered from the phone's copy: when that copy was saved. */
export type Offline<T> = T & { offlineAt?: string }

/** One storage key per query and page (a paged list keeps each page it read), stable whatever the order of an input's fields. */
export const copyKey = (queryKey: QueryKey, pageParam?: unknown): string => COPY_PREFIX + hashKey(pageParam === undefined ? queryKey : [...queryKey, { page: pageParam }])

/** The saved answer as shown offline: marked with when it was saved, without file links that may have expired. */
export function fromCopy<T>(saved: Saved<T>, now: Date): Offline<T> {
  return Object.assign({}, withoutExpiredLinks(saved.data, saved.at, now), { offlineAt: saved.at }) as Offline<T>
}

/** Which stored keys are stale copies to drop at launch. */
export const isLegacyCopy = (key: string): boolean => key.startsWith(LEGACY_PREFIX)

/**
 * Reads through the copy kept under `key`: keeps a fresh answer on the phone and, when the network is down,
 * answers with the last copy instead; without one, the network error stands. Other errors (no permission, not
 * found) are never covered up.
 */
export async function readWithCopy<T>(key: string, fetch: () => Promise<T>): Promise<Offline<T>> {
  try {
    const data = await fetch()
    try {
      Taro.setStorageSync(key, { data, at: new Date().toISOString() } satisfies Saved<T>)
    } catch {
      // A full storage only costs the offline copy.
    }
    return data as Offline<T>
  } catch (error) {
    const saved = error instanceof ApiError && error.code === 'NETWORK' ? (Taro.getStorageSync(key) as Saved<T> | '') : ''
    if (!saved) throw error
    return fromCopy(saved, new Date())
  }
}

/** Drops the copies of the hand-made cache this one replaced. */
export function dropLegacyCopies(): void {
  try {
    for (const key of Taro.getStorageInfoSync().keys.filter(isLegacyCopy)) Taro.removeStorageSync(key)
  } catch {
    // Nothing to drop, or storage unreadable: the old copies only take room.
  }
}
