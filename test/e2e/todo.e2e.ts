import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { apiFor } from './support/api'
import { screenshotDir } from './support/browser'
import { useHostAndBrowser } from './support/session'
import { openPath, phoneAt } from './support/phone'

/*
 * Issue 14, what those who must act see: the 待办 card and badges on the homes of the chair, the
 * committee and township staff; the 答复释疑 button on a round over the threshold; the one 乡镇设置
 * page; the households that have not read an announcement. At 1× and 2× text on a 360×640 phone.
 */
const live = useHostAndBrowser()
const dir = join(screenshotDir, 'todo')

const chair = 'p-shiqiao-chair'
const director = 'p-shiqiao-director'
const inspector = 'p-tw-inspector'

const signedIn = async (personId: string, scale: string) => phoneAt(live.browser, live.host.url, await apiFor(live.host.url).token(personId), scale)
const open = (page: Page, path: string) => openPath(page, live.host.url, path)

const current = (page: Page) => page.locator('.taro_page').last()

let overRoundId = ''
beforeAll(async () => {
  mkdirSync(dir, { recursive: true })
  // A closed round over the threshold (1 of 2 dissatisfied), not yet answered.
  const api = apiFor(live.host.url)
  const { roundId } = await api.call(chair, 'evaluation', 'openRound', {
    subject: { type: 'disclosure', id: 'd-shiqiao-002' },
    title: '待办测试评议',
    closesAt: new Date(Date.now() + 3 * 86_400_000).toISOString(),
  })
  await api.call('p-shiqiao-0001-1', 'evaluation', 'castBallot', { roundId, choice: 'dissatisfied' })
  await api.call('p-shiqiao-0003-1', 'evaluation', 'castBallot', { roundId, choice: 'satisfied' })
  await api.call(chair, 'evaluation', 'closeRound', { roundId, reason: '测试提前结束' })
  overRoundId = roundId
  await api.call(chair, 'announcement', 'push', { title: '本周六召开村情发布会', body: '11月29日上午9点在村委会召开村情发布会。' })
})

describe.each(['1', '2'])('at %s× text', (scale) => {
  it('the chair’s home starts with 待办: join requests counted, badged on 入群审核 above the fold, and the row opens 入群审核', async () => {
    const pending = (await apiFor(live.host.url).call(chair, 'member', 'listPending')).items.length
    expect(pending).toBeGreaterThan(0)
    const { page, errors } = await signedIn(chair, scale)
    await open(page, 'pages/index/index')
    const todo = current(page).locator('.home-todo')
    await todo.waitFor()
    const row = todo.locator('.home-todo-row').filter({ hasText: '户申请入群，等您审核' })
    await expect(row.locator('.home-badge').textContent()).resolves.toBe(String(pending))
    const entry = current(page).locator('.nut-cell').filter({ hasText: '入群审核' })
    await expect(entry.locator('.home-badge').textContent()).resolves.toBe(String(pending))
    // Within the first screen of a 640px phone, even at 2× text.
    const box = await entry.boundingBox()
    expect(box!.y + box!.height).toBeLessThanOrEqual(640 * Number(scale))
    await page.screenshot({ path: join(dir, `chair-home-${scale}x.png`), fullPage: true })
    await row.click()
    await page.waitForURL(/packages\/chair\/pending/)
    await current(page).locator('.page-title', { hasText: '入群审核' }).waitFor()
    expect(errors).toEqual([])
    await page.context().close()
  })

  it('a committee member is told of the round to answer, and the round shows the 答复释疑 button', async () => {
    const { page, errors } = await signedIn(director, scale)
    await open(page, 'pages/index/index')
    const row = current(page).locator('.home-todo-row').filter({ hasText: '要答复释疑' })
    await row.waitFor()
    await page.screenshot({ path: join(dir, `committee-home-${scale}x.png`), fullPage: true })
    await row.click()
    await page.waitForURL(/evaluation\/list/)
    await current(page).locator('.page-title').waitFor()
    await open(page, `packages/evaluation/round/index?roundId=${overRoundId}`)
    const button = current(page).getByText('答复释疑', { exact: true }).last()
    await button.waitFor()
    await page.waitForTimeout(300)
    await page.screenshot({ path: join(dir, `committee-round-${scale}x.png`), fullPage: true })
    expect(errors).toEqual([])
    await page.context().close()
  })

  it('township staff have one 乡镇设置 page with every setting and its history, and no script errors', async () => {
    const { page, errors } = await signedIn(inspector, scale)
    await open(page, 'pages/index/index')
    await current(page).locator('.home-todo').waitFor()
    await page.screenshot({ path: join(dir, `township-home-${scale}x.png`), fullPage: true })
    await current(page).locator('.nut-cell').filter({ hasText: '乡镇设置' }).click()
    await page.waitForURL(/township\/settings/)
    for (const title of ['评议规则', '意见答复期限', '公开时限']) await current(page).locator('.section-title', { hasText: title }).waitFor()
    await current(page).locator('.duty-setting').first().waitFor()
    for (const save of ['保存评议规则', '保存答复期限', '保存公开时限']) await current(page).getByText(save).waitFor()
    await page.waitForTimeout(500)
    await page.screenshot({ path: join(dir, `township-settings-${scale}x.png`), fullPage: true })
    // The old route still opens the deadlines, without the error it used to log.
    for (let i = 0; i < 3; i++) await open(page, 'packages/township/duties/index')
    await current(page).locator('.duty-setting').first().waitFor()
    expect(errors).toEqual([])
    await page.context().close()
  })

  it('the chair sees which households have not read an announcement, and says plainly where no reminder can go', async () => {
    const { page, errors } = await signedIn(chair, scale)
    await open(page, 'packages/chair/announce/index')
    await current(page).locator('.reach-unread').first().click()
    await page.waitForURL(/chair\/unread/)
    await current(page).locator('.unread-row').first().waitFor()
    await current(page).getByText('这户没有人开通微信消息提醒', { exact: false }).first().waitFor()
    await page.screenshot({ path: join(dir, `chair-unread-${scale}x.png`), fullPage: true })
    expect(errors).toEqual([])
    await page.context().close()
  })
})
