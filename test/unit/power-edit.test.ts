import { changedFields, nextTownshipCode, versionSummary } from '../../shared/power/rules'
import type { PowerItem } from '../../shared/power/schema'

const item: PowerItem = {
  _id: 'pw-t-01',
  level: 'township',
  townshipId: 'tw',
  categoryId: 'cat-7',
  code: 'T-01',
  name: '林权登记初审',
  summary: '说明',
  basis: ['《森林法》'],
  performer: '村民委员会',
  supervisor: '村务监督委员会',
  steps: [
    { name: '提交申请', actor: '申请人', detail: '', timeLimit: '' },
    { name: '现场勘界', actor: '村民委员会', detail: '', timeLimit: '10个工作日内' },
  ],
  disclosure: '公示7天',
}

describe('what an edit of a featured item changed', () => {
  it('names nothing when nothing changed, whatever else the record carries', () => {
    const saved: PowerItem = { ...item, version: 3, removedAt: null }
    expect(changedFields(item, saved)).toEqual([])
  })

  it('names each changed field once, in the form’s order', () => {
    expect(changedFields(item, { ...item, disclosure: '公示10天', name: '林权登记', basis: [...item.basis, '《条例》'] })).toEqual(['事项名称', '依据', '公开要求'])
  })

  it('counts a step’s time limit, or the steps’ order, as a change of the flowchart', () => {
    const later = item.steps.map((s, i) => (i === 1 ? { ...s, timeLimit: '7个工作日内' } : s))
    expect(changedFields(item, { ...item, steps: later })).toEqual(['办理流程'])
    expect(changedFields(item, { ...item, steps: [...item.steps].reverse() })).toEqual(['办理流程'])
  })
})

describe('the next code of a township’s featured list', () => {
  it('is one past the highest T-number, whatever other codes there are', () => {
    expect(nextTownshipCode([])).toBe('T-01')
    expect(nextTownshipCode(['T-01', 'T-09', 't-03', '1-01'])).toBe('T-10')
  })
})

describe('how a version reads in the 变更记录', () => {
  it('says what happened', () => {
    expect(versionSummary({ change: 'created', fields: [], reason: '' })).toBe('新增了这一项')
    expect(versionSummary({ change: 'edited', fields: ['依据', '办理流程'], reason: '' })).toBe('改了 依据、办理流程')
    expect(versionSummary({ change: 'removed', fields: [], reason: '县里统一办理' })).toBe('移除了这一项：县里统一办理')
  })
})
