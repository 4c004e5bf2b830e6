// page.evaluate callbacks run in the browser.
/// <reference lib="dom" />
import { readFileSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import type { DevPerson } from '../../shared/dev/schema'
import { useHostAndBrowser } from './support/session'
import { screenshotDir } from './support/browser'
import { apiFor } from './support/api'
import { withToken } from './support/phone'

const live = useHostAndBrowser()
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')

type Role = 'villager' | 'chair' | 'committee' | 'township'
const signedIn: Record<Role, string> = {
  villager: '',
  chair: 'p-shiqiao-chair',
  committee: 'p-shiqiao-director',
  township: 'p-tw-inspector',
}

/** Every page of the app, as the role that uses it, with records of the demo village to show. */
function pagesOf(ids: { reportId: string; escalationId: string; publicDisclosureId: string; openRoundId: string; meetingId: string }): [Role, string, string][] {
  return [
    ['villager', 'home', 'pages/index/index'],
    ['villager', 'power-list', 'packages/power/list/index'],
    ['villager', 'power-item', 'packages/power/item/index?itemId=pw-1-01'],
    ['villager', 'power-lists', 'packages/power/lists/index'],
    ['villager', 'power-history', 'packages/power/history/index'],
    ['villager', 'disclosures', 'packages/disclosure/home/index'],
    ['villager', 'disclosure', 'packages/disclosure/detail/index?disclosureId=d-shiqiao-001'],
    // A month of finance with nine line items: the page that fell apart at 2×.
    ['villager', 'finance', 'packages/disclosure/detail/index?disclosureId=d-shiqiao-033'],
    ['villager', 'decisions', 'packages/disclosure/decisions/index'],
    ['villager', 'decision', 'packages/disclosure/decision/index?decisionId=dc-shiqiao-1'],
    ['villager', 'public', 'packages/disclosure/public/index?villageId=v-shiqiao'],
    ['villager', 'public-detail', `packages/disclosure/public-detail/index?villageId=v-shiqiao&disclosureId=${ids.publicDisclosureId}`],
    ['villager', 'announcements', 'packages/announcement/list/index'],
    ['villager', 'announcement', 'packages/announcement/detail/index?announcementId=an-shiqiao-1'],
    ['villager', 'feedback-submit', 'packages/feedback/submit/index'],
    ['villager', 'feedback-mine', 'packages/feedback/mine/index'],
    ['villager', 'report-file', 'packages/report/file/index'],
    ['villager', 'report-track', 'packages/report/track/index'],
    ['villager', 'rounds', 'packages/evaluation/list/index'],
    ['villager', 'round', 'packages/evaluation/round/index?roundId=rd-shiqiao-road'],
    ['villager', 'vote', `packages/evaluation/round/index?roundId=${ids.openRoundId}`],
    ['villager', 'subject', 'packages/evaluation/subject/index?type=decision&id=dc-shiqiao-1'],
    ['villager', 'proxy', 'packages/evaluation/proxy/index'],
    ['villager', 'my-data', 'packages/privacy/mine/index'],
    ['villager', 'meetings', 'packages/meeting/list/index'],
    ['villager', 'meeting', `packages/meeting/detail/index?meetingId=${ids.meetingId}`],
    ['villager', 'topic-ask', 'packages/topic/ask/index'],
    ['chair', 'chair-home', 'pages/index/index'],
    ['chair', 'pending', 'packages/chair/pending/index'],
    ['chair', 'roster', 'packages/chair/roster/index'],
    ['chair', 'household', 'packages/chair/household/index?householdId=h-shiqiao-0003'],
    ['chair', 'announce', 'packages/chair/announce/index'],
    ['chair', 'unread', 'packages/chair/unread/index?announcementId=an-shiqiao-1'],
    ['chair', 'figures', 'packages/chair/figures/index'],
    ['chair', 'qrcode', 'packages/chair/qrcode/index'],
    ['chair', 'duties', 'packages/disclosure/duties/index'],
    ['chair', 'feedback-inbox', 'packages/feedback/inbox/index'],
    ['chair', 'round-open', 'packages/evaluation/open/index'],
    ['chair', 'village-group', 'packages/chair/group/index'],
    ['chair', 'meeting-schedule', 'packages/meeting/schedule/index'],
    ['chair', 'meeting-panel', `packages/meeting/panel/index?meetingId=${ids.meetingId}`],
    ['chair', 'meeting-room', `packages/meeting/room/index?meetingId=${ids.meetingId}`],
    ['chair', 'topic-inbox', 'packages/topic/inbox/index'],
    ['committee', 'catalog', 'packages/committee/catalog/index'],
    ['committee', 'publish', 'packages/committee/publish/index'],
    ['committee', 'revise', 'packages/committee/revise/index?disclosureId=d-shiqiao-001'],
    ['committee', 'revise-finance', 'packages/committee/revise/index?disclosureId=d-shiqiao-033'],
    ['township', 'villages', 'packages/township/villages/index'],
    ['township', 'overdue', 'packages/township/overdue/index'],
    ['township', 'township-feedback', 'packages/township/feedback/index'],
    ['township', 'reports', 'packages/township/reports/index'],
    ['township', 'report', `packages/township/report/index?reportId=${ids.reportId}`],
    ['township', 'cases', 'packages/township/cases/index'],
    ['township', 'case', `packages/township/case/index?escalationId=${encodeURIComponent(ids.escalationId)}`],
    ['township', 'township-evaluation', 'packages/township/evaluation/index'],
    ['township', 'audit', 'packages/township/audit/index'],
    ['township', 'setup', 'packages/township/setup/index'],
    ['township', 'roster', 'packages/township/roster/index?villageId=v-shiqiao&villageName=石桥村'],
    ['township', 'appointments', 'packages/township/appointments/index'],
    ['township', 'duty-settings', 'packages/township/duties/index'],
    ['township', 'settings', 'packages/township/settings/index'],
    ['township', 'featured', 'packages/township/featured/index'],
    ['township', 'security', 'packages/township/security/index'],
    ['township', 'integrity', 'packages/township/integrity/index'],
    ['township', 'township-topics', 'packages/township/topics/index'],
    ['villager', 'login', 'pages/login/index'],
    ['villager', 'join', 'pages/join/index'],
  ]
}

/** Sideways overflow and clipped text on the page on screen, as readable descriptions. */
function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const visible = [...document.querySelectorAll<HTMLElement>('.taro_page')].filter((p) => getComputedStyle(p).display !== 'none')
    const root = visible[visible.length - 1] ?? document.body
    const width = window.innerWidth
    const describe = (el: Element) => `${el.tagName.toLowerCase()}.${[...el.classList].slice(0, 3).join('.')} "${(el.textContent ?? '').trim().slice(0, 20)}"`
    // Inside a box meant to scroll sideways (e.g. a long list of tabs), running past the edge is by design.
    const inScroller = (el: Element) => {
      for (let p = el.parentElement; p && p !== root; p = p.parentElement) {
        const o = getComputedStyle(p).overflowX
        if (o === 'auto' || o === 'scroll') return true
      }
      return false
    }
    const problems: string[] = []
    const texts: [Element, DOMRect][] = []
    if (document.documentElement.scrollWidth > width + 1) problems.push(`the page scrolls sideways: ${document.documentElement.scrollWidth}px wide`)
    for (const el of root.querySelectorAll('*')) {
      const style = getComputedStyle(el)
      if (style.display === 'none' || style.visibility === 'hidden' || style.position === 'fixed') continue
      const box = el.getBoundingClientRect()
      if (box.width === 0 || box.height === 0 || inScroller(el)) continue
      if (box.right > width + 1 || box.left < -1) problems.push(`runs off the screen: ${describe(el)} (${Math.round(box.left)}–${Math.round(box.right)})`)
      const ownText = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim())
      // Lines closer together than the letters are tall: large text runs into the line above.
      if (ownText && style.lineHeight !== 'normal' && parseFloat(style.lineHeight) < parseFloat(style.fontSize) - 0.5) {
        problems.push(`lines overlap: ${describe(el)} (line height ${style.lineHeight}, text ${style.fontSize})`)
      }
      // Inline text running over several lines: compare its line boxes, not the box around them all.
      if (ownText) for (const r of el.getClientRects()) texts.push([el, r])
      const hides = style.overflowX !== 'visible' || style.overflowY !== 'visible' || style.textOverflow === 'ellipsis'
      if (ownText && hides && (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1)) {
        problems.push(`text cut off: ${describe(el)}`)
      }
      // Text squeezed into a column a few letters wide reads one character a line ("收/入/合/计").
      const own = [...el.childNodes]
        .filter((n) => n.nodeType === Node.TEXT_NODE)
        .map((n) => n.textContent ?? '')
        .join('')
        .trim()
      if ([...own].length > 4 && box.width < 3 * parseFloat(style.fontSize)) {
        problems.push(`text in a narrow column: ${describe(el)} (${Math.round(box.width)}px wide, text ${style.fontSize})`)
      }
    }
    // A button's label on one line: "确认投/票" makes an old reader guess the word.
    for (const el of root.querySelectorAll('.nut-button, .chip')) {
      const tops: number[] = []
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT)
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        if (!(n.textContent ?? '').trim()) continue
        const range = document.createRange()
        range.selectNodeContents(n)
        for (const r of range.getClientRects()) if (r.width > 0 && r.height > 0) tops.push(r.top)
      }
      const lineHeight = parseFloat(getComputedStyle(el).fontSize)
      const lines = tops.sort((a, b) => a - b).filter((t, i, all) => i === 0 || t - all[i - 1]! > lineHeight / 2).length
      if (lines > 1) problems.push(`button label breaks over ${lines} lines: ${describe(el)}`)
    }
    // Everything a finger taps is at least 44px tall.
    for (const el of root.querySelectorAll('.nut-button, .chip, .nut-cell-clickable')) {
      const box = el.getBoundingClientRect()
      if (box.height > 0 && box.height < 43.5) problems.push(`too small to tap: ${describe(el)} (${Math.round(box.height)}px tall)`)
    }
    // Two pieces of text drawn over each other.
    for (let i = 0; i < texts.length; i++) {
      for (let j = i + 1; j < texts.length; j++) {
        const [a, ra] = texts[i]!
        const [b, rb] = texts[j]!
        if (a.contains(b) || b.contains(a)) continue
        const x = Math.min(ra.right, rb.right) - Math.max(ra.left, rb.left)
        const y = Math.min(ra.bottom, rb.bottom) - Math.max(ra.top, rb.top)
        if (x > 2 && y > 2) problems.push(`text overlaps: ${describe(a)} and ${describe(b)}`)
      }
    }
    return problems
  })
}

