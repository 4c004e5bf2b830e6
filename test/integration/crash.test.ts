// SQLite only by nature (it kills the real host process and reads its SQLite data folder): not part of `npm run test:cloud` (STORE=cloud).
import Database from 'better-sqlite3'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sha256 } from '../../cloudfunctions/core/hash'
import { issueToken } from '../../host/session'
import { brokenLink } from '../../shared/disclosure/rules'
import type { Revision } from '../../shared/disclosure/schema'
import { choices, type Choice } from '../../shared/evaluation/rules'
import type { Envelope } from '../../shared/errors'
import { bundleHost, startHost, stopHost, type HostProcess } from '../support/host-process'

/**
 * Crash: the real host process on a data folder, a storm of ballots, feedback
 * and corrections, `kill -9` mid-storm, a restart on the same folder. What the
 * host acknowledged must be there, nothing may be half-written, and the
 * households whose answers were lost can retry and be counted once.
 */
const secret = Buffer.alloc(32, 5)
const FEEDBACK_PER_HOUSEHOLD = 3
/** Requests in flight at once, and acknowledgements before the kill: a fraction of the storm. */
const STORM_WIDTH = 48
const KILL_AFTER = 120

let bundle: string
let dataDir: string
let host: HostProcess

beforeAll(() => {
  bundle = bundleHost('crash')
  dataDir = mkdtempSync(join(tmpdir(), 'crash-'))
  writeFileSync(join(dataDir, 'session.key'), secret.toString('hex'))
  // The mode the key is for (the host's default, demo): a key without it is replaced at start (host/session.ts).
  writeFileSync(join(dataDir, 'session.mode'), 'demo')
})
afterAll(async () => {
  if (host) await stopHost(host)
  rmSync(dataDir, { recursive: true, force: true })
})

/** Each person's token is signed once: the storm should load the host, not the test. */
const tokens = new Map<string, string>()

type Outcome<T> = { ok: true; data: T } | { ok: false; code: string; message: string } | { lost: true }

