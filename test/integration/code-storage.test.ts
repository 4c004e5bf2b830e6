import Database from 'better-sqlite3'
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { SqliteStore } from '../../cloudfunctions/adapters/sqlite/store'
import { seedDemo } from '../../host/seed/demo'
import type { Invite } from '../../shared/township/schema'
import type { Report } from '../../shared/report/schema'
import { addNeighbourTownship, callerFor, docsOf, dump, expectError, expectOk, people, storeKind, testClock, useSeededStore } from '../support/harness'

/*
 * Issue 18, codes at rest: an invite code is shown once and stored only as a hash, can be re-issued (the old
 * code dies), and invite lists never show it; a report's tracking code is stored only as a hash; codes stored
 * in the clear before (SQLite migration 17; the cloud database's old records) keep working; member.join
 * answers alike whether or not the 户号 is on the roster. Both adapters, except the SQLite migration and the
 * admin CLI, which work on the local host's data folder.
 */

const fixture = useSeededStore()
const staff = () => fixture.as(people.inspector)
const visitor = (name: string) => fixture.caller(`visitor:${name}`)
const CODE = /^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/
const chairInvite = { role: 'chair', villageId: 'v-shiqiao', title: '村务监督委员会主任', name: '孙建华' } as const

/** Every stored document of every collection, as text: where a code must not appear in any form. */
const everything = () => JSON.stringify(dump(fixture.store))
const forms = (code: string) => [code, code.replace(/-/g, ''), code.toLowerCase(), code.replace(/-/g, '').toLowerCase()]

