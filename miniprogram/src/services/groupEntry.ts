import { useSyncExternalStore } from 'react'
import Taro from '@tarojs/taro'
import { devCloudIdOf } from '@shared/group/rules'
import { call, devAuth, session, ApiError, type Output } from './api'

/**
 * Whether this visit came from a card in a WeChat group, and which: the group's cloudID, handed to the server
 * (`group.opened`), which turns it into the group's opengid through cloud open data. The phone never sees or
 * sends an opengid in clear.
 *
 * WeChat: a card shared with withShareTicket and opened in a group launches or shows the app with a
 * `shareTicket` (App.onLaunch / onShow options, scene 1044,
 * https://developers.weixin.qq.com/miniprogram/dev/framework/open-ability/share.html); wx.getGroupEnterInfo then
 * gives the cloudID (base library 2.17.3 for message cards,
 * https://developers.weixin.qq.com/miniprogram/dev/api/open-api/group/wx.getGroupEnterInfo.html).
 *
 * H5 on the local host: `fromGroup=<name>` in the address (before or after the #) simulates opening from group
 * <name>, as `dev-group:<name>`, which only the host's fake resolver understands and only in demo sign-in mode;
 * a host for a real township's data answers it as an unknown group.
 */
export type Opened = Output<'group', 'opened'>

export interface GroupEntry {
  cloudId: string
  /** the page the card opened, without a leading '/' */
  page: string
  query: Record<string, string>
  /** the server's answer, once it came */
  opened: Opened | null
  failure: string
}

let entry: GroupEntry | null = null
const listeners = new Set<() => void>()
let settled: Promise<GroupEntry | null> = Promise.resolve(null)

function set(next: GroupEntry | null): void {
  entry = next
  for (const l of listeners) l()
}

export const currentGroupEntry = (): GroupEntry | null => entry

/** The group entry of this visit, for a page to show (a join offer, a binding). */
export function useGroupEntry(): GroupEntry | null {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l)
      return () => listeners.delete(l)
    },
    () => entry,
  )
}

/**
 * The cloudID of the group when this visit opened `page` from a group card (and the query names the same item),
 * once known: a page's first read can say it came from the group (announcement.open).
 */
export async function cloudIdIfEnteredAt(page: string, key: string, value: string): Promise<string | undefined> {
  // Never held up for long by a platform call that does not answer: the read goes on without the group.
  const e = await Promise.race([settled, new Promise<null>((resolve) => setTimeout(() => resolve(null), 3000))])
  return e && e.page === page && e.query[key] === value ? e.cloudId : undefined
}

/** Records the entry at once (its cloudID is what other reads wait for), then asks the server what the group is. */
function open(cloudId: string, page: string, query: Record<string, string>): GroupEntry {
  const e: GroupEntry = { cloudId, page, query, opened: null, failure: '' }
  set(e)
  call('group', 'opened', { cloudId }).then(
    (opened) => set({ ...e, opened }),
    (error: unknown) => set({ ...e, failure: error instanceof ApiError ? error.message : '没有读到群的信息' }),
  )
  return e
}

/** WeChat: App onShow's options. A visit without a shareTicket did not come from a group card. */
export function enterFromWeChat(options: { shareTicket?: string; path?: string; query?: Record<string, string> } | undefined): void {
  if (!options?.shareTicket) return
  const page = (options.path ?? '').replace(/^\//, '')
  const query = options.query ?? {}
  settled = new Promise<string | undefined>((resolve) => {
    Taro.getGroupEnterInfo({
      success: (res) => resolve((res as { cloudID?: string }).cloudID),
      // 40097 (not a group scene) or 65206 (no longer in the group): nothing from the group.
      fail: () => resolve(undefined),
    })
  }).then((cloudId) => (cloudId ? open(cloudId, page, query) : null))
}

/**
 * The cloudID to hand over now. WeChat's lasts about 5 minutes (README, 发布到微信), and a newcomer may take longer to
 * fill in the join form: in WeChat it is asked for again (the visit's launch is still the group card), else the first.
 */
export function freshCloudId(e: GroupEntry): Promise<string> {
  if (process.env.TARO_ENV !== 'weapp') return Promise.resolve(e.cloudId)
  return new Promise((resolve) => {
    Taro.getGroupEnterInfo({
      success: (res) => resolve((res as { cloudID?: string }).cloudID || e.cloudId),
      fail: () => resolve(e.cloudId),
    })
  })
}

/** The `fromGroup` name in the address, before the # or in the hash's query. */
export function fromGroupOf(search: string, hash: string): string {
  const inSearch = new URLSearchParams(search).get('fromGroup')
  const inHash = new URLSearchParams(hash.split('?')[1] ?? '').get('fromGroup')
  return (inSearch || inHash || '').trim()
}

let lastSimulated = ''

/** H5: the dev simulation, checked at launch and whenever the address changes. */
export function enterFromAddress(): void {
  const name = fromGroupOf(window.location.search, window.location.hash)
  if (!name || name === lastSimulated) return
  lastSimulated = name
  const [path, qs] = window.location.hash.replace(/^#\/?/, '').split('?')
  const query = Object.fromEntries(new URLSearchParams(qs ?? ''))
  delete query.fromGroup
  settled = (async () => {
    // Only a host in demo sign-in mode has the fake resolver (its /api/dev/people answers); elsewhere nothing to simulate.
    const demo = await devAuth.people().then(
      () => true,
      () => false,
    )
    if (!demo) return null
    if (session.token() === '') await devAuth.signIn({ guest: true })
    return open(devCloudIdOf(name), path ?? '', query)
  })()
}
