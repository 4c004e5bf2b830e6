import type { Envelope } from '../../shared/errors'
import { apiFor } from './support/api'
import { button, current, input, screenshot } from './support/browser'
import { useHostAndBrowser } from './support/session'
import { openPath, phoneAt } from './support/phone'

/*
 * Issue 18, codes, on the running host: staff see an invite code once, in groups of four, and re-issue it from the
 * list (which never shows a code); a visitor's wrong guesses and the refusal after the limit are in 安全记录 in plain
 * words; a join request with a 户号 off the roster is answered like any other and the chair sees the mismatch.
 */
const live = useHostAndBrowser()
const CODE = /^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$/

/** A brand-new visitor's calls, answered as they come (errors included). */
async function visitor(): Promise<(area: string, action: string, input: Record<string, unknown>) => Promise<Envelope<unknown>>> {
  const res = await fetch(`${live.host.url}/api/dev/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ guest: true }) })
  const { token } = ((await res.json()) as { data: { token: string } }).data
  return async (area, action, input) => {
    const answer = await fetch(`${live.host.url}/api/fn/${area}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ ...input, action }),
    })
    return (await answer.json()) as Envelope<unknown>
  }
}

it('staff see an invite code once and re-issue it; wrong guesses show in 安全记录; the chair sees a 户号 off the roster', async () => {
  const api = apiFor(live.host.url)
  const { page, errors } = await phoneAt(live.browser, live.host.url, await api.token('p-tw-inspector'), '2')
  await openPath(page, live.host.url, 'packages/township/appointments/index')
  await current(page).getByText('石桥村', { exact: true }).click()
  await input(page, '被任命人的姓名').fill('孙建华')
  await button(page, '生成任命码').click()
  const first = (await current(page).locator('.appoint-code').innerText()).trim()
  expect(first).toMatch(CODE)
  await current(page).getByText('只显示这一次', { exact: false }).waitFor()
  await current(page).locator('.appoint-code-box').scrollIntoViewIfNeeded()
  await screenshot(page, 'codes-invite-shown-once-2x')
  const row = current(page).locator('.appoint-row').filter({ hasText: '孙建华' })
  await row.waitFor()
  expect(await row.innerText()).not.toContain(first)
  await row.locator('.nut-button').filter({ hasText: '重发任命码' }).click()
  await current(page).locator('.appoint-code').filter({ hasNotText: first }).waitFor()
  const second = (await current(page).locator('.appoint-code').innerText()).trim()
  expect(second).toMatch(CODE)

  // The old code is dead; 20 wrong guesses, then even the right code is refused.
  const guesser = await visitor()
  const old = await guesser('member', 'acceptInvite', { code: first })
  expect(old.ok ? 'ok' : old.error.code).toBe('NOT_FOUND')
  for (let i = 0; i < 19; i++) await guesser('member', 'acceptInvite', { code: `ZZZZ-ZZZZ-ZZ${(i % 8) + 2}Z` })
  const refused = await guesser('member', 'acceptInvite', { code: second })
  expect(refused.ok ? 'ok' : refused.error.code).toBe('TOO_MANY_ATTEMPTS')
  // A lookup of a tracking code is anonymous.
  await (await visitor())('report', 'track', { trackingCode: '2222-3333-4444' })

  await openPath(page, live.host.url, 'packages/township/security/index')
  await current(page).getByText('输错了任命码').first().waitFor()
  await current(page).getByText('任命码输错次数到了上限，暂停这个人再试').waitFor()
  await current(page).getByText('暂停期间又试了1次任命码，都被拒绝').waitFor()
  await current(page).locator('.security-entry').filter({ hasText: '输错了举报查询码' }).getByText('匿名查询').waitFor()
  await screenshot(page, 'codes-security-log-2x')
  expect(errors).toEqual([])

  // Another visitor can still take the new code.
  const taken = await (await visitor())('member', 'acceptInvite', { code: second.toLowerCase().replace(/-/g, ' ') })
  expect(taken.ok).toBe(true)

  // A 户号 off the roster: the same answer; the chair sees it and cannot approve it.
  const applicant = await visitor()
  const joined = await applicant('member', 'join', { joinCode: 'SHIQIAO', householdNumber: '9999', name: '钱多多' })
  expect(joined).toMatchObject({ ok: true, data: { status: 'pending' } })
  const chair = await phoneAt(live.browser, live.host.url, await api.token('p-shiqiao-chair'), '2')
  await openPath(chair.page, live.host.url, 'packages/chair/pending/index')
  const request = current(chair.page).locator('.pending-request').filter({ hasText: '钱多多' })
  await request.getByText('户号 9999 不在本村花名册上', { exact: false }).waitFor()
  expect(
    await request
      .locator('.nut-button')
      .filter({ hasText: /^通过$/ })
      .count(),
  ).toBe(0)
  await request.scrollIntoViewIfNeeded()
  await screenshot(chair.page, 'codes-pending-off-roster-2x')
  expect(chair.errors).toEqual([])
  await chair.page.context().close()
  await page.context().close()
})
