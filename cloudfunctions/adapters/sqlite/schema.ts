import type Database from 'better-sqlite3'
import { collectionSpecs, indexedFields, type CollectionName } from '../../core/collections'
import { newId } from '../../core/context'
import { shuffled } from '../../core/shuffle'
import { beijingDay, beijingDayStart } from '../../../shared/time'
import { auditedByDay } from '../../../shared/permissions'
import { codeHash } from '../../core/hash'

/**
 * Each collection is a table of JSON documents. Every field a query filters or
 * sorts on becomes a virtual generated column with an index, so SQLite serves
 * each query from an index while documents keep the cloud database's shape.
 */
export function fieldPath(field: string): string {
  if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(field)) throw new Error(`bad field name ${field}`)
  return `$.${field}`
}

export function columnOf(field: string): string {
  if (field === '_id') return '_id'
  fieldPath(field)
  return `f_${field}`
}

export { indexedFields }

/**
 * Adds an index (and any generated column it needs) to an existing table.
 * Idempotent, because a table created later in the same run already has it:
 * `createCollection` builds from the current specs.
 */
function addIndex(db: Database.Database, name: CollectionName, fields: readonly string[], unique = false): void {
  const columns = new Set((db.pragma(`table_xinfo("${name}")`) as { name: string }[]).map((c) => c.name))
  for (const field of fields) {
    if (columns.has(columnOf(field))) continue
    db.exec(`ALTER TABLE "${name}" ADD COLUMN "${columnOf(field)}" GENERATED ALWAYS AS (json_extract(doc, '${fieldPath(field)}')) VIRTUAL`)
  }
  const indexName = `${unique ? 'u_' : ''}${name}__${fields.join('_')}`
  db.exec(`CREATE ${unique ? 'UNIQUE ' : ''}INDEX IF NOT EXISTS "${indexName}" ON "${name}" (${fields.map((f) => `"${columnOf(f)}"`).join(', ')})`)
}

function createCollection(db: Database.Database, name: CollectionName): void {
  const spec = collectionSpecs[name]
  const columns = [...indexedFields(spec)]
    .filter((field) => field !== '_id')
    .map((field) => `"${columnOf(field)}" GENERATED ALWAYS AS (json_extract(doc, '${fieldPath(field)}')) VIRTUAL`)
  db.exec(`CREATE TABLE "${name}" (_id TEXT PRIMARY KEY, doc TEXT NOT NULL${columns.map((c) => `, ${c}`).join('')})`)
  const indexName = (fields: readonly string[]) => `${name}__${fields.join('_')}`
  for (const fields of spec.indexes) {
    db.exec(`CREATE INDEX "${indexName(fields)}" ON "${name}" (${fields.map((f) => `"${columnOf(f)}"`).join(', ')})`)
  }
  for (const fields of spec.unique) {
    db.exec(`CREATE UNIQUE INDEX "u_${indexName(fields)}" ON "${name}" (${fields.map((f) => `"${columnOf(f)}"`).join(', ')})`)
  }
}

interface Migration {
  version: number
  up(db: Database.Database): void
  /** rewrites data whose old bytes must not survive in free pages: VACUUM after it */
  vacuum?: true
}

type Row = { _id: string; doc: string }
const rowsOf = (db: Database.Database, table: string) => db.prepare(`SELECT _id, doc FROM "${table}"`).all() as Row[]

/**
 * Secret ballot storage, for data written before it (see docs/architecture.md):
 * ballots become slots with random ids holding the receipt, rewritten in a
 * random order; participations keep only the day; the audit entries of votes
 * and anonymous reports keep only the day. VACUUM then rewrites the file.
 */
function secretBallotStorage(db: Database.Database): void {
  addIndex(db, 'ballot', ['roundId', 'choice', '_id'])
  addIndex(db, 'ballot', ['roundId', 'receipt'], true)
  db.exec('DROP INDEX IF EXISTS "ballot__roundId_choice"')
  const ballots = rowsOf(db, 'ballot').map((row) => {
    const old = JSON.parse(row.doc) as { _id: string; roundId: string; receipt?: string; choice: string | null }
    return old.receipt !== undefined ? old : { _id: newId('bs'), roundId: old.roundId, receipt: old._id, choice: old.choice }
  })
  db.exec('DELETE FROM "ballot"')
  const insert = db.prepare('INSERT INTO "ballot" (_id, doc) VALUES (?, ?)')
  for (const ballot of shuffled(ballots)) insert.run(ballot._id, JSON.stringify(ballot))

  const update = (table: string) => db.prepare(`UPDATE "${table}" SET doc = ? WHERE _id = ?`)
  const participation = update('participation')
  for (const row of rowsOf(db, 'participation')) {
    const p = JSON.parse(row.doc) as { at: string }
    if (p.at.length > 10) participation.run(JSON.stringify({ ...p, at: beijingDay(p.at) }), row._id)
  }
  const audit = update('audit')
  for (const row of rowsOf(db, 'audit')) {
    const entry = JSON.parse(row.doc) as { action: string; at: string }
    if (auditedByDay.has(entry.action)) audit.run(JSON.stringify({ ...entry, at: beijingDayStart(entry.at), dayOnly: true }), row._id)
  }
}

