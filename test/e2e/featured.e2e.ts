import type { Page } from 'playwright-core'
import { apiFor } from './support/api'
import { button, current, dialogButton, input, screenshot, textarea } from './support/browser'
import { useHostAndBrowser } from './support/session'
import { openPath, phoneAt } from './support/phone'

/*
 * Issue 16, who keeps which list: at 2× text, township staff open 镇特色清单, edit T-01's second step's time
 * limit, and the item's 变更记录 says what changed, who and when; a villager of a village that selected the item
 * sees the new time limit in its flowchart and the same 变更记录. Staff then remove a new item with a reason.
 */
const live = useHostAndBrowser()
const signedIn = async (personId: string) => phoneAt(live.browser, live.host.url, await apiFor(live.host.url).token(personId), '2')
const open = (page: Page, path: string) => openPath(page, live.host.url, path)
const row = (page: Page, text: string) => current(page).locator('.featured-row').filter({ hasText: text })

it('staff edit a featured item and the village sees the change with its 变更记录', async () => {
  const { page, errors } = await signedIn('p-tw-inspector')
  await open(page, 'packages/township/featured/index')
  await row(page, 'T-01')
    .locator('.nut-button')
    .filter({ hasText: /^编辑$/ })
    .click()
  await current(page).getByText('编辑事项').waitFor()
  const limit = input(page, '例如：5个工作日内').nth(1)
  await limit.fill('7个工作日内')
  await screenshot(page, 'featured-edit-2x')
  await button(page, '保存').click()
  await current(page).getByText('第 1 版').waitFor()

  await row(page, 'T-01')
    .locator('.nut-button')
    .filter({ hasText: /^变更记录$/ })
    .click()
  await row(page, 'T-01').getByText('改了 办理流程').waitFor()
  await screenshot(page, 'featured-history-2x')

  // A new item, then removed with a reason: the list marks it 已移除.
  await button(page, '新增事项').click()
  await input(page, '例如：村民委员会').fill('村民委员会')
  await input(page, '例如：村务监督委员会').fill('村务监督委员会')
  await textarea(page, '例如：《中华人民共和国村民委员会组织法》').fill('《中华人民共和国村民委员会组织法》')
  await input(page, '例如：林地流转初审').fill('村级公益事业一事一议')
  await input(page, '例如：提出申请').fill('提出议题')
  await input(page, '例如：村民代表会议').fill('村民委员会')
  await button(page, '保存').click()
  await row(page, '村级公益事业一事一议').waitFor()
  await row(page, '村级公益事业一事一议')
    .locator('.nut-button')
    .filter({ hasText: /^移除$/ })
    .click()
  await textarea(page, '请写明移除原因').fill('与区级清单重复')
  await dialogButton(page, '移除').click()
  await row(page, '村级公益事业一事一议').getByText('已移除').waitFor()
  expect(errors).toEqual([])
  await page.context().close()

  const villager = await signedIn('p-shiqiao-0001-1')
  await open(villager.page, 'packages/power/item/index?itemId=pw-t-01')
  await current(villager.page).getByText('时限：7个工作日内').waitFor()
  await current(villager.page).getByText('改了 办理流程').waitFor()
  await screenshot(villager.page, 'featured-item-villager-2x')
  expect(villager.errors).toEqual([])
  await villager.page.context().close()
})
