import { areas } from '../../cloudfunctions/areas'
import { sealAudit } from '../../cloudfunctions/core/audit-log'
import { noCodes } from '../../cloudfunctions/core/codes'
import { dispatch } from '../../cloudfunctions/core/dispatch'
import { localOutbox } from '../../cloudfunctions/core/notifier'
import type { Store, StoreTx } from '../../cloudfunctions/core/store'
import { townshipArea } from '../../cloudfunctions/township/area'
import type { AuditEntry } from '../../shared/audit/schema'
import { auditProblemText, SETTLE_MS } from '../../shared/audit/chain'
import { beijingDayStart } from '../../shared/time'
import { docsOf, expectOk, people, testFiles, useSeededStore } from '../support/harness'

/*
 * The audit log's hash chain (issue 18): the township function's timer seals unsealed entries in batches;
 * township.verifyAudit recomputes the chain and says which entry or seal was edited, deleted or moved. Tampering is
 * done as an attacker with the database would: on the raw store, past dispatch.
 */

const fixture = useSeededStore()
const TOWNSHIP = 'tw-shiqiao'

const verify = async () => expectOk(await fixture.as(people.inspector)('township', 'verifyAudit', {}))
const sealNow = () => sealAudit(fixture.store, fixture.clock.now())
/** Past the settling time, then the township function's timer (which seals, then applies retention). */
async function timer(): Promise<void> {
  fixture.clock.advance(SETTLE_MS + 1000)
  await townshipArea.timer!({ store: fixture.store, clock: fixture.clock, notifier: localOutbox })
}

/** Writes of several kinds by several people of 石桥镇. */
async function someWrites(): Promise<void> {
  const villager = fixture.as(people.villager)
  const chair = fixture.as(people.chair)
  const director = fixture.as(people.director)
  const { feedbackId } = expectOk(await villager('feedback', 'submit', { requestId: 'chain-feedback-1', about: { type: 'general' }, text: '路灯不亮。' }))
  expectOk(await chair('feedback', 'route', { feedbackId, assignTo: people.director }))
  expectOk(await director('feedback', 'reply', { feedbackId, text: '已修好。' }))
  expectOk(await chair('announcement', 'push', { title: '通知', body: '请查看。' }))
  expectOk(await director('disclosure', 'publish', { kind: 'village', section: 'services', title: '办事结果公开', body: '本月办结3件。' }))
}

/** The township's sealed entries, in chain order (1 = the first). */
function chainIds(): string[] {
  return docsOf(fixture.store, 'audit_seal')
    .filter((s) => s.chain === TOWNSHIP)
    .sort((a, b) => a.seq - b.seq)
    .flatMap((s) => s.entries.map((e) => e.id))
}
const entry = (id: string): AuditEntry => docsOf(fixture.store, 'audit').find((e) => e._id === id)!

async function sealedChain(): Promise<string[]> {
  await someWrites()
  await timer()
  const ids = chainIds()
  expect(ids.length).toBeGreaterThanOrEqual(5)
  expect(await verify()).toMatchObject({ intact: true, problems: [], unsealed: 0 })
  return ids
}

