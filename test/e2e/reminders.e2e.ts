import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { apiFor } from './support/api'
import { screenshotDir } from './support/browser'
import { useHostAndBrowser } from './support/session'
import { openPath, phoneAt } from './support/phone'

/*
 * Issue 15, notices that arrive: township staff see on the case list that they will not be told of a
 * new case, turn on 案件提醒 on 乡镇设置 (on the local host there is no WeChat prompt: the tap grants
 * the consent), and the status says how many messages are left; the next case is queued for them only.
 * At 1× and 2× text on a 360×640 phone, one staff member each.
 */
const live = useHostAndBrowser()
const dir = join(screenshotDir, 'reminders')
const chair = 'p-shiqiao-chair'

const signedIn = async (personId: string, scale: string) => phoneAt(live.browser, live.host.url, await apiFor(live.host.url).token(personId), scale)
const open = (page: Page, path: string) => openPath(page, live.host.url, path)

const current = (page: Page) => page.locator('.taro_page').last()

beforeAll(() => mkdirSync(dir, { recursive: true }))

describe.each([
  ['1', 'p-tw-inspector'],
  ['2', 'p-tw-officer'],
])('at %s× text, township staff %s', (scale, staff) => {
  it('are told on the case list that they will not be told, turn on 案件提醒 in 乡镇设置, and the status updates', async () => {
    const { page, errors } = await signedIn(staff, scale)
    await open(page, 'packages/township/cases/index')
    const warning = current(page).locator('.reminder-card')
    await warning.getByText('还没有开启：有新案件时，微信不会通知您').waitFor()
    await warning.getByText('开启案件提醒', { exact: true }).waitFor()
    await page.screenshot({ path: join(dir, `cases-not-told-${scale}x.png`), fullPage: true })

    await open(page, 'packages/township/settings/index')
    const card = current(page).locator('.reminder-card')
    await card.getByText('还没有开启：有新案件时，微信不会通知您').waitFor()
    await card.getByText('每点一次“允许”，可以收到一条通知', { exact: false }).waitFor()
    const turnOn = card.locator('.nut-button').filter({ hasText: '开启案件提醒' })
    await turnOn.click()
    await card.getByText('已开启：还可接收 1 条提醒').waitFor()
    await page.screenshot({ path: join(dir, `settings-told-${scale}x.png`), fullPage: true })
    // A second tap is one more message.
    await turnOn.click()
    await card.getByText('已开启：还可接收 2 条提醒').waitFor()

    // Told now: the case list no longer warns.
    await open(page, 'packages/township/cases/index')
    await current(page).locator('.cases-row, .empty-state').first().waitFor()
    expect(await current(page).locator('.reminder-card').count()).toBe(0)
    expect(errors).toEqual([])
    await page.context().close()
  })
})

// Declared last, so it runs after both staff members turned reminders on above.
describe('afterwards', () => {
  it('a new case is queued for the staff who turned reminders on, one message each', async () => {
    const api = apiFor(live.host.url)
    const voters = ['p-shiqiao-0001-1', 'p-shiqiao-0003-1']
    let escalationId: string | null = null
    for (const title of ['提醒测试评议一', '提醒测试评议二']) {
      const { roundId } = await api.call(chair, 'evaluation', 'openRound', {
        subject: { type: 'disclosure', id: 'd-shiqiao-003' },
        title,
        closesAt: new Date(Date.now() + 3 * 86_400_000).toISOString(),
      })
      await api.call(voters[0]!, 'evaluation', 'castBallot', { roundId, choice: 'dissatisfied' })
      await api.call(voters[1]!, 'evaluation', 'castBallot', { roundId, choice: 'satisfied' })
      escalationId = (await api.call(chair, 'evaluation', 'closeRound', { roundId, reason: '两户已投票' })).escalationId
      // Answer first, then evaluate again (issue 20).
      if (escalationId === null) await api.call('p-shiqiao-director', 'evaluation', 'answerRound', { roundId, answer: '明细已补充公开。' })
    }
    expect(escalationId).not.toBeNull()
    const outbox = (await (await fetch(`${live.host.url}/api/dev/outbox`)).json()) as { data: { openid: string; subject: string }[] }
    const told = outbox.data.filter((n) => n.subject === `escalation:${escalationId}`).map((n) => n.openid)
    expect(told.sort()).toEqual(['demo:p-tw-inspector', 'demo:p-tw-officer'])
  })
})
