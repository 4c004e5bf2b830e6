import { randomBytes } from 'node:crypto'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { as, callerFor, dump, expectError, expectOk, people, testFiles, tamper, useSeededStore } from '../support/harness'
import { phoneJpeg, phonePng } from '../support/images'
import type { Input } from '../../shared/contract/areas'

const fixture = useSeededStore()

const finance = {
  kind: 'finance',
  section: 'finance',
  title: '2026年10月财务收支公开',
  body: '经村务监督委员会审核，现将10月收支公开如下。',
  period: '2026-10',
  lineItems: [
    { date: '2026-10-08', item: '村部水电费', amountFen: 42700, direction: 'spending' },
    { date: '2026-10-15', item: '路灯维修费', amountFen: 68000, direction: 'spending' },
    { date: '2026-10-20', item: '机动地发包收入', amountFen: 1200000, direction: 'income' },
  ],
} satisfies Input<'disclosure', 'publish'>

async function publishFinance(extra: Partial<Input<'disclosure', 'publish'>> & Record<string, unknown> = {}) {
  fixture.clock.advance(60_000)
  return expectOk(await fixture.as(people.director)('disclosure', 'publish', { ...finance, ...extra })).disclosureId
}

describe('publishing', () => {
  it('lets a committee member publish; villagers see it first in the list with totals computed from the line items', async () => {
    const disclosureId = await publishFinance({ totals: { incomeFen: 1 } })
    const villager = fixture.as(people.villager)
    const { items } = expectOk(await villager('disclosure', 'list', { kind: 'finance' }))
    expect(items[0]).toMatchObject({ disclosureId, title: finance.title, revision: 1, period: '2026-10', section: 'finance' })
    const { disclosure } = expectOk(await villager('disclosure', 'get', { disclosureId }))
    expect(disclosure.totals).toEqual({ incomeFen: 1200000, spendingFen: 110700, balanceFen: 1089300 })
    expect(disclosure.publishedBy).toEqual({ name: '李卫东', title: '村委会主任' })
    expect(disclosure.revisions).toEqual([])
  })

  it('refuses bad input with a clear message and stores nothing', async () => {
    const director = fixture.as(people.director)
    const before = dump(fixture.store)
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ lineItems: [{ ...finance.lineItems[0], amountFen: 427.5 }] }, /整数/],
      [{ lineItems: [{ ...finance.lineItems[0], amountFen: '427' }] }, /数字/],
      [{ lineItems: [{ ...finance.lineItems[0], amountFen: -100 }] }, /大于零/],
      [{ lineItems: [{ ...finance.lineItems[0], date: '10月8日' }] }, /日期/],
      [{ lineItems: [] }, /至少要有一笔/],
      [{ title: '   ' }, /标题/],
      [{ kind: 'secret' }, /党务、村务或财务/],
      [{ section: 'gossip' }, /栏目/],
      [{ period: '2026年10月' }, /所属期/],
      [{ body: '字'.repeat(5001) }, /正文不能超过5000个字/],
    ]
    for (const [change, message] of cases) {
      const error = expectError(await director('disclosure', 'publish', { ...finance, ...change }), 'INVALID_INPUT', 400)
      expect(error).toMatch(message)
    }
    expect(dump(fixture.store)).toEqual(before)
  })

  it('is for the village committees only', async () => {
    for (const who of [people.villager, people.chair, people.inspector]) {
      expectError(await as(fixture.store, who)('disclosure', 'publish', finance), 'FORBIDDEN', 403)
    }
  })
})

