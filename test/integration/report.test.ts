import { normalizeTrackingCode } from '../../shared/report/rules'
import type { Input } from '../../shared/contract/areas'
import type { Envelope } from '../../shared/errors'
import type { TypedCall } from '../support/caller'
import { addNeighbourTownship, as, dump, expectError, expectOk, people, useSeededStore } from '../support/harness'

const fixture = useSeededStore()

const aReport = (requestId: string, extra: Partial<Input<'report', 'file'>> = {}): Input<'report', 'file'> => ({
  requestId,
  subject: '村委会主任',
  text: '村里修路的工程没有公开招标，直接给了主任的亲戚。',
  anonymous: false,
  ...extra,
})

/** Every report action, called by someone who should learn nothing. */
async function everyReportAction(caller: TypedCall, reportId: string, trackingCode: string) {
  return [
    await caller('report', 'file', aReport('req-village-role-1')),
    await caller('report', 'track', { trackingCode }),
    await caller('report', 'inbox', {}),
    await caller('report', 'get', { reportId }),
    await caller('report', 'acknowledge', { reportId }),
    await caller('report', 'note', { reportId, text: '看看' }),
    await caller('report', 'conclude', { reportId, outcome: '结束' }),
    await caller('report', 'figures', {}),
  ]
}

const firstReportId = async () => expectOk(await as(fixture.store, people.inspector)('report', 'inbox', {})).items[0]!.reportId

describe('a misconduct report', () => {
  it('is acknowledged, investigated and concluded by township staff, each step recorded, and the reporter follows it by code', async () => {
    const villager = fixture.as(people.villager)
    const filed = expectOk(await villager('report', 'file', aReport('req-report-0001')))
    expect(filed.status).toBe('submitted')
    expect(normalizeTrackingCode(filed.trackingCode)).toBe(filed.trackingCode)

    const inspector = fixture.as(people.inspector)
    const [summary] = expectOk(await inspector('report', 'inbox', {})).items
    if (!summary) throw new Error('the inbox is empty')
    expect(summary).toMatchObject({ villageName: '石桥村', subject: '村委会主任', anonymous: false, status: 'submitted' })
    const { reportId } = summary

    fixture.clock.advance(3_600_000)
    expect(expectOk(await inspector('report', 'acknowledge', { reportId }))).toEqual({ status: 'acknowledged' })
    fixture.clock.advance(86_400_000)
    expect(expectOk(await inspector('report', 'note', { reportId, text: '调取了工程合同，承包方法人与主任为姻亲。' }))).toEqual({
      status: 'investigating',
    })
    fixture.clock.advance(86_400_000)
    const outcome = '经查属实，已责令该工程重新履行招标程序，对村委会主任进行诫勉谈话。'
    expect(expectOk(await inspector('report', 'conclude', { reportId, outcome }))).toEqual({ status: 'concluded' })

    const detail = expectOk(await inspector('report', 'get', { reportId }))
    expect(detail.reporter).toEqual({ name: (await fixture.store.get('person', people.villager))!.name, householdNumber: '0001' })
    expect(detail.steps.map((s: { kind: string; staffName: string }) => [s.kind, s.staffName])).toEqual([
      ['acknowledged', '镇纪委书记赵清华'],
      ['note', '镇纪委书记赵清华'],
      ['concluded', '镇纪委书记赵清华'],
    ])

    // The reporter may type the code any way; they see the outcome but never the internal notes.
    const tracked = expectOk(await villager('report', 'track', { trackingCode: filed.trackingCode.toLowerCase().replace(/-/g, ' ') }))
    expect(tracked).toMatchObject({ status: 'concluded', outcome, filedAt: filed.filedAt })
    expect(tracked.acknowledgedAt).toBe(detail.steps[0]!.at)
    expect(JSON.stringify(tracked)).not.toContain('姻亲')
  })

  it('goes one step at a time: acknowledge first, conclude once', async () => {
    expectOk(await as(fixture.store, people.villager)('report', 'file', aReport('req-report-0002')))
    const inspector = as(fixture.store, people.inspector)
    const reportId = await firstReportId()
    expect(expectError(await inspector('report', 'conclude', { reportId, outcome: '结束' }), 'CONFLICT')).toMatch(/请先受理/)
    expectOk(await inspector('report', 'acknowledge', { reportId }))
    expect(expectError(await inspector('report', 'acknowledge', { reportId }), 'CONFLICT')).toMatch(/已经受理/)
    expectOk(await inspector('report', 'conclude', { reportId, outcome: '经查不属实。' }))
    expect(expectError(await inspector('report', 'note', { reportId, text: '补充' }), 'CONFLICT')).toMatch(/已经办结/)
  })
})

