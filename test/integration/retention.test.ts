import { applyRetention, RETENTION_RUN_BUDGET } from '../../cloudfunctions/core/retention'
import { townshipArea } from '../../cloudfunctions/township/area'
import { localOutbox } from '../../cloudfunctions/core/notifier'
import { retentionDays } from '../../shared/retention'
import { DEFAULT_INVITE_DAYS } from '../../shared/township/rules'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { cloudFileStore } from '../../cloudfunctions/adapters/wxcloud/files'
import { StorageStandIn } from '../../cloudfunctions/adapters/wxcloud/standin/storage'
import { addHouseholds, as, docsOf, dump, expectOk, NOW, people, testClock, testFiles, useSeededStore } from '../support/harness'
import { phoneJpeg } from '../support/images'

/*
 * The retention policy (shared/retention.ts) applied to a store (core/retention.ts), as `npm run admin --
 * retention` and the township timer apply it: what goes, what stays because something still needs it, a dry
 * run that deletes nothing, runs that can be repeated and cut short.
 */

const DAY = 86_400_000
const HOUR = 3_600_000
/** The instant `days` after the scenario (all of it happens within a few hours of NOW). */
const daysLater = (days: number) => new Date(NOW.getTime() + days * DAY)
/** Rounds are planned to end 3 days after NOW; a round closed earlier is kept from its planned end. */
const ROUND_DAYS = 3
const afterRounds = (days: number) => daysLater(ROUND_DAYS + days)

const fixture = useSeededStore()
let world: Awaited<ReturnType<typeof scenario>>

beforeEach(async () => {
  world = await scenario()
})

/** A closed round and an open one, a concluded report and an open one, a villager who left, three messages. */
async function scenario() {
  const homes = await addHouseholds(fixture.store, 3)
  const chair = fixture.as(people.chair)
  const inspector = fixture.as(people.inspector)
  const closesAt = new Date(NOW.getTime() + ROUND_DAYS * DAY).toISOString()
  const closed = expectOk(await chair('evaluation', 'openRound', { subject: { type: 'disclosure', id: 'd-shiqiao-002' }, title: '已结束的评议', closesAt })).roundId as string
  for (const [i, home] of homes.entries()) {
    expectOk(await fixture.caller(home.representative)('evaluation', 'castBallot', { roundId: closed, choice: i === 0 ? 'basic' : 'satisfied' }))
  }
  fixture.clock.advance(HOUR)
  expectOk(await chair('evaluation', 'closeRound', { reason: '全部户代表已投票', roundId: closed }))
  const open = expectOk(await chair('evaluation', 'openRound', { subject: { type: 'disclosure', id: 'd-shiqiao-003' }, title: '还在进行的评议', closesAt })).roundId as string
  expectOk(await fixture.caller(homes[0]!.representative)('evaluation', 'castBallot', { roundId: open, choice: 'basic' }))

  const villager = fixture.as(people.villager)
  const report = { subject: '村委会主任', text: '修路工程没有公开招标。', anonymous: false }
  const upload = testFiles.save(phoneJpeg())
  if ('problem' in upload) throw new Error(upload.problem)
  expectOk(await villager('report', 'file', { ...report, requestId: 'retention-report-1', photos: [{ fileId: upload.fileId, name: '现场' }] }))
  expectOk(await villager('report', 'file', { ...report, requestId: 'retention-report-2' }))
  const inbox = expectOk(await inspector('report', 'inbox', {})).items as { reportId: string }[]
  const [concluded, pending] = [inbox[1]!.reportId, inbox[0]!.reportId]
  expectOk(await inspector('report', 'acknowledge', { reportId: concluded }))
  expectOk(await inspector('report', 'conclude', { reportId: concluded, outcome: '经查属实，已责令整改。' }))

  // The second member of household 1 reads an announcement, subscribes, then leaves the group.
  const leaver = fixture.caller(homes[1]!.second)
  expectOk(await leaver('announcement', 'open', { announcementId: 'an-shiqiao-1' }))
  expectOk(await leaver('announcement', 'subscribe'))
  expectOk(await leaver('member', 'leave', { reason: '外出定居' }))

  for (const status of ['sent', 'failed', 'pending'] as const) {
    await fixture.store.insert('notification', {
      _id: `n-retention-${status}`,
      villageId: 'v-shiqiao',
      openid: 'demo:p-shiqiao-0001-1',
      subject: 'announcement:an-shiqiao-1',
      title: '通知',
      page: '/packages/announcement/detail/index?id=an-shiqiao-1',
      status,
      attempts: 1,
      lastError: null,
      nextAttemptAt: NOW.toISOString(),
      createdAt: NOW.toISOString(),
      sentAt: status === 'sent' ? NOW.toISOString() : null,
    })
  }
  const personOf = (openid: string) => docsOf(fixture.store, 'person').find((p) => p.openid === openid)!._id
  return { homes, closed, open, concluded, pending, leaverId: personOf(homes[1]!.second), stayerId: personOf(homes[1]!.representative) }
}