describe('corrections', () => {
  it('appends a revision with its reason; villagers see that it was corrected, by whom, why and exactly what changed', async () => {
    const disclosureId = await publishFinance()
    fixture.clock.advance(86_400_000)
    const corrected = finance.lineItems.map((l, i) => (i === 1 ? { ...l, amountFen: 86000 } : l))
    const reason = '经村务监督委员会核对，路灯维修费应为860元，误录为680元，予以更正'
    expect(expectOk(await fixture.as(people.secretary)('disclosure', 'revise', { disclosureId, ...finance, lineItems: corrected, reason }))).toEqual({
      revision: 2,
    })
    const villager = fixture.as(people.villager)
    expect(expectOk(await villager('disclosure', 'list')).items.find((d: { disclosureId: string }) => d.disclosureId === disclosureId)).toMatchObject({
      revision: 2,
      revisedAt: fixture.clock.now().toISOString(),
    })
    const { disclosure } = expectOk(await villager('disclosure', 'get', { disclosureId }))
    expect(disclosure.totals.spendingFen).toBe(128700)
    expect(disclosure.revisions).toEqual([
      {
        revision: 2,
        at: fixture.clock.now().toISOString(),
        by: { name: '王振山', title: '村党支部书记' },
        reason,
        changes: {
          summary: '改了 1 笔金额',
          fields: [],
          lineItems: [{ change: 'edited', from: 2, to: 2, before: finance.lineItems[1], after: corrected[1], fields: ['amount'] }],
          attachmentsChanged: false,
        },
      },
    ])
  })

  it('shows a line inserted at the top as that one line, at its position, not as every line changed', async () => {
    const disclosureId = await publishFinance()
    const top = { date: '2026-10-02', item: '保洁员工资', amountFen: 150000, direction: 'spending' as const }
    const body = '经村务监督委员会审核，现将10月收支公开如下，补上漏记的一笔。'
    const reason = '漏记保洁员工资'
    expectOk(await fixture.as(people.director)('disclosure', 'revise', { disclosureId, ...finance, body, lineItems: [top, ...finance.lineItems], reason }))
    const { disclosure } = expectOk(await fixture.as(people.villager)('disclosure', 'get', { disclosureId }))
    expect(disclosure.revisions[0]!.changes).toEqual({
      summary: '新增 1 笔、改了正文',
      fields: [
        {
          field: 'body',
          before: finance.body,
          after: body,
          // a pure insertion: nothing marked in the old wording, only the added words in the new
          hunks: [
            {
              before: [
                { text: '…', changed: false },
                { text: '现将10月收支公开如下。', changed: false },
              ],
              after: [
                { text: '…', changed: false },
                { text: '现将10月收支公开如下', changed: false },
                { text: '，补上漏记的一笔', changed: true },
                { text: '。', changed: false },
              ],
            },
          ],
        },
      ],
      lineItems: [{ change: 'inserted', to: 1, after: top }],
      attachmentsChanged: false,
    })
  })

  it('requires a reason, a real change, and the committee', async () => {
    const disclosureId = await publishFinance()
    const before = dump(fixture.store)
    expect(expectError(await as(fixture.store, people.director).unchecked('disclosure', 'revise', { disclosureId, ...finance }), 'INVALID_INPUT')).toBe('请填写更正原因')
    expectError(await as(fixture.store, people.director)('disclosure', 'revise', { disclosureId, ...finance, reason: '无变化' }), 'CONFLICT', 409)
    expect(expectError(await as(fixture.store, people.director)('disclosure', 'revise', { disclosureId, ...finance, lineItems: [], reason: '清空' }), 'INVALID_INPUT')).toMatch(
      /至少要有一笔/,
    )
    expectError(await as(fixture.store, people.chair)('disclosure', 'revise', { disclosureId, ...finance, reason: '主任改' }), 'FORBIDDEN', 403)
    expectError(await as(fixture.store, people.otherDirector)('disclosure', 'revise', { disclosureId, ...finance, title: '改别村的', reason: 'x' }), 'NOT_FOUND', 404)
    expect(dump(fixture.store)).toEqual(before)
  })

  it('refuses a correction made on an outdated version instead of overwriting the newer one', async () => {
    const disclosureId = await publishFinance()
    const director = fixture.as(people.director)
    expectOk(await director('disclosure', 'revise', { disclosureId, expectedRevision: 1, ...finance, title: '第一次更正', reason: '甲' }))
    expect(
      expectError(
        await as(fixture.store, people.secretary)('disclosure', 'revise', { disclosureId, expectedRevision: 1, ...finance, title: '基于旧版的更正', reason: '乙' }),
        'CONFLICT',
      ),
    ).toMatch(/刷新/)
    expect(expectOk(await director('disclosure', 'get', { disclosureId })).disclosure.title).toBe('第一次更正')
  })

  it('keeps exactly one correction when two are made at once', async () => {
    const disclosureId = await publishFinance()
    const results = await Promise.all(
      ['甲', '乙', '丙'].map((t) => fixture.as(people.director)('disclosure', 'revise', { disclosureId, ...finance, title: `更正${t}`, reason: t })),
    )
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(expectOk(await as(fixture.store, people.villager)('disclosure', 'verify', { disclosureId }))).toEqual({ intact: true, revisions: 2, brokenAtRevision: null })
  })
})