describe('invite codes', () => {
  it('are 12 symbols in groups of four, shown once and stored only as a hash; lists show who, post and expiry', async () => {
    const made = expectOk(await staff()('township', 'invite', chairInvite))
    expect(made.code).toMatch(CODE)
    for (const form of forms(made.code)) expect(everything()).not.toContain(form)
    const { invites } = expectOk(await staff()('township', 'appointments', {}))
    const listed = invites.find((i) => i.inviteId === made.inviteId)
    expect(listed).toEqual({ inviteId: made.inviteId, role: 'chair', title: '村务监督委员会主任', name: '孙建华', villageName: '石桥村', expiresAt: made.expiresAt })
    expect(JSON.stringify(invites)).not.toContain(made.code.replace(/-/g, '').slice(0, 8))
    // Typed as people type it: lower case, spaces, no dashes.
    const typedCode = ` ${made.code.toLowerCase().replace(/-/g, ' ')} `
    expect(expectOk(await visitor('sun')('member', 'acceptInvite', { code: typedCode }))).toEqual({ role: 'chair', title: '村务监督委员会主任' })
  })

  it('can be re-issued: the new code works, the old one is dead, and an invite is re-issued once', async () => {
    const first = expectOk(await staff()('township', 'invite', chairInvite))
    const second = expectOk(await staff()('township', 'reissueInvite', { inviteId: first.inviteId }))
    expect(second.code).toMatch(CODE)
    expect(second.code).not.toBe(first.code)
    expect(second.expiresAt > first.expiresAt || second.expiresAt === first.expiresAt).toBe(true)
    expect(expectOk(await staff()('township', 'appointments', {})).invites.map((i) => i.inviteId)).toEqual(expect.not.arrayContaining([first.inviteId]))
    expect(expectError(await staff()('township', 'reissueInvite', { inviteId: first.inviteId }), 'CONFLICT'))
    expect(expectError(await visitor('sun')('member', 'acceptInvite', { code: first.code }), 'NOT_FOUND')).toMatch(/任命码不对/)
    expectOk(await visitor('sun')('member', 'acceptInvite', { code: second.code }))
    for (const form of [...forms(first.code), ...forms(second.code)]) expect(everything()).not.toContain(form)
  })

  it('are re-issued only by staff of their own township', async () => {
    const made = expectOk(await staff()('township', 'invite', chairInvite))
    const other = await addNeighbourTownship(fixture.store)
    expectError(await fixture.as(other)('township', 'reissueInvite', { inviteId: made.inviteId }), 'NOT_FOUND')
    expectOk(await visitor('sun')('member', 'acceptInvite', { code: made.code }))
  })

  it('made before they were hashed (the cloud database keeps them as 8-symbol ids) are still taken until they expire', async () => {
    const now = fixture.clock.now()
    const legacy: Invite = {
      _id: 'ABCD2345',
      townshipId: 'tw-shiqiao',
      villageId: 'v-shiqiao',
      role: 'committee',
      title: '村委委员',
      name: '周德明',
      status: 'open',
      createdAt: now.toISOString(),
      createdBy: '镇纪委书记',
      expiresAt: new Date(now.getTime() + 86_400_000).toISOString(),
      usedAt: null,
      usedBy: null,
    }
    await fixture.store.insert('invite', legacy)
    expect(expectOk(await staff()('township', 'appointments', {})).invites.map((i) => i.name)).toContain('周德明')
    expect(expectOk(await visitor('zhou')('member', 'acceptInvite', { code: 'abcd-2345' }))).toEqual({ role: 'committee', title: '村委委员' })
    expect(expectError(await visitor('zhou2')('member', 'acceptInvite', { code: 'ABCD2345' }), 'CONFLICT')).toMatch(/用过/)
  })

  it('made before they were hashed are listed without their code and can be re-issued, which kills the old code', async () => {
    const now = fixture.clock.now()
    await fixture.store.insert('invite', {
      _id: 'WXYZ6789',
      townshipId: 'tw-shiqiao',
      villageId: null,
      role: 'township',
      title: '镇纪委干部',
      name: '吴敏',
      status: 'open',
      createdAt: now.toISOString(),
      createdBy: '开通',
      expiresAt: new Date(now.getTime() + 86_400_000).toISOString(),
      usedAt: null,
      usedBy: null,
    })
    const { invites } = expectOk(await staff()('township', 'appointments', {}))
    expect(JSON.stringify(invites)).not.toContain('WXYZ6789')
    const listed = invites.find((i) => i.name === '吴敏')!
    const reissued = expectOk(await staff()('township', 'reissueInvite', { inviteId: listed.inviteId }))
    expectError(await visitor('wu')('member', 'acceptInvite', { code: 'WXYZ6789' }), 'NOT_FOUND')
    expect(expectOk(await visitor('wu')('member', 'acceptInvite', { code: reissued.code }))).toEqual({ role: 'township', title: '镇纪委干部' })
  })
})

describe('tracking codes', () => {
  const aReport = { requestId: 'storage-report-1', subject: '村会计', text: '虚报误工补贴。', anonymous: true }

  it('are stored only as a hash; a retry answers the same code; the reporter finds the report by it', async () => {
    const villager = fixture.as(people.villager)
    const filed = expectOk(await villager('report', 'file', aReport))
    expect(filed.trackingCode).toMatch(CODE)
    for (const form of forms(filed.trackingCode)) expect(everything()).not.toContain(form)
    expect(expectOk(await villager('report', 'file', aReport)).trackingCode).toBe(filed.trackingCode)
    const other = expectOk(await villager('report', 'file', { ...aReport, requestId: 'storage-report-2' }))
    expect(other.trackingCode).not.toBe(filed.trackingCode)
    const tracked = expectOk(await visitor('phone')('report', 'track', { trackingCode: filed.trackingCode.toLowerCase().replace(/-/g, ' ') }))
    expect(tracked).toMatchObject({ trackingCode: filed.trackingCode, status: 'submitted' })
  })

  it('stored in the clear before (old cloud records) are still found, and hashed on that first lookup', async () => {
    const filed = expectOk(await fixture.as(people.villager)('report', 'file', aReport))
    const [report] = docsOf(fixture.store, 'report').filter((r) => r.text === aReport.text) as Report[]
    // The record as it was written before codes were hashed.
    await fixture.store.update('report', report!._id, { trackingCode: 'ABCD-EFGH-JKMN' })
    expect(expectOk(await visitor('phone')('report', 'track', { trackingCode: 'abcdefghjkmn' }))).toMatchObject({ trackingCode: 'ABCD-EFGH-JKMN', status: 'submitted' })
    const healed = (await fixture.store.get('report', report!._id))!
    expect(healed.trackingCode).toMatch(/^[0-9a-f]{64}$/)
    expect(everything()).not.toContain('ABCD-EFGH-JKMN')
    expectOk(await visitor('phone')('report', 'track', { trackingCode: 'ABCD-EFGH-JKMN' }))
    expect(filed.trackingCode).not.toBe('ABCD-EFGH-JKMN')
  })
})