const count = (collection: Parameters<typeof docsOf>[1], where: (d: any) => boolean) => docsOf(fixture.store, collection).filter(where).length
const ballotsOf = (roundId: string) => count('ballot', (b) => b.roundId === roundId)
const participationsOf = (roundId: string) => count('participation', (p) => p.roundId === roundId)

describe('a year after a round closed', () => {
  it('deletes its ballots and participations, keeps the round, its tally and its turnout, and leaves the open round alone', async () => {
    const openSlots = ballotsOf(world.open)
    expect(ballotsOf(world.closed)).toBeGreaterThan(3)
    expect(expectOk(await fixture.as(people.villager)('evaluation', 'getRound', { roundId: world.closed })).ballotsDeletedAt).toBeNull()
    expect(participationsOf(world.closed)).toBe(3)

    const later = afterRounds(retentionDays.ballots + 1)
    const { counts, complete } = await applyRetention(fixture.store, later, { dryRun: false })
    expect(complete).toBe(true)
    expect(ballotsOf(world.closed)).toBe(0)
    expect(participationsOf(world.closed)).toBe(0)
    expect(counts.participation).toBeGreaterThanOrEqual(3)
    expect(ballotsOf(world.open)).toBe(openSlots)
    expect(participationsOf(world.open)).toBe(1)

    const round = expectOk(await as(fixture.store, people.villager, testClock(later))('evaluation', 'getRound', { roundId: world.closed }))
    expect(round.tally).toMatchObject({ satisfied: 2, basic: 1, dissatisfied: 0, cast: 3 })
    expect(round.turnout).toMatchObject({ voted: 3, byProxy: 0 })
    expect(round.ballots).toEqual([])
    expect(round.ballotsDeletedAt).toBe(later.toISOString())
  })

  it('keeps them a day earlier, counted from the planned end of a round the chair closed early', async () => {
    const ballots = ballotsOf(world.closed)
    await applyRetention(fixture.store, afterRounds(retentionDays.ballots - 1), { dryRun: false })
    expect(ballotsOf(world.closed)).toBe(ballots)
    expect(participationsOf(world.closed)).toBe(3)
  })

  it('keeps them while the subject has an unfinished case, and deletes them once it is closed', async () => {
    // Two rounds in a row over the threshold, each answered, open a case with the township.
    const chair = fixture.as(people.chair)
    const subject = { type: 'disclosure', id: 'd-shiqiao-001' } as const
    const rounds: string[] = []
    for (const title of ['第一轮', '第二轮']) {
      const closesAt = new Date(NOW.getTime() + ROUND_DAYS * DAY).toISOString()
      const roundId = expectOk(await chair('evaluation', 'openRound', { subject, title, closesAt })).roundId as string
      for (const home of world.homes) expectOk(await fixture.caller(home.representative)('evaluation', 'castBallot', { roundId, choice: 'dissatisfied' }))
      expectOk(await chair('evaluation', 'closeRound', { reason: '全部户代表已投票', roundId }))
      expectOk(await fixture.as(people.director)('evaluation', 'answerRound', { roundId, answer: '已在村民代表会议上说明。' }))
      rounds.push(roundId)
    }
    const caseId = (await fixture.store.get('round', rounds[1]!))!.escalationId!
    expect((await fixture.store.get('escalation', caseId))!.status).toBe('open')

    const later = afterRounds(retentionDays.ballots + 1)
    await applyRetention(fixture.store, later, { dryRun: false })
    expect(rounds.map(participationsOf)).toEqual([3, 3])
    expect(participationsOf(world.closed)).toBe(0)
    await fixture.store.update('escalation', caseId, { status: 'closed', closedAt: later.toISOString() })
    await applyRetention(fixture.store, later, { dryRun: false })
    expect(rounds.map(participationsOf)).toEqual([0, 0])
  })

  it('keeps them while a round over the threshold waits for its answer', async () => {
    await fixture.store.update('round', world.closed, { outcome: 'over', answer: null })
    await applyRetention(fixture.store, afterRounds(retentionDays.ballots + 1), { dryRun: false })
    expect(participationsOf(world.closed)).toBe(3)
  })

  it('deletes the person who left, with their subscription and read marks; the household and its other member stay', async () => {
    expect(await fixture.store.get('subscription', world.leaverId)).not.toBeNull()
    expect(count('announcement_seen', (s) => s.personId === world.leaverId)).toBe(1)
    await applyRetention(fixture.store, daysLater(retentionDays.departedMembers + 1), { dryRun: false })
    expect(await fixture.store.get('person', world.leaverId)).toBeNull()
    expect(count('member', (m) => m.personId === world.leaverId)).toBe(0)
    expect(await fixture.store.get('subscription', world.leaverId)).toBeNull()
    expect(count('announcement_seen', (s) => s.personId === world.leaverId)).toBe(0)
    expect(await fixture.store.get('person', world.stayerId)).not.toBeNull()
    expect(count('member', (m) => m.personId === world.stayerId && m.status === 'active')).toBe(1)
  })

  it('keeps the person who left for a year', async () => {
    await applyRetention(fixture.store, daysLater(retentionDays.departedMembers - 1), { dryRun: false })
    expect(await fixture.store.get('person', world.leaverId)).not.toBeNull()
  })
})

