import type { Input } from '../../shared/contract/areas'
import { dump, expectError, expectOk, people, useSeededStore } from '../support/harness'

/*
 * A finance disclosure's totals are the period's income, spending and their
 * difference; the account's balance appears only when the committee enters an
 * opening and closing balance, and only if they agree with the line items.
 */

const fixture = useSeededStore()

const finance: Input<'disclosure', 'publish'> = {
  kind: 'finance',
  section: 'finance',
  title: '2026年10月财务收支公开',
  body: '月末银行存款余额253598.33元。',
  period: '2026-10',
  lineItems: [
    { date: '2026-10-08', item: '村部水电费', amountFen: 42700, direction: 'spending' },
    { date: '2026-10-20', item: '机动地发包收入', amountFen: 1200000, direction: 'income' },
  ],
}
// 期初 243,916.33 + 12,000.00 − 427.00 = 期末 255,489.33
const balance = { openingFen: 24391633, closingFen: 25548933 }

const director = () => fixture.as(people.director)
const villager = () => fixture.as(people.villager)

describe('the opening and closing balance of a finance disclosure', () => {
  it('is kept and shown when it agrees with the line items', async () => {
    const { disclosureId } = expectOk(await director()('disclosure', 'publish', { ...finance, balance }))
    const { disclosure } = expectOk(await villager()('disclosure', 'get', { disclosureId }))
    expect(disclosure.balance).toEqual(balance)
    expect(disclosure.totals).toEqual({ incomeFen: 1200000, spendingFen: 42700, balanceFen: 1157300 })
    expect(expectOk(await villager()('disclosure', 'verify', { disclosureId }))).toMatchObject({ intact: true })
  })

  it('is refused with the sum it should be when it does not agree, and nothing is stored', async () => {
    const before = dump(fixture.store)
    const message = expectError(await director()('disclosure', 'publish', { ...finance, balance: { ...balance, closingFen: 25348933 } }), 'INVALID_INPUT', 400)
    expect(message).toBe('期初余额243,916.33元，加收入12,000.00元，减支出427.00元，期末余额应为255,489.33元，填的是253,489.33元，请核对')
    expect(expectError(await director()('disclosure', 'publish', { ...finance, balance: { openingFen: 1.5, closingFen: 2 } }), 'INVALID_INPUT')).toMatch(/期初余额以分为单位/)
    expect(dump(fixture.store)).toEqual(before)
  })

  it("is optional: without it there is no balance, only the period's totals", async () => {
    const { disclosureId } = expectOk(await director()('disclosure', 'publish', finance))
    const { disclosure } = expectOk(await villager()('disclosure', 'get', { disclosureId }))
    expect(disclosure.balance).toBeNull()
  })

  it('shows a correction that adds or changes it as a change of the balance, and keeps the chain intact', async () => {
    const { disclosureId } = expectOk(await director()('disclosure', 'publish', finance))
    expectOk(await director()('disclosure', 'revise', { disclosureId, reason: '补填期初期末余额', ...finance, balance }))
    const { disclosure } = expectOk(await villager()('disclosure', 'get', { disclosureId }))
    expect(disclosure.revisions[0]!.changes.fields).toEqual([{ field: 'balance', before: '', after: '期初243,916.33元，期末255,489.33元', hunks: [] }])
    expect(expectOk(await villager()('disclosure', 'verify', { disclosureId }))).toMatchObject({ intact: true, revisions: 2 })
    expectError(await director()('disclosure', 'revise', { disclosureId, reason: '改错了', ...finance, balance: { ...balance, openingFen: 0 } }), 'INVALID_INPUT')
  })
})
