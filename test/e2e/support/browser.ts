// page.evaluate callbacks run in the browser, so the e2e code needs DOM types.
/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import { mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'

/** Screenshots of the suite's run on the cloud adapter (STORE=cloud) go to their own folder, beside the SQLite run's. */
export const screenshotDir = resolve(__dirname, '../screenshots', process.env.STORE === 'cloud' ? 'cloud' : '.')

/** Debian's chromium, headless, with background networking off (this machine has no internet). */
export async function launchBrowser(): Promise<{ browser: Browser; close(): Promise<void> }> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  })
  return {
    browser,
    close: () => browser.close(),
  }
}

const pageErrors = new WeakMap<Page, Error[]>()

/** A phone-sized page in a fresh context (its own sign-in), recording uncaught script errors. */
export async function phonePage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'zh-CN' })
  const page = await context.newPage()
  const errors: Error[] = []
  pageErrors.set(page, errors)
  page.on('pageerror', (error) => errors.push(error))
  return page
}

/** Uncaught errors the page's scripts threw so far; a test expects none. */
export function errorsOf(page: Page): string[] {
  return (pageErrors.get(page) ?? []).map((e) => e.message)
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true })
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true })
}

/**
 * Signs in through the H5 sign-in page, choosing the first demo person of a
 * role tab whose name contains `name`; returns their full name.
 */
export async function signInAs(page: Page, baseUrl: string, tab: '村民' | '监委会主任' | '村两委' | '镇纪委', name: string): Promise<string> {
  await page.goto(`${baseUrl}/#/pages/login/index`)
  await page.getByText(tab, { exact: true }).click()
  if (tab === '村民') await page.locator('input[placeholder="输入姓名查找村民"]').fill(name)
  const person = page.locator('.login-person').filter({ hasText: name }).first()
  const fullName = (await person.locator('.nut-cell-title').innerText()).trim()
  await person.click()
  await page.getByText(`${fullName}，您好`).waitFor()
  return fullName
}

/** Taps one of the home page's entries by its title. */
export async function openEntry(page: Page, title: string): Promise<void> {
  await page
    .locator('.nut-cell')
    .filter({ has: page.getByText(title, { exact: true }) })
    .click()
}

/** Taro's H5 router keeps earlier pages of the stack in the DOM, hidden: look only at the one on screen. */
export const current = (page: Page) => page.locator('.taro_page').filter({ visible: true })

/** A NutUI button on the current page whose whole label is `text`. */
export const button = (page: Page, text: string) =>
  current(page)
    .locator('.nut-button')
    .filter({ hasText: new RegExp(`^${text}$`) })

export const input = (page: Page, placeholder: string) => page.locator(`input[placeholder="${placeholder}"]`)
export const textarea = (page: Page, placeholder: string) => page.locator(`textarea[placeholder="${placeholder}"]`)

/** A NutUI dialog's button; dialogs render outside the page's own element. */
export const dialogButton = (page: Page, text: string) => page.locator('.nut-dialog .nut-button').filter({ visible: true, hasText: new RegExp(`^${text}$`) })