describe('member.join', () => {
  /** What an applicant can see of their request, with what differs by person set aside. */
  const seenBy = async (call: ReturnType<typeof visitor>, number: string) => {
    const answer = expectOk(await call('member', 'join', { joinCode: 'SHIQIAO', householdNumber: number, name: '申请人' }))
    const me = expectOk(await call('member', 'me', {}))
    return {
      answer: { ...answer, memberId: answer.memberId.replace(/^m_[A-Za-z0-9_-]+$/, 'm_…') },
      me: { ...me, personId: '…', uploadDir: '…', membership: me.membership && { ...me.membership, memberId: '…', household: { ...me.membership.household, number: '…' } } },
    }
  }

  it('answers alike whether or not the household number is on the roster; the chair sees the mismatch and cannot approve it', async () => {
    const listed = await seenBy(visitor('listed'), '0120')
    const unlisted = await seenBy(visitor('unlisted'), '9999')
    expect(unlisted).toEqual(listed)
    expect(listed.me.membership).toMatchObject({ status: 'pending', household: { householdId: '', headName: '' } })

    const chair = fixture.as(people.chair)
    const pending = expectOk(await chair('member', 'listPending', {})).items
    const onRoster = pending.find((p) => p.household.number === '0120')!
    const offRoster = pending.find((p) => p.household.number === '9999')!
    expect(onRoster).toMatchObject({ onRoster: true, household: { number: '0120' } })
    expect(onRoster.household.headName).not.toBe('')
    expect(offRoster).toMatchObject({ onRoster: false, household: { number: '9999', headName: '' }, name: '申请人' })
    expect(expectError(await chair('member', 'approve', { memberId: offRoster.memberId }), 'CONFLICT')).toMatch(/不在本村花名册/)
    expectOk(await chair('member', 'reject', { memberId: offRoster.memberId, reason: '户号不对' }))
    expectOk(await chair('member', 'approve', { memberId: onRoster.memberId }))
    // Once approved the member sees their household as the roster has it.
    expect(expectOk(await visitor('listed')('member', 'me', {})).household?.headName).toBe(onRoster.household.headName)
  })
})

const sqliteOnly = storeKind === 'sqlite' ? describe : describe.skip

