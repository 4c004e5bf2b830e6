import type { Page } from 'playwright-core'
import { useHostAndBrowser } from './support/session'
import { button, current, dialogButton, errorsOf, input, openEntry, phonePage, screenshot, signInAs, textarea } from './support/browser'

const live = useHostAndBrowser()

const question = '路灯维修费和上个月一样，是不是重复报了？'
const answer = '经核对，10月为新装路灯，11月为维修，不是重复报销，单据已贴公开栏。'
const misconduct = '修路工程没有公开招标，直接给了村干部的亲戚。'
const outcome = '经查属实，已责令重新履行招标程序，对相关村干部诫勉谈话。'

/**
 * The chair's feedback figures once they show `expected`. The app may first draw the figures it read last time
 * (its query cache) and then the fresh ones, so the test waits for the fresh answer rather than reading at once.
 */
async function figuresOf(chair: Page, expected: RegExp): Promise<string> {
  await chair.goto(`${live.host.url}/#/pages/index/index`)
  await openEntry(chair, '本村监督情况')
  const card = current(chair).locator('.feedback-figures')
  await card
    .filter({ hasText: expected })
    .waitFor({ timeout: 10_000 })
    .catch(() => undefined)
  return card.innerText()
}

describe('feedback goes from a villager to the committee and back; a report reaches only the township', () => {
  let villager: Page
  let chair: Page
  let committee: Page
  let township: Page
  let disclosureTitle = ''
  let trackingCode = ''

  beforeAll(async () => {
    villager = await phonePage(live.browser)
    chair = await phonePage(live.browser)
    committee = await phonePage(live.browser)
    township = await phonePage(live.browser)
  })

  it('lets a villager give feedback on a disclosure from its page', async () => {
    await signInAs(villager, live.host.url, '村民', '王')
    await openEntry(villager, '三务公开')
    const first = villager.locator('.disclosure-row').first()
    await first.waitFor()
    await first.click()
    await button(villager, '对这条公开提意见').click()
    disclosureTitle = (await current(villager).locator('.submit-about').innerText()).trim()
    expect(disclosureTitle).not.toBe('')
    await textarea(villager, '写清楚哪里有问题、您希望怎么办').fill(question)
    await screenshot(villager, 'villager-feedback-form')
    await button(villager, '提交').click()
    await current(villager).getByText('意见已提交').waitFor()
    expect(errorsOf(villager)).toEqual([])
  })

  it('lets the chair route it to a committee member; the figures count it as received, none closed', async () => {
    await signInAs(chair, live.host.url, '监委会主任', '周德明')
    const before = await figuresOf(chair, /1\s*收到/)
    expect(before).toMatch(/1\s*收到/)
    expect(before).toMatch(/办结率\s*0\.0%/)

    await chair.goto(`${live.host.url}/#/pages/index/index`)
    await openEntry(chair, '村民意见')
    const card = current(chair).locator('.feedback-card').filter({ hasText: question })
    await card.waitFor()
    await card
      .locator('.nut-button')
      .filter({ hasText: /^分派答复人$/ })
      .click()
    await chair.locator('.inbox-assignee').filter({ hasText: '李卫东' }).click()
    await card.getByText('承办：村委会主任李卫东', { exact: false }).waitFor()
    await screenshot(chair, 'chair-feedback-routed')
  })

  it('lets the committee member reply, and the reply shows under the disclosure for every reader', async () => {
    await signInAs(committee, live.host.url, '村两委', '李卫东')
    await openEntry(committee, '村民意见')
    const card = current(committee).locator('.feedback-card').filter({ hasText: question })
    await card
      .locator('.nut-button')
      .filter({ hasText: /^答复$/ })
      .click()
    await textarea(committee, '说清楚核实了什么、怎么处理').fill(answer)
    await dialogButton(committee, '提交答复').click()
    await card.locator('.feedback-reply').filter({ hasText: answer }).waitFor()
    await screenshot(committee, 'committee-feedback-replied')
    expect(errorsOf(committee)).toEqual([])

    const reader = await phonePage(live.browser)
    await signInAs(reader, live.host.url, '村民', '李')
    await openEntry(reader, '三务公开')
    await reader.locator('.disclosure-row').filter({ hasText: disclosureTitle }).first().click()
    await current(reader).getByText('村民的疑问和村里的答复（1）').waitFor()
    await expect(current(reader).locator('.feedback-card').innerText()).resolves.toContain(answer)
    await screenshot(reader, 'villager-disclosure-replies')
  })

  it("lets the villager read the reply and confirm it; the chair's figures then show one closed and a 100% completion rate", async () => {
    await villager.goto(`${live.host.url}/#/pages/index/index`)
    await openEntry(villager, '我提的意见')
    const card = current(villager).locator('.feedback-card').filter({ hasText: question })
    await card.locator('.feedback-reply').filter({ hasText: answer }).waitFor()
    await screenshot(villager, 'villager-feedback-reply')
    await card
      .locator('.nut-button')
      .filter({ hasText: /^问题已解决$/ })
      .click()
    await card.getByText('已办结').first().waitFor()

    const after = await figuresOf(chair, /1\s*已办结/)
    expect(after).toMatch(/1\s*已办结/)
    expect(after).toMatch(/办结率\s*100\.0%/)
    await current(chair).locator('.feedback-figures').scrollIntoViewIfNeeded()
    await screenshot(chair, 'chair-feedback-figures')
    expect(errorsOf(chair)).toEqual([])
  })

  it('lets a villager report misconduct to the township and keep a tracking code', async () => {
    await villager.goto(`${live.host.url}/#/pages/index/index`)
    await openEntry(villager, '向镇纪委举报')
    await input(villager, '例如：村委会主任、某项工程').fill('村道硬化工程')
    await textarea(villager, '写清楚什么时间、什么事、您知道的情况').fill(misconduct)
    await button(villager, '提交举报').click()
    const code = current(villager).locator('.file-code')
    await code.waitFor()
    trackingCode = (await code.innerText()).trim()
    expect(trackingCode).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$/)
    await screenshot(villager, 'villager-report-code')
  })

  it('shows the chair nothing of the report', async () => {
    const screens: [string, string][] = [
      ['村民意见', '.feedback-card'],
      ['本村监督情况', '.feedback-figures'],
    ]
    await chair.goto(`${live.host.url}/#/pages/index/index`)
    await chair.locator('.nut-cell').first().waitFor()
    expect(await current(chair).innerText()).not.toMatch(/举报/)
    for (const [entry, ready] of screens) {
      await chair.goto(`${live.host.url}/#/pages/index/index`)
      await openEntry(chair, entry)
      await current(chair).locator(ready).first().waitFor()
      const text = await current(chair).innerText()
      expect(text).not.toContain(misconduct)
      expect(text).not.toContain('村道硬化工程')
    }
  })

  it('lets a township officer acknowledge and conclude the report', async () => {
    await signInAs(township, live.host.url, '镇纪委', '赵清华')
    await openEntry(township, '举报受理')
    const row = current(township).locator('.reports-row').filter({ hasText: '村道硬化工程' })
    await expect(row.innerText()).resolves.toContain('匿名')
    await row.click()
    await current(township).getByText(misconduct).waitFor()
    await button(township, '受理').click()
    await current(township).locator('.report-step-acknowledged').waitFor()
    await button(township, '办结').click()
    await textarea(township, '例如：经核查，反映的问题属实，已责令整改').fill(outcome)
    await dialogButton(township, '确认办结').click()
    await current(township).locator('.report-step-concluded').waitFor()
    await screenshot(township, 'township-report-concluded')
    expect(errorsOf(township)).toEqual([])
  })

  it('shows the reporter the outcome by the tracking code alone, even on another phone', async () => {
    const otherPhone = await phonePage(live.browser)
    await signInAs(otherPhone, live.host.url, '村民', '王')
    await openEntry(otherPhone, '查询举报进展')
    await input(otherPhone, '查询码，例如 7KQ2-M9XD-4HRT').fill(trackingCode.toLowerCase())
    await button(otherPhone, '查询').click()
    const card = current(otherPhone).locator('.track-card').filter({ hasText: trackingCode })
    await card.getByText(outcome).waitFor()
    await expect(card.innerText()).resolves.toContain('已办结')
    await screenshot(otherPhone, 'reporter-report-outcome')
    expect(errorsOf(otherPhone)).toEqual([])
    expect(errorsOf(villager)).toEqual([])
  })
})
