import type { CollectionName, Collections } from './collections'
import type { FileStore } from './files'
import type { Condition, Page, Store } from './store'
import { queryAll } from './paging'
import { DAY_MS } from '../../shared/time'
import {
  auditExpired,
  cutoffOf,
  inviteExpired,
  membershipExpired,
  groupSeenExpired,
  groupBindingExpired,
  roundCardExpired,
  notificationExpired,
  personExpired,
  reportExpired,
  roundBallotsExpired,
  unfinishedCaseStatuses,
} from '../../shared/retention'

/*
 * Applies the retention policy (shared/retention.ts) to the store: finds what is over and deletes it in
 * batches of at most 100 ids (one request each in the cloud). Run by `npm run admin -- retention` and by the
 * township function's timer. Every step can be repeated: what is gone is not found again, and a run cut
 * short (budget spent, timeout, crash) is finished by the next.
 */

export interface RetentionOptions {
  /** count what would go, delete nothing */
  dryRun: boolean
  /** at most this many documents deleted in one run (the timer's bound); the rest waits for the next run */
  budget?: number
  /** where report photos are deleted; without it a report with photos is kept, never left without its files' owner */
  files?: FileStore
}

export interface RetentionResult {
  /** documents deleted (or, in a dry run, that would be), by collection; `photos`: report photo files */
  counts: Partial<Record<CollectionName | 'photos', number>>
  /** false when the budget ran out first: run again */
  complete: boolean
}

const BATCH = 100

class Sweep {
  readonly counts: Partial<Record<CollectionName | 'photos', number>> = {}
  private left: number

  constructor(
    readonly store: Store,
    readonly dryRun: boolean,
    budget: number,
  ) {
    this.left = budget
  }

  get spent(): boolean {
    return this.left <= 0
  }

  /** As many of `items` as the budget still allows. */
  withinBudget<T>(items: readonly T[]): T[] {
    return items.slice(0, Math.max(this.left, 0))
  }

  /** Deletes (or counts) up to the budget; answers whether all of `ids` went. */
  async remove(collection: CollectionName, ids: readonly string[]): Promise<boolean> {
    const take = this.withinBudget(ids)
    for (let i = 0; i < take.length; i += BATCH) {
      const batch = take.slice(i, i + BATCH)
      const n = this.dryRun ? batch.length : await this.store.removeMany(collection, batch)
      this.counts[collection] = (this.counts[collection] ?? 0) + n
      this.left -= batch.length
    }
    return take.length === ids.length
  }

  /** Counts without reading every document (dry run of a whole set), or files. */
  add(collection: CollectionName | 'photos', n: number): void {
    this.counts[collection] = (this.counts[collection] ?? 0) + n
  }
}

/** Pages of `collection` by `field` ascending; `stop` on the first document past the cutoff. */
async function* oldestFirst<C extends CollectionName>(store: Store, collection: C, where: Record<string, Condition>, field: string): AsyncGenerator<Collections[C][]> {
  let cursor: string | null = null
  do {
    const page: Page<Collections[C]> = await store.query(collection, { where, orderBy: { field, direction: 'asc' }, limit: BATCH, cursor })
    yield page.items
    cursor = page.nextCursor
  } while (cursor)
}

/**
 * Deletes every document matching `where`, page by page, sorted by an indexed field. In a real run each page
 * is deleted before the next is read, so the next page is the first again (no cursor across deletions).
 */
async function removeAll(sweep: Sweep, collection: CollectionName, where: Record<string, Condition>, field: string): Promise<boolean> {
  if (sweep.dryRun) {
    sweep.add(collection, await sweep.store.count(collection, where))
    return true
  }
  for (;;) {
    if (sweep.spent) return false
    const { items } = await sweep.store.query(collection, { where, orderBy: { field, direction: 'asc' }, limit: BATCH })
    if (items.length === 0) return true
    if (
      !(await sweep.remove(
        collection,
        items.map((d) => d._id),
      ))
    )
      return false
  }
}