describe('messages, reports and the audit log', () => {
  it('deletes sent and failed messages after their period, never a pending one', async () => {
    await applyRetention(fixture.store, daysLater(retentionDays.notifications - 1), { dryRun: false })
    expect(count('notification', (n) => n._id.startsWith('n-retention-'))).toBe(3)
    await applyRetention(fixture.store, daysLater(retentionDays.notifications + 1), { dryRun: false })
    expect(
      docsOf(fixture.store, 'notification')
        .filter((n) => n._id.startsWith('n-retention-'))
        .map((n) => n.status),
    ).toEqual(['pending'])
  })

  it('deletes a concluded report and its photos after its period; one not concluded stays however old', async () => {
    const [photo] = (await fixture.store.get('report', world.concluded))!.photos
    const photoPath = join(testFiles.dir, photo!.fileId.slice('local:'.length))
    expect(existsSync(photoPath)).toBe(true)
    await applyRetention(fixture.store, daysLater(retentionDays.reports - 1), { dryRun: false, files: testFiles })
    expect(await fixture.store.get('report', world.concluded)).not.toBeNull()
    expect(existsSync(photoPath)).toBe(true)
    const { counts } = await applyRetention(fixture.store, daysLater(retentionDays.reports + 1), { dryRun: false, files: testFiles })
    expect(counts).toMatchObject({ report: 1, photos: 1 })
    expect(await fixture.store.get('report', world.concluded)).toBeNull()
    expect(existsSync(photoPath)).toBe(false)
    expect(await fixture.store.get('report', world.pending)).not.toBeNull()
  })

  it('keeps a report with photos when it is not given where to delete them, so no photo outlives its record', async () => {
    await applyRetention(fixture.store, daysLater(retentionDays.reports + 1), { dryRun: false })
    expect(await fixture.store.get('report', world.concluded)).not.toBeNull()
  })

  it('deletes audit entries older than their period and keeps newer ones', async () => {
    const entries = docsOf(fixture.store, 'audit').length
    expect(entries).toBeGreaterThan(0)
    await applyRetention(fixture.store, daysLater(retentionDays.audit - 1), { dryRun: false })
    expect(docsOf(fixture.store, 'audit')).toHaveLength(entries)
    const later = daysLater(retentionDays.audit + 1)
    // One written inside the period: the scan stops there.
    await as(fixture.store, people.chair, testClock(later))('evaluation', 'openRound', {
      subject: { type: 'disclosure', id: 'd-shiqiao-001' },
      title: '新评议',
      closesAt: new Date(later.getTime() + DAY).toISOString(),
    })
    await applyRetention(fixture.store, later, { dryRun: false })
    expect(docsOf(fixture.store, 'audit').map((a) => a.at)).toEqual([later.toISOString()])
  })
})

describe('appointment codes', () => {
  it('deletes a used code a year after it was made and an unused one a year after it expired, never one that can still be taken', async () => {
    const inspector = fixture.as(people.inspector)
    const invite = (name: string) => inspector('township', 'invite', { role: 'township', title: '镇纪委干部', name })
    // Stored by the hash of its code (inviteId); the code itself is only in the answer.
    const taken = expectOk(await invite('孙用过'))
    const used = taken.inviteId as string
    const expired = expectOk(await invite('周过期')).inviteId as string
    expectOk(await fixture.caller('visitor:retention')('member', 'acceptInvite', { code: taken.code }))
    // Made as long ago, but still open a year and a day on (a code's life is set when it is made).
    const open = { ...(await fixture.store.get('invite', expired))!, _id: 'RETAINED', expiresAt: daysLater(retentionDays.invites + 30).toISOString() }
    await fixture.store.insert('invite', open)

    const kept = async () => (await Promise.all([used, expired, open._id].map((id) => fixture.store.get('invite', id)))).map((i) => i !== null)
    await applyRetention(fixture.store, daysLater(retentionDays.invites - 1), { dryRun: false })
    expect(await kept()).toEqual([true, true, true])
    await applyRetention(fixture.store, daysLater(retentionDays.invites + 1), { dryRun: false })
    expect(await kept()).toEqual([false, true, true])
    await applyRetention(fixture.store, daysLater(retentionDays.invites + DEFAULT_INVITE_DAYS + 1), { dryRun: false })
    expect(await kept()).toEqual([false, false, true])
  })
})

