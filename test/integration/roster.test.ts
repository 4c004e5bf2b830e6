import type { SqliteStore } from '../../cloudfunctions/adapters/sqlite/store'
import { addNeighbourTownship, as, dump, expectError, expectOk, people, seededStore } from '../support/harness'

let store: SqliteStore
beforeEach(async () => {
  store = await seededStore()
})
afterEach(() => store.close())

const header = '户号,户主姓名,村民小组,人口数'
const withTwoBadLines = [header, '0001,王建国,一组,4', '0002,,一组,3', '0003,李秀英,二组,四', '0004,赵大海,二组,2'].join('\n')
const fixed = [header, '0001,王建国,一组,4', '0002,张桂芳,一组,3', '0003,李秀英,二组,4', '0004,赵大海,二组,2'].join('\n')

describe('a new village and its roster', () => {
  it('is previewed with every bad line, imports nothing until fixed, then imports', async () => {
    const staff = as(store, people.inspector)
    const { villageId, joinCode } = expectOk(await staff('township', 'createVillage', { name: '新庄村' }))
    expect(joinCode).toMatch(/^[2-9A-Z]{6}$/)
    const before = dump(store)
    const preview = expectOk(await staff('township', 'previewRoster', { villageId, csv: withTwoBadLines }))
    expect(preview).toEqual({
      rows: 2,
      creates: 2,
      updates: 0,
      notInFile: 0,
      problems: [
        { line: 3, reason: '缺少户主姓名' },
        { line: 4, reason: '人口数“四”要填1到99的整数' },
      ],
    })
    expect(expectError(await staff('township', 'importRoster', { villageId, csv: withTwoBadLines }), 'INVALID_INPUT')).toMatch(/第3行：缺少户主姓名.*共2处问题/)
    expect(dump(store).household).toEqual(before.household)

    expect(expectOk(await staff('township', 'importRoster', { villageId, csv: fixed }))).toMatchObject({ rows: 4, creates: 4, problems: [] })
    const households = (await store.query('household', { where: { villageId }, orderBy: { field: 'number', direction: 'asc' }, limit: 10 })).items
    expect(households.map((h) => [h.number, h.headName, h.size, h.inGroup])).toEqual([
      ['0001', '王建国', 4, false],
      ['0002', '张桂芳', 3, false],
      ['0003', '李秀英', 4, false],
      ['0004', '赵大海', 2, false],
    ])
  })

  it('updates a village\'s households on re-import without losing members, representatives or votes', async () => {
    const staff = as(store, people.inspector)
    const before = (await store.get('household', 'h-shiqiao-0001'))!
    const csv = [header, `0001,新户主,三组,5`, '9001,新来户,三组,2'].join('\n')
    expect(expectOk(await staff('township', 'importRoster', { villageId: 'v-shiqiao', csv }))).toMatchObject({ creates: 1, updates: 1, notInFile: 127 })
    const after = (await store.get('household', 'h-shiqiao-0001'))!
    expect(after).toEqual({ ...before, headName: '新户主', groupName: '三组', size: 5 })
    // The demo's road round still counts this household's participation.
    expect(await store.get('participation', 'rd-shiqiao-road:h-shiqiao-0001')).not.toBeNull()
    expect(await store.count('household', { villageId: 'v-shiqiao' })).toBe(129)
  })

  it('is the township\'s own: other townships and village roles are refused', async () => {
    const neighbour = as(store, await addNeighbourTownship(store))
    expectError(await neighbour('township', 'previewRoster', { villageId: 'v-shiqiao', csv: fixed }), 'NOT_FOUND')
    expectError(await as(store, people.chair)('township', 'importRoster', { villageId: 'v-shiqiao', csv: fixed }), 'FORBIDDEN')
    expectError(await as(store, people.inspector)('township', 'createVillage', { name: '石桥村' }), 'CONFLICT')
  })
})