/**
 * Ballots and participations of rounds closed before the cutoff. The round keeps its tally, and first records
 * the turnout the view would otherwise count from the participations (`purged`). Ballots go before
 * participations and each in an order that says nothing of who voted (ballots by random receipt,
 * participations by day): the deletion itself orders nobody. On SQLite, secure_delete zeroes the rows.
 */
async function sweepRounds(sweep: Sweep, now: Date): Promise<boolean> {
  const { store, dryRun } = sweep
  const cutoff = cutoffOf('ballots', now)
  // A round's period runs from the later of its close and its planned end (roundEndedAt), never before
  // closesAt: so the rounds by closesAt are in order enough to stop at the first one past the cutoff.
  for await (const rounds of oldestFirst(store, 'round', { status: 'closed' }, 'closesAt')) {
    for (const round of rounds) {
      if (round.closesAt >= cutoff) return true
      if (round.purged?.done) continue
      const { items: cases } = await store.query('escalation', {
        where: { subjectKey: round.subjectKey, status: { in: unfinishedCaseStatuses } },
        orderBy: { field: 'cycle', direction: 'asc' },
        limit: 1,
      })
      if (!roundBallotsExpired(round, cases.length > 0, cutoff)) continue
      if (sweep.spent) return false
      if (!round.purged && !dryRun) {
        const [voted, byProxy] = await Promise.all([store.count('participation', { roundId: round._id }), store.count('participation', { roundId: round._id, byProxy: true })])
        // Before anything is deleted: a run cut short later must not count a half-deleted set.
        await store.update('round', round._id, { purged: { at: now.toISOString(), voted, byProxy, done: false } }, { status: 'closed' })
      }
      if (!(await removeAll(sweep, 'ballot', { roundId: round._id }, 'receipt'))) return false
      if (!(await removeAll(sweep, 'participation', { roundId: round._id }, 'at'))) return false
      if (!dryRun) {
        const purged = (await store.get('round', round._id))?.purged
        if (purged) await store.update('round', round._id, { purged: { ...purged, done: true } })
      }
    }
  }
  return true
}

/**
 * Concluded reports, by township; a report is filed before it is concluded, so the scan stops at filedAt. Its
 * photos go first: a crash in between leaves the report, and the next run deletes the (already gone) photos again.
 */
async function sweepReports(sweep: Sweep, townshipIds: readonly string[], now: Date, files: FileStore | undefined): Promise<boolean> {
  const cutoff = cutoffOf('reports', now)
  for (const townshipId of townshipIds) {
    for await (const reports of oldestFirst(sweep.store, 'report', { townshipId, status: 'concluded' }, 'filedAt')) {
      const expired = reports.filter((r) => r.filedAt < cutoff && reportExpired(r, cutoff) && (files || r.photos.length === 0))
      const batch = sweep.withinBudget(expired)
      const photos = batch.flatMap((r) => r.photos.map((p) => p.fileId))
      if (photos.length > 0) {
        if (!sweep.dryRun) await files!.removeReportPhotos(photos)
        sweep.add('photos', photos.length)
      }
      if (
        !(await sweep.remove(
          'report',
          batch.map((r) => r._id),
        )) ||
        batch.length < expired.length
      )
        return false
      if (reports.some((r) => r.filedAt >= cutoff)) break
    }
  }
  return true
}

/** Audit entries older than the cutoff, per township (and those of no township). */
async function sweepAudit(sweep: Sweep, townshipIds: readonly (string | null)[], now: Date): Promise<boolean> {
  const cutoff = cutoffOf('audit', now)
  for (const townshipId of townshipIds) {
    for await (const entries of oldestFirst(sweep.store, 'audit', { townshipId }, 'at')) {
      const expired = entries.filter((e) => auditExpired(e, cutoff)).map((e) => e._id)
      if (!(await sweep.remove('audit', expired))) return false
      if (expired.length < entries.length) break
    }
  }
  return true
}