describe('running it', () => {
  const everythingOver = () => daysLater(retentionDays.audit + 1)

  it('in a dry run changes nothing and counts what the real run then deletes', async () => {
    const before = dump(fixture.store)
    const photoPath = join(testFiles.dir, (await fixture.store.get('report', world.concluded))!.photos[0]!.fileId.slice('local:'.length))
    const dry = await applyRetention(fixture.store, everythingOver(), { dryRun: true, files: testFiles })
    expect(dump(fixture.store)).toEqual(before)
    expect(existsSync(photoPath)).toBe(true)
    const real = await applyRetention(fixture.store, everythingOver(), { dryRun: false, files: testFiles })
    expect(real.counts).toEqual(dry.counts)
    expect(Object.keys(real.counts).sort()).toEqual(
      ['announcement_seen', 'audit', 'ballot', 'member', 'notification', 'participation', 'person', 'photos', 'report', 'round_card', 'subscription'].sort(),
    )
  })

  it('twice deletes nothing the second time', async () => {
    await applyRetention(fixture.store, everythingOver(), { dryRun: false, files: testFiles })
    const after = dump(fixture.store)
    expect(await applyRetention(fixture.store, everythingOver(), { dryRun: false, files: testFiles })).toEqual({ counts: {}, complete: true })
    expect(dump(fixture.store)).toEqual(after)
  })

  it('cut short by its budget, deletes no more than the budget, and later runs finish the job', async () => {
    const first = await applyRetention(fixture.store, everythingOver(), { dryRun: false, budget: 2, files: testFiles })
    expect(first.complete).toBe(false)
    expect(Object.values(first.counts).reduce((a, b) => a + b, 0)).toBe(2)
    let runs = 1
    while (!(await applyRetention(fixture.store, everythingOver(), { dryRun: false, budget: 7, files: testFiles })).complete) runs++
    expect(runs).toBeGreaterThan(1)
    expect(participationsOf(world.closed)).toBe(0)
    // The turnout was kept before the first deletion, so a run cut short never loses it.
    expect((await fixture.store.get('round', world.closed))!.purged).toMatchObject({ voted: 3, byProxy: 0, done: true })
    expect(await applyRetention(fixture.store, everythingOver(), { dryRun: true, files: testFiles })).toEqual({ counts: {}, complete: true })
  })
})

describe('the township function’s timer', () => {
  it('applies the policy within its budget, then waits a day after a finished run', async () => {
    const timerClock = testClock(afterRounds(retentionDays.ballots + 1))
    const run = () =>
      townshipArea.timer!({ store: fixture.store, clock: timerClock, notifier: localOutbox }) as Promise<{ counts: Record<string, number>; complete: boolean } | null>
    const first = await run()
    expect(first!.complete).toBe(true)
    expect(Object.values(first!.counts).reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(RETENTION_RUN_BUDGET)
    expect(participationsOf(world.closed)).toBe(0)
    timerClock.advance(DAY - 60_000)
    expect(await run()).toBeNull()
    timerClock.advance(2 * 60_000)
    expect(await run()).toEqual({ counts: {}, complete: true })
  })
})

describe('deleting report photos in cloud storage', () => {
  it('deletes report photos and nothing else, whatever the list holds', async () => {
    const storage = new StorageStandIn(() => NOW)
    const ids = ['private/reports/a.jpg', 'attachments/b.jpg', 'private/exports/c.csv'].map((path) => storage.phoneUpload('x', path, Buffer.from('x')))
    await cloudFileStore(storage).removeReportPhotos([...ids, `${storage.bucket}private/reports/../exports/c.csv`])
    expect([...storage.files.keys()].sort()).toEqual(['attachments/b.jpg', 'private/exports/c.csv'])
  })
})

describe('the fixture.store port’s removeMany', () => {
  it('deletes exactly the listed ids, answers how many were there, and refuses more than 100', async () => {
    const ids = docsOf(fixture.store, 'notification')
      .map((n) => n._id)
      .sort()
    expect(ids.length).toBeGreaterThanOrEqual(3)
    expect(await fixture.store.removeMany('notification', [ids[0]!, ids[1]!, 'no-such-id'])).toBe(2)
    expect(
      docsOf(fixture.store, 'notification')
        .map((n) => n._id)
        .sort(),
    ).toEqual(ids.slice(2))
    expect(await fixture.store.removeMany('notification', [])).toBe(0)
    await expect(
      fixture.store.removeMany(
        'notification',
        Array.from({ length: 101 }, (_, i) => `x${i}`),
      ),
    ).rejects.toThrow()
  })
})
