import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { apiFor } from './support/api'
import { button, current, input, screenshotDir } from './support/browser'
import { openPath, phoneAt } from './support/phone'
import { useHostAndBrowser } from './support/session'

/*
 * Issue 20, the village meeting (村情发布会): the chair schedules one with its agenda from the app, villagers see
 * it; after a meeting the chair writes down attendance and the questions answered, and villagers read the record.
 * At 2× text on a 360×640 phone, where nothing may overflow sideways.
 */
const live = useHostAndBrowser()
const dir = join(screenshotDir, 'meeting')
const chair = 'p-shiqiao-chair'
const villager = 'p-shiqiao-0001-1'

const signedIn = async (personId: string) => phoneAt(live.browser, live.host.url, await apiFor(live.host.url).token(personId), '2')
const open = (page: Page, path: string) => openPath(page, live.host.url, path)
const fitsWidth = (page: Page) => current(page).evaluate((el) => el.scrollWidth <= el.clientWidth + 1)

beforeAll(() => mkdirSync(dir, { recursive: true }))

it('the chair schedules a meeting with two items from the app, and a villager sees its agenda', async () => {
  const { page, errors } = await signedIn(chair)
  await open(page, 'packages/meeting/list/index')
  await button(page, '安排一次村情发布会').click()
  await page.waitForURL(/packages\/meeting\/schedule/)
  await input(page, '例如：村委会会议室').fill('村委会二楼会议室')
  await current(page).locator('.chip').filter({ hasText: '其他事项' }).first().click()
  await input(page, '写事项名称').fill('冬季供暖补贴发放办法')
  await button(page, '再加一项').click()
  await current(page).locator('.meeting-draft').nth(1).locator('.chip').filter({ hasText: '其他事项' }).click()
  await current(page).locator('.meeting-draft').nth(1).locator('input[placeholder="写事项名称"]').fill('村集体林地承包续约')
  await page.screenshot({ path: join(dir, 'chair-schedule-2x.png'), fullPage: true })
  await button(page, '发布会议安排').click()
  await page.waitForURL(/packages\/meeting\/detail/)
  await current(page).getByText('冬季供暖补贴发放办法').waitFor()
  await current(page).getByText('村集体林地承包续约').waitFor()
  expect(await fitsWidth(page)).toBe(true)
  expect(errors).toEqual([])

  const seen = await signedIn(villager)
  await open(seen.page, 'packages/meeting/list/index')
  const row = current(seen.page).locator('.meeting-row').filter({ hasText: '村委会二楼会议室' })
  await row.waitFor()
  await expect(row.textContent()).resolves.toContain('待召开')
  await row.click()
  await current(seen.page).getByText('村集体林地承包续约').waitFor()
  await seen.page.screenshot({ path: join(dir, 'villager-agenda-2x.png'), fullPage: true })
  expect(await fitsWidth(seen.page)).toBe(true)
  expect(seen.errors).toEqual([])
})

it('after the meeting the chair records attendance and a question answered on the spot; villagers read it', async () => {
  // Began an hour ago (a meeting may be entered up to a day late).
  const { meetingId } = await apiFor(live.host.url).call(chair, 'meeting', 'schedule', {
    requestId: 'e2e-meeting-held-0001',
    startsAt: new Date(Date.now() - 3_600_000).toISOString(),
    place: '村文化广场',
    items: [{ kind: 'disclosure', refId: 'd-shiqiao-001', presenter: '村委会主任' }],
  })
  const { page, errors } = await signedIn(chair)
  await open(page, `packages/meeting/detail/index?meetingId=${meetingId}`)
  await input(page, '例如 58').fill('61')
  await button(page, '加一个提问').click()
  await current(page).locator('.meeting-record-question textarea').nth(0).fill('这笔钱什么时候能到村里？')
  await current(page).locator('.meeting-record-question textarea').nth(1).fill('镇财政所说月底前拨付。')
  await button(page, '保存会议记录').click()
  await current(page).getByText('问：这笔钱什么时候能到村里？').waitFor()
  await current(page).getByText('已召开').waitFor()
  await page.screenshot({ path: join(dir, 'chair-recorded-2x.png'), fullPage: true })
  expect(errors).toEqual([])

  const seen = await signedIn(villager)
  await open(seen.page, `packages/meeting/detail/index?meetingId=${meetingId}`)
  await current(seen.page).getByText('答：镇财政所说月底前拨付。').waitFor()
  await current(seen.page).getByText('到会 61 户').waitFor()
  expect(await fitsWidth(seen.page)).toBe(true)
  await seen.page.screenshot({ path: join(dir, 'villager-record-2x.png'), fullPage: true })
  expect(seen.errors).toEqual([])
})

