import { apiFor } from './support/api'
import { button, current, screenshot } from './support/browser'
import { useHostAndBrowser } from './support/session'
import { openPath, phoneAt } from './support/phone'

/*
 * Issue 18: at 2× text, township staff on 操作记录 tap 核对一下 and read, in plain words, what the check found
 * and how many entries are sealed or still waiting (township.verifyAudit on the running host).
 */
const live = useHostAndBrowser()

it('staff check the audit log on its page and read, in plain words, that nothing is wrong or that nothing is sealed yet', async () => {
  const api = apiFor(live.host.url)
  const { page, errors } = await phoneAt(live.browser, live.host.url, await api.token('p-tw-inspector'), '2')
  await openPath(page, live.host.url, 'packages/township/audit/index')
  await current(page).getByText('记录有没有被改动').waitFor()
  await button(page, '核对一下').click()
  // A fresh host's entries are minutes from their first seal: the card says there is nothing to check yet, never
  // that it found something wrong (sealing and tampering are covered in test/integration/audit-chain.test.ts).
  await current(page)
    .locator('.audit-verify')
    .getByText(/^(审计记录完整|还没有封存的记录，过几分钟再来核对)$/)
    .waitFor()
  expect(await current(page).locator('.audit-broken').count()).toBe(0)
  await current(page)
    .getByText(/已封存 \d+ 条/)
    .waitFor()
  await button(page, '再核对一次').waitFor()
  await screenshot(page, 'audit-verify-2x')
  expect(errors).toEqual([])
  await page.context().close()
})