/** One request; a connection that dies with the host is `lost`, not a failure of the test. */
async function call<T = any>(openid: string, area: string, body: Record<string, unknown>): Promise<Outcome<T>> {
  const token = tokens.get(openid) ?? tokens.set(openid, issueToken(secret, openid, new Date())).get(openid)!
  try {
    const res = await fetch(`${host.url}/api/fn/${area}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    })
    const envelope = (await res.json()) as Envelope<T>
    return envelope.ok ? { ok: true, data: envelope.data } : { ok: false, code: envelope.error.code, message: envelope.error.message }
  } catch {
    return { lost: true }
  }
}

function okData<T>(outcome: Outcome<T>): T {
  if ('ok' in outcome && outcome.ok) return outcome.data
  throw new Error(`expected ok, got ${JSON.stringify(outcome)}`)
}

const docs = <T>(db: Database.Database, sql: string, ...params: unknown[]): T[] => (db.prepare(sql).all(...params) as { doc: string }[]).map((r) => JSON.parse(r.doc) as T)

describe('a host killed mid-storm and restarted on the same data folder', () => {
  it('keeps every acknowledged write, half-writes none, and counts every household once', async () => {
    host = await startHost(bundle, dataDir)
    const chair = 'demo:p-shiqiao-chair'
    const director = 'demo:p-shiqiao-director'

    // Every voting representative of 石桥村, from the seeded data itself.
    const seeded = new Database(join(dataDir, 'village.db'), { readonly: true })
    const households = seeded
      .prepare(
        `SELECT h._id AS householdId, json_extract(p.doc, '$.openid') AS openid FROM household h
         JOIN member m ON m._id = json_extract(h.doc, '$.representativeMemberId')
         JOIN person p ON p._id = json_extract(m.doc, '$.personId')
         WHERE json_extract(h.doc, '$.villageId') = 'v-shiqiao' ORDER BY h._id`,
      )
      .all() as { householdId: string; openid: string }[]
    const seededFeedback = (seeded.prepare('SELECT COUNT(*) AS n FROM feedback').get() as { n: number }).n
    seeded.close()
    expect(households.length).toBeGreaterThan(100)

    const { roundId } = okData<{ roundId: string }>(
      await call(chair, 'evaluation', {
        action: 'openRound',
        subject: { type: 'decision', id: 'dc-shiqiao-2' },
        title: '村道硬化工程评议',
        closesAt: new Date(Date.now() + 86_400_000).toISOString(),
      }),
    )
    const content = { title: '十一月保洁经费使用情况', body: '保洁员工资与清运费用，按月公开。' }
    const { disclosureId } = okData<{ disclosureId: string }>(await call(director, 'disclosure', { action: 'publish', kind: 'village', section: 'services', ...content }))

    // What each household does: one ballot (choices in rotation) and a few feedback submissions, each with its request id.
    const ballots = households.map((h, n) => ({ ...h, choice: choices[n % 3]! as Choice, requestId: `crash-test-ballot-${n}` }))
    const feedback = households.flatMap((h, n) =>
      Array.from({ length: FEEDBACK_PER_HOUSEHOLD }, (_, k) => ({ openid: h.openid, requestId: `crash-feedback-${n}-${k}`, text: `第${n}户第${k + 1}条意见` })),
    )
    const castBallot = (b: (typeof ballots)[number]) =>
      call<{ receipt: string }>(b.openid, 'evaluation', { action: 'castBallot', roundId, choice: b.choice, requestId: b.requestId })
    const submit = (f: (typeof feedback)[number]) =>
      call<{ feedbackId: string }>(f.openid, 'feedback', { action: 'submit', requestId: f.requestId, about: { type: 'general' }, text: f.text })

    // The storm: ballots and feedback interleaved, STORM_WIDTH at a time, as many phones at once would send them.
    const tasks = households.flatMap((_, n) => [
      { ballot: ballots[n]! },
      ...feedback.slice(n * FEEDBACK_PER_HOUSEHOLD, (n + 1) * FEEDBACK_PER_HOUSEHOLD).map((f) => ({ feedback: f })),
    ])
    let acks = 0
    let killed = false
    // The host is stopped where it stands (SIGSTOP), so what the phones send from then on is surely in flight,
    // and killed a moment later: the same as `kill -9` at the instant it stopped.
    const acknowledged = () => {
      if (++acks !== KILL_AFTER) return
      host.child.kill('SIGSTOP')
      setTimeout(() => {
        killed = true
        host.child.kill('SIGKILL')
      }, 300)
    }
    const ackedReceipts = new Map<string, string>()
    const ackedFeedback = new Map<string, string>()
    let ackedRevision = 1
    let lost = 0

    // Corrections go one after another (two at once would rightly conflict), alongside the storm.
    const corrections = (async () => {
      for (let n = 2; !killed; n++) {
        const revised = await call<{ revision: number }>(director, 'disclosure', {
          action: 'revise',
          disclosureId,
          expectedRevision: n - 1,
          reason: `第${n - 1}次更正：补记清运费用`,
          ...content,
          body: `${content.body}清运 ${n} 车。`,
        })
        if (!('ok' in revised)) {
          lost++
          return
        }
        ackedRevision = okData(revised).revision
        acknowledged()
      }
    })()
    let next = 0
    const worker = async () => {
      while (!killed && next < tasks.length) {
        const task = tasks[next++]!
        const outcome = 'ballot' in task ? await castBallot(task.ballot) : await submit(task.feedback)
        if (!('ok' in outcome)) {
          lost++
          continue
        }
        const data = okData<{ receipt?: string; feedbackId?: string }>(outcome)
        if ('ballot' in task) ackedReceipts.set(task.ballot.householdId, data.receipt!)
        else ackedFeedback.set(task.feedback.requestId, data.feedbackId!)
        acknowledged()
      }
    }
    await Promise.all([corrections, ...Array.from({ length: STORM_WIDTH }, worker)])
    await host.exited

    // The kill landed mid-storm: requests were in flight and lost with their connections, ballots and
    // feedback were both partly acknowledged and partly not.
    expect(host.child.signalCode).toBe('SIGKILL')
    expect(lost).toBeGreaterThan(0)
    expect(ackedReceipts.size).toBeGreaterThan(0)
    expect(ackedReceipts.size).toBeLessThan(ballots.length)
    expect(ackedFeedback.size).toBeGreaterThan(0)
    expect(ackedFeedback.size).toBeLessThan(feedback.length)

    host = await startHost(bundle, dataDir)
    const db = new Database(join(dataDir, 'village.db'), { readonly: true })
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')

    const revisionsOf = (on: Database.Database) =>
      (on.prepare(`SELECT COUNT(*) AS n FROM disclosure_revision WHERE json_extract(doc, '$.disclosureId') = ?`).get(disclosureId) as { n: number }).n

    // Every acknowledged ballot and feedback is there.
    // Filled ballot slots; the round's empty ones have no choice.
    const filled = `SELECT doc FROM ballot WHERE json_extract(doc, '$.roundId') = ? AND json_extract(doc, '$.choice') IS NOT NULL`
    const storedReceipts = new Set(docs<{ receipt: string }>(db, filled, roundId).map((b) => b.receipt))
    const participations = docs<{ householdId: string }>(db, `SELECT doc FROM participation WHERE json_extract(doc, '$.roundId') = ?`, roundId)
    for (const receipt of ackedReceipts.values()) expect(storedReceipts).toContain(receipt)
    const voted = new Set(participations.map((p) => p.householdId))
    for (const householdId of ackedReceipts.keys()) expect(voted).toContain(householdId)
    const storedFeedback = new Set(docs<{ _id: string }>(db, 'SELECT doc FROM feedback').map((f) => f._id))
    for (const feedbackId of ackedFeedback.values()) expect(storedFeedback).toContain(feedbackId)
    // ...with its line in the audit log, written in the same transaction (issue 18): whatever the kill cut, a write
    // and its entry are both there or neither, so the entries number exactly the writes (each was sent once).
    const audited = (action: string) => (db.prepare(`SELECT COUNT(*) AS n FROM audit WHERE json_extract(doc, '$.action') = ?`).get(action) as { n: number }).n
    const storedFeedbackCount = (db.prepare('SELECT COUNT(*) AS n FROM feedback').get() as { n: number }).n - seededFeedback
    expect(audited('evaluation.castBallot')).toBe(participations.length)
    expect(audited('feedback.submit')).toBe(storedFeedbackCount)
    expect(audited('disclosure.revise')).toBe(revisionsOf(db) - 1)

    // Nothing half-written: a participation for every ballot and the reverse, and an unbroken chain up to the head.
    expect(storedReceipts.size).toBe(participations.length)
    const [disclosure] = docs<{ revision: number; hash: string; content: unknown }>(db, 'SELECT doc FROM disclosure WHERE _id = ?', disclosureId)
    const revisions = docs<Revision>(db, `SELECT doc FROM disclosure_revision WHERE json_extract(doc, '$.disclosureId') = ?`, disclosureId)
    expect(disclosure!.revision).toBeGreaterThanOrEqual(ackedRevision)
    expect(revisions).toHaveLength(disclosure!.revision)
    expect(brokenLink(revisions, sha256, disclosure!.hash)).toBeNull()
    expect(revisions.find((r) => r.revision === disclosure!.revision)!.content).toEqual(disclosure!.content)
    expect(okData(await call(director, 'disclosure', { action: 'verify', disclosureId }))).toMatchObject({ intact: true, revisions: disclosure!.revision })
    db.close()

    // The phones whose answers were lost retry with the same request ids: each lands once, whether or not it had landed before.
    for (const b of ballots) {
      const { receipt } = okData(await castBallot(b))
      if (ackedReceipts.has(b.householdId)) expect(receipt).toBe(ackedReceipts.get(b.householdId))
    }
    const feedbackIds = new Set<string>()
    for (const f of feedback) {
      const { feedbackId } = okData(await submit(f))
      if (ackedFeedback.has(f.requestId)) expect(feedbackId).toBe(ackedFeedback.get(f.requestId))
      feedbackIds.add(feedbackId)
    }
    expect(feedbackIds.size).toBe(feedback.length)

    // The tally is the ballots: one per household, each as it was cast.
    const { tally } = okData<{ tally: Record<Choice | 'cast', number> }>(await call(chair, 'evaluation', { action: 'closeRound', reason: '全部户代表已投票', roundId }))
    const after = new Database(join(dataDir, 'village.db'), { readonly: true })
    const stored = docs<{ choice: Choice }>(after, filled, roundId).map((b) => b.choice)
    const storedParticipations = docs(after, `SELECT doc FROM participation WHERE json_extract(doc, '$.roundId') = ?`, roundId)
    const storedFeedbackIds = docs<{ _id: string }>(after, 'SELECT doc FROM feedback')
      .map((f) => f._id)
      .filter((id) => feedbackIds.has(id))
    after.close()
    const count = (list: Choice[], choice: Choice) => list.filter((c) => c === choice).length
    expect(stored).toHaveLength(ballots.length)
    expect(storedParticipations).toHaveLength(ballots.length)
    expect(tally.cast).toBe(ballots.length)
    for (const choice of choices) {
      expect(tally[choice]).toBe(count(stored, choice))
      expect(tally[choice]).toBe(
        count(
          ballots.map((b) => b.choice),
          choice,
        ),
      )
    }
    expect(storedFeedbackIds).toHaveLength(feedback.length)
  }, 30_000)
})
