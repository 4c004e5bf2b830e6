// page.evaluate callbacks run in the browser.
/// <reference lib="dom" />
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { useHostAndBrowser } from './support/session'
import { apiFor } from './support/api'
import { button, current, dialogButton, errorsOf, input, phonePage, screenshotDir } from './support/browser'

/*
 * What a 70-year-old meets first: the join form, a month of the village's
 * money at double text size, and the ballot. Screenshots at 2× go to
 * test/e2e/screenshots/elderly/ to be looked at.
 */

const live = useHostAndBrowser()
const shots = join(screenshotDir, 'elderly')

/** A page signed in as a demo person (or a new visitor) at a text size, opened on a route. */
async function openAs(personId: string | null, scale: '1' | '2', route: string): Promise<Page> {
  const page = await phonePage(live.browser)
  const token = personId ? await apiFor(live.host.url).token(personId) : null
  await page.goto(`${live.host.url}/#/pages/login/index`)
  if (!token) {
    await button(page, '新访客体验').click()
    await page.getByText('加入本村监督群，或输入任命码').waitFor()
  }
  await page.evaluate(
    ([t, s]) => {
      if (t) localStorage.setItem('session-token', JSON.stringify({ data: t }))
      localStorage.setItem('text-scale', JSON.stringify({ data: s }))
    },
    [token, scale] as const,
  )
  await page.goto(`${live.host.url}/#/${route}`)
  await page.reload()
  await current(page).locator('.page-title').waitFor()
  await page.waitForLoadState('networkidle')
  return page
}

/** The whole page, however long: the viewport grows to the page's height first. */
async function tallScreenshot(page: Page, name: string): Promise<void> {
  mkdirSync(shots, { recursive: true })
  const height = await page.evaluate(() => Math.max(document.documentElement.scrollHeight, ...[...document.querySelectorAll('.taro_page')].map((p) => p.scrollHeight)))
  await page.setViewportSize({ width: 360, height: Math.min(height, 12_000) })
  await page.waitForTimeout(200)
  await page.screenshot({ path: join(shots, `${name}.png`) })
}

describe('the first form a newcomer meets', () => {
  it('keeps what is typed in each field of the join form in that field alone', async () => {
    const page = await openAs(null, '1', 'pages/join/index')
    const fields = { 村加入码: 'SHIQIAO', 户号: '0120', 您的姓名: '李新来' } as const
    const placeholders = { 村加入码: '例如 SHIQIAO', 户号: '户口簿上的户号', 您的姓名: '真实姓名' } as const
    for (const [field, value] of Object.entries(fields) as [keyof typeof fields, string][]) {
      await input(page, placeholders[field]).click()
      await page.keyboard.type(value)
      // Every field shows what was typed into it, and nothing else.
      for (const [other, placeholder] of Object.entries(placeholders) as [keyof typeof fields, string][]) {
        const typedSoFar = Object.keys(fields).indexOf(other) <= Object.keys(fields).indexOf(field) ? fields[other] : ''
        await expect(input(page, placeholder).inputValue()).resolves.toBe(typedSoFar)
      }
    }
    // Each field has a visible border: it looks like something to write in.
    for (const placeholder of Object.values(placeholders)) {
      const border = await input(page, placeholder).evaluate((el) => getComputedStyle(el.closest('.nut-input')!).borderTopWidth)
      expect(parseFloat(border)).toBeGreaterThanOrEqual(1)
    }
    expect(errorsOf(page)).toEqual([])
  })
})

describe('the feedback form at double text size', () => {
  it('grows the text box with what is typed, the count under the text and nothing under the box', async () => {
    const page = await openAs('p-shiqiao-0001-1', '2', 'packages/feedback/submit/index')
    const box = page.locator('textarea[placeholder="写清楚哪里有问题、您希望怎么办"]')
    await box.click()
    await page.keyboard.type('村里去年修的三组到五组的路，现在已经有好几处裂缝了，下雨天积水很深，老人出门很不方便。希望村里公开验收情况，找施工队来修一修。')
    await page.waitForTimeout(300)
    const layout = await box.evaluate((textarea) => {
      const frame = textarea.closest('.nut-textarea')!.getBoundingClientRect()
      const typed = textarea.getBoundingClientRect()
      const count = textarea.closest('.nut-textarea')!.querySelector('.nut-textarea-limit')!.getBoundingClientRect()
      const heading = [...document.querySelectorAll('.taro_page .section-title')].find((e) => (e.textContent ?? '').startsWith('图片'))!.getBoundingClientRect()
      return { frameBottom: frame.bottom, typedBottom: typed.bottom, countTop: count.top, headingTop: heading.top }
    })
    // The typed text ends inside the box, the count sits below it, and the next heading below the box.
    expect(layout.typedBottom).toBeLessThanOrEqual(layout.countTop + 1)
    expect(layout.countTop).toBeLessThan(layout.frameBottom)
    expect(layout.frameBottom).toBeLessThanOrEqual(layout.headingTop)
    expect(errorsOf(page)).toEqual([])
  })
})

