import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { apiFor } from './support/api'
import { button, current, dialogButton, screenshotDir, textarea } from './support/browser'
import { openPath, phoneAt } from './support/phone'
import { useHostAndBrowser } from './support/session'

/*
 * Issue 20 item 5, 廉政档案 and 回避, at 2× text on a 360×640 phone: staff conclude a report naming a cadre and read
 * the cadre's file with a note added; a staff member steps aside from a report and it is handed over.
 */
const live = useHostAndBrowser()
const dir = join(screenshotDir, 'integrity')
const inspector = 'p-tw-inspector'
const officer = 'p-tw-officer'
const villager = 'p-shiqiao-0001-1'

const signedIn = async (personId: string) => phoneAt(live.browser, live.host.url, await apiFor(live.host.url).token(personId), '2')
const open = (page: Page, path: string) => openPath(page, live.host.url, path)
const fitsWidth = (page: Page) => current(page).evaluate((el) => el.scrollWidth <= el.clientWidth + 1)

/** A report filed by the villager and acknowledged by the inspector, by the API. */
async function acknowledgedReport(requestId: string, text: string): Promise<string> {
  const api = apiFor(live.host.url)
  await api.call(villager, 'report', 'file', { requestId, subject: '村委会主任', text, anonymous: true })
  const { items } = await api.call<{ items: { reportId: string; excerpt: string }[] }>(inspector, 'report', 'inbox', { status: 'submitted' })
  const reportId = items.find((r) => r.excerpt.startsWith(text.slice(0, 10)))!.reportId
  await api.call(inspector, 'report', 'acknowledge', { reportId })
  return reportId
}

beforeAll(() => mkdirSync(dir, { recursive: true }))

it('staff conclude a report naming the director, then read and add to the director’s integrity file', async () => {
  const reportId = await acknowledgedReport('e2e-integrity-0001', '主任私自拉走村里的水泥二十袋。')
  const { page, errors } = await signedIn(inspector)
  await open(page, `packages/township/report/index?reportId=${reportId}`)
  await button(page, '办结').click()
  await textarea(page, '例如：经核查，反映的问题属实，已责令整改').fill('经查属实，已责令退赔水泥二十袋。')
  await page.locator('.cadre-row').filter({ hasText: '李卫东' }).click()
  await page.screenshot({ path: join(dir, 'conclude-naming-2x.png'), fullPage: true })
  await dialogButton(page, '确认办结').click()
  await current(page).getByText('查实涉及：村委会主任李卫东（已记入廉政档案）').waitFor()

  await open(page, 'packages/township/integrity/index')
  const row = current(page).locator('.integrity-row').filter({ hasText: '李卫东' })
  await row.getByText('举报查实 1 件', { exact: false }).waitFor()
  expect(await fitsWidth(page)).toBe(true)
  await page.screenshot({ path: join(dir, 'list-2x.png'), fullPage: true })
  await row.click()
  await current(page).getByText('办理结果：经查属实，已责令退赔水泥二十袋。').waitFor()
  await button(page, '添加记录').click()
  await textarea(page, '例如：2026年12月约谈，本人作了检查').fill('12月约谈本人，已作书面检查。')
  await dialogButton(page, '保存').click()
  await current(page).getByText('12月约谈本人，已作书面检查。').waitFor()
  // Never the reporter's words.
  expect(await current(page).textContent()).not.toContain('私自拉走')
  expect(await fitsWidth(page)).toBe(true)
  await page.screenshot({ path: join(dir, 'file-2x.png'), fullPage: true })
  expect(errors).toEqual([])
})

it('a staff member steps aside from a report: it goes to the other, and the declarer no longer has it', async () => {
  const reportId = await acknowledgedReport('e2e-integrity-0002', '书记把低保名额给了自己的亲戚。')
  const { page, errors } = await signedIn(inspector)
  await open(page, `packages/township/report/index?reportId=${reportId}`)
  await current(page).getByText('办理人：镇纪委书记赵清华').waitFor()
  await button(page, '申请回避').click()
  await page.locator('.nut-dialog .chip').filter({ hasText: '亲属' }).click()
  await textarea(page, '例如：被反映的村干部是我的表哥').fill('被反映的书记是我的表哥。')
  await page.screenshot({ path: join(dir, 'recuse-2x.png'), fullPage: true })
  await dialogButton(page, '确认回避').click()
  await page.getByText('已回避，改由镇纪委干事陈思远办理').waitFor()
  expect(errors).toEqual([])

  const other = await signedIn(officer)
  await open(other.page, `packages/township/report/index?reportId=${reportId}`)
  await current(other.page).getByText('办理人：镇纪委干事陈思远').waitFor()
  await current(other.page).getByText('申请回避（亲属）：被反映的书记是我的表哥。', { exact: false }).waitFor()
  expect(await fitsWidth(other.page)).toBe(true)
  await other.page.screenshot({ path: join(dir, 'handed-over-2x.png'), fullPage: true })
  await expect(apiFor(live.host.url).call(inspector, 'report', 'get', { reportId })).rejects.toThrow(/NOT_FOUND/)
  expect(other.errors).toEqual([])
})