describe('sealing', () => {
  it("seals the township's entries in order of time then id, each with its content hash, linked seal to seal", async () => {
    await someWrites()
    // Not yet: an entry settles first (dispatch may still add the answer's records to it).
    expect(await sealNow()).toBe(0)
    const before = await verify()
    expect(before).toMatchObject({ intact: true, seals: 0, sealed: 0, problems: [] })
    expect(before.unsealed).toBeGreaterThanOrEqual(5)
    await timer()
    const after = await verify()
    expect(after).toMatchObject({ intact: true, seals: 1, sealed: before.unsealed, unsealed: 0, problems: [] })
    const ids = chainIds()
    const sorted = [...ids].sort((a, b) => (entry(a).at < entry(b).at ? -1 : entry(a).at > entry(b).at ? 1 : a < b ? -1 : 1))
    expect(ids).toEqual(sorted)
    expect(ids.every((id) => entry(id).seal === 1)).toBe(true)

    // More writes make a second seal pointing at the first; run again with nothing new, nothing happens.
    await fixture.as(people.chair)('announcement', 'push', { title: '第二个通知', body: '请查看。' })
    await timer()
    await timer()
    const seals = docsOf(fixture.store, 'audit_seal')
      .filter((s) => s.chain === TOWNSHIP)
      .sort((a, b) => a.seq - b.seq)
    expect(seals.map((s) => s.seq)).toEqual([1, 2])
    expect(seals[1]!.prevHash).toBe(seals[0]!.hash)
    expect(await verify()).toMatchObject({ intact: true, seals: 2, unsealed: 0 })
  })

  it('seals entries written before the chain existed (no seal mark) on its first run', async () => {
    const old = {
      _id: 'au-old-1',
      at: '2026-01-05T02:00:00.000Z',
      townshipId: TOWNSHIP,
      villageId: 'v-shiqiao',
      personId: people.chair,
      name: '周德明',
      role: 'chair',
      title: '',
      action: 'member.approve',
      records: ['m-x'],
    }
    await fixture.store.insert('audit', old)
    await timer()
    expect(entry('au-old-1').seal).toBe(1)
    expect(chainIds()).toContain('au-old-1')
    expect(await verify()).toMatchObject({ intact: true })
  })

  it("seals each entry once when two runs overlap (the second meets the first's marks and rolls back)", async () => {
    await someWrites()
    fixture.clock.advance(SETTLE_MS + 1000)
    const runs = await Promise.allSettled([sealNow(), sealNow()])
    expect(runs.filter((r) => r.status === 'fulfilled')).not.toHaveLength(0)
    const ids = chainIds()
    expect(new Set(ids).size).toBe(ids.length)
    expect(docsOf(fixture.store, 'audit_seal').filter((s) => s.chain === TOWNSHIP)).toHaveLength(1)
    expect(await verify()).toMatchObject({ intact: true, unsealed: 0 })
  })

  it('does not count entries waiting to be sealed as tampering', async () => {
    await sealedChain()
    await fixture.as(people.chair)('announcement', 'push', { title: '新通知', body: '请查看。' })
    expect(await verify()).toMatchObject({ intact: true, unsealed: 1, problems: [] })
  })

  it("seals a ballot's day-only entry only once its Beijing day is over, with the day's others", async () => {
    const chair = fixture.as(people.chair)
    const { roundId } = expectOk(
      await chair('evaluation', 'openRound', {
        subject: { type: 'disclosure', id: 'd-shiqiao-001' },
        title: '封存测试评议',
        closesAt: new Date(fixture.clock.now().getTime() + 72 * 3_600_000).toISOString(),
      }),
    )
    expectOk(await fixture.as(people.villager)('evaluation', 'castBallot', { roundId, choice: 'satisfied', requestId: 'chain-ballot-000001' }))
    const vote = () => docsOf(fixture.store, 'audit').find((e) => e.action === 'evaluation.castBallot')!
    expect(vote()).toMatchObject({ at: beijingDayStart(fixture.clock.now().toISOString()), dayOnly: true })
    await timer()
    // the round's opening is sealed; the vote waits for the day's end
    expect(docsOf(fixture.store, 'audit').find((e) => e.action === 'evaluation.openRound')!.seal).toBe(1)
    expect(vote().seal).toBeNull()
    expect(await verify()).toMatchObject({ intact: true, unsealed: 1 })
    fixture.clock.advance(24 * 3_600_000)
    await timer()
    expect(vote().seal).toBe(2)
    expect(await verify()).toMatchObject({ intact: true, unsealed: 0 })
  })
})