describe("a month of the village's money at double text size", () => {
  it('puts each item on its own line with amount and date below, folds after 5 and names the totals for what they are', async () => {
    const villager = 'p-shiqiao-0001-1'
    const page = await openAs(villager, '2', 'packages/disclosure/detail/index?disclosureId=d-shiqiao-033')
    await current(page).locator('.disclosure-line').first().waitFor()
    await expect(current(page).locator('.disclosure-line').count()).resolves.toBe(5)
    const totals = await current(page).locator('.totals-card').innerText()
    expect(totals).toMatch(/本月收入[\s\S]*本月支出[\s\S]*本月收支差额/)
    expect(totals).not.toMatch(/结余/)
    await tallScreenshot(page, 'finance-2x-folded')
    await button(page, '展开全部 9 笔').click()
    await expect(current(page).locator('.disclosure-line').count()).resolves.toBe(9)
    // The name of every item takes the card's whole width, never a column of single characters.
    const widths = await current(page)
      .locator('.disclosure-line-item')
      .evaluateAll((items) => items.map((el) => el.getBoundingClientRect().width / el.closest('.disclosure-lines')!.getBoundingClientRect().width))
    for (const share of widths) expect(share).toBeGreaterThan(0.8)
    await tallScreenshot(page, 'finance-2x')
    expect(errorsOf(page)).toEqual([])
  })
})

describe('the ballot', () => {
  it('draws the three choices with the same colours, border and size, and names the choice in the confirmation', async () => {
    const api = apiFor(live.host.url)
    const closesAt = new Date(Date.now() + 86_400_000).toISOString()
    const { roundId } = await api.call('p-shiqiao-chair', 'evaluation', 'openRound', { subject: { type: 'disclosure', id: 'd-shiqiao-033' }, title: '3月财务公开评议', closesAt })
    const page = await openAs('p-shiqiao-0001-1', '2', `packages/evaluation/round/index?roundId=${roundId}`)
    const choices = current(page).locator('.ballot-choice')
    await choices.first().waitFor()
    const looks = await choices.evaluateAll((buttons) =>
      buttons.map((b) => {
        const s = getComputedStyle(b)
        const box = b.getBoundingClientRect()
        const label = b.querySelector('.nut-button-children') ?? b
        return {
          text: (b.textContent ?? '').trim(),
          look: {
            color: s.color,
            background: `${s.backgroundColor} ${s.backgroundImage}`,
            border: `${s.borderTopWidth} ${s.borderTopStyle} ${s.borderTopColor} ${s.borderRadius}`,
            weight: getComputedStyle(label).fontWeight,
            fontSize: getComputedStyle(label).fontSize,
            width: Math.round(box.width),
            height: Math.round(box.height),
          },
        }
      }),
    )
    expect(looks.map((l) => l.text)).toEqual(['满意', '基本满意', '不满意'])
    expect(looks[1]!.look).toEqual(looks[0]!.look)
    expect(looks[2]!.look).toEqual(looks[0]!.look)
    await tallScreenshot(page, 'vote-2x')
    await button(page, '不满意').click()
    await expect(page.locator('.ballot-confirm-choice').innerText()).resolves.toBe('不满意')
    await tallScreenshot(page, 'vote-2x-confirm')
    await dialogButton(page, '再想想').click()
    expect(errorsOf(page)).toEqual([])
  })
})

describe('the first screen on a slow connection', () => {
  // The host's HTML first screen stands in for the home page until the app has drawn it: the same
  // title, 待办 card and entries in the same places, at the reader's text size, so nothing jumps.
  for (const [who, personId] of [
    ['a villager', 'p-shiqiao-0001-1'],
    ['the chair', 'p-shiqiao-chair'],
  ] as const) {
    for (const scale of ['1', '2'] as const) {
      it(`is laid out like the app's home page for ${who} at ${scale}× text`, async () => {
        const page = await openAs(personId, scale, 'pages/index/index')
        await current(page).locator('.nut-cell').first().waitFor()
        const token = await apiFor(live.host.url).token(personId)
        const html = await (await fetch(`${live.host.url}/api/first-screen?route=pages/index/index`, { headers: { authorization: `Bearer ${token}` } })).text()
        const places = await page.evaluate((html) => {
          const top = (el: Element | null | undefined) => (el ? Math.round(el.getBoundingClientRect().top) : null)
          const app = document.querySelector('.taro_page:not([style*="display: none"]) .page')!
          const appPlaces = {
            title: top(app.querySelector('.page-title')),
            todo: top(app.querySelector('.home-todo')),
            entries: [...app.querySelectorAll('.nut-cell-group .nut-cell')].slice(0, 6).map(top),
          }
          const box = document.createElement('div')
          box.id = 'first-screen'
          box.innerHTML = html
          document.body.appendChild(box)
          const firstPlaces = {
            title: top(box.querySelector('.fs-title')),
            todo: top(box.querySelector('.fs-todo')),
            entries: [...box.querySelectorAll(':scope > .fs-list > .fs-item')].slice(0, 6).map(top),
          }
          box.remove()
          return { appPlaces, firstPlaces }
        }, html)
        // Within a pixel or two: sizes in fractions of a pixel round either way.
        const near = (a: number | null, b: number | null) => (a === null || b === null ? a === b : Math.abs(a - b) <= 2)
        const same =
          near(places.firstPlaces.title, places.appPlaces.title) &&
          near(places.firstPlaces.todo, places.appPlaces.todo) &&
          places.firstPlaces.entries.length === places.appPlaces.entries.length &&
          places.firstPlaces.entries.every((top, i) => near(top, places.appPlaces.entries[i]!))
        expect(same ? places.appPlaces : places.firstPlaces).toEqual(places.appPlaces)
        expect(places.appPlaces.entries.length).toBeGreaterThan(3)
      })
    }
  }
})
