import fc from 'fast-check'
import { readReference, readTownshipItems } from '../../cloudfunctions/core/reference'
import { categoryIdOf, itemColumns, itemIdOf, itemRows, parseItems, type ItemOptions } from '../../shared/power/reference'
import type { PowerCategory, PowerItem } from '../../shared/power/schema'

/**
 * itemRows writes a list the way its file is laid out (the .xlsx export), so that parseItems (the import) reads back
 * exactly the items written: the same codes, categories, texts, bases and flowchart steps, in the same order.
 */
const reference = readReference()
const optionsFor = (level: PowerItem['level'], townshipId: string | null, categories: readonly PowerCategory[]): ItemOptions => ({
  level,
  townshipId,
  categoryIds: new Set(categories.map((c) => c._id)),
  file: 'export.xlsx',
})
const roundTrip = (items: readonly PowerItem[], options: ItemOptions, categories: readonly PowerCategory[] = reference.categories) =>
  parseItems(itemRows(items, categories), options)

describe('itemRows, the inverse of parseItems', () => {
  it('gives back the shipped district list, item for item', () => {
    expect(roundTrip(reference.items, optionsFor('district', null, reference.categories))).toEqual({ ok: true, value: reference.items })
  })

  it('gives back the demo township featured list', () => {
    const featured = readTownshipItems('demo-township-items.csv', 'tw-demo', reference)
    expect(featured.length).toBeGreaterThan(0)
    expect(roundTrip(featured, optionsFor('township', 'tw-demo', reference.categories))).toEqual({ ok: true, value: featured })
  })

  it('lays an item out as its file does: header first, one row a step, the item itself on its first row only', () => {
    const item = reference.items.find((i) => i.steps.length >= 2 && i.basis.length >= 2)!
    const rows = itemRows([item], reference.categories)
    expect(rows[0]).toEqual([...itemColumns])
    expect(rows).toHaveLength(1 + item.steps.length)
    const at = (row: number, column: (typeof itemColumns)[number]) => rows[row]![itemColumns.indexOf(column)]
    expect(at(1, '依据')).toBe(item.basis.join('\n'))
    expect(at(1, '类别编号')).toBe(item.categoryId.replace('cat-', ''))
    expect([at(2, '事项编号'), at(2, '事项名称'), at(2, '依据'), at(2, '步骤名称')]).toEqual([item.code, '', '', item.steps[1]!.name])
  })

  it('refuses an item whose category is not in the category table, rather than write a file that cannot be read back', () => {
    const item = { ...reference.items[0]!, categoryId: 'cat-99' }
    expect(() => itemRows([item], reference.categories)).toThrow('不在类别表里')
  })

  // Any list an official could keep: codes like 3-05 or T-01, Chinese text with spaces and punctuation inside (and
  // a leading = or -, which a spreadsheet must keep as text), several bases, optional cells left empty.
  const text = (minLength: number) =>
    fc
      .array(fc.constantFrom('村', '民', '委', '会', '（', '）', '《', '》', '、', ' ', '=', '-', '1', 'a', '“', '”', '；', '…'), { minLength, maxLength: 12 })
      .map((chars) => chars.join('').trim())
      .filter((s) => s.length >= minLength)
  const categories: PowerCategory[] = [1, 2, 7, 12].map((n) => ({ _id: categoryIdOf(n), name: `类别${n}`, order: n, description: '' }))
  const step = fc.record({ name: text(1), actor: text(1), detail: text(0), timeLimit: text(0) })
  const itemArb = fc.record({
    code: fc.stringMatching(/^[A-Za-z0-9]{1,3}(-[A-Za-z0-9]{1,3}){0,2}$/),
    categoryId: fc.constantFrom(...categories.map((c) => c._id)),
    name: text(1),
    summary: text(0),
    basis: fc.array(text(1), { minLength: 1, maxLength: 4 }),
    performer: text(1),
    supervisor: text(1),
    steps: fc.array(step, { minLength: 1, maxLength: 5 }),
    disclosure: text(0),
  })
  const listArb = fc.uniqueArray(itemArb, { selector: (i) => i.code.toLowerCase(), maxLength: 8 })

  it('gives back any list of items, whatever their texts (property)', () => {
    fc.assert(
      fc.property(listArb, (drafts) => {
        const items: PowerItem[] = drafts.map((d) => ({ _id: itemIdOf(d.code), level: 'township', townshipId: 'tw-x', ...d }))
        expect(roundTrip(items, optionsFor('township', 'tw-x', categories), categories)).toEqual({ ok: true, value: items })
      }),
      { seed: 16, numRuns: 300 },
    )
  })
})
