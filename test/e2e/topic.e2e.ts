import type { Page } from 'playwright-core'
import { useHostAndBrowser } from './support/session'
import { button, current, errorsOf, input, openEntry, phonePage, screenshot, signInAs, textarea } from './support/browser'

const live = useHostAndBrowser()

const topic = '村里低保户是怎么评定的'
const reason = '想知道今年评低保开了几次会、谁参加了、名单在哪里看'
const reworded = '2026年低保评定的过程和名单'

describe('点题公开: a villager asks, the chair forwards, the committee answers with a disclosure, the villager sees 已公开', () => {
  let villager: Page
  let chair: Page
  let committee: Page

  beforeAll(async () => {
    villager = await phonePage(live.browser)
    chair = await phonePage(live.browser)
    committee = await phonePage(live.browser)
  })

  it('lets a villager ask for a topic with the reason, and shows it waiting for the chair', async () => {
    await signInAs(villager, live.host.url, '村民', '王')
    await openEntry(villager, '我要点题')
    await input(villager, '例如：东坡土地流转的租金收入').fill(topic)
    await textarea(villager, '例如：地是去年流转出去的，想知道租金收了多少、用在了哪里').fill(reason)
    await screenshot(villager, 'villager-topic-form')
    await button(villager, '提交').click()
    await current(villager).getByText('已提交。', { exact: false }).waitFor()
    const card = current(villager).locator('.topic-card').filter({ hasText: topic })
    await card.getByText('等待主任处理').waitFor()
    expect(errorsOf(villager)).toEqual([])
  })

  it('lets the chair see who asked and forward it, reworded, as a 村务 duty due in 7 days', async () => {
    await signInAs(chair, live.host.url, '监委会主任', '周德明')
    await openEntry(chair, '点题收集')
    const card = current(chair).locator('.topic-card').filter({ hasText: topic })
    await card.waitFor()
    await expect(card.innerText()).resolves.toMatch(/提出人：王/)
    await card.scrollIntoViewIfNeeded()
    await screenshot(chair, 'chair-topic-inbox')
    await card
      .locator('.nut-button')
      .filter({ hasText: /^转交村“两委”公开$/ })
      .click()
    const sheet = chair.locator('.topic-sheet').filter({ visible: true })
    await sheet.locator('input').fill(reworded)
    await sheet
      .locator('.chip')
      .filter({ hasText: /^村务$/ })
      .click()
    await sheet
      .locator('.chip')
      .filter({ hasText: /^办事结果$/ })
      .click()
    await sheet
      .locator('.chip')
      .filter({ hasText: /^7天内$/ })
      .click()
    await screenshot(chair, 'chair-topic-forward')
    await sheet
      .locator('.nut-button')
      .filter({ hasText: /^转交$/ })
      .click()
    await card.getByText('已转交两委').waitFor()
    expect(errorsOf(chair)).toEqual([])
  })

  it('shows the committee the duty without the name, and publishing a disclosure that answers it makes it 按时', async () => {
    await signInAs(committee, live.host.url, '村两委', '李卫东')
    await openEntry(committee, '公开时限')
    const duty = current(committee).locator('.duty-period').filter({ hasText: reworded })
    await duty.waitFor()
    await expect(duty.innerText()).resolves.not.toMatch(/王/)
    await expect(duty.innerText()).resolves.toContain('未到期')
    await screenshot(committee, 'committee-topic-duty')
    await duty
      .locator('.nut-button')
      .filter({ hasText: /^发布公开答复这条点题$/ })
      .click()
    // The publish form opens with the topic chosen, its kind, section and wording filled in.
    await current(committee).locator('.chip-active').filter({ hasText: reworded }).waitFor()
    await expect(input(committee, '例如：2026年10月村级财务收支公开').inputValue()).resolves.toBe(reworded)
    await textarea(committee, '写清楚公开的事：是什么、多少钱、谁经手、什么时候').fill('今年低保评定经村民代表会议评议，名单已张榜公示7天，无异议。')
    await screenshot(committee, 'committee-topic-publish')
    await button(committee, '发布').click()
    // Published: the app opens the new disclosure.
    await current(committee).getByText('名单已张榜公示7天', { exact: false }).waitFor()
    await committee.goto(`${live.host.url}/#/packages/disclosure/duties/index`)
    await current(committee).locator('.duty-period').filter({ hasText: reworded }).getByText('按时').waitFor()
    expect(errorsOf(committee)).toEqual([])
  })

  it('shows the villager 已公开 with a link to the disclosure', async () => {
    await villager.goto(`${live.host.url}/#/packages/topic/ask/index`)
    const card = current(villager).locator('.topic-card').filter({ hasText: topic })
    await card.getByText('已公开', { exact: true }).waitFor()
    await expect(card.innerText()).resolves.toContain(reworded)
    await card.scrollIntoViewIfNeeded()
    await screenshot(villager, 'villager-topic-disclosed')
    await card.getByText('查看公开内容 ›').click()
    await current(villager).getByText('今年低保评定经村民代表会议评议', { exact: false }).waitFor()
    expect(errorsOf(villager)).toEqual([])
  })
})
