import {
  GENESIS,
  balanceProblem,
  brokenLink,
  canonicalContent,
  formatFen,
  linkPayload,
  lookupTerm,
  matchesKeyword,
  periodLabel,
  searchTerms,
  totalsLabels,
  totalsOf,
  type ChainLink,
} from '../../shared/disclosure/rules'
import type { DisclosureContent, LineItem } from '../../shared/disclosure/schema'
import { sha256 } from '../../cloudfunctions/core/hash'

const item = (amountFen: number, direction: LineItem['direction'] = 'spending', name = '水电费'): LineItem => ({
  date: '2026-06-23',
  item: name,
  amountFen,
  direction,
})

const content = (over: Partial<DisclosureContent> = {}): DisclosureContent => ({
  title: '2026年6月财务收支公开',
  body: '本月收支如下。',
  period: '2026-06',
  lineItems: [item(42700), item(127000, 'spending', '水房供电线路安装费'), item(500000, 'income', '上级转移支付')],
  attachments: [],
  ...over,
})

describe('money', () => {
  it('totals income and spending from the line items, in fen', () => {
    expect(totalsOf(content().lineItems)).toEqual({ incomeFen: 500000, spendingFen: 169700, balanceFen: 330300 })
    expect(totalsOf([])).toEqual({ incomeFen: 0, spendingFen: 0, balanceFen: 0 })
  })
  it('formats fen as yuan with two decimals and thousands separators, without floating point', () => {
    expect(formatFen(42700)).toBe('427.00元')
    expect(formatFen(127001)).toBe('1,270.01元')
    expect(formatFen(5)).toBe('0.05元')
    expect(formatFen(-169700)).toBe('-1,697.00元')
    expect(formatFen(123456789012)).toBe('1,234,567,890.12元')
  })
})

describe('periods', () => {
  it('reads months and quarters in Chinese', () => {
    expect(periodLabel('2026-10')).toBe('2026年10月')
    expect(periodLabel('2026-Q4')).toBe('2026年第四季度')
    expect(periodLabel(null)).toBe('')
  })
})

// What a correction changed: test/unit/revision-diff.test.ts

describe('revision chain', () => {
  function chain(contents: DisclosureContent[]): ChainLink[] {
    const links: ChainLink[] = []
    let prevHash = GENESIS
    contents.forEach((c, i) => {
      const link = { revision: i + 1, content: c, reason: i ? '更正' : null, at: `2026-07-0${i + 1}T00:00:00.000Z`, by: { personId: 'p' }, prevHash }
      const hash = sha256(linkPayload(link))
      links.push({ ...link, hash })
      prevHash = hash
    })
    return links
  }

  it('is intact when every link hashes to what it stores and points at the one before', () => {
    const links = chain([content(), content({ body: '更正后' })])
    expect(brokenLink(links, sha256, links[1]!.hash)).toBeNull()
  })
  it('points at the revision whose content was changed silently', () => {
    const links = chain([content(), content({ body: '更正后' }), content({ body: '再次更正' })])
    links[1] = { ...links[1]!, content: content({ body: '偷偷改过' }) }
    expect(brokenLink(links, sha256, links[2]!.hash)).toBe(2)
  })
  it('notices a deleted revision and a head that no longer matches', () => {
    const links = chain([content(), content({ body: 'a' }), content({ body: 'b' })])
    expect(brokenLink([links[0]!, links[2]!], sha256, links[2]!.hash)).toBe(3)
    expect(brokenLink(links, sha256, 'forged-head')).toBe(3)
  })
})

describe('keyword search terms', () => {
  it('indexes two-character runs of the title and line items, ignoring punctuation', () => {
    const terms = searchTerms({ title: '路灯，维修', lineItems: [item(1, 'spending', '水电费')] })
    expect(terms).toEqual(expect.arrayContaining(['路灯', '灯维', '维修', '水电', '电费']))
    expect(terms).not.toContain('灯，')
  })
  it('looks a keyword up by its first two characters and confirms the whole keyword', () => {
    expect(lookupTerm(' 水 电费')).toBe('水电')
    expect(lookupTerm('水')).toBeNull()
    expect(matchesKeyword(content(), '供电线路')).toBe(true)
    expect(matchesKeyword(content(), '供电局')).toBe(false)
  })
})

describe('totals and balance', () => {
  it('names the totals for the period they cover: a month, a quarter, or plain totals', () => {
    expect(totalsLabels('2026-10')).toEqual({ income: '本月收入', spending: '本月支出', difference: '本月收支差额' })
    expect(totalsLabels('2026-Q4')).toEqual({ income: '本季度收入', spending: '本季度支出', difference: '本季度收支差额' })
    expect(totalsLabels(null)).toEqual({ income: '收入合计', spending: '支出合计', difference: '收支差额' })
  })

  it('accepts an opening and closing balance only when opening + income − spending = closing', () => {
    const items = [item(42700), item(1200000, 'income')]
    expect(balanceProblem(null, items)).toBeNull()
    expect(balanceProblem({ openingFen: 100, closingFen: 1157400 }, items)).toBeNull()
    expect(balanceProblem({ openingFen: 100, closingFen: 1157300 }, items)).toMatch(/期末余额应为11,574.00元，填的是11,573.00元/)
  })

  it('hashes content without a balance exactly as before balances existed, and a balance into the hash', () => {
    const content: DisclosureContent = { title: 't', body: 'b', period: null, lineItems: [item(100)], attachments: [] }
    expect(canonicalContent({ ...content, balance: null })).toBe(canonicalContent(content))
    expect(canonicalContent({ ...content, balance: { openingFen: 0, closingFen: -100 } })).not.toBe(canonicalContent(content))
  })
})