/** Appointment codes that can no longer be taken, per township, oldest first. */
async function sweepInvites(sweep: Sweep, townshipIds: readonly string[], now: Date): Promise<boolean> {
  const cutoff = cutoffOf('invites', now)
  for (const townshipId of townshipIds) {
    for await (const invites of oldestFirst(sweep.store, 'invite', { townshipId }, 'createdAt')) {
      if (
        !(await sweep.remove(
          'invite',
          invites.filter((i) => inviteExpired(i, cutoff)).map((i) => i._id),
        ))
      )
        return false
      if (invites.some((i) => i.createdAt >= cutoff)) break
    }
  }
  return true
}

/** Failed-guess counters of hours long past (their `hour` sorts like the instants, core/attempts.ts), and old security log entries. */
async function sweepAttempts(sweep: Sweep, now: Date): Promise<boolean> {
  const counters = cutoffOf('attempts', now).slice(0, 13)
  for await (const page of oldestFirst(sweep.store, 'attempt', {}, 'hour')) {
    const expired = page.filter((c) => c.hour < counters).map((c) => c._id)
    if (!(await sweep.remove('attempt', expired))) return false
    if (expired.length < page.length) break
  }
  const entries = cutoffOf('securityLog', now)
  for await (const page of oldestFirst(sweep.store, 'security_log', {}, 'at')) {
    const expired = page.filter((e) => e.at < entries).map((e) => e._id)
    if (!(await sweep.remove('security_log', expired))) return false
    if (expired.length < page.length) break
  }
  return true
}

async function sweepNotifications(sweep: Sweep, now: Date): Promise<boolean> {
  const cutoff = cutoffOf('notifications', now)
  for await (const notes of oldestFirst(sweep.store, 'notification', {}, 'createdAt')) {
    const expired = notes.filter((n) => notificationExpired(n, cutoff)).map((n) => n._id)
    if (!(await sweep.remove('notification', expired))) return false
    if (notes.some((n) => n.createdAt >= cutoff)) break
  }
  return true
}

/**
 * Memberships that ended before the cutoff, a hundred villages a query (a city's thousand villages are twenty
 * queries a run, not two thousand); with the last of them the person, their announcement subscription and their
 * read marks. Requested before decided, so the scan stops at requestedAt.
 */
async function sweepMembers(sweep: Sweep, villageIds: readonly string[], now: Date): Promise<boolean> {
  const { store } = sweep
  const cutoff = cutoffOf('departedMembers', now)
  for (let i = 0; i < villageIds.length; i += BATCH) {
    const villageId = { in: villageIds.slice(i, i + BATCH) }
    for (const status of ['rejected', 'removed'] as const) {
      for await (const members of oldestFirst(store, 'member', { villageId, status }, 'requestedAt')) {
        for (const member of members) {
          if (!membershipExpired(member, cutoff)) continue
          if (sweep.spent) return false
          const person = await store.get('person', member.personId)
          if (person) {
            const [others, appointments] = await Promise.all([
              store.query('member', { where: { personId: person._id }, orderBy: { field: 'requestedAt', direction: 'asc' }, limit: 2 }),
              store.count('appointment', { personId: person._id }),
            ])
            const otherMemberships = others.items.filter((m) => m._id !== member._id).length
            if (personExpired(person, otherMemberships, appointments)) {
              // The person last: while it stands, a rerun finds this membership and gets here again.
              if (!(await removeAll(sweep, 'announcement_seen', { personId: person._id }, 'announcementId'))) return false
              if ((await store.get('subscription', person._id)) && !(await sweep.remove('subscription', [person._id]))) return false
              if (!(await sweep.remove('member', [member._id]))) return false
              if (!(await sweep.remove('person', [person._id]))) return false
              continue
            }
          }
          if (!(await sweep.remove('member', [member._id]))) return false
        }
        if (members.some((m) => m.requestedAt >= cutoff)) break
      }
    }
  }
  return true
}

/**
 * The village group's records past what the figures need (issue 19): a household's last day seen once older than
 * 群内活跃户's 90 days, groups unbound a year ago, round cards no longer live a year on. By village, a hundred a query.
 */
