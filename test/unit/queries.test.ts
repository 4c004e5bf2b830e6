/*
 * The app's data layer on TanStack Query (miniprogram/src/services/queries): the keys reads are cached and kept
 * under, the copy kept on the phone for offline reading, the retry schedule of a submission, and the small abort
 * controller WeChat needs. Taro's storage is a Map here; everything else is the real code.
 */
const storage = new Map<string, unknown>()
jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  default: {
    getStorageSync: (key: string) => (storage.has(key) ? storage.get(key) : ''),
    setStorageSync: (key: string, value: unknown) => void storage.set(key, JSON.parse(JSON.stringify(value))),
    removeStorageSync: (key: string) => void storage.delete(key),
    getStorageInfoSync: () => ({ keys: [...storage.keys()] }),
  },
}))

import { MutationObserver, QueryClient, partialMatchKey } from '@tanstack/react-query'
import { ApiError } from '../../miniprogram/src/services/api'
import { COPY_PREFIX, copyKey, dropLegacyCopies, fromCopy, readWithCopy } from '../../miniprogram/src/services/queries/offlineCopy'
import { pagedRead, readKey } from '../../miniprogram/src/services/queries/read'
import { RETRY_DELAYS, retrySubmission, submissionRetryDelay } from '../../miniprogram/src/services/queries/retry'
import { sessionHash } from '../../miniprogram/src/services/queries/client'
import { SmallAbortController, ensureAbortController } from '../../miniprogram/src/services/queries/abort'
import { LINK_SECONDS } from '../../miniprogram/src/services/savedLinks'

beforeEach(() => storage.clear())

describe('query keys', () => {
  it('name the area, the action and the input, so a write can refresh a whole area or one action', () => {
    const key = readKey('announcement', 'open', { announcementId: 'a1' })
    expect(key).toEqual(['announcement', 'open', { announcementId: 'a1' }])
    expect(partialMatchKey(key, ['announcement'])).toBe(true)
    expect(partialMatchKey(key, ['announcement', 'open'])).toBe(true)
    expect(partialMatchKey(key, ['disclosure'])).toBe(false)
  })

  it('keep a paged list apart from the plain read of the same action (the cache holds them in other shapes)', () => {
    const paged = pagedRead('announcement', 'list', {}).queryKey
    expect(paged).not.toEqual(readKey('announcement', 'list', {}))
    expect(partialMatchKey(paged, ['announcement', 'list'])).toBe(true)
  })

  it("belong to the person signed in: another session token never finds the first person's answers", () => {
    const key = readKey('member', 'me', {})
    expect(sessionHash(key, 'token-a')).toBe(sessionHash(key, 'token-a'))
    expect(sessionHash(key, 'token-a')).not.toBe(sessionHash(key, 'token-b'))
    expect(sessionHash(key, '')).not.toBe(sessionHash(key, 'token-a'))
  })
})

