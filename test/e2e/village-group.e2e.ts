import type { Page } from 'playwright-core'
import { CARD_UPDATE_EVERY_MS } from '../../shared/group/rules'
import { FROM_GROUP_LABEL } from '../../shared/group/labels'
import { useHostAndBrowser } from './support/session'
import { apiFor } from './support/api'
import { button, current, dialogButton, errorsOf, input, openEntry, phonePage, screenshot, signInAs } from './support/browser'

/**
 * The village WeChat group in the browser (issue 19), with the local host's dev simulation standing in for
 * WeChat: `fromGroup=<name>` in the address is "opened from a card in group <name>" (miniprogram/src/services/
 * groupEntry.ts), which the host's fake open-data resolver turns into a group; the fake updatable-message sender
 * records what a round's card would show (GET /api/dev/updatable).
 */
const live = useHostAndBrowser()
const GROUP = '石桥村监督群'

type UpdatableCall = { kind: string; activityId: string; targetState?: number; parameterList?: { name: string; value: string }[] }
const updatableCalls = async (): Promise<UpdatableCall[]> => ((await (await fetch(`${live.host.url}/api/dev/updatable`)).json()) as { data: UpdatableCall[] }).data

/** Opens a page of the app as if its card had been tapped in the WeChat group `group` (a full load, like WeChat's launch). */
const openFromGroup = (page: Page, group: string, route: string) => page.goto(`${live.host.url}/?fromGroup=${encodeURIComponent(group)}#/${route}`)