describe('secrecy from the village', () => {
  it('answers every village role "not found" for everything about reports, so not even their existence leaks', async () => {
    const { trackingCode } = expectOk(await as(fixture.store, people.villager)('report', 'file', aReport('req-report-0003')))
    const reportId = await firstReportId()
    for (const official of [people.chair, people.director, people.secretary]) {
      for (const result of await everyReportAction(as(fixture.store, official), reportId, trackingCode)) expectError(result, 'NOT_FOUND', 404)
    }
  })

  it('never shows a village role anything of the report in other functions either', async () => {
    expectOk(await as(fixture.store, people.villager)('report', 'file', aReport('req-report-0004', { text: '举报独特内容甲乙丙' })))
    const seen: Envelope<unknown>[] = [
      await as(fixture.store, people.chair)('feedback', 'inbox', {}),
      await as(fixture.store, people.chair)('feedback', 'figures', {}),
      await as(fixture.store, people.director)('feedback', 'inbox', {}),
      await as(fixture.store, people.chair)('member', 'household', { householdId: 'h-shiqiao-0001' }),
    ]
    for (const response of seen) expect(JSON.stringify(expectOk(response))).not.toMatch(/举报独特内容|rp_/)
  })

  it('stores no trace of an anonymous reporter, and staff see 匿名', async () => {
    const { trackingCode } = expectOk(await as(fixture.store, people.villager)('report', 'file', aReport('req-report-0005', { anonymous: true })))
    const stored = JSON.stringify(dump(fixture.store).report)
    const author = (await fixture.store.get('person', people.villager))!
    for (const secret of [author.name, author.openid, author._id, 'h-shiqiao-0001', 'm-shiqiao-0001-1']) expect(stored).not.toContain(secret)
    const detail = expectOk(await as(fixture.store, people.inspector)('report', 'get', { reportId: await firstReportId() }))
    expect(detail).toMatchObject({ anonymous: true, reporter: null, villageName: '石桥村' })
    expect(expectOk(await as(fixture.store, people.villager)('report', 'track', { trackingCode })).status).toBe('submitted')
  })

  it('lets another villager learn nothing without the code', async () => {
    expectOk(await as(fixture.store, people.villager)('report', 'file', aReport('req-report-0006')))
    const neighbour = as(fixture.store, people.representative3)
    expect(expectError(await neighbour('report', 'track', { trackingCode: '2222-2222-2222' }), 'NOT_FOUND')).toMatch(/查询码/)
    expectError(await neighbour('report', 'inbox', {}), 'NOT_FOUND', 404)
  })
})

describe('township scope', () => {
  it('shows staff only the reports of their own township', async () => {
    expectOk(await as(fixture.store, people.villager)('report', 'file', aReport('req-report-0007')))
    const reportId = await firstReportId()
    const neighbour = as(fixture.store, await addNeighbourTownship(fixture.store))
    expect(expectOk(await neighbour('report', 'inbox', {})).items).toEqual([])
    expectError(await neighbour('report', 'get', { reportId }), 'NOT_FOUND')
    expectError(await neighbour('report', 'acknowledge', { reportId }), 'NOT_FOUND')
    expectError(await neighbour('report', 'inbox', { villageId: 'v-shiqiao' }), 'NOT_FOUND')
    expect(expectOk(await neighbour('report', 'figures', {})).total).toEqual({ received: 0, concluded: 0 })
  })

  it('filters the inbox by status and village, and counts reports received and concluded per village', async () => {
    expectOk(await fixture.as(people.villager)('report', 'file', aReport('req-report-0008')))
    fixture.clock.advance(1000)
    expectOk(await fixture.as(people.otherVillager)('report', 'file', aReport('req-report-0009')))
    const inspector = as(fixture.store, people.inspector)
    const [liushu] = expectOk(await inspector('report', 'inbox', { villageId: 'v-liushu' })).items
    expect(liushu?.villageName).toBe('柳树湾村')
    expectOk(await inspector('report', 'acknowledge', { reportId: liushu!.reportId }))
    expectOk(await inspector('report', 'conclude', { reportId: liushu!.reportId, outcome: '已办结。' }))
    expect(expectOk(await inspector('report', 'inbox', { status: 'submitted' })).items.map((r: { villageName: string }) => r.villageName)).toEqual(['石桥村'])
    const figures = expectOk(await inspector('report', 'figures', {}))
    expect(figures.total).toEqual({ received: 2, concluded: 1 })
    expect(figures.villages.find((v: { villageId: string }) => v.villageId === 'v-liushu')).toMatchObject({ received: 1, concluded: 1 })
  })
})

describe('retries and bad input', () => {
  it('files one report, with one tracking code, however often the same request arrives', async () => {
    const villager = as(fixture.store, people.villager)
    const results = await Promise.all([1, 2, 3].map(() => villager('report', 'file', aReport('req-report-retry', { anonymous: true }))))
    expect(new Set(results.map((r) => expectOk(r).trackingCode)).size).toBe(1)
    expect(dump(fixture.store).report).toHaveLength(1)
  })

  it('refuses bad input with a clear message and stores nothing', async () => {
    const villager = as(fixture.store, people.villager)
    const before = dump(fixture.store)
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ ...aReport('req-bad-000001'), text: ' ' }, /请填写举报内容/],
      [{ ...aReport('req-bad-000002'), text: '字'.repeat(2001) }, /不能超过2000个字/],
      [{ ...aReport('req-bad-000003'), anonymous: 'yes' }, /是否匿名/],
      [{ ...aReport('req-bad-000004'), subject: '人'.repeat(61) }, /举报对象不能超过60个字/],
      [aReport('bad'), /请求编号/],
      [{ ...aReport('req-bad-000005'), photos: [{ fileId: 'local:missing.jpg', name: '照片' }] }, /第1张图片/],
    ]
    for (const [input, message] of cases) expect(expectError(await villager.unchecked('report', 'file', input), 'INVALID_INPUT', 400)).toMatch(message)
    expect(dump(fixture.store)).toEqual(before)
  })
})