describe('township.verifyAudit finds and locates', () => {
  it('an edited entry', async () => {
    const ids = await sealedChain()
    const n = 3
    await fixture.store.update('audit', ids[n - 1]!, { name: '别人' })
    const verdict = await verify()
    expect(verdict.intact).toBe(false)
    expect(verdict.problems).toEqual([{ kind: 'edited', position: n, at: entry(ids[n - 1]!).at }])
    expect(auditProblemText(verdict.problems[0]!)).toBe('第 3 条记录被改动')
  })

  it('an entry whose records were changed', async () => {
    const ids = await sealedChain()
    await fixture.store.update('audit', ids[1]!, { records: [] })
    expect((await verify()).problems).toEqual([expect.objectContaining({ kind: 'edited', position: 2 })])
  })

  it('a deleted entry', async () => {
    const ids = await sealedChain()
    await fixture.store.removeMany('audit', [ids[3]!])
    const verdict = await verify()
    expect(verdict).toMatchObject({ intact: false, problems: [expect.objectContaining({ kind: 'deleted', position: 4 })] })
    expect(auditProblemText(verdict.problems[0]!)).toBe('第 4 条记录被删除')
  })

  it('an entry moved by changing its time', async () => {
    const ids = await sealedChain()
    // The second entry moved after all the others.
    await fixture.store.update('audit', ids[1]!, { at: fixture.clock.now().toISOString() })
    const verdict = await verify()
    expect(verdict.problems).toEqual([expect.objectContaining({ kind: 'reordered', position: 2 })])
    expect(auditProblemText(verdict.problems[0]!)).toBe('第 2 条记录顺序不对')
  })

  it('an entry put in afterwards, marked sealed', async () => {
    await sealedChain()
    await fixture.store.insert('audit', { ...entry(chainIds()[0]!), _id: 'au-forged', seal: 1 })
    expect((await verify()).problems).toEqual([expect.objectContaining({ kind: 'unlisted' })])
  })

  it('an edited seal and a deleted one', async () => {
    await sealedChain()
    await fixture.as(people.chair)('announcement', 'push', { title: '第二个通知', body: '请查看。' })
    await timer()
    await fixture.as(people.chair)('announcement', 'push', { title: '第三个通知', body: '请查看。' })
    await timer()
    const seal = (seq: number) => docsOf(fixture.store, 'audit_seal').find((s) => s.chain === TOWNSHIP && s.seq === seq)!
    const first = seal(1)

    // An entry dropped from the first seal's list: the seal no longer hashes to what it says.
    await fixture.store.update('audit_seal', first._id, { entries: first.entries.slice(1) })
    let verdict = await verify()
    expect(verdict.problems).toContainEqual({ kind: 'sealEdited', position: 1, at: null })
    expect(auditProblemText({ kind: 'sealEdited', position: 1 })).toBe('第 1 批封存被改动')
    await fixture.store.update('audit_seal', first._id, { entries: first.entries })
    expect(await verify()).toMatchObject({ intact: true })

    await fixture.store.removeMany('audit_seal', [seal(2)._id])
    verdict = await verify()
    expect(verdict.problems).toContainEqual({ kind: 'sealDeleted', position: 2, at: null })
    expect(auditProblemText({ kind: 'sealDeleted', position: 2 })).toBe('第 2 批封存被删除')
  })

  it('a deleted last seal (the head still names it)', async () => {
    await sealedChain()
    await fixture.as(people.chair)('announcement', 'push', { title: '第二个通知', body: '请查看。' })
    await timer()
    const last = docsOf(fixture.store, 'audit_seal').find((s) => s.chain === TOWNSHIP && s.seq === 2)!
    await fixture.store.removeMany('audit_seal', [last._id])
    expect((await verify()).problems).toContainEqual({ kind: 'sealDeleted', position: 2, at: null })
  })

  it('but not an entry the retention policy removed as over age (the timer seals, then applies retention)', async () => {
    const old = {
      _id: 'au-ancient',
      at: '2020-01-05T02:00:00.000Z',
      townshipId: TOWNSHIP,
      villageId: 'v-shiqiao',
      personId: people.chair,
      name: '周德明',
      role: 'chair',
      title: '',
      action: 'member.approve',
      records: [],
    }
    await fixture.store.insert('audit', old)
    await timer()
    expect(chainIds()).toContain('au-ancient')
    await fixture.store.removeMany('audit', ['au-ancient'])
    expect(await verify()).toMatchObject({ intact: true, retired: 1 })
  })

  it("only in the caller's own township", async () => {
    await sealedChain()
    const other = {
      _id: 'au-beiyuan-1',
      at: '2026-11-20T02:00:00.000Z',
      townshipId: 'tw-beiyuan',
      villageId: 'v-beiyuan',
      personId: 'p-x',
      name: '某人',
      role: 'chair',
      title: '',
      action: 'member.approve',
      records: [],
    }
    await fixture.store.insert('audit', other)
    await timer()
    expect(docsOf(fixture.store, 'audit_seal').map((s) => s.chain)).toContain('tw-beiyuan')
    await fixture.store.update('audit', other._id, { name: '别人' })
    expect(await verify()).toMatchObject({ intact: true })
  })
})

/** The fixture's store, with every audit insert failing as a crash at that instant would (in a transaction or not). */
function crashingAtAudit(store: Store): Store {
  const failing = (collection: string) => {
    if (collection === 'audit') throw new Error('crash: the process died writing the audit entry')
  }
  const wrapTx = (tx: StoreTx): StoreTx => ({
    get: (c, id) => tx.get(c, id),
    insert: async (c, doc) => (failing(c), tx.insert(c, doc)),
    update: (c, id, patch, expect) => tx.update(c, id, patch, expect),
  })
  return new Proxy(store, {
    get(target, key) {
      if (key === 'insert') return async (c: string, doc: never) => (failing(c), target.insert(c as never, doc))
      if (key === 'transaction') return (work: (tx: StoreTx) => Promise<unknown>) => target.transaction((tx) => work(wrapTx(tx)))
      const value: unknown = Reflect.get(target, key, target)
      return typeof value === 'function' ? value.bind(target) : value
    },
  })
}