describe('the village group: bind it, join from a card in it, vote, and the card shows the turnout', () => {
  const api = () => apiFor(live.host.url)
  let chair: Page
  let visitor: Page
  let roundId = ''
  let householdNumber = ''
  const visitorName = '石新群'

  beforeAll(async () => {
    chair = await phonePage(live.browser)
    visitor = await phonePage(live.browser)
    await signInAs(chair, live.host.url, '监委会主任', '周德明')
    // A household on the roster that nobody of has joined yet: the newcomer's.
    const roster = await api().call<{ items: { number: string }[] }>('p-shiqiao-chair', 'member', 'roster', { inGroup: false })
    householdNumber = roster.items[0]!.number
  })

  it('lets the chair bind the group by opening the binding card in it, recorded with who and when', async () => {
    await chair.goto(`${live.host.url}/#/pages/index/index`)
    await openEntry(chair, '本村监督群')
    await current(chair).getByText('还没有绑定村监督群').waitFor()
    await input(chair, '群的名称，可不填').fill('一组群')
    await input(chair, '模拟的微信群').fill(GROUP)
    await button(chair, '模拟点开卡片').click()
    await current(chair).locator('.group-bound').filter({ hasText: '已绑定：一组群' }).waitFor()
    // The list is read again once the binding answered.
    const row = current(chair).locator('.group-row')
    await row.filter({ hasText: '一组群' }).waitFor()
    await expect(row.count()).resolves.toBe(1)
    await expect(row.innerText()).resolves.toMatch(/一组群[\s\S]*周德明 绑定于 \d{4}年\d{1,2}月\d{1,2}日 \d\d:\d\d/)
    await screenshot(chair, 'village-group-bound')
    expect(errorsOf(chair)).toEqual([])
  })

  it('offers the chair to send a new round to the group; in the browser it says this is done in WeChat', async () => {
    const closesAt = new Date(Date.now() + 3 * 86_400_000).toISOString()
    ;({ roundId } = await api().call<{ roundId: string }>('p-shiqiao-chair', 'evaluation', 'openRound', {
      subject: { type: 'disclosure', id: 'd-shiqiao-033' },
      title: '3月财务公开评议',
      closesAt,
    }))
    await chair.goto(`${live.host.url}/#/packages/evaluation/round/index?roundId=${roundId}`)
    const share = current(chair).locator('.share-to-group')
    await share.waitFor()
    await expect(share.innerText()).resolves.toMatch(/在微信里打开本页，点“发到村监督群”/)
    await screenshot(chair, 'village-group-round-share')
  })

  it('offers a newcomer who opened the round card from the group joining with the village already chosen', async () => {
    await visitor.goto(`${live.host.url}/#/pages/login/index`)
    await button(visitor, '新访客体验').click()
    await visitor.getByText('加入本村监督群，或输入任命码').waitFor()
    await openFromGroup(visitor, GROUP, `packages/evaluation/round/index?roundId=${roundId}`)
    const offer = current(visitor).locator('.group-join-offer')
    await offer.waitFor()
    await expect(offer.innerText()).resolves.toMatch(/您是从石桥村监督群里打开的/)
    await screenshot(visitor, 'village-group-join-offer')
    await button(visitor, '申请加入石桥村监督群').click()
    // Only 户号 and name: no join code to type.
    await current(visitor).locator('.join-village').filter({ hasText: '石桥村' }).waitFor()
    await expect(input(visitor, '例如 SHIQIAO').count()).resolves.toBe(0)
    await input(visitor, '户口簿上的户号').fill(householdNumber)
    await input(visitor, '真实姓名').fill(visitorName)
    await screenshot(visitor, 'village-group-join-form')
    await button(visitor, '提交申请').click()
    await visitor.getByText('申请已提交').waitFor()
    expect(errorsOf(visitor)).toEqual([])
  })

  it('shows the chair the request as 从本村监督群进入, and the chair approves it', async () => {
    await chair.goto(`${live.host.url}/#/pages/index/index`)
    await openEntry(chair, '入群审核')
    const request = current(chair).locator('.pending-request').filter({ hasText: visitorName })
    await request.waitFor()
    await expect(request.locator('.pending-from-group').innerText()).resolves.toBe(FROM_GROUP_LABEL)
    // Requests made with a join code carry no such mark.
    const others = current(chair).locator('.pending-request').filter({ hasNotText: visitorName })
    for (const other of await others.all()) await expect(other.locator('.pending-from-group').count()).resolves.toBe(0)
    await request.scrollIntoViewIfNeeded()
    await screenshot(chair, 'village-group-pending')
    await request
      .locator('.nut-button')
      .filter({ hasText: /^通过$/ })
      .click()
    await request.waitFor({ state: 'detached' })
  })

  it(
    'lets the new member vote, and the round card recorded by the fake shows the new turnout',
    async () => {
      const before = await api().call<{ turnout: { voted: number; eligible: number } }>('p-shiqiao-chair', 'evaluation', 'getRound', { roundId })
      await visitor.goto(`${live.host.url}/#/packages/evaluation/round/index?roundId=${roundId}`)
      await visitor.reload()
      await button(visitor, '满意').click()
      await dialogButton(visitor, '确认投票').click()
      await current(visitor).locator('.ballot-receipt-code').waitFor()
      await screenshot(visitor, 'village-group-voted')
      const voted = String(before.turnout.voted + 1)

      // The card's activity id, as the phone would set it on the card (group.roundCard).
      const card = await api().call<{ activityId: string | null; state: string }>('p-shiqiao-chair', 'group', 'roundCard', { roundId })
      expect(card.state).toBe('live')
      // The host's timer passes every 30 s and updates a card at most every CARD_UPDATE_EVERY_MS: wait for the update.
      const deadline = Date.now() + CARD_UPDATE_EVERY_MS + 90_000
      let shown: UpdatableCall | undefined
      while (!shown && Date.now() < deadline) {
        shown = (await updatableCalls()).find(
          (c) =>
            c.kind === 'setUpdatableMsg' && c.activityId === card.activityId && c.targetState === 0 && c.parameterList?.some((p) => p.name === 'member_count' && p.value === voted),
        )
        if (!shown) await new Promise((r) => setTimeout(r, 2000))
      }
      expect(shown?.parameterList).toEqual([
        { name: 'member_count', value: voted },
        { name: 'room_limit', value: String(Math.max(before.turnout.eligible, before.turnout.voted + 1)) },
      ])
      expect(errorsOf(visitor)).toEqual([])
    },
    CARD_UPDATE_EVERY_MS + 180_000,
  )
})
