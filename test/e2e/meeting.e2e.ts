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
