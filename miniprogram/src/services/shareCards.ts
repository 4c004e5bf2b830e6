/**
 * What a forwarded card says: its title, the page it opens and the text of its cover image.
 * Pure (no Taro), so test/unit/share-cards.test.ts reads it as the specification of every card.
 *
 * A WeChat card shows its title on two lines at most and a 5:4 picture; whatever the updatable
 * message's fixed template cannot say (the subject, the closing time) goes here. Nothing about a
 * household's choice is ever on a card: a round's card says how many households took part, not how.
 */
import { formatBeijingDayTime } from '@shared/time'

/** The text drawn on a card's cover: a heading (what kind of thing), one or two big lines, a footer. */
export interface CoverText {
  heading: string
  lines: string[]
  footer: string
}

export interface ShareCard {
  title: string
  /** the mini-program page with its query, starting with '/' (the H5 hash routes use the same page paths) */
  path: string
  cover?: CoverText
}

/** A page path with its query, values URI-encoded, as WeChat opens it. */
export function pagePath(page: string, query: Record<string, string | undefined>): string {
  const qs = Object.entries(query)
    .filter((entry): entry is [string, string] => !!entry[1])
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
    .join('&')
  return qs ? `${page}?${qs}` : page
}

interface RoundLike {
  roundId: string
  title: string
  subject: { title: string }
  status: 'open' | 'closed' | string
  closesAt: string
  turnout: { voted: number; eligible: number }
}

/** An evaluation round: an open one asks households to take part, before it closes. */
export function roundCard(round: RoundLike): ShareCard {
  const open = round.status === 'open'
  const closes = formatBeijingDayTime(round.closesAt)
  return {
    title: open ? `请参加评议：${round.subject.title}（${closes} 截止）` : `评议已结束：${round.subject.title}`,
    path: pagePath('/packages/evaluation/round/index', { roundId: round.roundId }),
    cover: {
      heading: open ? '村民评议 · 每户一票' : '村民评议 · 已结束',
      lines: [round.subject.title],
      footer: open ? `${closes} 截止` : `${round.turnout.voted} 户参加`,
    },
  }
}

interface DisclosureLike {
  disclosureId: string
  title: string
  kind: string
  lineItems: readonly { direction: 'income' | 'spending'; amountFen: number }[]
}

/**
 * A disclosure; one with money carries its income and spending on the cover. Members open it in their
 * own village; one from the public page (`publicVillageId`) opens the public page's copy, for anyone.
 */
export function disclosureCard(d: DisclosureLike, kindLabel: string, money: (fen: number) => string, publicVillageId?: string): ShareCard {
  const income = d.lineItems.filter((l) => l.direction === 'income').reduce((s, l) => s + l.amountFen, 0)
  const spending = d.lineItems.filter((l) => l.direction === 'spending').reduce((s, l) => s + l.amountFen, 0)
  const sums = [income ? `收入 ${money(income)}` : '', spending ? `支出 ${money(spending)}` : ''].filter(Boolean)
  return {
    title: `${kindLabel}公开：${d.title}`,
    path: publicVillageId
      ? pagePath('/packages/disclosure/public-detail/index', { villageId: publicVillageId, disclosureId: d.disclosureId })
      : pagePath('/packages/disclosure/detail/index', { disclosureId: d.disclosureId }),
    cover: sums.length ? { heading: `${kindLabel}公开`, lines: [d.title], footer: sums.join('  ') } : undefined,
  }
}

/** An announcement of the village. */
export function announcementCard(a: { announcementId: string; title: string }): ShareCard {
  return {
    title: `村里的公告：${a.title}`,
    path: pagePath('/packages/announcement/detail/index', { announcementId: a.announcementId }),
  }
}

/** One item of the village's power list (小微权力清单); opened in the reader's own village. */
export function powerItemCard(item: { itemId: string; name: string }): ShareCard {
  return {
    title: `村里办事怎么办：${item.name}`,
    path: pagePath('/packages/power/item/index', { itemId: item.itemId }),
  }
}

/** A village's public page (what the notice board's code opens). */
export function publicVillageCard(villageId: string, v?: { townshipName: string; name: string }): ShareCard {
  return {
    title: v ? `${v.townshipName}${v.name} 三务公开` : '本村三务公开',
    path: pagePath('/packages/disclosure/public/index', { villageId }),
  }
}

/**
 * The binding card the chair sends into the village group; opened there by the chair, it binds that group.
 * `label` is what the chair calls the group (may be empty).
 */
export function bindingCard(label: string): ShareCard {
  return {
    title: '绑定本村监督群（请监委会主任在群里点开）',
    path: pagePath('/packages/chair/group/index', { bind: '1', label }),
  }
}
