import type { AuditEntry } from './schema'

/*
 * The audit log's hash chain (issue 18), sealed in batches: entries are written as before, each on its own, so no
 * record is rewritten on every write (a hot spot in the cloud); the township function's timer seals the unsealed
 * ones of a township into the next link: the ordered entry ids with their content hashes, the previous seal's hash,
 * its own hash. Pure rules only (zod-free: the app reads the verdict's words from here); the store work is in
 * cloudfunctions/core/audit-log.ts. The approach is the disclosure chain's (disclosure-rules.ts `brokenLink`).
 */

export type Hash = (payload: string) => string

/** One entry as its seal lists it. `at` is kept so an entry the retention policy deleted is told from a deleted one. */
export interface SealedEntry {
  id: string
  at: string
  hash: string
}

export interface AuditSeal {
  /** `<chain>:<seq, 8 digits>`: a natural key, so two sealers racing for the same place cannot both land */
  _id: string
  /** the township's id (`-` for entries of no township: a guest asking to join) */
  chain: string
  /** 1, 2, 3… */
  seq: number
  sealedAt: string
  entries: SealedEntry[]
  prevHash: string
  hash: string
}

/** The newest seal of a chain, so that deleting the last seal is noticed too (the disclosure record's `hash`). */
export interface AuditHead {
  /** the chain */
  _id: string
  seq: number
  hash: string
}

/** The first seal points at this instead of a previous hash. */
export const SEAL_GENESIS = 'genesis'
/** Entries per seal: one transaction writes the seal and marks each entry (single-document requests in the cloud). */
export const SEAL_BATCH = 50
/**
 * An entry is sealed only once it is this old: dispatch may still add the records the answer named to an entry
 * it wrote with the call's first write (core/dispatch.ts), and a cloud function runs at most 60 s.
 */
export const SETTLE_MS = 5 * 60_000

export const chainOf = (townshipId: string | null): string => townshipId ?? '-'
export const sealIdOf = (chain: string, seq: number): string => `${chain}:${String(seq).padStart(8, '0')}`

/** What an entry's hash covers: every field of it (fixed order), not its seal mark. */
export function entryPayload(e: AuditEntry): string {
  return JSON.stringify([e._id, e.at, e.dayOnly === true, e.townshipId, e.villageId, e.personId, e.name, e.role, e.title, e.action, e.records])
}

/** What a seal's hash covers: its chain and place, when, the listed entries in order, and the seal before it. */
export function sealPayload(s: Pick<AuditSeal, 'chain' | 'seq' | 'sealedAt' | 'entries' | 'prevHash'>): string {
  return JSON.stringify([s.chain, s.seq, s.sealedAt, s.entries.map((e) => [e.id, e.at, e.hash]), s.prevHash])
}

/** The chain's order: by time, then id (random), so entries of the same time are in no order that tells anything. */
export function byTimeThenId(a: { at: string; id: string }, b: { at: string; id: string }): number {
  return a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}

/**
 * Whether an unsealed entry may be sealed now. A day-only entry (a ballot's, an anonymous report's) waits until its
 * Beijing day is over: sealed with the day's others, the batch it lands in does not tell when in the day it was
 * written, which its `at` deliberately does not keep.
 */
export function readyToSeal(entry: Pick<AuditEntry, 'at' | 'dayOnly'>, now: Date): boolean {
  const at = Date.parse(entry.at)
  return entry.dayOnly === true ? at + 24 * 3_600_000 <= now.getTime() : at + SETTLE_MS <= now.getTime()
}

/** The next seal of `chain` over `entries` (already in chain order), after `head` (null: the first). */
export function nextSeal(chain: string, head: AuditHead | null, entries: readonly AuditEntry[], sealedAt: string, hash: Hash): AuditSeal {
  const seq = (head?.seq ?? 0) + 1
  const body = {
    chain,
    seq,
    sealedAt,
    entries: entries.map((e) => ({ id: e._id, at: e.at, hash: hash(entryPayload(e)) })),
    prevHash: head?.hash ?? SEAL_GENESIS,
  }
  return { _id: sealIdOf(chain, seq), ...body, hash: hash(sealPayload(body)) }
}

export type AuditProblemKind =
  /** the entry's content is not what was sealed */
  | 'edited'
  /** a sealed entry is gone (and not by the retention policy) */
  | 'deleted'
  /** its time was changed so that it no longer sits where it was sealed */
  | 'reordered'
  /** an entry marked sealed that no seal lists: put in afterwards */
  | 'unlisted'
  /** a seal's content or link is not what was sealed */
  | 'sealEdited'
  /** a seal is missing from the chain */
  | 'sealDeleted'

export interface AuditProblem {
  kind: AuditProblemKind
  /** the entry's place in the whole chain (1 = the oldest sealed), or the seal's number for seal problems; 0 when it has none */
  position: number
  /** the entry's time as sealed (or as stored, for an unlisted one); null for a seal */
  at: string | null
}

