import type { Page } from 'playwright-core'
import type { DevPerson } from '../../shared/dev/schema'
import { useHostAndBrowser } from './support/session'
import { button, current, dialogButton, errorsOf, input, openEntry, phonePage, screenshot, signInAs, textarea } from './support/browser'

const live = useHostAndBrowser()

const answer = '路灯维修费用的合同和验收单已补充公开，欢迎到村委会查看原件。'
const rectification = '补充公开路灯维修合同、验收单和付款凭证，并在村民会议上说明。'
const report = '合同、验收单和付款凭证已在公开栏和小程序补充公开，11月25日村民会议已作说明。'
const conclusion = '经核查，村里已按要求整改到位，请村民再次评议。'

describe('two rounds over 25% on one disclosure reach the township, which has it put right and evaluated again', () => {
  let chair: Page
  let committee: Page
  let township: Page
  let voters: Page[]
  let disclosureTitle = ''

  beforeAll(async () => {
    chair = await phonePage(live.browser)
    committee = await phonePage(live.browser)
    township = await phonePage(live.browser)
    voters = [await phonePage(live.browser), await phonePage(live.browser)]
    // Two voting representatives of 石桥村 whose names are unique, so signing in finds exactly them.
    const people = ((await (await fetch(`${live.host.url}/api/dev/people`)).json()) as { data: DevPerson[] }).data
    const villagers = people.filter((p) => p.role === 'villager' && p.villageId === 'v-shiqiao')
    const unique = villagers.filter((p) => p.isRepresentative && villagers.filter((q) => q.name.includes(p.name)).length === 1)
    for (const [i, page] of voters.entries()) await signInAs(page, live.host.url, '村民', unique[i]!.name)
    await signInAs(chair, live.host.url, '监委会主任', '周德明')
    await signInAs(committee, live.host.url, '村两委', '李卫东')
  })

  /** The chair opens a round on the first disclosure from its own page, and lands on the round. */
  async function openRound() {
    await chair.goto(`${live.host.url}/#/pages/index/index`)
    await openEntry(chair, '三务公开')
    await chair.locator('.disclosure-row').first().click()
    await button(chair, '对这条公开发起评议').click()
    await current(chair).locator('.open-picked').waitFor()
    await button(chair, '发起评议').click()
    await current(chair).locator('.round-card').waitFor()
    disclosureTitle = (await current(chair).locator('.round-subject').innerText()).replace(/^公开：/, '').trim()
  }

  async function vote(page: Page, choice: '满意' | '基本满意' | '不满意') {
    await page.goto(`${live.host.url}/#/pages/index/index`)
    await openEntry(page, '评议投票')
    await current(page).locator('.round-card').first().click()
    await button(page, choice).click()
    await dialogButton(page, '确认投票').click()
    await current(page).locator('.ballot-receipt-code').waitFor()
  }

  async function closeRound() {
    await chair.reload()
    await button(chair, '结束评议').click()
    // 2 of 106 households voted: the chair is warned first, then (before the closing time) asked why.
    await dialogButton(chair, '仍要结束').click()
    await textarea(chair, '例如：村民会议上全部户代表已当场投票').fill('测试：两户已投票，提前结束')
    await dialogButton(chair, '结束并公布').click()
    await current(chair).getByText('已结束').first().waitFor()
  }

  it('lets the chair open a round on a disclosure and the villagers vote, more than 25% 不满意', async () => {
    await openRound()
    await screenshot(chair, 'chair-round-opened')
    await vote(voters[0]!, '不满意')
    await screenshot(voters[0]!, 'villager-ballot-receipt')
    await vote(voters[1]!, '满意')
    expect(errorsOf(voters[0]!)).toEqual([])
  })

  it('lets the chair close it: the result shows over the threshold with the ballot list', async () => {
    await closeRound()
    const card = current(chair).locator('.round-card')
    await expect(card.innerText()).resolves.toMatch(/不满意超过25%/)
    await expect(card.innerText()).resolves.toMatch(/不满意占 50%/)
    await expect(current(chair).getByText('投票清单（2 张').count()).resolves.toBe(1)
    await screenshot(chair, 'chair-round-closed')
  })

  it('has the committee answer on record, published with the round', async () => {
    await committee.goto(`${live.host.url}/#/pages/index/index`)
    await openEntry(committee, '评议与答复')
    await current(committee).getByText('已结束', { exact: true }).click()
    await current(committee).locator('.round-card').filter({ hasText: '待答复' }).first().click()
    await button(committee, '答复释疑').click()
    await textarea(committee, '针对村民不满意的地方，说明情况和下一步怎么做').fill(answer)
    await dialogButton(committee, '公布答复').click()
    await current(committee).locator('.answer').filter({ hasText: answer }).waitFor()
    await screenshot(committee, 'committee-round-answered')
  })

  it('escalates when a second round on the same disclosure is over 25% again', async () => {
    await openRound()
    await vote(voters[0]!, '不满意')
    await vote(voters[1]!, '基本满意')
    await closeRound()
    await current(chair).getByText('已提交镇纪委处理', { exact: false }).waitFor()
    expect(errorsOf(chair)).toEqual([])
  })

  it('puts the case in the township inbox with both rounds; the officer orders rectification', async () => {
    await signInAs(township, live.host.url, '镇纪委', '赵清华')
    await openEntry(township, '评议升级案件')
    const row = current(township).locator('.cases-row').filter({ hasText: disclosureTitle })
    await row.waitFor()
    await expect(row.innerText()).resolves.toMatch(/不满意 1 \/ 共 2 票[\s\S]*不满意 1 \/ 共 2 票/)
    await screenshot(township, 'township-case-inbox')
    await row.click()
    await button(township, '下达整改要求').click()
    await textarea(township, '例如：重新公开完整的收支明细，并在村民会议上说明').fill(rectification)
    await input(township, '例如：2026-12-31').fill(new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10))
    await dialogButton(township, '下达').click()
    await current(township).getByText('等待村里报告整改情况').waitFor()
  })

  it('lets the village report its rectification to villagers', async () => {
    await committee.goto(`${live.host.url}/#/pages/index/index`)
    await openEntry(committee, '评议与答复')
    await current(committee).getByText('已结束', { exact: true }).click()
    await current(committee).locator('.round-card').first().click()
    await button(committee, '全部评议记录').click()
    await button(committee, '报告整改情况').click()
    await textarea(committee, '按镇纪委的整改要求做了什么、结果怎样').fill(report)
    await dialogButton(committee, '公布').click()
    await current(committee).locator('.answer').filter({ hasText: report }).waitFor()
    await screenshot(committee, 'committee-rectification-reported')
  })

  it('lets the township close the case, and the re-evaluation round appears for villagers', async () => {
    await township.reload()
    await button(township, '办结并发起再评议').click()
    await textarea(township, '例如：经核查，村里已按要求整改到位').fill(conclusion)
    await dialogButton(township, '办结').click()
    await current(township).getByText('已发起再评议', { exact: false }).waitFor()
    await screenshot(township, 'township-case-closed')
    expect(errorsOf(township)).toEqual([])

    const villager = voters[0]!
    await villager.goto(`${live.host.url}/#/pages/index/index`)
    await openEntry(villager, '评议投票')
    const reevaluation = current(villager).locator('.round-card').filter({ hasText: '整改后再评议' })
    await reevaluation.waitFor()
    await expect(reevaluation.innerText()).resolves.toContain(disclosureTitle)
    await screenshot(villager, 'villager-reevaluation-round')
    expect(errorsOf(villager)).toEqual([])
  })
})
