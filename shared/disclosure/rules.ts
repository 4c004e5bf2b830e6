import type { LineItem, Balance, DisclosureContent } from './schema'

/** 三务: party affairs, village affairs, finance. */
export const disclosureKinds = ['party', 'village', 'finance'] as const
export type DisclosureKind = (typeof disclosureKinds)[number]

/** The provincial platform's sections, plus income and spending and decisions. */
export const disclosureSections = ['projects', 'assets', 'services', 'finance', 'decisions'] as const
export type DisclosureSection = (typeof disclosureSections)[number]

/**
 * A disclosure's period: a month (2026-10) or a quarter (2026-Q4), so duties
 * can be matched exactly; the UI renders 2026年10月 / 2026年第四季度.
 */
export const periodPattern = /^\d{4}-(0[1-9]|1[0-2]|Q[1-4])$/

export interface Totals {
  incomeFen: number
  spendingFen: number
  /** income − spending */
  balanceFen: number
}

/** Totals are always computed from the line items, never typed in. */
export function totalsOf(items: readonly LineItem[]): Totals {
  let incomeFen = 0
  let spendingFen = 0
  for (const item of items) {
    if (item.direction === 'income') incomeFen += item.amountFen
    else spendingFen += item.amountFen
  }
  return { incomeFen, spendingFen, balanceFen: incomeFen - spendingFen }
}

/**
 * Why an entered opening and closing balance disagree with the line items, in
 * plain words, or null when they agree (or none was entered).
 */
export function balanceProblem(balance: Balance | null | undefined, items: readonly LineItem[]): string | null {
  if (!balance) return null
  const { incomeFen, spendingFen } = totalsOf(items)
  const expected = balance.openingFen + incomeFen - spendingFen
  if (expected === balance.closingFen) return null
  return `期初余额${formatFen(balance.openingFen)}，加收入${formatFen(incomeFen)}，减支出${formatFen(spendingFen)}，期末余额应为${formatFen(expected)}，填的是${formatFen(balance.closingFen)}，请核对`
}

/** What the totals are called for a period: a month's, a quarter's, or plain totals. */
export function totalsLabels(period: string | null): { income: string; spending: string; difference: string } {
  const of = !period ? null : period.includes('Q') ? '本季度' : '本月'
  return of ? { income: `${of}收入`, spending: `${of}支出`, difference: `${of}收支差额` } : { income: '收入合计', spending: '支出合计', difference: '收支差额' }
}

/** 127000 → "1,270.00元"; integer arithmetic, so no rounding surprises. */
export function formatFen(fen: number): string {
  const sign = fen < 0 ? '-' : ''
  const abs = Math.abs(fen)
  const yuan = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  return `${sign}${yuan}.${String(abs % 100).padStart(2, '0')}元`
}

/** 2026-10 → 2026年10月, 2026-Q4 → 2026年第四季度 */
export function periodLabel(period: string | null): string {
  if (!period) return ''
  const [year, part] = period.split('-') as [string, string]
  if (part.startsWith('Q')) return `${year}年第${'一二三四'[Number(part.slice(1)) - 1]}季度`
  return `${year}年${Number(part)}月`
}

/** A stable text of the content (fixed key order), the input of the revision hash. */
export function canonicalContent(content: DisclosureContent): string {
  return JSON.stringify([
    content.title,
    content.body,
    content.period,
    content.lineItems.map((i) => [i.date, i.item, i.amountFen, i.direction]),
    content.attachments.map((a) => [a.fileId, a.name, a.mime, a.size]),
    // Only when entered: revisions hashed before balances existed keep their hash.
    ...(content.balance ? [[content.balance.openingFen, content.balance.closingFen]] : []),
  ])
}

export interface ChainLink {
  revision: number
  content: DisclosureContent
  reason: string | null
  at: string
  by: { personId: string }
  prevHash: string
  hash: string
}

/** What a revision's hash covers: its place in the chain, its content and who changed it, when and why. */
export function linkPayload(link: Omit<ChainLink, 'hash'>): string {
  return JSON.stringify([link.prevHash, link.revision, canonicalContent(link.content), link.reason, link.at, link.by.personId])
}

/** The chain's first link points at this instead of a previous hash. */
export const GENESIS = 'genesis'

export type Hash = (payload: string) => string

/**
 * Recomputes every link: each must hash to what it stores and point at the one
 * before it. Returns the first revision that does not, or null when intact.
 */
export function brokenLink(links: readonly ChainLink[], hash: Hash, headHash: string): number | null {
  const sorted = [...links].sort((a, b) => a.revision - b.revision)
  let prev = GENESIS
  for (const [i, link] of sorted.entries()) {
    if (link.revision !== i + 1 || link.prevHash !== prev || hash(linkPayload(link)) !== link.hash) return link.revision
    prev = link.hash
  }
  if (prev !== headHash) return sorted.length === 0 ? 1 : sorted[sorted.length - 1]!.revision
  return null
}

// What a correction changed (diffContent) lives in ./revision-diff: it needs jsdiff, which only the server loads.

/**
 * Search terms for a disclosure: every two-character run of its title and
 * line-item names (Chinese has no spaces, so bigrams stand in for words).
 */
export function searchTerms(content: Pick<DisclosureContent, 'title' | 'lineItems'>): string[] {
  const terms = new Set<string>()
  for (const text of [content.title, ...content.lineItems.map((i) => i.item)]) {
    const clean = text.toLowerCase().replace(/[\s\p{P}\p{S}]/gu, '')
    for (let i = 0; i + 2 <= clean.length; i++) terms.add(clean.slice(i, i + 2))
  }
  return [...terms]
}

/** The term a keyword is looked up by (its first bigram), or null when it is too short to search. */
export function lookupTerm(keyword: string): string | null {
  const clean = keyword.toLowerCase().replace(/[\s\p{P}\p{S}]/gu, '')
  return clean.length >= 2 ? clean.slice(0, 2) : null
}

/** Whether a disclosure really contains the keyword (the bigram index only narrows the search). */
export function matchesKeyword(content: Pick<DisclosureContent, 'title' | 'lineItems'>, keyword: string): boolean {
  const clean = (s: string) => s.toLowerCase().replace(/[\s\p{P}\p{S}]/gu, '')
  const k = clean(keyword)
  return [content.title, ...content.lineItems.map((i) => i.item)].some((t) => clean(t).includes(k))
}

// 四议两公开 stages: pure data, so the mini-program can import them (their words are in labels.ts).

/** The six steps of a major village decision, in the only order allowed. */
export const decisionStages = [
  'proposal', // 村党组织提议
  'deliberation', // 村“两委”商议
  'review', // 党员大会审议
  'resolution', // 村民（代表）会议决议
  'resolutionDisclosed', // 决议公开
  'resultDisclosed', // 实施结果公开
] as const
export type DecisionStage = (typeof decisionStages)[number]

/** The step that must come next, or null when all six are done. A step can never be skipped. */
export function nextStage(steps: readonly { stage: DecisionStage }[]): DecisionStage | null {
  return decisionStages[steps.length] ?? null
}

/** Steps happen in date order: a step cannot be dated before the one it follows. */
export function stepDateAllowed(steps: readonly { date: string }[], date: string): boolean {
  const last = steps[steps.length - 1]
  return !last || last.date <= date
}