async function sweepGroups(sweep: Sweep, villageIds: readonly string[], now: Date): Promise<boolean> {
  const { store } = sweep
  const unbound = cutoffOf('groupBindings', now)
  for (let i = 0; i < villageIds.length; i += BATCH) {
    const villageId = { in: villageIds.slice(i, i + BATCH) }
    for await (const page of oldestFirst(store, 'group_seen', { villageId }, 'day')) {
      const expired = page.filter((s) => groupSeenExpired(s, now)).map((s) => s._id)
      if (!(await sweep.remove('group_seen', expired))) return false
      if (expired.length < page.length) break
    }
    for await (const page of oldestFirst(store, 'group_binding', { villageId, status: 'unbound' }, 'boundAt')) {
      // Bound before unbound: the scan stops at the first bound after the cutoff.
      if (
        !(await sweep.remove(
          'group_binding',
          page.filter((b) => groupBindingExpired(b, unbound)).map((b) => b._id),
        ))
      )
        return false
      if (page.some((b) => b.boundAt >= unbound)) break
    }
  }
  const cards = cutoffOf('roundCards', now)
  for (const state of ['final', 'degraded'] as const) {
    for await (const page of oldestFirst(store, 'round_card', { state }, 'createdAt')) {
      const expired = page.filter((c) => roundCardExpired(c, cards)).map((c) => c._id)
      if (!(await sweep.remove('round_card', expired))) return false
      if (expired.length < page.length) break
    }
  }
  return true
}

/** Applies the whole policy once. Idempotent; bounded by `budget` deletions. */
export async function applyRetention(store: Store, now: Date, options: RetentionOptions): Promise<RetentionResult> {
  const sweep = new Sweep(store, options.dryRun, options.budget ?? Number.POSITIVE_INFINITY)
  const townships = await queryAll(store, 'township', {}, { field: '_id', direction: 'asc' }, 10_000)
  const townshipIds = townships.map((t) => t._id)
  const villageIds: string[] = []
  for (const townshipId of townshipIds) {
    villageIds.push(...(await queryAll(store, 'village', { townshipId }, { field: 'name', direction: 'asc' }, 100_000)).map((v) => v._id))
  }
  const complete =
    (await sweepRounds(sweep, now)) &&
    (await sweepReports(sweep, townshipIds, now, options.files)) &&
    (await sweepAudit(sweep, [...townshipIds, null], now)) &&
    (await sweepNotifications(sweep, now)) &&
    (await sweepInvites(sweep, townshipIds, now)) &&
    (await sweepAttempts(sweep, now)) &&
    (await sweepMembers(sweep, villageIds, now)) &&
    (await sweepGroups(sweep, villageIds, now))
  return { counts: sweep.counts, complete }
}

/**
 * Deletions in one timer run: ten requests of 100 in the cloud plus the reads that find them, well inside the
 * township function's 60 s (README, 发布到微信 step 6) and, should that setting be forgotten, a run the 3 s
 * default cuts short is finished by the next (every step is repeatable).
 */
export const RETENTION_RUN_BUDGET = 1000
let nextRunAt = 0

/**
 * The township function's timer (cloudfunctions/township/config.json: hourly; the local host calls every area's
 * timer every 30 s). A finished run waits a day before the next, since each run reads every closed round past its
 * period again (a page per hundred); an unfinished one goes on at the next trigger. In the cloud a trigger may
 * start a fresh instance, which runs at once: then it is hourly, which is harmless (every step is repeatable).
 */
export async function retentionTimer(base: { store: Store; clock: { now(): Date }; files?: FileStore }): Promise<RetentionResult | null> {
  const now = base.clock.now()
  if (now.getTime() < nextRunAt) return null
  const result = await applyRetention(base.store, now, { dryRun: false, budget: RETENTION_RUN_BUDGET, files: base.files })
  nextRunAt = result.complete ? now.getTime() + DAY_MS : 0
  if (Object.keys(result.counts).length > 0) console.log(`[retention] ${JSON.stringify(result)}`)
  return result
}
