import type { Page } from 'playwright-core'
import type { DevPerson } from '../../shared/dev/schema'
import { useHostAndBrowser } from './support/session'
import { apiFor } from './support/api'
import { current, openEntry, phonePage, signInAs } from './support/browser'

const live = useHostAndBrowser()

/*
 * A page the person comes back to shows what changed while it was covered: its reads are fetched again when it is
 * shown (miniprogram/src/hooks/usePageShown.ts, TanStack Query's `subscribed`), with no reload written in the page.
 */
describe('a page shown again', () => {
  let villager: Page

  beforeAll(async () => {
    villager = await phonePage(live.browser)
    const people = ((await (await fetch(`${live.host.url}/api/dev/people`)).json()) as { data: DevPerson[] }).data
    const me = people.find((p) => p.role === 'villager' && p.villageId === 'v-shiqiao')!
    await signInAs(villager, live.host.url, '村民', me.name)
  })

  it('shows an announcement as read after the villager has opened it and come back to the list', async () => {
    const title = `停水通知${Date.now() % 10_000}`
    await apiFor(live.host.url).call('p-shiqiao-chair', 'announcement', 'push', { title, body: '明天上午九点到十二点停水，请提前接好水。' })
    await openEntry(villager, '村务公告')
    const row = current(villager).locator('.announcement-row').filter({ hasText: title })
    await row.and(current(villager).locator('.announcement-unread')).waitFor()

    await row.click()
    await current(villager).locator('.announcement-paragraph').first().waitFor()
    await villager.goBack()

    // The same list page, shown again: the announcement is read now.
    await current(villager).locator('.announcement-unread').filter({ hasText: title }).waitFor({ state: 'detached', timeout: 10_000 })
    await row.waitFor()
  })
})
