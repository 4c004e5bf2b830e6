import type { Page } from 'playwright-core'
import type { DevPerson } from '../../shared/dev/schema'
import { useHostAndBrowser } from './support/session'
import { apiFor } from './support/api'
import { button, current, dialogButton, errorsOf, phonePage, screenshot, signInAs, textarea } from './support/browser'

const live = useHostAndBrowser()

/** Taps counted from the home page: each is one click on something the villager sees. */
async function tapsTo(page: Page, steps: ((p: Page) => Promise<void>)[], arrived: (p: Page) => Promise<void>): Promise<number> {
  await page.goto(`${live.host.url}/#/pages/index/index`)
  await page.locator('.nut-cell').first().waitFor()
  for (const step of steps) await step(page)
  await arrived(page)
  return steps.length
}

const tapEntry = (title: string) => (p: Page) =>
  current(p)
    .locator('.nut-cell')
    .filter({ has: p.getByText(title, { exact: true }) })
    .click()
const tapFirst = (selector: string) => (p: Page) => current(p).locator(selector).first().click()

describe('a villager far from town, on an old phone with a weak signal', () => {
  let villager: Page
  let roundId = ''
  const api = () => apiFor(live.host.url)

  beforeAll(async () => {
    villager = await phonePage(live.browser)
    const people = ((await (await fetch(`${live.host.url}/api/dev/people`)).json()) as { data: DevPerson[] }).data
    const villagers = people.filter((p) => p.role === 'villager' && p.villageId === 'v-shiqiao')
    const me = villagers.find((p) => p.isRepresentative && villagers.filter((q) => q.name.includes(p.name)).length === 1)!
    const closesAt = new Date(Date.now() + 86_400_000).toISOString()
    roundId = (await api().call('p-shiqiao-chair', 'evaluation', 'openRound', { subject: { type: 'disclosure', id: 'd-shiqiao-003' }, title: '弱网投票评议', closesAt })).roundId
    await signInAs(villager, live.host.url, '村民', me.name)
  })

  it('reaches each of the four jobs within 3 taps of the home page', async () => {
    const jobs: [string, number][] = [
      ['read the latest disclosures', await tapsTo(villager, [tapEntry('三务公开'), tapFirst('.disclosure-row')], (p) => current(p).getByText('核验是否被改动').waitFor())],
      [
        'read an announcement',
        await tapsTo(villager, [tapEntry('村务公告'), tapFirst('.announcement-row')], (p) => current(p).locator('.announcement-paragraph').first().waitFor()),
      ],
      ['give feedback', await tapsTo(villager, [tapEntry('我要提意见')], (p) => textarea(p, '写清楚哪里有问题、您希望怎么办').waitFor())],
      ['vote in an open round', await tapsTo(villager, [tapEntry('评议投票'), tapFirst('.round-card')], (p) => button(p, '不满意').waitFor())],
    ]
    for (const [job, taps] of jobs) expect([job, taps <= 3]).toEqual([job, true])
  })

  it('keeps the last-read disclosures, announcements and power list readable offline, saying so', async () => {
    // Read them once with the network up.
    await tapsTo(villager, [tapEntry('权力清单')], (p) => current(p).locator('.power-item').first().waitFor())
    await tapsTo(villager, [tapEntry('三务公开'), tapFirst('.disclosure-row')], (p) => current(p).getByText('核验是否被改动').waitFor())
    await tapsTo(villager, [tapEntry('村务公告')], (p) => current(p).locator('.announcement-row').first().waitFor())
    await villager.goto(`${live.host.url}/#/pages/index/index`)
    await villager.locator('.nut-cell').first().waitFor()

    await villager.context().setOffline(true)
    try {
      for (const [entry, ready] of [
        ['三务公开', '.disclosure-row'],
        ['村务公告', '.announcement-row'],
        ['权力清单', '.power-item'],
      ] as const) {
        await tapEntry(entry)(villager)
        await current(villager).locator(ready).first().waitFor()
        await expect(current(villager).locator('.offline-note').innerText()).resolves.toMatch(/离线内容，更新于/)
        await screenshot(villager, `offline-${ready.slice(1)}`)
        await villager.goBack()
      }
      await tapEntry('三务公开')(villager)
      await tapFirst('.disclosure-row')(villager)
      await current(villager).locator('.offline-note').waitFor()
      await current(villager).getByText('核验是否被改动').waitFor()
    } finally {
      await villager.context().setOffline(false)
    }
  })

  it("shows the page's content on a slow connection before the app has loaded, then hands over to the app", async () => {
    const slow = await phonePage(live.browser)
    await signInAs(slow, live.host.url, '村民', '')
    const cdp = await slow.context().newCDPSession(slow)
    await cdp.send('Network.enable')
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true })
    // A village connection: 400 kbps each way, 400 ms round trips.
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 400, downloadThroughput: 51_200, uploadThroughput: 51_200 })

    // A fresh load of the app (not a same-page hash change), as when the villager opens it again.
    await slow.goto('about:blank')
    await slow.goto(`${live.host.url}/#/pages/index/index`, { waitUntil: 'commit' })
    const early = slow.locator('#first-screen .fs-item')
    await early.first().waitFor()
    // The app's scripts are still on their way: only the host's first screen is there, with the home page's entries.
    expect(await slow.locator('.taro_page .nut-cell').count()).toBe(0)
    const earlyTitles = await slow.locator('#first-screen .fs-item-title').allInnerTexts()
    expect(earlyTitles).toEqual(expect.arrayContaining(['评议投票', '三务公开', '村务公告', '我要提意见']))
    await screenshot(slow, 'first-screen-slow-network')

    // Tapping an entry before the app is ready opens that page once it is.
    await slow.locator('#first-screen a').filter({ hasText: '三务公开' }).click()
    await current(slow).locator('.disclosure-row').first().waitFor({ timeout: 30_000 })
    await expect(slow.locator('#first-screen').count()).resolves.toBe(0)
    expect(errorsOf(slow)).toEqual([])
    await slow.context().close()
  })

  it('says the server is busy, not that the network is weak, when the cloud function runs out of time', async () => {
    const text = '村东头水渠堵了，下雨天漫到路上'
    let attempts = 0
    // What WeChat's callFunction rejects with when a function passes its timeout (services/api.ts, isFunctionTimeout).
    await villager.route('**/api/fn/feedback', async (route) => {
      const body = route.request().postDataJSON() as { action?: string }
      if (body.action !== 'submit') return route.continue()
      attempts++
      if (attempts > 1) return route.continue()
      return route.fulfill({
        status: 504,
        contentType: 'application/json',
        body: JSON.stringify({ errCode: -504003, errMsg: 'cloud.callFunction:fail Error: errCode: -504003 | errMsg: Invoking task timed out after 3 seconds' }),
      })
    })
    await tapsTo(villager, [tapEntry('我要提意见')], (p) => textarea(p, '写清楚哪里有问题、您希望怎么办').waitFor())
    await textarea(villager, '写清楚哪里有问题、您希望怎么办').fill(text)
    await button(villager, '提交').click()
    await current(villager).getByText('服务器忙，请稍后再试', { exact: false }).waitFor()
    await expect(current(villager).getByText('网络不太好', { exact: false }).count()).resolves.toBe(0)
    // Not sent again by itself: a busy server is given time.
    await villager.waitForTimeout(1500)
    expect(attempts).toBe(1)
    await screenshot(villager, 'feedback-server-busy')
    await villager.locator('.submit-status-retry').click()
    await current(villager).getByText('意见已提交').waitFor()
    await villager.unroute('**/api/fn/feedback')
    expect(attempts).toBe(2)
    expect(errorsOf(villager)).toEqual([])
  })

  it('counts a ballot exactly once when the network drops, even after the server took it and the answer was lost', async () => {
    let attempts = 0
    // First attempt: the phone is offline. Second: the ballot reaches the server, but the answer is lost.
    await villager.route('**/api/fn/evaluation', async (route) => {
      const body = route.request().postDataJSON() as { action?: string }
      if (body.action !== 'castBallot') return route.continue()
      attempts++
      if (attempts === 1) return route.abort('internetdisconnected')
      if (attempts === 2) {
        await route.fetch()
        return route.abort('connectionreset')
      }
      return route.continue()
    })
    await villager.goto(`${live.host.url}/#/packages/evaluation/round/index?roundId=${roundId}`)
    await button(villager, '满意').click()
    await dialogButton(villager, '确认投票').click()
    await current(villager).getByText('网络不好，正在重新提交', { exact: false }).waitFor()
    await screenshot(villager, 'ballot-retrying')
    await current(villager).locator('.ballot-receipt-code').waitFor({ timeout: 20_000 })
    await villager.unroute('**/api/fn/evaluation')
    expect(attempts).toBe(3)

    const closed = await api().call('p-shiqiao-chair', 'evaluation', 'closeRound', { roundId, reason: '测试提前结束' })
    expect(closed.tally).toEqual({ satisfied: 1, basic: 0, dissatisfied: 0, cast: 1 })
    const round = await api().call('p-shiqiao-chair', 'evaluation', 'getRound', { roundId })
    const receipt = (await current(villager).locator('.ballot-receipt-code').innerText()).trim()
    expect(round.ballots).toEqual([{ receipt, choice: 'satisfied' }])
    expect(errorsOf(villager)).toEqual([])
  })
})
