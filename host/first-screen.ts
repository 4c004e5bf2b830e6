import type { OutputOf } from '../shared/contract/action'
import type { memberContract } from '../shared/member/schema'
import type { disclosureContract } from '../shared/disclosure/schema'
import { periodLabel } from '../shared/disclosure/rules'
import { entryGroupsFor } from '../shared/entries'
import { NOTHING_TO_DO, badgesOf, todoInfo, type TodoKind } from '../shared/todo'
import { demoPeopleShown, describeDemoPerson } from '../shared/dev/labels'
import { kindLabels, sectionLabels } from '../shared/disclosure/labels'
import type { DevPerson } from '../shared/dev/schema'
import type { Envelope } from '../shared/errors'
import { formatBeijingDay } from '../shared/time'

/*
 * The first screen as plain HTML, for villagers on a slow connection. Before
 * the app's scripts arrive (about 150 KB, several seconds at 400 kbps), the
 * shell's boot script (miniprogram/src/index.html) asks for this and shows it;
 * the app replaces it as soon as its own page has loaded. The data comes from
 * the same cloud functions, called as the signed-in person; only the markup is
 * drawn here, from the same entry lists and labels the app uses.
 */

type Me = OutputOf<(typeof memberContract)['me']>
type DisclosurePage = OutputOf<(typeof disclosureContract)['list']>

export interface FirstScreenSources {
  /** Calls a cloud function action as the person the request signed in as (null: not signed in). */
  call(area: 'member' | 'disclosure' | 'announcement' | 'evaluation', event: Record<string, unknown>): Promise<Envelope<unknown>>
  signedIn: boolean
  /** The demo people, when the dev sign-in exists. */
  demoPeople: (() => Promise<DevPerson[]>) | null
}

const escape = (text: string): string => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)

interface Item {
  title: string
  text: string
  href?: string
  /** a red count, as the app shows it */
  badge?: number
}

const badge = (n: number | undefined) => (n ? `<span class="fs-badge">${n > 99 ? '99+' : n}</span>` : '')

function list(items: Item[]): string {
  const rows = items
    .map((i) => {
      // As the app's cell: title and text on the left, the count at the right edge.
      const body = `<span class="fs-item-left"><span class="fs-item-title">${escape(i.title)}</span><span class="fs-item-text">${escape(i.text)}</span></span>${badge(i.badge)}`
      return `<li class="fs-item">${i.href ? `<a class="fs-item-body" href="#${escape(i.href)}">${body}</a>` : `<div class="fs-item-body">${body}</div>`}</li>`
    })
    .join('')
  return `<ul class="fs-list">${rows}</ul>`
}

/** Entries under an optional heading, as the app's cell groups draw them. */
interface Group {
  title: string | null
  items: Item[]
}

function screen(title: string, subtitle: string, content: Item[] | Group[], before = ''): string {
  const groups: Group[] = content.length > 0 && 'items' in content[0]! ? (content as Group[]) : [{ title: null, items: content as Item[] }]
  return (
    `<h1 class="fs-title">${escape(title)}</h1>` +
    (subtitle ? `<p class="fs-subtitle">${escape(subtitle)}</p>` : '') +
    before +
    groups.map((g) => (g.title ? `<p class="fs-group-title">${escape(g.title)}</p>` : '') + list(g.items)).join('') +
    `<p class="fs-note">正在打开，请稍候…</p>`
  )
}

/** The app's 待办 card, as HTML: each count a link to where it is done. */
function todoCard(items: { kind: TodoKind; count: number }[]): string {
  const due = items.filter((i) => i.count > 0)
  const rows = due
    .map(
      (i) =>
        `<li class="fs-item"><a class="fs-item-body fs-todo-row" href="#${escape(todoInfo[i.kind].url)}">${badge(i.count)}<span class="fs-todo-text">${escape(todoInfo[i.kind].label(i.count).replace(/^\d+\s*/, ''))}</span><span class="fs-todo-go" aria-hidden="true">›</span></a></li>`,
    )
    .join('')
  return `<div class="fs-todo"><p class="fs-todo-title">待办</p>${due.length ? `<ul class="fs-list">${rows}</ul>` : `<p class="fs-item-text">${NOTHING_TO_DO}</p>`}</div>`
}