describe('the revision chain', () => {
  it('verifies intact, and catches a silent change to a stored revision or to the published text', async () => {
    const disclosureId = await publishFinance()
    const director = fixture.as(people.director)
    expectOk(await director('disclosure', 'revise', { disclosureId, ...finance, body: '更正了说明', reason: '补充说明' }))
    const villager = as(fixture.store, people.villager)
    expect(expectOk(await villager('disclosure', 'verify', { disclosureId }))).toEqual({ intact: true, revisions: 2, brokenAtRevision: null })

    // Someone with database access lowers an amount in the first revision.
    tamper(fixture.store, 'disclosure_revision', `${disclosureId}:1`, (revision) => {
      ;(revision.content as { lineItems: { amountFen: number }[] }).lineItems[1]!.amountFen = 6800
    })
    expect(expectOk(await villager('disclosure', 'verify', { disclosureId }))).toEqual({ intact: false, revisions: 2, brokenAtRevision: 1 })
  })

  it('catches an edit of the published text that bypassed the chain', async () => {
    const disclosureId = await publishFinance()
    tamper(fixture.store, 'disclosure', disclosureId, (disclosure) => {
      disclosure.content.title = '改过的标题'
    })
    expect(expectOk(await as(fixture.store, people.villager)('disclosure', 'verify', { disclosureId }))).toMatchObject({ intact: false, brokenAtRevision: 1 })
  })
})

describe('reading', () => {
  it('pages newest first, 20 a page, the last page without a cursor', async () => {
    for (let i = 1; i <= 23; i++) await publishFinance({ title: `第${i}号公开`, section: 'finance' })
    const villager = as(fixture.store, people.villager)
    const seen: string[] = []
    let cursor: string | null = null
    let pages = 0
    do {
      const page: { items: { title: string; publishedAt: string }[]; nextCursor: string | null } = expectOk(await villager('disclosure', 'list', { kind: 'finance', cursor }))
      expect(page.items.length).toBeLessThanOrEqual(20)
      seen.push(...page.items.map((d) => d.title))
      cursor = page.nextCursor
      pages++
    } while (cursor)
    expect(seen.filter((t) => /^第\d+号公开$/.test(t))).toHaveLength(23)
    expect(seen.indexOf('第23号公开')).toBeLessThan(seen.indexOf('第1号公开'))
    expect(pages).toBeGreaterThanOrEqual(2)
  })

  it('filters by kind and section', async () => {
    await publishFinance()
    await publishFinance({ kind: 'village', section: 'services', title: '2026年低保评定结果公示', lineItems: [] })
    const villager = as(fixture.store, people.villager)
    const services = expectOk(await villager('disclosure', 'list', { section: 'services' })).items
    expect(services.length).toBeGreaterThan(0)
    expect(services.every((d: { section: string }) => d.section === 'services')).toBe(true)
    const party = expectOk(await villager('disclosure', 'list', { kind: 'party' })).items
    expect(party.every((d: { kind: string }) => d.kind === 'party')).toBe(true)
  })

  it('finds disclosures by a keyword in the title or a line item', async () => {
    const id = await publishFinance()
    const villager = as(fixture.store, people.villager)
    expect(expectOk(await villager('disclosure', 'search', { keyword: '路灯维修' })).items.map((d: { disclosureId: string }) => d.disclosureId)).toContain(id)
    expect(expectOk(await villager('disclosure', 'search', { keyword: '10月财务' })).items.map((d: { disclosureId: string }) => d.disclosureId)).toContain(id)
    expect(expectOk(await villager('disclosure', 'search', { keyword: '路灯拆除' })).items.map((d: { disclosureId: string }) => d.disclosureId)).not.toContain(id)
    expectError(await villager('disclosure', 'search', { keyword: '路' }), 'INVALID_INPUT', 400)
  })

  it('shows each village only its own disclosures; the township reads any of its villages', async () => {
    const id = await publishFinance()
    expectError(await as(fixture.store, people.otherVillager)('disclosure', 'get', { disclosureId: id }), 'NOT_FOUND', 404)
    const other = expectOk(await as(fixture.store, people.otherVillager)('disclosure', 'list')).items
    expect(other.map((d: { disclosureId: string }) => d.disclosureId)).not.toContain(id)
    expect(expectOk(await as(fixture.store, people.inspector)('disclosure', 'get', { disclosureId: id, villageId: 'v-shiqiao' })).disclosure.title).toBe(finance.title)
    expectError(await as(fixture.store, people.inspector)('disclosure', 'get', { disclosureId: id, villageId: 'v-liushu' }), 'NOT_FOUND')
  })
})