export interface AuditVerdict {
  intact: boolean
  /** seals in the chain */
  seals: number
  /** entries the seals list (retired ones included) */
  sealed: number
  /** entries written but not sealed yet: not tampering, they wait for the timer */
  unsealed: number
  /** sealed entries the retention policy has deleted (older than its cutoff) */
  retired: number
  problems: AuditProblem[]
}

/**
 * Recomputes a chain: every seal must hash to what it stores, point at the one before it and end at the head; every
 * entry it lists must be there with the content hash it was sealed with and keep its place. `retiredBefore` is the
 * retention cutoff: a listed entry missing and older than it was deleted by the policy, not by someone.
 */
export function verifyAuditChain(
  chain: string,
  seals: readonly AuditSeal[],
  head: AuditHead | null,
  entries: readonly AuditEntry[],
  retiredBefore: string,
  hash: Hash,
): AuditVerdict {
  const problems: AuditProblem[] = []
  const sorted = [...seals].sort((a, b) => a.seq - b.seq)
  const byId = new Map(entries.map((e) => [e._id, e]))
  const listed = new Set<string>()
  let prev = SEAL_GENESIS
  let expected = 1
  let position = 0
  let retired = 0
  for (const seal of sorted) {
    for (; expected < seal.seq; expected++) problems.push({ kind: 'sealDeleted', position: expected, at: null })
    const gap = expected !== seal.seq
    expected = seal.seq + 1
    if (seal._id !== sealIdOf(chain, seal.seq) || hash(sealPayload(seal)) !== seal.hash || (!gap && seal.prevHash !== prev)) {
      problems.push({ kind: 'sealEdited', position: seal.seq, at: null })
    }
    prev = seal.hash
    // An entry is sealed once: listed again (which takes rewriting the seals), that seal is not as sealed.
    if (seal.entries.some((item, i) => listed.has(item.id) || seal.entries.findIndex((other) => other.id === item.id) !== i))
      problems.push({ kind: 'sealEdited', position: seal.seq, at: null })
    seal.entries.forEach((item, i) => {
      position++
      listed.add(item.id)
      const entry = byId.get(item.id)
      if (!entry) {
        if (item.at < retiredBefore) retired++
        else problems.push({ kind: 'deleted', position, at: item.at })
        return
      }
      if (hash(entryPayload(entry)) === item.hash) return
      // A changed time that moves it past a neighbour as sealed is a reordering; any other change an edit.
      const before = seal.entries[i - 1]
      const after = seal.entries[i + 1]
      const moved =
        entry.at !== item.at &&
        ((before !== undefined && byTimeThenId({ at: entry.at, id: entry._id }, before) < 0) || (after !== undefined && byTimeThenId({ at: entry.at, id: entry._id }, after) > 0))
      problems.push({ kind: moved ? 'reordered' : 'edited', position, at: item.at })
    })
  }
  const last = sorted[sorted.length - 1]
  if (head) {
    for (; expected <= head.seq; expected++) problems.push({ kind: 'sealDeleted', position: expected, at: null })
    if (last && head.seq === last.seq && head.hash !== last.hash) problems.push({ kind: 'sealEdited', position: last.seq, at: null })
  } else if (last) {
    problems.push({ kind: 'sealEdited', position: last.seq, at: null })
  }
  let unsealed = 0
  for (const entry of entries) {
    if (listed.has(entry._id)) continue
    if (entry.seal == null) unsealed++
    else problems.push({ kind: 'unlisted', position: 0, at: entry.at })
  }
  return { intact: problems.length === 0, seals: sorted.length, sealed: position, unsealed, retired, problems }
}

/** One problem in plain words for the township's audit page. */
export function auditProblemText(problem: Pick<AuditProblem, 'kind' | 'position'>): string {
  switch (problem.kind) {
    case 'edited':
      return `第 ${problem.position} 条记录被改动`
    case 'deleted':
      return `第 ${problem.position} 条记录被删除`
    case 'reordered':
      return `第 ${problem.position} 条记录顺序不对`
    case 'unlisted':
      return '有一条记录是后来塞进去的'
    case 'sealEdited':
      return `第 ${problem.position} 批封存被改动`
    case 'sealDeleted':
      return `第 ${problem.position} 批封存被删除`
  }
}

/** The verdict's first line: complete, how many problems, or (nothing sealed yet) that there is nothing to check. */
export function auditVerdictText(verdict: Pick<AuditVerdict, 'intact' | 'problems' | 'sealed'>): string {
  if (!verdict.intact) return `审计记录有 ${verdict.problems.length} 处不对`
  // "Complete" over no sealed entry would vouch for nothing: a new township's log waits minutes for its first seal.
  return verdict.sealed > 0 ? '审计记录完整' : '还没有封存的记录，过几分钟再来核对'
}