it('at the meeting the panel evaluates two items: phones and paper, the room sees results only when closed, an answer on the spot', async () => {
  const api = apiFor(live.host.url)
  const committee = 'p-shiqiao-director'
  const { meetingId } = await api.call(chair, 'meeting', 'schedule', {
    requestId: 'e2e-meeting-panel-0001',
    startsAt: new Date(Date.now() + 600_000).toISOString(),
    place: '村委会会议室',
    items: [
      { kind: 'disclosure', refId: 'd-shiqiao-001', presenter: '村委会主任' },
      { kind: 'disclosure', refId: 'd-shiqiao-002', presenter: '村会计' },
      { kind: 'text', title: '明年村道维护安排', presenter: '村党支部' },
    ],
  })
  await api.call(chair, 'meeting', 'setPanel', {
    meetingId,
    panel: [
      { personId: villager, role: 'villageRep', votes: 'phone' },
      { personId: 'p-shiqiao-0003-1', role: 'partyRep', votes: 'phone' },
      { name: '李国强', role: 'deputy', votes: 'paper' },
      { name: '赵秀兰', role: 'cppcc', votes: 'paper' },
      { name: '孙福田', role: 'villageRep', votes: 'paper' },
    ],
  })

  // The chair's screen for the room opens a panel round on each of the two disclosures.
  const room = await signedIn(chair)
  await open(room.page, `packages/meeting/room/index?meetingId=${meetingId}`)
  const items = current(room.page).locator('.room-item')
  await items.nth(2).getByText('这一项当场发布，不评议').waitFor()
  for (const n of [0, 1]) {
    await items.nth(n).locator('.nut-button').filter({ hasText: '评议团当场评议这一项' }).click()
    await items.nth(n).locator('.room-qr').waitFor()
  }
  await room.page.screenshot({ path: join(dir, 'room-voting-2x.png'), fullPage: true })
  const { rounds } = await api.call(chair, 'meeting', 'get', { meetingId })

  // Two panel members vote by phone: one dissatisfied with the first item, both satisfied with the second.
  for (const [personId, first] of [
    [villager, '不满意'],
    ['p-shiqiao-0003-1', '满意'],
  ] as const) {
    const phone = await signedIn(personId)
    for (const [n, choice] of [
      [0, first],
      [1, '满意'],
    ] as const) {
      await open(phone.page, `packages/evaluation/round/index?roundId=${rounds[n].roundId}`)
      await button(phone.page, choice).click()
      await phone.page
        .locator('.nut-dialog .nut-button')
        .filter({ visible: true, hasText: /^确认投票$/ })
        .click()
      await current(phone.page).locator('.ballot-receipt-code').waitFor()
    }
    expect(phone.errors).toEqual([])
  }
  // While voting the room sees turnout only, never a running count.
  // (The room's screen asks again every 5 seconds.)
  await items.nth(0).locator('.room-live').filter({ hasText: '手机已投 2 人' }).waitFor()
  expect(await items.nth(0).locator('.room-figure').count()).toBe(0)

  // Three paper ballots per item, entered by the chair and confirmed by a committee member on their own phone.
  const paper = [
    ['0', '1', '2'],
    ['3', '0', '0'],
  ]
  const enter = async (page: Page, n: number) => {
    const item = current(page).locator('.room-item').nth(n)
    const inputs = item.locator('.room-paper input')
    for (const i of [0, 1, 2]) await inputs.nth(i).fill(paper[n]![i]!)
    await item.locator('.nut-button').filter({ hasText: '录入纸质票' }).click()
  }
  await enter(room.page, 0)
  await enter(room.page, 1)
  const checker = await signedIn(committee)
  await open(checker.page, `packages/meeting/room/index?meetingId=${meetingId}`)
  await enter(checker.page, 0)
  await current(checker.page).locator('.room-item').nth(0).getByText('纸质票：两位干部录入一致').waitFor()
  await enter(checker.page, 1)
  await current(checker.page).locator('.room-item').nth(1).getByText('纸质票：两位干部录入一致').waitFor()

  // The chair closes each; the first item goes over 25% dissatisfied (3 of 5), the second does not.
  await room.page.reload()
  for (const n of [0, 1]) {
    await items.nth(n).locator('.nut-button').filter({ hasText: '结束并公布' }).click()
    await items.nth(n).locator('.room-figure').first().waitFor()
  }
  await expect(items.nth(0).locator('.room-over').textContent()).resolves.toMatch(/须当场答复释疑/)
  await expect(items.nth(0).locator('.room-live').textContent()).resolves.toMatch(/共 5 票，不满意占 60%/)
  expect(await items.nth(1).locator('.room-over').count()).toBe(0)

  // The committee answers on the spot, from the room's page; the room shows the answer.
  await checker.page.reload()
  const first = current(checker.page).locator('.room-item').nth(0)
  await first.locator('textarea').fill('这笔支出有发票，会后张贴在公开栏，欢迎大家来看。')
  await first.locator('.nut-button').filter({ hasText: '记录答复' }).click()
  await first.locator('.room-answer').waitFor()
  await room.page.reload()
  await items.nth(0).locator('.room-answer').waitFor()
  await room.page.screenshot({ path: join(dir, 'room-results-2x.png'), fullPage: true })
  expect(await fitsWidth(room.page)).toBe(true)
  expect(room.errors).toEqual([])
  expect(checker.errors).toEqual([])
})