describe('four deliberations, two disclosures (四议两公开)', () => {
  it('records each step in order and shows villagers the step a decision has reached', async () => {
    const director = fixture.as(people.director)
    const { decisionId } = expectOk(
      await director('disclosure', 'recordDecisionStep', {
        stage: 'proposal',
        date: '2026-11-01',
        title: '村部屋顶防水维修',
        summary: '村部会议室屋顶漏雨，拟维修防水层。',
        minutes: '村党支部提议维修村部屋顶防水。',
      }),
    )
    expectOk(await director('disclosure', 'recordDecisionStep', { decisionId, stage: 'deliberation', date: '2026-11-03', minutes: '两委商议，预算1.2万元。' }))
    const { decision } = expectOk(await as(fixture.store, people.villager)('disclosure', 'decision', { decisionId }))
    expect(decision).toMatchObject({ title: '村部屋顶防水维修', stage: 'deliberation', nextStage: 'review' })
    expect(decision.steps.map((s: { stage: string; byName: string }) => [s.stage, s.byName])).toEqual([
      ['proposal', '李卫东'],
      ['deliberation', '李卫东'],
    ])
  })

  it('keeps photos of the minutes with a step', async () => {
    const saved = testFiles.save(phoneJpeg())
    if ('problem' in saved) throw new Error(saved.problem)
    const director = fixture.as(people.director)
    expectOk(
      await director('disclosure', 'recordDecisionStep', {
        decisionId: 'dc-shiqiao-2',
        stage: 'review',
        date: '2026-11-20',
        minutes: '党员大会审议通过。',
        attachments: [{ fileId: saved.fileId, name: '会议签到表' }],
      }),
    )
    const { decision } = expectOk(await as(fixture.store, people.villager)('disclosure', 'decision', { decisionId: 'dc-shiqiao-2' }))
    expect(decision.steps[2]!.attachments).toEqual([expect.objectContaining({ name: '会议签到表', mime: 'image/jpeg' })])
  })

  it('never lets a step be skipped, repeated or dated before the one it follows', async () => {
    const director = fixture.as(people.director)
    const before = dump(fixture.store)
    expect(
      expectError(
        await director('disclosure', 'recordDecisionStep', { decisionId: 'dc-shiqiao-2', stage: 'resolution', date: '2026-11-20', minutes: '直接表决' }),
        'CONFLICT',
        409,
      ),
    ).toMatch(/不能跳过步骤.*党员大会审议/)
    expectError(await director('disclosure', 'recordDecisionStep', { decisionId: 'dc-shiqiao-2', stage: 'deliberation', date: '2026-11-20', minutes: '再商议' }), 'CONFLICT')
    expectError(await director('disclosure', 'recordDecisionStep', { decisionId: 'dc-shiqiao-2', stage: 'review', date: '2020-01-01', minutes: '倒填日期' }), 'INVALID_INPUT')
    expectError(await director('disclosure', 'recordDecisionStep', { stage: 'review', date: '2026-11-20', title: '新事项', summary: '说明', minutes: '跳过提议' }), 'CONFLICT')
    expectError(
      await as(fixture.store, people.chair)('disclosure', 'recordDecisionStep', { decisionId: 'dc-shiqiao-2', stage: 'review', date: '2026-11-20', minutes: 'x' }),
      'FORBIDDEN',
    )
    expect(dump(fixture.store)).toEqual(before)
  })
})

