import { useHostAndBrowser } from './support/session'
import { errorsOf, openEntry, phonePage, screenshot, signInAs } from './support/browser'

const live = useHostAndBrowser()

describe('a villager reads the power list', () => {
  it('signs in, opens the list, searches, opens an item and sees its flowchart', async () => {
    const page = await phonePage(live.browser)
    await signInAs(page, live.host.url, '村民', '王')
    await screenshot(page, 'villager-home')

    await openEntry(page, '权力清单')
    await page.locator('.power-item').first().waitFor()
    expect(await page.locator('.power-item').count()).toBeGreaterThanOrEqual(30)
    await screenshot(page, 'power-list')

    await page.locator('input[placeholder="搜事项，例如：低保、宅基地"]').fill('低保')
    await page.getByText('找到', { exact: false }).waitFor()
    const results = page.locator('.power-item')
    await results.first().waitFor()
    expect(await results.count()).toBeLessThan(30)
    await expect(results.first().innerText()).resolves.toContain('最低生活保障')
    await screenshot(page, 'power-search')

    await results.first().click()
    await page.locator('.flowchart').waitFor()
    const steps = page.locator('.flow-step')
    expect(await steps.count()).toBeGreaterThanOrEqual(4)
    await expect(page.locator('.flowchart').innerText()).resolves.toMatch(/村民委员会|村委会|村民代表/)
    await expect(page.getByText('政策依据').count()).resolves.toBeGreaterThan(0)
    // A district item's 变更记录 starts with the district's load, as in a township set up for real.
    const history = page.locator('[aria-label="变更记录"]')
    await history.waitFor()
    await expect(history.innerText()).resolves.toMatch(/新增了这一项\s*区级清单导入 运营方/)
    // Readable on a phone: the flowchart never needs sideways scrolling.
    const overflow = await page.evaluate(() => {
      const wide = [...document.querySelectorAll('.taro_page:not([style*="display: none"]) *')].filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1)
      return {
        scroll: document.documentElement.scrollWidth - window.innerWidth,
        wide: wide.slice(0, 5).map((el) => `${el.tagName}.${el.className} ${Math.round(el.getBoundingClientRect().right)}`),
      }
    })
    expect(overflow).toEqual({ scroll: 0, wide: [] })
    await screenshot(page, 'power-item-flowchart')
    expect(errorsOf(page)).toEqual([])
  })
})

describe('the chair approves a household joining', () => {
  it('sees the pending requests and approves one, which then leaves the list', async () => {
    const page = await phonePage(live.browser)
    await signInAs(page, live.host.url, '监委会主任', '周德明')
    await openEntry(page, '入群审核')
    const requests = page.locator('.pending-request')
    await requests.first().waitFor()
    const before = await requests.count()
    const name = (await requests.first().locator('.pending-name').innerText()).trim()
    await screenshot(page, 'chair-pending')

    await requests
      .first()
      .locator('.nut-button')
      .filter({ hasText: /^通过$/ })
      .click()
    await page
      .getByText(/已通过/)
      .first()
      .waitFor()
    await page.waitForFunction((n) => document.querySelectorAll('.pending-request').length === n, before - 1)
    await expect(page.locator('.pending-request').filter({ hasText: name }).count()).resolves.toBe(0)
    await screenshot(page, 'chair-approved')
    expect(errorsOf(page)).toEqual([])
  })
})
