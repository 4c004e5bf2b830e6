import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { apiFor } from './support/api'
import { button, dialogButton, input, screenshotDir, textarea } from './support/browser'
import { useHostAndBrowser } from './support/session'
import { openPath, phoneAt } from './support/phone'

/*
 * Issue 20, item 6, in the app: township staff set a minimum turnout on 乡镇设置 (评议保障); the chair closes a
 * round early with one household of 106 voting, is warned and gives the reason; the round reads 参与不足,
 * and the township reads the reason on the round.
 */
const live = useHostAndBrowser()
const dir = join(screenshotDir, 'safeguards')
const chair = 'p-shiqiao-chair'
const inspector = 'p-tw-inspector'
const reason = '村民会议上大家说这件事已经讲清楚了'

const signedIn = async (personId: string) => phoneAt(live.browser, live.host.url, await apiFor(live.host.url).token(personId), '1')
const open = (page: Page, path: string) => openPath(page, live.host.url, path)
const current = (page: Page) => page.locator('.taro_page').last()

beforeAll(() => mkdirSync(dir, { recursive: true }))

let roundId = ''
it('township staff set a minimum turnout of 30% on 乡镇设置; it shows with who set it', async () => {
  const { page, errors } = await signedIn(inspector)
  await open(page, 'packages/township/settings/index')
  await current(page).getByText('不设最低参与率').first().waitFor()
  await input(page, '例如：30').fill('30')
  await input(page, '例如：7，不限就填0').fill('7')
  await button(page, '保存评议保障').click()
  await current(page).getByText('至少30%的户参加才算数').first().waitFor()
  await page.screenshot({ path: join(dir, 'township-settings.png'), fullPage: true })
  expect(errors).toEqual([])
  await page.context().close()
})

it('the chair closing early with one household voting is warned, gives the reason, and the round reads 参与不足', async () => {
  const api = apiFor(live.host.url)
  const closesAt = new Date(Date.now() + 3 * 86_400_000).toISOString()
  ;({ roundId } = await api.call<{ roundId: string }>(chair, 'evaluation', 'openRound', { subject: { type: 'disclosure', id: 'd-shiqiao-004' }, title: '保障测试评议', closesAt }))
  await api.call('p-shiqiao-0001-1', 'evaluation', 'castBallot', { roundId, choice: 'dissatisfied' })
  const { page, errors } = await signedIn(chair)
  await open(page, `packages/evaluation/round/index?roundId=${roundId}`)
  await current(page).getByText('至少30%的户参加才算数').waitFor()
  await button(page, '结束评议').click()
  await page.locator('.nut-dialog').filter({ hasText: '还不到一半' }).waitFor()
  await page.screenshot({ path: join(dir, 'chair-warned.png') })
  await dialogButton(page, '仍要结束').click()
  await textarea(page, '例如：村民会议上全部户代表已当场投票').fill(reason)
  await page.screenshot({ path: join(dir, 'chair-reason.png') })
  await dialogButton(page, '结束并公布').click()
  await current(page).locator('.round-void').waitFor()
  await expect(current(page).locator('.round-tags').innerText()).resolves.toContain('参与不足')
  await page.screenshot({ path: join(dir, 'chair-round-void.png'), fullPage: true })
  expect(errors).toEqual([])
  await page.context().close()
})

it('township staff read the reason on the round', async () => {
  const { page, errors } = await signedIn(inspector)
  await open(page, `packages/evaluation/round/index?roundId=${roundId}`)
  await current(page).locator('.round-close-reason').filter({ hasText: reason }).waitFor()
  await page.screenshot({ path: join(dir, 'township-round.png'), fullPage: true })
  expect(errors).toEqual([])
  await page.context().close()
})