/**
 * Internal codes, ids or English words on the page on screen. Codes people are
 * meant to copy (a report's tracking code, a ballot receipt, the village's join
 * code, 清单序号 like T-05) are made of capitals and digits and are allowed.
 */
function plainWordsProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const visible = [...document.querySelectorAll<HTMLElement>('.taro_page')].filter((p) => getComputedStyle(p).display !== 'none')
    // A web address printed for people to type (the public page's, under its QR code) is fine.
    const text = (visible[visible.length - 1] ?? document.body).innerText.replace(/https?:\/\/\S+/g, '')
    const internal = /undefined|null|NaN|\[object|[A-Z]+_[A-Z_]+|\b(rd|fb|rp|px|nt|an|es)[_-][\w-]+|-shiqiao-|\b[a-z]{3,}\b/g
    return [...new Set(text.match(internal) ?? [])].map((word) => `not plain words: "${word}"`)
  })
}

/** Serious and critical findings of an axe-core scan of the page on screen. */
async function accessibilityProblems(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axeSource })
  return page.evaluate(async () => {
    const visible = [...document.querySelectorAll<HTMLElement>('.taro_page')].filter((p) => getComputedStyle(p).display !== 'none')
    const axe = (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe
    const result = await axe.run(visible[visible.length - 1] ?? document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21aa'] })
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map(
        (v) =>
          `${v.id} (${v.impact}): ${v.nodes
            .slice(0, 3)
            .map((n) => n.target.join(' '))
            .join(', ')}`,
      )
  })
}

describe('every page at standard and double text size', () => {
  const found: Record<string, string[]> = {}
  let pages: [Role, string, string][] = []

  beforeAll(async () => {
    const api = apiFor(live.host.url)
    const people = ((await (await fetch(`${live.host.url}/api/dev/people`)).json()) as { data: DevPerson[] }).data
    const voters = people.filter((p) => p.villageId === 'v-shiqiao' && p.isRepresentative).slice(0, 2)
    signedIn.villager = voters[0]!.personId
    // A report, and a case for the township: two rounds on one disclosure, both over 25%.
    await api.call(voters[0]!.personId, 'report', 'file', { requestId: 'reach-report-0001', text: '村里公开的路灯维修费有问题。', anonymous: true })
    const [report] = (await api.call<{ items: { reportId: string }[] }>('p-tw-inspector', 'report', 'inbox')).items
    let escalationId: string | null = null
    for (const title of ['第一轮评议', '第二轮评议']) {
      const closesAt = new Date(Date.now() + 86_400_000).toISOString()
      const { roundId } = await api.call('p-shiqiao-chair', 'evaluation', 'openRound', { subject: { type: 'disclosure', id: 'd-shiqiao-002' }, title, closesAt })
      for (const v of voters) await api.call(v.personId, 'evaluation', 'castBallot', { roundId, choice: 'dissatisfied' })
      escalationId = (await api.call('p-shiqiao-chair', 'evaluation', 'closeRound', { roundId, reason: '两户已投票' })).escalationId
      // Answer first, then evaluate again (issue 20).
      if (escalationId === null) await api.call('p-shiqiao-director', 'evaluation', 'answerRound', { roundId, answer: '路灯维修费明细已补充公开。' })
    }
    // The township's rule and reply deadline changed once each, after the rounds above, so their pages show a history.
    await api.call('p-tw-inspector', 'township', 'setRule', { thresholdPermille: 250, streakLength: 2 })
    await api.call('p-tw-inspector', 'feedback', 'setReplyDays', { days: 7 })
    const [publicDisclosure] = (await api.call<{ items: { disclosureId: string }[] }>('p-shiqiao-chair', 'disclosure', 'publicList', { villageId: 'v-shiqiao' })).items
    // A round still open, for the ballot page with its three choices.
    const closesAt = new Date(Date.now() + 86_400_000).toISOString()
    const { roundId: openRoundId } = await api.call('p-shiqiao-chair', 'evaluation', 'openRound', {
      subject: { type: 'disclosure', id: 'd-shiqiao-033' },
      title: '3月财务公开评议',
      closesAt,
    })
    // A 村情发布会 with its panel and one item's panel round open, for the meeting, panel and room pages.
    const { meetingId } = await api.call('p-shiqiao-chair', 'meeting', 'schedule', {
      requestId: 'reach-meeting-0001',
      startsAt: new Date(Date.now() + 3_600_000).toISOString(),
      place: '村委会会议室',
      items: [
        { kind: 'disclosure', refId: 'd-shiqiao-001', presenter: '村委会主任' },
        { kind: 'text', title: '明年村道维护安排', presenter: '村党支部' },
      ],
    })
    await api.call('p-shiqiao-chair', 'meeting', 'setPanel', {
      meetingId,
      panel: [
        { personId: voters[1]!.personId, role: 'villageRep', votes: 'phone' },
        { name: '李国强', role: 'deputy', votes: 'paper' },
      ],
    })
    await api.call('p-shiqiao-chair', 'evaluation', 'openRound', {
      subject: { type: 'disclosure', id: 'd-shiqiao-001' },
      title: '村情发布会评议',
      closesAt,
      meeting: { meetingId, itemId: 'i1' },
    })
    pages = pagesOf({ reportId: report!.reportId, escalationId: escalationId!, publicDisclosureId: publicDisclosure!.disclosureId, openRoundId, meetingId })
    mkdirSync(join(screenshotDir, 'reach'), { recursive: true })
  })

  for (const scale of ['1', '2']) {
    it(`shows every page at ${scale}× text on a 360×640 phone: nothing off the screen, cut off or overlapping, taps 44px or more, plain words, no serious accessibility problem`, async () => {
      const api = apiFor(live.host.url)
      const context = await live.browser.newContext({ viewport: { width: 360, height: 640 }, locale: 'zh-CN' })
      try {
        for (const role of Object.keys(signedIn) as Role[]) {
          const page = await context.newPage()
          const errors: string[] = []
          page.on('pageerror', (e) => errors.push(e.message))
          const token = await api.token(signedIn[role])
          await withToken(page, live.host.url, token, scale)
          for (const [owner, name, path] of pages.filter(([r]) => r === role)) {
            await page.goto(`${live.host.url}/#/${path}`)
            await page.reload()
            await page.locator('.taro_page .page-title').last().waitFor()
            // Let the page's data arrive and the layout settle.
            await page.waitForLoadState('networkidle')
            await page.waitForTimeout(300)
            const problems = [...(await layoutProblems(page)), ...(await plainWordsProblems(page)), ...(await accessibilityProblems(page))]
            if (problems.length > 0) found[`${owner} ${name} ${scale}×`] = problems
            await page.screenshot({ path: join(screenshotDir, 'reach', `${name}-${scale}x.png`), fullPage: true })
          }
          if (errors.length > 0) found[`${role} script errors ${scale}×`] = errors
          await page.close()
        }
      } finally {
        await context.close()
      }
      expect(found).toEqual({})
    }, 600_000)
  }
})