describe('disclosure duties', () => {
  it('shows the chair and the township which duties are overdue or were late', async () => {
    const report = expectOk(await fixture.as(people.chair)('disclosure', 'duties'))
    const finance = report.duties.find((d: { label: string }) => d.label === '财务收支公开')!
    expect(finance.periods).toHaveLength(12)
    // The seed leaves one month without a finance disclosure and publishes a few late.
    expect(report.overdueCount).toBeGreaterThanOrEqual(1)
    expect(report.lateCount).toBeGreaterThanOrEqual(1)
    expect(expectOk(await fixture.as(people.inspector)('disclosure', 'duties', { villageId: 'v-shiqiao' }))).toEqual(report)
    expectError(await as(fixture.store, people.villager)('disclosure', 'duties'), 'FORBIDDEN', 403)
  })

  it("follows the township's own duties when it has set them", async () => {
    await fixture.store.update('township', 'tw-shiqiao', {
      duties: [{ label: '财务收支公开', kind: 'finance', section: 'finance', cadence: 'monthly', dueDays: 30 }],
    })
    const report = expectOk(await fixture.as(people.chair)('disclosure', 'duties'))
    expect(report.duties.map((d: { label: string; dueDays: number }) => [d.label, d.dueDays])).toEqual([['财务收支公开', 30]])
  })

  it('counts a month as done once its finance disclosure is published', async () => {
    const chair = fixture.as(people.chair)
    const before = expectOk(await chair('disclosure', 'duties'))
    const overdue = before.duties[0]!.periods.find((p: { status: string }) => p.status === 'overdue')!
    expect(overdue).toBeDefined()
    await publishFinance({ period: overdue.period, title: `${overdue.period} 财务收支补公开` })
    const after = expectOk(await chair('disclosure', 'duties'))
    expect(after.duties[0]!.periods.find((p: { period: string }) => p.period === overdue.period)!.status).toBe('late')
    expect(after.overdueCount).toBe(before.overdueCount - 1)
  })
})

describe('the demo seed', () => {
  it('has a year of disclosures for the main village across every kind and section, with verifiable chains', async () => {
    const villager = as(fixture.store, people.villager)
    const all: { disclosureId: string; kind: string; section: string; revision: number }[] = []
    let cursor: string | null = null
    do {
      const page: { items: typeof all; nextCursor: string | null } = expectOk(await villager('disclosure', 'list', { cursor }))
      all.push(...page.items)
      cursor = page.nextCursor
    } while (cursor)
    expect(all.length).toBeGreaterThanOrEqual(60)
    expect(new Set(all.map((d) => d.kind))).toEqual(new Set(['party', 'village', 'finance']))
    expect(new Set(all.map((d) => d.section))).toEqual(new Set(['projects', 'assets', 'services', 'finance', 'decisions']))
    const corrected = all.filter((d) => d.revision > 1)
    expect(corrected.length).toBeGreaterThanOrEqual(1)
    for (const d of corrected) {
      expect(expectOk(await villager('disclosure', 'verify', { disclosureId: d.disclosureId })).intact).toBe(true)
    }
    expect(expectOk(await as(fixture.store, people.otherVillager)('disclosure', 'list')).items.length).toBeGreaterThanOrEqual(3)
  })
})

describe('the village page opened by QR code', () => {
  it('shows anyone, member or not, the public disclosures read-only', async () => {
    const stranger = callerFor(fixture.store, 'visitor:scanned-the-code')
    expect(expectOk(await stranger('disclosure', 'publicVillage', { villageId: 'v-shiqiao' }))).toEqual({
      villageId: 'v-shiqiao',
      name: '石桥村',
      townshipName: '石桥镇',
    })
    const { items } = expectOk(await stranger('disclosure', 'publicList', { villageId: 'v-shiqiao' }))
    expect(items.length).toBeGreaterThan(0)
    expect(items.every((d: { public: boolean }) => d.public)).toBe(true)
    const { disclosure } = expectOk(await stranger('disclosure', 'publicGet', { villageId: 'v-shiqiao', disclosureId: items[0]!.disclosureId }))
    expect(disclosure.title).toBe(items[0]!.title)
    // Everything else stays closed to a stranger.
    expectError(await stranger('disclosure', 'list', { villageId: 'v-shiqiao' }), 'FORBIDDEN')
    expectError(await stranger('disclosure', 'publish', finance), 'FORBIDDEN')
  })

  it('keeps members-only disclosures off the public page', async () => {
    const hidden = await publishFinance({ kind: 'party', section: 'decisions', title: '发展党员对象公示', lineItems: [], public: false })
    const stranger = callerFor(fixture.store, 'visitor:x')
    expectError(await stranger('disclosure', 'publicGet', { villageId: 'v-shiqiao', disclosureId: hidden }), 'NOT_FOUND', 404)
    const all: string[] = []
    let cursor: string | null = null
    do {
      const page: { items: { disclosureId: string }[]; nextCursor: string | null } = expectOk(await stranger('disclosure', 'publicList', { villageId: 'v-shiqiao', cursor }))
      all.push(...page.items.map((d) => d.disclosureId))
      cursor = page.nextCursor
    } while (cursor)
    expect(all).not.toContain(hidden)
    expect(expectOk(await as(fixture.store, people.villager)('disclosure', 'get', { disclosureId: hidden })).disclosure.public).toBe(false)
    expectError(await stranger('disclosure', 'publicGet', { villageId: 'v-liushu', disclosureId: all[0]! }), 'NOT_FOUND')
  })

  it('gives the chair the page and village the code opens', async () => {
    expect(expectOk(await as(fixture.store, people.chair)('disclosure', 'villageCode'))).toEqual({
      villageId: 'v-shiqiao',
      page: 'packages/disclosure/public/index',
      image: null,
    })
  })
})