/** A count the first screen can do without: a failed call shows no count, as in the app. */
async function optional<T>(work: () => Promise<T | null>): Promise<T | null> {
  try {
    return await work()
  } catch {
    return null
  }
}

async function home(sources: FirstScreenSources): Promise<string | null> {
  const me = await sources.call('member', { action: 'me' })
  if (!me.ok) return null
  const m = me.data as Me
  const acts = m.role === 'chair' || m.role === 'committee' || m.role === 'township'
  const villager = m.role === 'villager'
  // The same counts the app's home page shows, from the same actions.
  const [todo, unread, toVote] = await Promise.all([
    optional(async () => {
      if (!acts) return null
      const r = await sources.call('member', { action: 'todo' })
      return r.ok ? (r.data as { items: { kind: TodoKind; count: number }[] }).items : null
    }),
    optional(async () => {
      if (!villager) return null
      const r = await sources.call('announcement', { action: 'list' })
      return r.ok ? (r.data as { unreadCount: number }).unreadCount : null
    }),
    optional(async () => {
      if (!villager) return null
      const r = await sources.call('evaluation', { action: 'listRounds', status: 'open' })
      return r.ok ? (r.data as { items: { myHousehold: { canVote: boolean } | null }[] }).items.filter((x) => x.myHousehold?.canVote).length : null
    }),
  ])
  const groups = entryGroupsFor(m.role, unread, toVote, todo ? badgesOf(todo) : {})
  const entries = groups.flatMap((g) => g.entries)
  if (entries.length === 0) return null
  const place = m.village ? `${m.village.townshipName} ${m.village.name}` : (m.township?.name ?? '')
  return screen(
    m.name ? `${m.name}，您好` : '村务监督',
    [place, m.title].filter(Boolean).join(' · '),
    groups.map((g) => ({ title: g.title, items: g.entries.map((e) => ({ title: e.title, text: e.description, href: e.url, badge: e.badge })) })),
    todo ? todoCard(todo) : '',
  )
}

async function disclosures(sources: FirstScreenSources): Promise<string | null> {
  const page = await sources.call('disclosure', { action: 'list' })
  if (!page.ok) return null
  const items = (page.data as DisclosurePage).items.map((d) => ({
    title: d.title,
    text: [
      `${kindLabels[d.kind]} · ${sectionLabels[d.section]}`,
      d.revision > 1 ? '已更正' : '',
      d.period ? `所属期 ${periodLabel(d.period)}` : '',
      `${formatBeijingDay(d.publishedAt)}发布`,
    ]
      .filter(Boolean)
      .join(' · '),
    href: `/packages/disclosure/detail/index?disclosureId=${encodeURIComponent(d.disclosureId)}`,
  }))
  return screen('三务公开', '村里的党务、村务、财务，都公开在这里。', items)
}

async function signIn(sources: FirstScreenSources): Promise<string | null> {
  if (!sources.demoPeople) return null
  const shown = demoPeopleShown(await sources.demoPeople(), 'villager', '')
  // Plain text, not links: signing in needs the app.
  return screen(
    '选择演示身份',
    '本地演示版：选择一位演示村的人登录',
    shown.map((p) => ({ title: p.name, text: describeDemoPerson(p) })),
  )
}

/** The first screen of an app route (`pages/index/index`), or null when there is none to draw. */
export async function firstScreen(route: string, sources: FirstScreenSources): Promise<string | null> {
  switch (route) {
    case '':
    case 'pages/index/index':
      // Without a session the app goes to sign-in at once.
      return sources.signedIn ? home(sources) : signIn(sources)
    case 'pages/login/index':
      return signIn(sources)
    case 'packages/disclosure/home/index':
      return sources.signedIn ? disclosures(sources) : null
    default:
      return null
  }
}