/** Append only: a released migration never changes. */
const migrations: readonly Migration[] = [
  {
    version: 1,
    up(db) {
      const names: CollectionName[] = [
        'township',
        'village',
        'household',
        'person',
        'member',
        'appointment',
        'power_category',
        'power_item',
        'power_selection',
        'power_change',
        'responsibility',
        'prohibition',
      ]
      for (const name of names) createCollection(db, name)
    },
  },
  {
    version: 2,
    up(db) {
      const names: CollectionName[] = [
        'disclosure',
        'disclosure_revision',
        'disclosure_term',
        'decision',
        'announcement',
        'announcement_seen',
        'announcement_reach',
        'subscription',
        'notification',
      ]
      for (const name of names) createCollection(db, name)
    },
  },
  {
    version: 3,
    up(db) {
      createCollection(db, 'feedback')
    },
  },
  {
    version: 4,
    up(db) {
      createCollection(db, 'report')
    },
  },
  {
    version: 5,
    up(db) {
      for (const name of ['round', 'participation', 'ballot', 'escalation'] as const) createCollection(db, name)
    },
  },
  {
    version: 6,
    up(db) {
      createCollection(db, 'proxy')
      // Turnout by proxy: participations gain an indexed flag.
      addIndex(db, 'participation', ['roundId', 'byProxy'])
    },
  },
  {
    version: 7,
    up(db) {
      createCollection(db, 'audit')
      // A household's own rounds, for the privacy page.
      addIndex(db, 'participation', ['householdId', 'at'])
    },
  },
  {
    version: 8,
    up(db) {
      createCollection(db, 'invite')
    },
  },
  { version: 9, up: secretBallotStorage, vacuum: true },
  {
    version: 10,
    up(db) {
      // The home page's 待办 counts (member.todo): feedback routed to one person and not yet answered,
      // waiting feedback in deadline order, and rounds over the threshold still without an answer.
      addIndex(db, 'feedback', ['routedToId', 'status', 'submittedAt'])
      addIndex(db, 'feedback', ['villageId', 'status', 'dueAt'])
      addIndex(db, 'round', ['villageId', 'outcome', 'answer'])
    },
  },
  {
    version: 11,
    up(db) {
      // The 已更正 filter of the disclosure list: a flag set by the first correction, served by an index.
      db.exec(`UPDATE "disclosure" SET doc = json_set(doc, '$.corrected', json(CASE WHEN json_extract(doc, '$.revision') > 1 THEN 'true' ELSE 'false' END))`)
      addIndex(db, 'disclosure', ['villageId', 'corrected', 'publishedAt'])
    },
  },
  {
    version: 12,
    up(db) {
      // Every query sorts by (field, _id), so every index now ends with `_id` (core/collections.ts, the same
      // indexes the cloud console gets): the old indexes without it go, the current specs' are built.
      for (const name of Object.keys(collectionSpecs) as CollectionName[]) {
        // A collection added by a later migration has no table yet; that migration builds it from the specs.
        if (!db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(name)) continue
        const wanted = new Set(collectionSpecs[name].indexes.map((fields) => `${name}__${fields.join('_')}`))
        const existing = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL`).all(name) as { name: string }[]
        for (const { name: index } of existing) if (!index.startsWith('u_') && !wanted.has(index)) db.exec(`DROP INDEX "${index}"`)
        for (const fields of collectionSpecs[name].indexes) addIndex(db, name, fields)
      }
    },
  },
  {
    version: 13,
    up(db) {
      // Each person carries the ids of its member's household and village and its post's village, so the
      // caller is resolved in two round trips (core/actor.ts; on the cloud, resolving repairs what lacks it).
      db.exec(`UPDATE "person" SET doc = json_set(doc, '$.snapshot', json_object(
        'householdId', (SELECT json_extract(m.doc, '$.householdId') FROM "member" m WHERE m._id = json_extract("person".doc, '$.memberId')),
        'villageId', (SELECT json_extract(m.doc, '$.villageId') FROM "member" m WHERE m._id = json_extract("person".doc, '$.memberId')),
        'postVillageId', (SELECT json_extract(a.doc, '$.villageId') FROM "appointment" a WHERE a._id = json_extract("person".doc, '$.appointmentId'))))`)
    },
  },
  {
    version: 14,
    up(db) {
      // Township featured items edited in the app: each change a version (the item's 变更记录); the villages
      // selecting an item are found by it, and a removal's review flag is counted in the committee's 待办.
      // Written to be run again over a database that has it (the migration tests rewind user_version).
      if (!db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'power_item_version'`).get()) createCollection(db, 'power_item_version')
      addIndex(db, 'power_selection', ['itemId', 'selected', '_id'])
      addIndex(db, 'power_selection', ['villageId', 'needsReview', '_id'])
    },
  },
  {
    version: 16,
    up(db) {
      // Search filtered by kind and section in the query (disclosure.search): each bigram entry carries its
      // disclosure's kind and section, which never change. Can run again (the migration tests rewind user_version).
      db.exec(`UPDATE "disclosure_term" SET doc = json_set(doc,
        '$.kind', (SELECT json_extract(d.doc, '$.kind') FROM "disclosure" d WHERE d._id = json_extract("disclosure_term".doc, '$.disclosureId')),
        '$.section', (SELECT json_extract(d.doc, '$.section') FROM "disclosure" d WHERE d._id = json_extract("disclosure_term".doc, '$.disclosureId')))`)
      addIndex(db, 'disclosure_term', ['villageId', 'term', 'kind', 'publishedAt', '_id'])
      addIndex(db, 'disclosure_term', ['villageId', 'term', 'section', 'publishedAt', '_id'])
      addIndex(db, 'disclosure_term', ['villageId', 'term', 'kind', 'section', 'publishedAt', '_id'])
    },
  },
  {
    version: 17,
    up(db) {
      // Codes are stored only as hashes (core/hash.ts codeHash): an invite's id was its code, a report kept its
      // tracking code. Both are hashed in place, so codes already handed out keep working; attempt counters and
      // the security log get their tables. Can run again (the migration tests rewind user_version): a stored
      // hash (64 hex) is left as it is.
      db.function('code_hash', { deterministic: true }, (kind: unknown, code: unknown) => codeHash(kind as 'invite' | 'tracking', String(code).toUpperCase().replace(/[\s-]/g, '')))
      for (const name of ['attempt', 'security_log'] as const) {
        if (!db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(name)) createCollection(db, name)
      }
      const hashed = `length(_id) = 64 AND _id NOT GLOB '*[^0-9a-f]*'`
      db.exec(`UPDATE "invite" SET _id = code_hash('invite', _id), doc = json_set(doc, '$._id', code_hash('invite', _id)) WHERE NOT (${hashed})`)
      db.exec(`UPDATE "report" SET doc = json_set(doc, '$.trackingCode', code_hash('tracking', json_extract(doc, '$.trackingCode')))
        WHERE length(json_extract(doc, '$.trackingCode')) <> 64`)
    },
  },
  {
    version: 18,
    up(db) {
      // The audit log's chain (shared/audit/chain.ts): its seals and each chain's head, and the index by
      // which the timer finds unsealed entries (existing entries have no seal mark, so the first run seals them).
      // Can run again (the migration tests rewind user_version).
      for (const name of ['audit_seal', 'audit_head'] as const) {
        if (!db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(name)) createCollection(db, name)
      }
      addIndex(db, 'audit', ['seal', 'at', '_id'])
    },
  },
  {
    version: 19,
    up(db) {
      // The village WeChat group (issue 19): bound groups, each household's last day seen from one, round cards;
      // and reach by channel. Can run again (the migration tests rewind user_version).
      for (const name of ['group_binding', 'group_seen', 'round_card'] as const) {
        if (!db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(name)) createCollection(db, name)
      }
      addIndex(db, 'announcement_reach', ['announcementId', 'via', '_id'])
    },
  },
  {
    version: 21,
    up(db) {
      // 点题公开 (issue 20 item 4): villagers' requests for a topic to be disclosed. Can run again (the
      // migration tests rewind user_version).
      if (!db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'topic'`).get()) createCollection(db, 'topic')
    },
  },
  {
    version: 22,
    up(db) {
      // 廉政档案 (issue 20 item 5): the notes staff add to a cadre's file. Cases and reports gain only optional
      // fields (handler, recusals, the cadres a finding names), read from the document, so they need no index.
      // Can run again (the migration tests rewind user_version).
      if (!db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get('integrity_note')) createCollection(db, 'integrity_note')
    },
  },
  {
    version: 23,
    up(db) {
      // The village meeting (村情发布会, issue 20 item 1): scheduled meetings and their records. Can run again (the
      // migration tests rewind user_version).
      if (!db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meeting'`).get()) createCollection(db, 'meeting')
    },
  },
  {
    version: 24,
    up(db) {
      // Panel rounds at a meeting (评议团, issue 20 item 2): the two officials' paper counts, and rounds found by
      // their meeting. Can run again (the migration tests rewind user_version).
      if (!db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'paper_count'`).get()) createCollection(db, 'paper_count')
      addIndex(db, 'round', ['meetingId', 'openedAt', '_id'])
    },
  },
]

export function migrate(db: Database.Database): void {
  const current = db.pragma('user_version', { simple: true }) as number
  let vacuum = false
  for (const migration of migrations) {
    if (migration.version <= current) continue
    db.transaction(() => {
      migration.up(db)
      db.pragma(`user_version = ${migration.version}`)
    })()
    // A new database has nothing old to rewrite.
    vacuum ||= migration.vacuum === true && current > 0
  }
  if (vacuum) db.exec('VACUUM')
}
