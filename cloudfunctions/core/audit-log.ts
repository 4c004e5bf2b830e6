import type { AuditEntry } from '../../shared/audit/schema'
import type { Actor } from '../../shared/member/rules'
import { byTimeThenId, chainOf, nextSeal, readyToSeal, SEAL_BATCH, verifyAuditChain, type AuditVerdict } from '../../shared/audit/chain'
import { cutoffOf } from '../../shared/retention'
import { sha256 } from './hash'
import { newId } from './context'
import { queryAll } from './paging'
import type { Store } from './store'

/*
 * The audit log's store work: entries written outside a dispatched call (the admin CLI, uploads), sealing the
 * unsealed ones into each township's chain (the township function's timer) and verifying a chain
 * (township.verifyAudit). The rules are in shared/audit/chain.ts.
 */

/** Who the admin CLI's entries name: the operator at the machine, not a person of the app. */
export const OPERATOR_NAME = '运维（命令行）'

/** An entry for the admin CLI's action (`admin.<command>`), with the records it made or changed. */
export function operatorEntry(action: string, townshipId: string | null, records: readonly string[], now: Date): AuditEntry {
  return {
    _id: newId('au'),
    at: now.toISOString(),
    townshipId,
    villageId: null,
    personId: null,
    name: OPERATOR_NAME,
    role: 'operator',
    title: '',
    action,
    records: [...records],
    seal: null,
  }
}

/**
 * Unsealed entries read per run at most (pages of 100): the rest waits for the next run. The day's ballot entries,
 * which wait for the day's end, come first (their time is the day's start): room for some thousands of them.
 */
const SEAL_PAGES = 50

/**
 * Seals every entry that is ready (shared/audit/chain.ts `readyToSeal`) into its township's chain, a batch
 * per transaction: the seal, the chain's head (guarded by its number, so two sealers racing cannot both extend
 * it) and each entry's seal mark (guarded by its absence, so no entry lands in two seals). Answers how many entries
 * it sealed. Can be repeated and cut short anywhere: what is sealed is not found again.
 */
export async function sealAudit(store: Store, now: Date): Promise<number> {
  const ready = new Map<string, AuditEntry[]>()
  let cursor: string | null | undefined
  for (let page = 0; page < SEAL_PAGES && cursor !== null; page++) {
    // Entries written before the chain existed have no `seal` field: `null` finds them too. SQLite: the generated
    // column is NULL. Cloud: an equality with null matches a missing field in MongoDB
    // (https://www.mongodb.com/docs/manual/tutorial/query-for-null-fields/, "Equality Filter"), and the stand-in
    // does the same. GUESS: the cloud database, built on MongoDB, keeps this; new entries carry `seal: null` anyway.
    const found = await store.query('audit', { where: { seal: null }, orderBy: { field: 'at', direction: 'asc' }, limit: 100, cursor })
    for (const entry of found.items) {
      if (!readyToSeal(entry, now)) continue
      const chain = chainOf(entry.townshipId)
      ready.set(chain, [...(ready.get(chain) ?? []), entry])
    }
    cursor = found.nextCursor
  }
  let sealed = 0
  for (const [chain, entries] of ready) {
    entries.sort((a, b) => byTimeThenId({ at: a.at, id: a._id }, { at: b.at, id: b._id }))
    for (let i = 0; i < entries.length; i += SEAL_BATCH) {
      const batch = entries.slice(i, i + SEAL_BATCH)
      await store.transaction(async (tx) => {
        const head = await tx.get('audit_head', chain)
        const seal = nextSeal(chain, head, batch, now.toISOString(), sha256)
        const writes = await Promise.allSettled([
          tx.insert('audit_seal', seal),
          head
            ? tx.update('audit_head', chain, { seq: seal.seq, hash: seal.hash }, { seq: head.seq })
            : tx.insert('audit_head', { _id: chain, seq: seal.seq, hash: seal.hash }).then(() => true),
          ...batch.map((e) => tx.update('audit', e._id, { seal: seal.seq }, { seal: null })),
        ])
        // Settled before the transaction ends (as in dispatch): a refused guard means another sealer got there first.
        for (const w of writes) {
          if (w.status === 'rejected') throw w.reason
          if (w.value === false) throw new Error(`audit chain ${chain}: sealed by another run meanwhile`)
        }
      })
      sealed += batch.length
    }
  }
  return sealed
}

/** Recomputes the township's chain from what is stored (every seal, the head, every entry of the township). */
export async function verifyAudit(store: Store, townshipId: string, now: Date): Promise<AuditVerdict> {
  const chain = chainOf(townshipId)
  const [seals, head, entries] = await Promise.all([
    queryAll(store, 'audit_seal', { chain }, { field: 'seq', direction: 'asc' }, 1_000_000),
    store.get('audit_head', chain),
    // The whole chain is read: a township writes some thousands of entries a year (100 a request).
    queryAll(store, 'audit', { townshipId }, { field: 'at', direction: 'asc' }, 1_000_000),
  ])
  return verifyAuditChain(chain, seals, head, entries, cutoffOf('audit', now), sha256)
}

/**
 * The entry for a photo uploaded to the local host (host/server.ts; in WeChat a photo goes straight to cloud
 * storage, no function sees it), or null when it must not be recorded. Only officials' uploads are: a villager's
 * photo may be for an anonymous report, which the upload cannot tell (it comes before the report), and recording
 * its uploader would name the reporter. Officials cannot file reports, so theirs never are.
 */
export function uploadEntry(actor: Actor, fileId: string, now: Date): AuditEntry | null {
  if (actor.role !== 'chair' && actor.role !== 'committee' && actor.role !== 'township') return null
  return {
    _id: newId('au'),
    at: now.toISOString(),
    townshipId: actor.townshipId,
    villageId: actor.villageId,
    personId: actor.personId,
    name: actor.name ?? '',
    role: actor.role,
    title: actor.title ?? '',
    action: 'files.upload',
    records: [fileId],
    seal: null,
  }
}
