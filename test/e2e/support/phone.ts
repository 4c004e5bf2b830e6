import type { Browser, Page } from 'playwright-core'

/** Signs a page in with a session token and sets the reader's text scale, as the app stores them. */
export async function withToken(page: Page, baseUrl: string, token: string, scale: string): Promise<void> {
  await page.goto(`${baseUrl}/#/pages/login/index`)
  await page.evaluate(
    ([t, s]) => {
      localStorage.setItem('session-token', JSON.stringify({ data: t }))
      localStorage.setItem('text-scale', JSON.stringify({ data: s }))
    },
    [token, scale] as const,
  )
}

/** A 360×640 phone in its own context, signed in with `token` at `scale`× text, recording script and console errors. */
export async function phoneAt(browser: Browser, baseUrl: string, token: string, scale: string): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 360, height: 640 }, locale: 'zh-CN' })
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text())
  })
  await withToken(page, baseUrl, token, scale)
  return { page, errors }
}

/** Opens an app path afresh and waits for its title, its data and a settled layout. */
export async function openPath(page: Page, baseUrl: string, path: string): Promise<void> {
  await page.goto(`${baseUrl}/#/${path}`)
  await page.reload()
  await page.locator('.taro_page .page-title').last().waitFor()
  await page.waitForLoadState('networkidle')
  await page.waitForTimeout(300)
}