describe('figures', () => {
  it("count this month's disclosures by kind, corrections, duties and announcement reach", async () => {
    const chair = fixture.as(people.chair)
    const before = expectOk(await chair('disclosure', 'figures'))
    expect(before.month).toBe('2026-11')
    const id = await publishFinance()
    expectOk(await fixture.as(people.director)('disclosure', 'revise', { disclosureId: id, ...finance, title: '更正后的标题', reason: '标题写错' }))
    const after = expectOk(await chair('disclosure', 'figures'))
    expect(after.publishedThisMonth.finance).toBe(before.publishedThisMonth.finance + 1)
    expect(after.revisionsThisMonth).toBe(before.revisionsThisMonth + 1)
    expect(after.announcements[0]).toMatchObject({ householdsInGroup: 106 })
    expect(expectOk(await fixture.as(people.inspector)('disclosure', 'figures', { villageId: 'v-shiqiao' }))).toEqual(after)
    expectError(await as(fixture.store, people.director)('disclosure', 'figures'), 'FORBIDDEN')
  })
})

describe('attachments', () => {
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(200, 1)])
  const stored = (bytes: Buffer, ext = 'png') => {
    const name = `${randomBytes(12).toString('hex')}.${ext}`
    writeFileSync(join(testFiles.dir, name), bytes)
    return `local:${name}`
  }

  it('are checked from the stored bytes and shown with a URL', async () => {
    const saved = testFiles.save(phonePng())
    if ('problem' in saved) throw new Error(saved.problem)
    const id = await publishFinance({ attachments: [{ fileId: saved.fileId, name: '收据照片' }] })
    const { disclosure } = expectOk(await as(fixture.store, people.villager)('disclosure', 'get', { disclosureId: id }))
    expect(disclosure.attachments).toEqual([
      { fileId: saved.fileId, name: '收据照片', mime: 'image/png', size: saved.size, url: expect.stringMatching(/^\/files\/[0-9a-f]{24}\.png$/) },
    ])
    // A correction that does not mention attachments keeps them.
    expectOk(await fixture.as(people.director)('disclosure', 'revise', { disclosureId: id, ...finance, title: '改标题', reason: '标题' }))
    expect(expectOk(await as(fixture.store, people.villager)('disclosure', 'get', { disclosureId: id })).disclosure.attachments).toHaveLength(1)
  })

  it('refuses a missing file, a file that is not an image, an oversized one, or too many, storing nothing', async () => {
    const director = fixture.as(people.director)
    const before = dump(fixture.store)
    const cases: [unknown, RegExp][] = [
      [[{ fileId: 'local:000000000000000000000000.png', name: '不存在' }], /没有上传成功/],
      [[{ fileId: stored(Buffer.from('<script>alert(1)</script>'), 'jpg'), name: '伪装成图片' }], /格式/],
      [[{ fileId: stored(Buffer.concat([png, Buffer.alloc(2 * 1024 * 1024)])), name: '太大' }], /2MB/],
      [Array.from({ length: 10 }, () => ({ fileId: 'local:x', name: '多' })), /最多9张/],
      [[{ fileId: '../../etc/passwd', name: '越界' }], /没有上传成功/],
    ]
    for (const [attachments, message] of cases) {
      expect(expectError(await director.unchecked('disclosure', 'publish', { ...finance, attachments }), 'INVALID_INPUT', 400)).toMatch(message)
    }
    expect(dump(fixture.store)).toEqual(before)
  })
})
