import { answeredFor, isRecused, nextHandler, openItemsByHandler, visibleTo } from '../../shared/integrity/rules'

const staff = [
  { personId: 'p-a', startedAt: '2024-01-01T00:00:00.000Z' },
  { personId: 'p-b', startedAt: '2025-01-01T00:00:00.000Z' },
  { personId: 'p-c', startedAt: '2023-01-01T00:00:00.000Z' },
]

describe('who handles an item after a recusal (回避)', () => {
  it('keeps the current handler when they are not the declarer and not recused', () => {
    expect(nextHandler({ handlerId: 'p-b' }, 'p-a', staff, new Map([['p-b', 9]]))).toBe('p-b')
  })

  it('otherwise picks the staff member with fewest open items, the longest-serving on a tie, never the declarer or anyone recused', () => {
    const load = openItemsByHandler([{ handlerId: 'p-b' }, { handlerId: 'p-c' }, { handlerId: 'p-c' }, {}])
    expect(load).toEqual(
      new Map([
        ['p-b', 1],
        ['p-c', 2],
      ]),
    )
    expect(nextHandler({ handlerId: 'p-a' }, 'p-a', staff, load)).toBe('p-b')
    expect(nextHandler({ handlerId: 'p-a' }, 'p-a', staff, new Map())).toBe('p-c')
    expect(nextHandler({ handlerId: null, recusedIds: ['p-c'] }, 'p-a', staff, new Map())).toBe('p-b')
    expect(nextHandler({ handlerId: 'p-b', recusedIds: ['p-b'] }, 'p-a', staff, new Map())).toBe('p-c')
  })

  it('finds nobody when every other staff member stepped aside or there is none', () => {
    expect(nextHandler({ recusedIds: ['p-b', 'p-c'] }, 'p-a', staff, new Map())).toBeNull()
    expect(nextHandler({}, 'p-a', [staff[0]!], new Map())).toBeNull()
  })

  it('hides an item only from those who stepped aside from it', () => {
    const items = [{ recusedIds: ['p-a'] }, {}, { recusedIds: ['p-b'] }]
    expect(visibleTo(items, 'p-a')).toEqual([{}, { recusedIds: ['p-b'] }])
    expect(isRecused(items[0]!, null)).toBe(false)
  })
})

describe('what a cadre answered for', () => {
  it('is the disclosure they published, the decision they recorded a step of, or the answer they gave, by person id', () => {
    const round = { answer: { personId: 'p-x' } }
    expect(answeredFor('p-x', round, { publishedBy: { personId: 'p-x' } })).toEqual(['published', 'answered'])
    expect(answeredFor('p-y', round, { steps: [{ by: { personId: 'p-z' } }, { by: { personId: 'p-y' } }] })).toEqual(['recorded'])
    // An answer given before person ids were kept names nobody.
    expect(answeredFor('p-x', { answer: {} }, null)).toEqual([])
    expect(answeredFor('p-x', { answer: null }, { publishedBy: { personId: 'p-q' } })).toEqual([])
  })
})
