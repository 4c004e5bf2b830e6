import { announcementCard, disclosureCard, pagePath, powerItemCard, publicVillageCard, roundCard } from '../../miniprogram/src/services/shareCards'

const money = (fen: number) => `${(fen / 100).toFixed(2)}元`
/** The query of a card's path, decoded, as the opened page reads it. */
const queryOf = (path: string) => Object.fromEntries(new URLSearchParams(path.split('?')[1] ?? ''))

describe('cards forwarded into the village group', () => {
  const round = {
    roundId: 'rd-1',
    title: '对“村道硬化”的评议',
    subject: { title: '村道硬化工程' },
    status: 'open',
    closesAt: '2026-12-10T08:00:00.000Z',
    turnout: { voted: 12, eligible: 40 },
  }

  it('an open round asks households to take part, with its subject and Beijing closing time in the title and cover', () => {
    const card = roundCard(round)
    expect(card.title).toBe('请参加评议：村道硬化工程（2026年12月10日 16:00 截止）')
    expect(card.path.startsWith('/packages/evaluation/round/index?')).toBe(true)
    expect(queryOf(card.path)).toEqual({ roundId: 'rd-1' })
    expect(card.cover).toEqual({ heading: '村民评议 · 每户一票', lines: ['村道硬化工程'], footer: '2026年12月10日 16:00 截止' })
  })

  it('a closed round says it ended and how many households took part, never how anyone chose', () => {
    const card = roundCard({ ...round, status: 'closed', tally: { satisfied: 3, basic: 4, dissatisfied: 5 } } as typeof round)
    expect(card.title).toBe('评议已结束：村道硬化工程')
    expect(card.cover?.footer).toBe('12 户参加')
    expect(JSON.stringify(card)).not.toMatch(/满意|不满意|基本/)
  })

  it('a disclosure with money carries its income and spending on the cover', () => {
    const d = {
      disclosureId: 'd-1',
      title: '11月财务收支',
      kind: 'finance',
      lineItems: [
        { direction: 'income' as const, amountFen: 100_00 },
        { direction: 'spending' as const, amountFen: 30_50 },
        { direction: 'spending' as const, amountFen: 20_00 },
      ],
    }
    const card = disclosureCard(d, '财务', money)
    expect(card.title).toBe('财务公开：11月财务收支')
    expect(card.cover).toEqual({ heading: '财务公开', lines: ['11月财务收支'], footer: '收入 100.00元  支出 50.50元' })
    expect(queryOf(card.path)).toEqual({ disclosureId: 'd-1' })
  })

  it('a disclosure without money has no drawn cover; one from the public page opens the public copy', () => {
    const d = { disclosureId: 'd 2', title: '党员大会', kind: 'party', lineItems: [] }
    expect(disclosureCard(d, '党务', money).cover).toBeUndefined()
    const card = disclosureCard(d, '党务', money, 'v-1')
    expect(card.path.startsWith('/packages/disclosure/public-detail/index?')).toBe(true)
    expect(queryOf(card.path)).toEqual({ villageId: 'v-1', disclosureId: 'd 2' })
  })

  it('announcements, power-list items and the public village page open the same item', () => {
    expect(announcementCard({ announcementId: 'an-1', title: '停水通知' })).toEqual({
      title: '村里的公告：停水通知',
      path: '/packages/announcement/detail/index?announcementId=an-1',
    })
    expect(powerItemCard({ itemId: 'pw-1-01', name: '宅基地申请' }).path).toBe('/packages/power/item/index?itemId=pw-1-01')
    expect(publicVillageCard('v-1', { townshipName: '青山镇', name: '石桥村' })).toEqual({
      title: '青山镇石桥村 三务公开',
      path: '/packages/disclosure/public/index?villageId=v-1',
    })
  })

  it('values in a path are URI-encoded and empty ones left out', () => {
    expect(pagePath('/p', { a: '石 桥&1', b: undefined, c: '' })).toBe(`/p?a=${encodeURIComponent('石 桥&1')}`)
  })
})