sqliteOnly('SQLite migration 17', () => {
  it('hashes invites and tracking codes stored in the clear, which keep working, and can run again', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'codes-'))
    try {
      const file = join(dir, 'village.db')
      const clock = testClock()
      const seeded = SqliteStore.open(file)
      await seedDemo(seeded, clock.now())
      const filed = expectOk(await callerFor(seeded, 'demo:p-shiqiao-0001-1', clock)('report', 'file', { requestId: 'migration-report-1', text: '虚报。', anonymous: true }))
      seeded.close()
      // The data folder as it was before: the invite's code is its id, the report keeps its code.
      const db = new Database(file)
      const at = clock.now().toISOString()
      const invite = {
        _id: 'QRST6789',
        townshipId: 'tw-shiqiao',
        villageId: null,
        role: 'township',
        title: '镇纪委干部',
        name: '吴敏',
        status: 'open',
        createdAt: at,
        createdBy: '开通',
        expiresAt: new Date(clock.now().getTime() + 86_400_000).toISOString(),
        usedAt: null,
        usedBy: null,
      }
      db.prepare(`INSERT INTO invite (_id, doc) VALUES (?, ?)`).run(invite._id, JSON.stringify(invite))
      db.exec(`UPDATE report SET doc = json_set(doc, '$.trackingCode', '${filed.trackingCode}') WHERE json_extract(doc, '$.text') = '虚报。'`)
      db.exec(`DROP TABLE attempt; DROP TABLE security_log`)
      db.pragma('user_version = 16')
      db.close()

      for (let run = 0; run < 2; run++) {
        const reopened = SqliteStore.open(file)
        const text = JSON.stringify(reopened.db.prepare(`SELECT doc FROM invite UNION ALL SELECT doc FROM report`).all())
        expect(text).not.toContain('QRST6789')
        expect(text).not.toContain(filed.trackingCode)
        expect(reopened.db.prepare(`SELECT COUNT(*) AS n FROM invite WHERE _id = json_extract(doc, '$._id') AND length(_id) = 64`).get()).toEqual({ n: 1 })
        reopened.db.pragma('user_version = 16')
        reopened.close()
      }
      const store = SqliteStore.open(file)
      try {
        const tracked = expectOk(await callerFor(store, 'visitor:phone', clock)('report', 'track', { trackingCode: filed.trackingCode }))
        expect(tracked.status).toBe('submitted')
        expect(expectOk(await callerFor(store, 'visitor:wu', clock)('member', 'acceptInvite', { code: 'qrst-6789' }))).toEqual({ role: 'township', title: '镇纪委干部' })
      } finally {
        store.close()
      }
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

sqliteOnly('the admin CLI', () => {
  const root = join(__dirname, '../..')
  let admin = ''
  let dataDir = ''
  beforeAll(() => {
    mkdirSync(join(root, '.build'), { recursive: true })
    admin = join(root, '.build', 'test-admin-codes.cjs')
    const built = spawnSync(
      join(root, 'node_modules/.bin/esbuild'),
      [
        'host/admin.ts',
        '--bundle',
        '--platform=node',
        '--format=cjs',
        '--target=node20',
        `--outfile=${admin}`,
        '--external:better-sqlite3',
        '--external:wx-server-sdk',
        '--log-level=warning',
      ],
      { cwd: root, encoding: 'utf8' },
    )
    if (built.status !== 0) throw new Error(`esbuild failed: ${built.stderr}`)
    dataDir = mkdtempSync(join(tmpdir(), 'admin-codes-'))
  })
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }))
  const run = (...args: string[]) => {
    const result = spawnSync(process.execPath, [admin, ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, DATA_DIR: dataDir } })
    if (result.status !== 0) throw new Error(`admin ${args.join(' ')} failed: ${result.stderr}`)
    return result.stdout
  }
  const printedCode = (out: string) => /任命码：([2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4})/.exec(out)?.[1]

  it('prints an invite code once, which `list` does not show and the store keeps only as a hash', async () => {
    const first = printedCode(run('bootstrap', '--township', '石桥镇', '--district', '清河区', '--name', '张三'))
    const out = run('invite', '--name', '李四')
    expect(out).toMatch(/只显示这一次/)
    const second = printedCode(out)
    expect(first).toMatch(CODE)
    expect(second).toMatch(CODE)
    const listed = run('list')
    expect(listed).toMatch(/未使用的任命码：镇纪委干部 李四/)
    const store = SqliteStore.open(join(dataDir, 'village.db'))
    try {
      const text = JSON.stringify(store.db.prepare(`SELECT _id, doc FROM invite`).all())
      for (const code of [first!, second!]) {
        expect(listed).not.toContain(code)
        expect(text).not.toContain(code.replace(/-/g, ''))
      }
      expect(expectOk(await callerFor(store, 'visitor:li', testClock(new Date()))('member', 'acceptInvite', { code: second! }))).toMatchObject({ role: 'township' })
    } finally {
      store.close()
    }
  })
})
