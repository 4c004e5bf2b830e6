import type { Page } from 'playwright-core'
import { apiFor } from './support/api'
import { useHostAndBrowser } from './support/session'
import { button, current, errorsOf, input, openEntry, phonePage, screenshot, signInAs, textarea } from './support/browser'

const live = useHostAndBrowser()

const title = '2026年11月上旬财务收支公开'
// A 1×1 PNG.
const tinyPng = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64')
const lines = [
  ['购买水泥', '1270'],
  ['路灯维修费', '680'],
  ['村部水电费', '427.50'],
] as const

describe('a finance disclosure is published, read, corrected; an announcement is pushed and read', () => {
  let committee: Page
  let villager: Page
  let chair: Page

  beforeAll(async () => {
    committee = await phonePage(live.browser)
    villager = await phonePage(live.browser)
    chair = await phonePage(live.browser)
  })

  it('lets a committee member publish a finance disclosure with three line items', async () => {
    await signInAs(committee, live.host.url, '村两委', '李卫东')
    await openEntry(committee, '发布公开')
    await committee
      .locator('.publish-form .chip')
      .filter({ hasText: /^财务$/ })
      .click()
    await committee
      .locator('.publish-form .chip')
      .filter({ hasText: /^财务收支$/ })
      .click()
    await input(committee, '例如：2026年10月村级财务收支公开').fill(title)
    await textarea(committee, '写清楚公开的事：是什么、多少钱、谁经手、什么时候').fill('经村务监督委员会审核，公开本月上旬收支。')
    while ((await committee.locator('.line-row').count()) < lines.length) await button(committee, '添加一笔').click()
    for (const [i, [item, amount]] of lines.entries()) {
      await committee.locator('.line-row').nth(i).locator('input[placeholder="例如：购买水泥"]').fill(item)
      await committee.locator('.line-row').nth(i).locator('input[placeholder="例如：860.50"]').fill(amount)
    }
    // A photo of the receipts, picked from the phone's album.
    const chooser = committee.waitForEvent('filechooser')
    await button(committee, '添加图片').click()
    await (await chooser).setFiles({ name: 'receipt.png', mimeType: 'image/png', buffer: tinyPng })
    await current(committee).locator('.photo-row').waitFor()
    // The total is computed as the lines are typed, never typed in.
    await expect(committee.locator('.form-totals').innerText()).resolves.toContain('2,377.50元')
    await screenshot(committee, 'committee-publish-form')
    await button(committee, '发布').click()
    await committee.locator('.disclosure-totals').waitFor()
    await expect(committee.locator('.disclosure-totals').innerText()).resolves.toContain('2,377.50元')
    await expect(current(committee).locator('.attachment-image img, img.attachment-image').first().getAttribute('src')).resolves.toMatch(/\/files\//)
    expect(errorsOf(committee)).toEqual([])
  })

  it('shows a villager the disclosure with its computed total', async () => {
    await signInAs(villager, live.host.url, '村民', '王')
    await openEntry(villager, '三务公开')
    const first = villager.locator('.disclosure-row').first()
    await first.waitFor()
    await expect(first.innerText()).resolves.toContain(title)
    await first.click()
    await villager.locator('.disclosure-totals').waitFor()
    await expect(villager.locator('.disclosure-totals').innerText()).resolves.toContain('2,377.50元')
    await expect(villager.locator('.revised-notice').count()).resolves.toBe(0)
    await screenshot(villager, 'villager-disclosure')
  })

  it('lets the committee correct one amount with a reason; the villager sees 已更正 and exactly what changed', async () => {
    await button(committee, '更正这条公开').click()
    await committee.getByText('更正原因（必填）').waitFor()
    const amounts = current(committee).locator('.line-row input[placeholder="例如：860.50"]')
    await expect(amounts.nth(1).inputValue()).resolves.toMatch(/^680(\.00)?$/)
    await amounts.nth(1).fill('860')
    await current(committee).locator('textarea[placeholder="例如：第2笔水泥款金额录入有误，应为860元。村民能看到这个原因"]').fill('路灯维修费应为860元，误录为680元')
    await button(committee, '提交更正').click()
    await current(committee).locator('.revised-notice').waitFor()

    await villager.reload()
    await villager.locator('.revised-notice').waitFor()
    const page = await current(villager).innerText()
    expect(page).toContain('已更正 1 次')
    expect(page).toContain('路灯维修费应为860元，误录为680元')
    expect(page).toMatch(/680\.00元\s*→\s*860\.00元/)
    await expect(villager.locator('.disclosure-totals').innerText()).resolves.toContain('2,557.50元')
    await screenshot(villager, 'villager-disclosure-corrected')
    expect(errorsOf(villager)).toEqual([])
  })

  it('shows a line inserted at the top as 新增 1 笔 with only that line marked, not every later line as changed', async () => {
    const api = apiFor(live.host.url)
    const director = 'p-shiqiao-director'
    const { items } = await api.call<{ items: { disclosureId: string; title: string }[] }>(director, 'disclosure', 'list', { kind: 'finance' })
    const { disclosureId } = items.find((d) => d.title === title)!
    const { disclosure } = await api.call(director, 'disclosure', 'get', { disclosureId })
    const top = { date: disclosure.lineItems[0].date, item: '保洁员工资', amountFen: 30000, direction: 'spending' }
    await api.call(director, 'disclosure', 'revise', {
      disclosureId,
      expectedRevision: 2,
      title,
      body: disclosure.body,
      period: disclosure.period,
      lineItems: [top, ...disclosure.lineItems],
      attachments: disclosure.attachments.map((a: { fileId: string; name: string }) => ({ fileId: a.fileId, name: a.name })),
      reason: '漏记保洁员工资300元，补在最前面',
    })

    await villager.reload()
    const records = villager.locator('.revision-record')
    const latest = records.nth(1)
    await latest.waitFor()
    await expect(records.count()).resolves.toBe(2)
    await expect(latest.locator('.revision-summary').innerText()).resolves.toBe('新增 1 笔')
    await expect(latest.locator('.revision-line-inserted').innerText()).resolves.toMatch(/新增第1笔：.*保洁员工资.*300\.00元/)
    // Only that line: none of the three lines after it reads as changed, removed or moved.
    await expect(latest.locator('.revision-change').count()).resolves.toBe(1)
    await expect(records.nth(0).locator('.revision-summary').innerText()).resolves.toBe('改了 1 笔金额')
    await expect(villager.locator('.disclosure-totals').innerText()).resolves.toContain('2,857.50元')
    await latest.scrollIntoViewIfNeeded()
    await screenshot(villager, 'villager-disclosure-inserted-line')
    expect(errorsOf(villager)).toEqual([])
  })

  it('marks the one changed character of a corrected title, not the whole title as replaced', async () => {
    const api = apiFor(live.host.url)
    const director = 'p-shiqiao-director'
    const { items } = await api.call<{ items: { disclosureId: string; title: string }[] }>(director, 'disclosure', 'list', { kind: 'finance' })
    const { disclosureId } = items.find((d) => d.title === title)!
    const { disclosure } = await api.call(director, 'disclosure', 'get', { disclosureId })
    await api.call(director, 'disclosure', 'revise', {
      disclosureId,
      expectedRevision: 3,
      title: title.replace('上旬', '中旬'),
      body: disclosure.body,
      period: disclosure.period,
      lineItems: disclosure.lineItems,
      attachments: disclosure.attachments.map((a: { fileId: string; name: string }) => ({ fileId: a.fileId, name: a.name })),
      reason: '标题写错了，是中旬',
    })

    await villager.reload()
    const latest = villager.locator('.revision-record').nth(2)
    await latest.waitFor()
    await expect(latest.locator('.revision-summary').innerText()).resolves.toBe('改了标题')
    const change = latest.locator('.revision-change-title')
    await expect(change.innerText()).resolves.toContain('标题改了 1 处')
    await expect(change.locator('.revision-mark-before').allInnerTexts()).resolves.toEqual(['上'])
    await expect(change.locator('.revision-mark-after').allInnerTexts()).resolves.toEqual(['中'])
    expect(errorsOf(villager)).toEqual([])
  })

  it('lets the chair push an announcement that the villager sees unread, opens, and the reach goes from 0 to 1', async () => {
    await signInAs(chair, live.host.url, '监委会主任', '周德明')
    await openEntry(chair, '发布公告')
    await input(chair, '例如：10月财务收支已公开，请大家查看').fill('11月上旬财务已公开')
    await textarea(chair, '要告诉村民的事').fill('请各户查看11月上旬财务收支，有疑问可以直接留言。')
    await button(chair, '发布公告').click()
    const reach = chair.locator('.reach-figure').first()
    await chair.getByText('11月上旬财务已公开').first().waitFor()
    await expect(reach.innerText()).resolves.toMatch(/已读\s*0\s*户/)

    await villager.goto(`${live.host.url}/#/pages/index/index`)
    await openEntry(villager, '村务公告')
    const unread = villager.locator('.announcement-row.announcement-unread').filter({ hasText: '11月上旬财务已公开' })
    await unread.waitFor()
    await screenshot(villager, 'villager-announcements-unread')
    await unread.click()
    await villager.getByText('请各户查看11月上旬财务收支，有疑问可以直接留言。').waitFor()

    await chair.reload()
    await chair.locator('.reach-figure').first().waitFor()
    await expect(chair.locator('.reach-figure').first().innerText()).resolves.toMatch(/已读\s*1\s*户/)
    await screenshot(chair, 'chair-announcement-reach')
    expect(errorsOf(chair)).toEqual([])
  })
})