describe('the copy kept on the phone for offline reading', () => {
  const announcement = { announcementId: 'a1', title: '停水通知', attachment: { fileId: 'cloud://e/a.jpg', url: 'https://x/a.jpg?sign=1' } }
  const offline = (): Promise<typeof announcement> => Promise.reject(new ApiError('NETWORK', '网络不太好'))

  it('has its own storage keys, one per query and page, whatever the order of the input fields', () => {
    const key = copyKey(['power', 'list', { villageId: 'v1', category: 'c' }])
    expect(key.startsWith(COPY_PREFIX)).toBe(true)
    expect(key).toBe(copyKey(['power', 'list', { category: 'c', villageId: 'v1' }]))
    expect(copyKey(['announcement', 'list', {}], null)).not.toBe(copyKey(['announcement', 'list', {}], 'cursor-2'))
    for (const appKey of ['session-token', 'text-scale']) expect(key).not.toBe(appKey)
  })

  it('answers a network failure with the last answer, marked with when it was saved', async () => {
    const key = copyKey(readKey('announcement', 'open', { announcementId: 'a1' }))
    await expect(readWithCopy(key, () => Promise.resolve(announcement))).resolves.toEqual(announcement)
    const answer = await readWithCopy(key, offline)
    expect(answer).toEqual({ ...announcement, offlineAt: expect.any(String) })
    expect(Date.now() - Date.parse(answer.offlineAt!)).toBeLessThan(5000)
  })

  it('lets the network error stand when nothing was saved, and never covers up a refusal', async () => {
    const key = copyKey(readKey('announcement', 'open', { announcementId: 'a1' }))
    await expect(readWithCopy(key, offline)).rejects.toMatchObject({ code: 'NETWORK' })
    await readWithCopy(key, () => Promise.resolve(announcement))
    await expect(readWithCopy(key, () => Promise.reject(new ApiError('FORBIDDEN', '无权查看')))).rejects.toMatchObject({ code: 'FORBIDDEN' })
  })

  it('drops photo links once they may have expired', () => {
    const at = new Date(Date.now() - (LINK_SECONDS + 1) * 1000).toISOString()
    expect(fromCopy({ data: { items: [announcement.attachment], title: 't' }, at }, new Date())).toEqual({ items: [], title: 't', offlineAt: at })
  })

  it("drops the hand-made cache's old copies at launch and nothing else", () => {
    storage.set('offline:power.list:{}', { data: 1, at: '' })
    storage.set('session-token', 't')
    storage.set('text-scale', 'large')
    storage.set(copyKey(['power', 'list', {}]), { data: 1, at: '' })
    dropLegacyCopies()
    expect([...storage.keys()].sort()).toEqual([copyKey(['power', 'list', {}]), 'session-token', 'text-scale'].sort())
  })
})

describe('the retry schedule of a submission', () => {
  const network = new ApiError('NETWORK', '网络不太好')

  it('retries only a network failure by itself, about a minute in all, then leaves it to the person', () => {
    expect(RETRY_DELAYS.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(50_000)
    expect(RETRY_DELAYS.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(70_000)
    expect(RETRY_DELAYS.map((_, i) => retrySubmission(i, network))).toEqual(RETRY_DELAYS.map(() => true))
    expect(retrySubmission(RETRY_DELAYS.length, network)).toBe(false)
    expect(retrySubmission(0, new ApiError('BUSY', '服务器忙'))).toBe(false)
    expect(retrySubmission(0, new ApiError('FORBIDDEN', '无权'))).toBe(false)
  })

  it('sends the same request seven times over a minute with TanStack Query, then fails', async () => {
    jest.useFakeTimers()
    try {
      const client = new QueryClient()
      const sent: number[] = []
      const start = Date.now()
      const observer = new MutationObserver(client, {
        mutationFn: () => {
          sent.push(Date.now() - start)
          return Promise.reject(network)
        },
        retry: retrySubmission,
        retryDelay: submissionRetryDelay,
        networkMode: 'always',
      })
      const done = observer.mutate().catch((e: unknown) => e)
      await jest.advanceTimersByTimeAsync(RETRY_DELAYS.reduce((a, b) => a + b, 0) + 1000)
      await expect(done).resolves.toBe(network)
      let waited = 0
      expect(sent).toEqual([0, ...RETRY_DELAYS.map((d) => (waited += d))])
    } finally {
      jest.useRealTimers()
    }
  })
})

describe('the abort controller WeChat lacks', () => {
  it('tells its listeners once, with the reason', () => {
    const controller = new SmallAbortController()
    const heard: unknown[] = []
    controller.signal.addEventListener('abort', () => heard.push(controller.signal.reason))
    controller.abort('gone')
    controller.abort('again')
    expect([controller.signal.aborted, heard]).toEqual([true, ['gone']])
  })

  it('is installed only where the engine has none', () => {
    const bare: Record<string, unknown> = {}
    ensureAbortController(bare)
    expect(bare.AbortController).toBe(SmallAbortController)
    const browser: Record<string, unknown> = { AbortController }
    ensureAbortController(browser)
    expect(browser.AbortController).toBe(AbortController)
  })
})