describe('a write and its audit entry land together or not at all', () => {
  // dispatch logs the unexpected error it answers INTERNAL for: expected here
  beforeEach(() => jest.spyOn(console, 'error').mockImplementation(() => undefined))
  afterEach(() => jest.restoreAllMocks())
  const crashing = (personId: string) => (area: string, action: string, input: Record<string, unknown>) =>
    dispatch(
      areas[area]!,
      { ...input, action },
      { openid: `demo:${personId}`, store: crashingAtAudit(fixture.store), clock: fixture.clock, notifier: localOutbox, codes: noCodes, files: testFiles },
    )

  it('a single insert (feedback.submit): neither the feedback nor its entry', async () => {
    const before = docsOf(fixture.store, 'feedback').length
    const answer = await crashing(people.villager)('feedback', 'submit', { requestId: 'chain-crash-0001', about: { type: 'general' }, text: '路灯不亮。' })
    expect(answer).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
    expect(docsOf(fixture.store, 'feedback')).toHaveLength(before)
    expect(docsOf(fixture.store, 'audit')).toEqual([])
  })

  it('a guarded update (feedback.route): the feedback is not routed', async () => {
    const { feedbackId } = expectOk(await fixture.as(people.villager)('feedback', 'submit', { requestId: 'chain-crash-0002', about: { type: 'general' }, text: '路灯不亮。' }))
    const entries = docsOf(fixture.store, 'audit').length
    const answer = await crashing(people.chair)('feedback', 'route', { feedbackId, assignTo: people.director })
    expect(answer).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
    expect(docsOf(fixture.store, 'feedback').find((f) => f._id === feedbackId)).toMatchObject({ status: 'submitted' })
    expect(docsOf(fixture.store, 'audit')).toHaveLength(entries)
  })

  it('a transaction (disclosure.publish) and a record followed by a batch (announcement.push)', async () => {
    const disclosures = docsOf(fixture.store, 'disclosure').length
    const announcements = docsOf(fixture.store, 'announcement').length
    expect(await crashing(people.director)('disclosure', 'publish', { kind: 'village', section: 'services', title: '办事结果公开', body: '本月办结3件。' })).toMatchObject({
      ok: false,
    })
    expect(await crashing(people.chair)('announcement', 'push', { title: '通知', body: '请查看。' })).toMatchObject({ ok: false })
    expect(docsOf(fixture.store, 'disclosure')).toHaveLength(disclosures)
    expect(docsOf(fixture.store, 'announcement')).toHaveLength(announcements)
    expect(docsOf(fixture.store, 'audit')).toEqual([])
  })

  it("the entry names the records of the answer too (a new feedback's id), as before", async () => {
    const { feedbackId } = expectOk(await fixture.as(people.villager)('feedback', 'submit', { requestId: 'chain-crash-0003', about: { type: 'general' }, text: '路灯不亮。' }))
    expect(docsOf(fixture.store, 'audit')).toEqual([expect.objectContaining({ action: 'feedback.submit', records: [feedbackId], seal: null })])
  })
})

describe('sensitive reads are recorded', () => {
  const inspector = () => fixture.as(people.inspector)
  const reads = (action: string) => docsOf(fixture.store, 'audit').filter((e) => e.action === action)

  it('a named report read by staff: who read which report', async () => {
    expectOk(await fixture.as(people.villager)('report', 'file', { requestId: 'chain-named-0001', text: '有人违规。', anonymous: false }))
    const { reportId } = expectOk(await inspector()('report', 'inbox', {})).items[0]!
    expectOk(await inspector()('report', 'get', { reportId }))
    expect(reads('report.get')).toEqual([
      expect.objectContaining({ personId: people.inspector, role: 'township', townshipId: TOWNSHIP, records: [reportId], at: fixture.clock.now().toISOString() }),
    ])
  })

  it('an anonymous report read by staff: the reader and the report, nothing of the reporter', async () => {
    expectOk(await fixture.as(people.villager)('report', 'file', { requestId: 'chain-anon-00001', text: '有人违规。', anonymous: true }))
    const { reportId } = expectOk(await inspector()('report', 'inbox', {})).items[0]!
    // the newest report is the anonymous one: it stores nothing of the villager
    expect(JSON.stringify(docsOf(fixture.store, 'report').find((r) => r._id === reportId))).not.toContain(people.villager)
    expectOk(await inspector()('report', 'get', { reportId }))
    const [read] = reads('report.get')
    expect(read).toMatchObject({ personId: people.inspector, records: [reportId] })
    const villager = docsOf(fixture.store, 'person').find((p) => p._id === people.villager)!
    for (const trace of [people.villager, villager.name, villager.openid, 'm-shiqiao-0001-1', 'h-shiqiao-0001']) expect(JSON.stringify(read)).not.toContain(trace)
  })

  it('a report that is not found, or a caller refused, records nothing', async () => {
    await inspector()('report', 'get', { reportId: 'rp-nothing-here' })
    await fixture.as(people.chair)('report', 'get', { reportId: 'rp-nothing-here' })
    expect(reads('report.get')).toEqual([])
  })

  it("the township's export", async () => {
    expectOk(await inspector()('township', 'export', { kind: 'reports' }))
    expect(reads('township.export')).toEqual([expect.objectContaining({ personId: people.inspector, action: 'township.export', records: [] })])
  })
})
