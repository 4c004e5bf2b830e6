import { flowchartOf, keywordScore, normaliseKeyword, searchItems } from '../../shared/power/rules'
import type { PowerItem } from '../../shared/power/schema'
import { readReference } from '../../cloudfunctions/core/reference'

const item = (over: Partial<PowerItem>): PowerItem => ({
  _id: 'x',
  level: 'district',
  townshipId: null,
  categoryId: 'cat-1',
  code: '1-01',
  name: '',
  summary: '',
  basis: [],
  performer: '村民委员会',
  supervisor: '村务监督委员会',
  steps: [],
  disclosure: '',
  ...over,
})

describe('keyword search', () => {
  it('ignores spaces, punctuation and case', () => {
    expect(normaliseKeyword(' 低保，评定 ')).toBe('低保评定')
    expect(normaliseKeyword('ABC')).toBe('abc')
  })
  it('ranks a hit in the name above the summary above the steps', () => {
    const byName = item({ _id: 'n', code: '3-01', name: '低保评定' })
    const bySummary = item({ _id: 's', code: '1-01', name: '临时救助', summary: '不符合低保条件的困难家庭' })
    const byStep = item({
      _id: 'st',
      code: '2-01',
      name: '危房改造',
      steps: [{ name: '申请', actor: '农户', detail: '优先保障低保户', timeLimit: '' }],
    })
    expect(searchItems([byStep, bySummary, byName], '低保').map((i) => i._id)).toEqual(['n', 's', 'st'])
  })
  it('finds nothing for a blank keyword or no match', () => {
    expect(keywordScore(item({ name: '低保评定' }), '   ')).toBe(0)
    expect(searchItems([item({ name: '低保评定' })], '宅基地')).toEqual([])
  })
  it('finds the seeded 低保 item by a spaced keyword', () => {
    expect(searchItems(readReference().items, '低 保')[0]?.name).toContain('最低生活保障')
  })
})

describe('flowchartOf', () => {
  it('numbers steps from 1 and marks where the actor changes', () => {
    const nodes = flowchartOf([
      { name: '提出申请', actor: '农户', detail: '', timeLimit: '' },
      { name: '入户调查', actor: '村委会', detail: '', timeLimit: '5个工作日内' },
      { name: '民主评议', actor: '村委会', detail: '', timeLimit: '' },
      { name: '审核', actor: '乡镇', detail: '', timeLimit: '' },
    ])
    expect(nodes.map((n) => n.index)).toEqual([1, 2, 3, 4])
    expect(nodes.map((n) => n.actorChanged)).toEqual([true, true, false, true])
    expect(nodes[1]!.timeLimit).toBe('5个工作日内')
  })
  it('draws nothing for no steps', () => {
    expect(flowchartOf([])).toEqual([])
  })
})
