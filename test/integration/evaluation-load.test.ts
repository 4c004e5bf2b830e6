import type { AddressInfo } from 'node:net'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Server } from 'node:http'
import { createHost, LISTEN_BACKLOG } from '../../host/server'
import { issueToken } from '../../host/session'
import { choices, type Choice } from '../../shared/evaluation/rules'
import type { Envelope } from '../../shared/errors'
import { NOW, addHouseholds, dump, seededStore, testClock, testFiles, type TestStore } from '../support/harness'

const secret = Buffer.alloc(32, 7)
const HOUSEHOLDS = 300
let store: TestStore
let server: Server
let base: string

beforeAll(async () => {
  store = await seededStore()
  server = createHost({ store, clock: testClock(), secret, staticDir: mkdtempSync(join(tmpdir(), 'h5-')), devLogin: false, files: testFiles })
  // The host's backlog: node's default 511 cannot queue this test's 1,200 connections while the host is busy.
  await new Promise<void>((resolve) => server.listen({ port: 0, host: '127.0.0.1', backlog: LISTEN_BACKLOG }, resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve))
  store.close()
})

async function call(openid: string, area: string, body: Record<string, unknown>): Promise<{ status: number; envelope: Envelope<any> }> {
  const res = await fetch(`${base}/api/fn/${area}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${issueToken(secret, openid, NOW)}` },
    body: JSON.stringify(body),
  })
  return { status: res.status, envelope: (await res.json()) as Envelope<any> }
}

describe('300 households voting at once over HTTP', () => {
  it('records exactly one ballot per household and an exact tally, whatever retries and second phones do', async () => {
    const households = await addHouseholds(store, HOUSEHOLDS)
    const opened = await call('demo:p-shiqiao-chair', 'evaluation', {
      action: 'openRound',
      subject: { type: 'decision', id: 'dc-shiqiao-2' },
      title: '村道硬化工程评议',
      closesAt: new Date(NOW.getTime() + 86_400_000).toISOString(),
    })
    const { roundId } = opened.envelope.ok ? opened.envelope.data : fail(opened.envelope)
    const choiceOf = (n: number): Choice => choices[n % 3]!

    // Every representative votes, retries the same ballot and taps again without a request id;
    // the household's second member tries too. All at once.
    const attempts = households.flatMap((h, n) => {
      const ballot = { action: 'castBallot', roundId, choice: choiceOf(n), requestId: `household-${n}-ballot-request` }
      return [
        call(h.representative, 'evaluation', ballot).then((r) => ({ kind: 'first', n, ...r })),
        call(h.representative, 'evaluation', ballot).then((r) => ({ kind: 'retry', n, ...r })),
        call(h.representative, 'evaluation', { ...ballot, requestId: undefined }).then((r) => ({ kind: 'again', n, ...r })),
        call(h.second, 'evaluation', { ...ballot, choice: 'dissatisfied', requestId: undefined }).then((r) => ({ kind: 'second', n, ...r })),
      ]
    })
    const results = await Promise.all(attempts)

    for (const r of results.filter((x) => x.kind === 'second')) expect(r.status).toBe(403)
    // For each household the first ballot and its retry succeed with one receipt, or one of them lost to the
    // untagged tap, which then is the household's one ballot; never two.
    const receipts = new Map<number, Set<string>>()
    for (const r of results.filter((x) => x.kind !== 'second')) {
      if (r.envelope.ok) receipts.set(r.n, (receipts.get(r.n) ?? new Set()).add(r.envelope.data.receipt))
      else expect([r.status, r.envelope.ok || r.envelope.error.code]).toEqual([409, 'ALREADY_VOTED'])
    }
    expect(receipts.size).toBe(HOUSEHOLDS)
    for (const set of receipts.values()) expect(set.size).toBe(1)

    const closed = await call('demo:p-shiqiao-chair', 'evaluation', { action: 'closeRound', reason: '全部户代表已投票', roundId })
    expect(closed.envelope).toMatchObject({ ok: true, data: { tally: { satisfied: 100, basic: 100, dissatisfied: 100, cast: 300 } } })
    const round = await call(households[0]!.representative, 'evaluation', { action: 'getRound', roundId })
    const published = round.envelope.ok ? round.envelope.data.ballots : []
    expect(published).toHaveLength(HOUSEHOLDS)
    expect(new Set(published.map((b: { receipt: string }) => b.receipt))).toEqual(new Set([...receipts.values()].flatMap((s) => [...s])))
    const stored = dump(store)
    const ofRound = (rows: string[]) => rows.map((r) => JSON.parse(r)).filter((r) => r.roundId === roundId)
    expect(ofRound(stored.ballot!).filter((b) => b.choice !== null)).toHaveLength(HOUSEHOLDS)
    expect(ofRound(stored.participation!)).toHaveLength(HOUSEHOLDS)
  }, 60_000)
})

function fail(envelope: Envelope<unknown>): never {
  throw new Error(`request failed: ${JSON.stringify(envelope)}`)
}
