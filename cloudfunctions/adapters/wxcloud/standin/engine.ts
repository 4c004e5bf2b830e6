import { EJSON } from 'bson'
import { Query as MingoQuery, update as mingoUpdate } from 'mingo'
import { randomBytes } from 'node:crypto'
import { collectionSpecs, type CollectionName } from '../../../core/collections'

/*
 * The document store behind the CloudBase stand-in (./index.ts): what the WeChat cloud database does with
 * the requests wx-server-sdk 4.0.2 sends (database.getDocument, insertDocument, modifyDocument,
 * calculateDocument, removeDocument, startTransaction, commitTransaction, abortTransaction), as far as the
 * SDK's code and the platform's documents tell (see /work/shared/CLOUD-NOTES.md and docs/architecture.md,
 * "The CloudBase stand-in"). Every place where it had to guess what the real backend does is marked GUESS:
 * those are the things to check against a real environment.
 *
 * Documents are plain JSON values (what EJSON.parse of the wire strings gives). Queries, sorts and `$set`
 * updates are evaluated by mingo, MongoDB's query language on plain objects.
 */

type Doc = Record<string, unknown> & { _id: string }

/** An error as the SDK's request layer raises it: `{ code: 'DATABASE_…', message, requestId }`. */
export interface WireError {
  code: string
  message: string
}

/**
 * How the duplicate-key error arrives. The platform documents `DATABASE_DUPLICATE_WRITE` ("唯一索引冲突");
 * GUESS: whether a real environment answers that code, or the generic `DATABASE_REQUEST_FAILED` carrying
 * MongoDB's E11000 message, is not confirmed: the suites run with both (STANDIN_DUPLICATE).
 */
export type DuplicateVariant = 'duplicate-write' | 'request-failed'

/**
 * What `updated` counts for an update that matches a document but changes nothing. GUESS: the real
 * backend is MongoDB-like, whose "modified" count is 0 for a no-op; 'matched' counts it as 1 (SQLite's
 * answer). The adapter must be right under both.
 */
export type NoOpCount = 'modified' | 'matched'

export interface StandInOptions {
  duplicate?: DuplicateVariant
  noOpUpdated?: NoOpCount
  /** The platform's limit on a transaction's life, in ms (documented: 30 s). */
  transactionLimitMs?: number
}

interface Transaction {
  id: string
  startedAt: number
  /** the commit sequence number when it started: later commits to a document it writes are conflicts */
  startSeq: number
  /** its writes, by collection and id, in the order made; null = removed */
  writes: Map<string, Map<string, Doc | null>>
  locks: Set<string>
  state: 'open' | 'committed' | 'aborted' | 'expired'
  done: Promise<void>
  finish: () => void
}

/**
 * One request's life as the SDK saw it: issued (`issued`) and answered (`answered`), on the engine's own
 * counter of request events (not wall time: the order is what tells concurrent requests from sequential ones).
 */
export interface RequestSpan {
  api: string
  collection: string | null
  issued: number
  answered: number | null
}

/**
 * Sequential round trips in a set of requests: the longest chain of requests each issued after the one before
 * it was answered (so it had to wait for it). Requests in flight together (Promise.all) add one round trip, not
 * one each. With 25 ms a round trip, this times 25 ms is the modelled latency of the work.
 */
export function sequentialRoundTrips(spans: readonly RequestSpan[]): number {
  const ordered = [...spans].sort((a, b) => a.issued - b.issued)
  const depth: number[] = []
  let longest = 0
  for (const [i, span] of ordered.entries()) {
    let before = 0
    for (let j = 0; j < i; j++) {
      const earlier = ordered[j]!
      if (earlier.answered !== null && earlier.answered < span.issued) before = Math.max(before, depth[j]!)
    }
    depth[i] = before + 1
    longest = Math.max(longest, depth[i]!)
  }
  return longest
}

export class StandInError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message)
  }
}

const conflict = () =>
  // GUESS: the message text. The code is the SDK's own (`ERRORS.DATABASE_TRANSACTION_CONFLICT` in
  // @cloudbase/database dist/commonjs/const/code.js); the platform's message is not known.
  new StandInError('DATABASE_TRANSACTION_CONFLICT', 'database transaction conflict: the document is being written by another transaction')

const newId = () => randomBytes(16).toString('hex')

/** One parse for every wire string (relaxed: numbers come back as numbers). */
const parse = (text: unknown): unknown => (typeof text === 'string' && text !== '' ? EJSON.parse(text, { relaxed: true }) : {})
/** GUESS: the backend answers documents in canonical EJSON (the SDK parses either form the same way). */
const serialize = (doc: Doc): string => EJSON.stringify(doc, { relaxed: false })

const clone = <T>(value: T): T => structuredClone(value)

/** A value the equality index files a document under; null stands for null and for a missing field alike, as in a query. */
type Plain = string | number | boolean | null
const isPlain = (value: unknown): value is Plain => value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
const plainKey = (value: Plain) => (value === null ? 'null' : `${typeof value}:${String(value)}`)

/** The plain values an equality condition accepts (`v`, `{ $eq: v }`, `{ $in: [v…] }`), or null for any other condition. */
function plainValues(condition: unknown): Plain[] | null {
  if (isPlain(condition)) return [condition]
  if (condition === null || typeof condition !== 'object' || Array.isArray(condition)) return null
  const ops = Object.entries(condition)
  if (ops.length !== 1) return null
  const [op, operand] = ops[0]!
  if (op === '$eq' && isPlain(operand)) return [operand]
  if (op === '$in' && Array.isArray(operand) && operand.every(isPlain)) return operand
  return null
}

/** Committed ids by the plain value of one top-level field; the rest (arrays, objects, dates) kept apart. */
class EqualityIndex {
  private readonly byValue = new Map<string, Set<string>>()
  private readonly others = new Set<string>()
  constructor(private readonly field: string) {}

  private bucket(doc: Doc, create: boolean): Set<string> | undefined {
    const value = doc[this.field] ?? null
    if (!isPlain(value)) return this.others
    const key = plainKey(value)
    let ids = this.byValue.get(key)
    if (!ids && create) this.byValue.set(key, (ids = new Set()))
    return ids
  }

  add(id: string, doc: Doc): void {
    this.bucket(doc, true)!.add(id)
  }

  remove(id: string, doc: Doc): void {
    this.bucket(doc, false)?.delete(id)
  }

  /** Ids that may match an equality with one of `values`: those holding one of them, and the others. */
  lookup(values: Plain[]): Set<string> {
    const ids = new Set(this.others)
    for (const value of values) for (const id of this.byValue.get(plainKey(value)) ?? []) ids.add(id)
    return ids
  }
}

export class CloudBaseEngine {
  /** committed documents per collection, in insertion order (what an unsorted query and an export return) */
  private readonly collections = new Map<string, Map<string, Doc>>()
  /** per `collection\0id`: the commit sequence number of its last committed write */
  private readonly lastWrite = new Map<string, number>()
  private seq = 0
  private readonly transactions = new Map<string, Transaction>()
  /** lock key → owning open transaction */
  private readonly lockOwner = new Map<string, Transaction>()
  /** committed documents by unique key (`collection\0u\0index\0value` → ids) */
  private readonly uniqueIndex = new Map<string, Set<string>>()
  /** equality lookups over committed documents: see `candidates` */
  private readonly equality = new Map<string, Map<string, EqualityIndex>>()
  /** per `collection\0id`: its place in insertion order (a Map's order, which an update keeps) */
  private readonly place = new Map<string, number>()
  private placed = 0
  /** every request received, by api name: the cost of what a handler did */
  readonly requestLog: string[] = []
  /** every request's issue and answer, in issue order (see `track`): what tells concurrent requests from sequential ones */
  readonly spans: RequestSpan[] = []
  private events = 0
  /** queries whose sort no index of collections.ts serves (the cloud would sort them in memory) */
  readonly sortsInMemory: string[] = []
  private failures: { api: string | null; error: WireError }[] = []
  readonly options: Required<StandInOptions>

  constructor(options: StandInOptions = {}) {
    this.options = { duplicate: 'duplicate-write', noOpUpdated: 'modified', transactionLimitMs: 30_000, ...options }
  }

  /** Requests received so far (every SDK request counts, transaction start and commit included). */
  get requests(): number {
    return this.requestLog.length
  }

  /**
   * Called by the request step when the SDK issues a request (before the round trip's pause), and its
   * `answered` callback when the answer (or error) is handed back: together, the span of one round trip.
   */
  track(api: string, params: Record<string, unknown>): () => void {
    const span: RequestSpan = {
      api,
      collection: typeof params.collectionName === 'string' ? params.collectionName : null,
      issued: ++this.events,
      answered: null,
    }
    this.spans.push(span)
    return () => {
      span.answered = ++this.events
    }
  }

  /** The next request (of `api`, or any) fails with this error instead of running. For tests of error paths. */
  failNext(error: WireError, api: string | null = null): void {
    this.failures.push({ api, error })
  }

  /**
   * The collection as the console's export would give it: every committed document, in insertion order.
   * GUESS: that the real export (and an unsorted query) follows insertion order; MongoDB's natural order
   * usually does, and an update in place keeps a document's place.
   */
  dump(collection: string): Doc[] {
    return [...(this.collections.get(collection)?.values() ?? [])].map(clone)
  }

  /** Replaces a stored document behind every API's back (a test's stand-in for someone editing the database). */
  tamper(collection: string, id: string, edit: (doc: Doc) => void): void {
    const doc = this.collections.get(collection)?.get(id)
    if (!doc) throw new Error(`no ${collection}/${id}`)
    const before = clone(doc)
    edit(doc)
    this.indexWrite(collection, id, before, doc)
  }

  /** A copy with the same committed documents and no open transactions (tests seed once and clone). */
  clone(): CloudBaseEngine {
    if ([...this.transactions.values()].some((t) => t.state === 'open')) throw new Error('clone with an open transaction')
    const copy = new CloudBaseEngine(this.options)
    for (const [name, docs] of this.collections) copy.collections.set(name, new Map([...docs].map(([id, d]) => [id, clone(d)])))
    for (const [key, ids] of this.uniqueIndex) copy.uniqueIndex.set(key, new Set(ids))
    for (const [key, at] of this.place) copy.place.set(key, at)
    copy.placed = this.placed
    return copy
  }

  /** Answers one request the way the backend would, or throws a StandInError. */
  async handle(api: string, params: Record<string, unknown>): Promise<Record<string, unknown>> {
    this.requestLog.push(api)
    this.expireTransactions()
    const failure = this.failures.findIndex((f) => f.api === null || f.api === api)
    if (failure >= 0) {
      const { error } = this.failures.splice(failure, 1)[0]!
      throw new StandInError(error.code, error.message)
    }
    const tx = this.transactionOf(params.transactionId)
    switch (api) {
      case 'database.startTransaction':
        return { transactionId: this.start().id }
      case 'database.commitTransaction':
        this.commit(this.transactionOf(params.transactionId, true)!)
        return {}
      case 'database.abortTransaction':
        this.abort(this.transactionOf(params.transactionId, true)!)
        return {}
      case 'database.getDocument':
        return { data: { list: this.find(params, tx).map(serialize) } }
      case 'database.calculateDocument':
        return { data: { total: this.find({ ...params, limit: undefined }, tx, true).length } }
      case 'database.insertDocument':
        return { data: { insertedIds: await this.insert(String(params.collectionName), params.data, tx) } }
      case 'database.modifyDocument':
        return { data: await this.modify(params, tx) }
      case 'database.removeDocument':
        return { data: { deleted: await this.remove(params, tx) } }
      default:
        // GUESS: the backend's answer to an action this stand-in does not model.
        throw new StandInError('DATABASE_REQUEST_FAILED', `stand-in does not model ${api}`)
    }
  }

  // ---- transactions -------------------------------------------------------------------------------------

  private start(): Transaction {
    let finish!: () => void
    const done = new Promise<void>((resolve) => (finish = resolve))
    const tx: Transaction = { id: newId(), startedAt: Date.now(), startSeq: this.seq, writes: new Map(), locks: new Set(), state: 'open', done, finish }
    this.transactions.set(tx.id, tx)
    return tx
  }

  private transactionOf(id: unknown, required = false): Transaction | null {
    if (id === undefined || id === null || id === '') {
      if (required) throw new StandInError('INVALID_PARAM', 'transactionId is required')
      return null
    }
    const tx = this.transactions.get(String(id))
    // GUESS: the code and text for a transaction that is unknown, finished, or past its 30 s.
    if (!tx) throw new StandInError('DATABASE_TRANSACTION_FAIL', `transaction ${String(id)} does not exist`)
    if (tx.state === 'expired') throw new StandInError('DATABASE_TRANSACTION_FAIL', `transaction ${tx.id} exceeded its time limit and was aborted`)
    if (tx.state !== 'open') throw new StandInError('DATABASE_TRANSACTION_FAIL', `transaction ${tx.id} is already ${tx.state}`)
    return tx
  }

  /** Transactions past the limit are aborted (their locks released), as the platform says it does. */
  private expireTransactions(): void {
    const now = Date.now()
    for (const tx of this.transactions.values()) {
      if (tx.state === 'open' && now - tx.startedAt > this.options.transactionLimitMs) this.end(tx, 'expired')
    }
  }

  private end(tx: Transaction, state: Transaction['state']): void {
    tx.state = state
    for (const key of tx.locks) if (this.lockOwner.get(key) === tx) this.lockOwner.delete(key)
    tx.locks.clear()
    tx.finish()
  }

  private commit(tx: Transaction): void {
    this.seq++
    for (const [name, writes] of tx.writes) for (const [id, doc] of writes) this.put(name, id, doc)
    this.end(tx, 'committed')
  }

  private abort(tx: Transaction): void {
    this.end(tx, 'aborted')
  }

  /**
   * Takes the write locks of a document (its id, and its unique keys) for `tx`, or waits for them (outside a
   * transaction). Platform docs: "其他事务的写入会直接失败" (another transaction's write to a locked document
   * fails at once). GUESS: a write outside any transaction waits until the transaction ends (MongoDB's
   * behaviour), and a transaction's write to a document committed by someone else after it started is a
   * conflict too (MongoDB's snapshot isolation: first committer wins).
   */
  private async lock(tx: Transaction | null, name: string, id: string, keys: string[]): Promise<void> {
    const all = [`${name}\0${id}`, ...keys]
    for (;;) {
      const holder = all.map((k) => this.lockOwner.get(k)).find((owner) => owner && owner !== tx && owner.state === 'open')
      if (!holder) break
      if (tx) throw conflict()
      await holder.done
    }
    if (tx) {
      if ((this.lastWrite.get(`${name}\0${id}`) ?? 0) > tx.startSeq) throw conflict()
      for (const key of all) {
        this.lockOwner.set(key, tx)
        tx.locks.add(key)
      }
    }
  }

  // ---- reads -------------------------------------------------------------------------------------------

  private collection(name: string): Map<string, Doc> {
    let docs = this.collections.get(name)
    if (!docs) this.collections.set(name, (docs = new Map()))
    return docs
  }

  /**
   * What `tx` sees: committed documents with its own writes over them. GUESS: reads inside a transaction
   * see the latest committed state (read committed), not a snapshot from its start; writes are still
   * checked against commits after the start, so no update is lost either way.
   */
  private view(name: string, tx: Transaction | null): Doc[] {
    const committed = this.collection(name)
    const own = tx?.writes.get(name)
    if (!own) return [...committed.values()]
    const out: Doc[] = []
    for (const [id, doc] of committed) {
      if (!own.has(id)) out.push(doc)
      else if (own.get(id)) out.push(own.get(id)!)
    }
    for (const [id, doc] of own) if (doc && !committed.has(id)) out.push(doc)
    return out
  }

  private current(name: string, id: string, tx: Transaction | null): Doc | null {
    const own = tx?.writes.get(name)
    if (own?.has(id)) return own.get(id) ?? null
    return this.collection(name).get(id) ?? null
  }

  /**
   * The documents a query needs to look at, in insertion order: with equalities on plain values (a string,
   * number, boolean or null, or `$in` of those) of top-level fields, only the documents holding such a value in
   * each of those fields, plus those whose field holds what no plain value stands for (an array, an object, a
   * date); mingo still judges every candidate. The stand-in's own index, not a model of the cloud's: the answer
   * is a whole scan's, without running mingo over the whole collection for every request (that kept the
   * 300-household storm's event loop busy for seconds). A transaction's own uncommitted writes are scanned.
   */
  private candidates(name: string, filter: Record<string, unknown>, tx: Transaction | null): Doc[] {
    const docs = this.collection(name)
    if (tx?.writes.has(name)) return this.view(name, tx)
    const parts = Array.isArray(filter.$and) ? [filter, ...(filter.$and as Record<string, unknown>[])] : [filter]
    const hits: Set<string>[] = []
    for (const part of parts) {
      for (const [field, condition] of Object.entries(part)) {
        if (field.startsWith('$') || field.includes('.')) continue
        const values = plainValues(condition)
        if (!values) continue
        let indexes = this.equality.get(name)
        if (!indexes) this.equality.set(name, (indexes = new Map()))
        let index = indexes.get(field)
        if (!index) {
          indexes.set(field, (index = new EqualityIndex(field)))
          for (const [id, doc] of docs) index.add(id, doc)
        }
        hits.push(index.lookup(values))
      }
    }
    if (hits.length === 0) return [...docs.values()]
    // Every equality must hold: the smallest set, less what another lacks.
    hits.sort((a, b) => a.size - b.size)
    const [smallest, ...rest] = hits as [Set<string>, ...Set<string>[]]
    const ids = new Set([...smallest].filter((id) => rest.every((other) => other.has(id))))
    if (ids.size === 0) return []
    // Most of the collection: walking it in order is cheaper than sorting the ids by place.
    if (ids.size * 4 > docs.size) return [...docs.values()].filter((doc) => ids.has(doc._id))
    const at = (id: string) => this.place.get(`${name}\0${id}`)!
    return [...ids].sort((a, b) => at(a) - at(b)).map((id) => docs.get(id)!)
  }

  private find(params: Record<string, unknown>, tx: Transaction | null, counting = false): Doc[] {
    const name = String(params.collectionName)
    if (tx && params.queryType !== 'DOC') {
      // Platform docs: only single-document operations inside a transaction. GUESS: the error it answers.
      throw new StandInError('DATABASE_REQUEST_FAILED', 'only single-document operations are allowed in a transaction')
    }
    const filter = parse(params.query) as Record<string, unknown>
    // By id (every doc() call): look it up instead of scanning the collection. Same answer, faster.
    const byId = typeof filter._id === 'string' ? this.current(name, filter._id, tx) : undefined
    const candidates = byId === undefined ? this.candidates(name, filter, tx) : byId ? [byId] : []
    let cursor = new MingoQuery(filter).find<Doc>(candidates)
    const order = parse(params.order) as Record<string, 1 | -1>
    if (Object.keys(order).length) {
      if (!this.sortServed(name, filter, Object.keys(order))) this.sortsInMemory.push(`${name}: ${JSON.stringify(filter)} sorted by ${Object.keys(order).join(', ')}`)
      cursor = cursor.sort(order)
    }
    if (typeof params.offset === 'number' && params.offset > 0) cursor = cursor.skip(params.offset)
    // The SDK caps `limit` at 1000 and sends 100 when none is given (@cloudbase/database query.js get()).
    if (!counting) cursor = cursor.limit(typeof params.limit === 'number' ? params.limit : 100)
    return cursor.all().map(clone)
  }

  /**
   * Whether an index of collections.ts can hand this query's matches over in sort order, so nothing is sorted
   * in memory: some of its leading fields are equality fields of the query (other filter fields are applied
   * to what the index gives), and the fields after them are the sort fields (those fixed by equality
   * dropped). Equality on a whole unique key matches one document, which needs no sorting; a unique index
   * ending in the sort field orders completely without the `_id` tie-breaker. GUESS: the planner's choices
   * are MongoDB's; what the real database does with a sort no index serves (sort in memory, slow on a big
   * collection, failing past a size limit) is only recorded here.
   */
  private sortServed(name: string, filter: Record<string, unknown>, sort: string[]): boolean {
    const spec = collectionSpecs[name as CollectionName]
    if (!spec) return false
    const parts = Array.isArray(filter.$and) ? (filter.$and as Record<string, unknown>[]) : [filter]
    const equal = new Set(parts.flatMap((part) => Object.keys(part).filter((k) => !k.startsWith('$'))))
    if (spec.unique.some((fields) => fields.every((f) => equal.has(f)))) return true
    const wanted = sort.filter((f) => !equal.has(f))
    if (wanted.length === 0) return true
    const candidates: { fields: readonly string[]; unique: boolean }[] = [
      { fields: ['_id'], unique: true },
      ...spec.indexes.map((fields) => ({ fields, unique: false })),
      ...spec.unique.map((fields) => ({ fields, unique: true })),
    ]
    return candidates.some(({ fields, unique }) => {
      let prefix = 0
      while (prefix < fields.length && equal.has(fields[prefix]!)) prefix++
      const rest = fields.slice(prefix)
      if (rest.slice(0, wanted.length).join() === wanted.join()) return true
      return unique && wanted.at(-1) === '_id' && rest.join() === wanted.slice(0, -1).join()
    })
  }

  // ---- writes ------------------------------------------------------------------------------------------

  /** The lock keys and the comparison key of each unique index of a document (a missing field counts as null). */
  private uniqueKeys(name: string, doc: Doc): { index: string; key: string }[] {
    const spec = collectionSpecs[name as CollectionName]
    if (!spec) return []
    return spec.unique.map((fields) => {
      const index = fields.join('_')
      return { index, key: `${name}\0u\0${index}\0${JSON.stringify(fields.map((f) => doc[f] ?? null))}` }
    })
  }

  private duplicate(name: string, index: string, value: string): StandInError {
    // GUESS: MongoDB's E11000 text, which the platform is documented to pass on for 唯一索引冲突.
    const message = `E11000 duplicate key error collection: ${name} index: ${index} dup key: ${value}`
    return this.options.duplicate === 'duplicate-write' ? new StandInError('DATABASE_DUPLICATE_WRITE', message) : new StandInError('DATABASE_REQUEST_FAILED', message)
  }

  /** Throws the duplicate-key error if `doc` (replacing any document with its id) would break a unique key. */
  private checkUnique(name: string, doc: Doc, tx: Transaction | null, isNew: boolean): void {
    if (isNew && this.current(name, doc._id, tx)) throw this.duplicate(name, '_id_', JSON.stringify({ _id: doc._id }))
    const own = tx?.writes.get(name)
    for (const { index, key } of this.uniqueKeys(name, doc)) {
      // Committed holders of the key that the transaction has not rewritten, then the transaction's own documents.
      const holders = [...(this.uniqueIndex.get(key) ?? [])].filter((id) => id !== doc._id && !own?.has(id))
      if (own) for (const [id, d] of own) if (d && id !== doc._id && this.uniqueKeys(name, d).some((u) => u.key === key)) holders.push(id)
      if (holders.length) throw this.duplicate(name, index, key.split('\0').pop()!)
    }
  }

  /** Keeps the committed unique keys' index in step with a committed write. */
  private indexWrite(name: string, id: string, before: Doc | null, after: Doc | null): void {
    for (const index of this.equality.get(name)?.values() ?? []) {
      if (before) index.remove(id, before)
      if (after) index.add(id, after)
    }
    if (before) for (const { key } of this.uniqueKeys(name, before)) this.uniqueIndex.get(key)?.delete(id)
    if (after) {
      for (const { key } of this.uniqueKeys(name, after)) {
        let ids = this.uniqueIndex.get(key)
        if (!ids) this.uniqueIndex.set(key, (ids = new Set()))
        ids.add(id)
      }
    }
  }

  private stage(name: string, doc: Doc | null, id: string, tx: Transaction | null): void {
    if (tx) {
      let writes = tx.writes.get(name)
      if (!writes) tx.writes.set(name, (writes = new Map()))
      writes.set(id, doc)
      return
    }
    this.seq++
    this.put(name, id, doc)
  }

  /** A committed write (null removes), with every index kept in step. */
  private put(name: string, id: string, doc: Doc | null): void {
    const docs = this.collection(name)
    const key = `${name}\0${id}`
    this.indexWrite(name, id, docs.get(id) ?? null, doc)
    if (doc === null) {
      docs.delete(id)
      this.place.delete(key)
    } else {
      // An existing id keeps its place in a Map: an update stays in place; a new one goes last.
      if (!docs.has(id)) this.place.set(key, ++this.placed)
      docs.set(id, doc)
    }
    this.lastWrite.set(key, this.seq)
  }

  /**
   * GUESS: several documents in one insertDocument are inserted in order and not atomically: a duplicate
   * stops the request with an error and the documents before it stay (MongoDB's ordered insertMany).
   */
  private async insert(name: string, data: unknown, tx: Transaction | null): Promise<string[]> {
    if (!Array.isArray(data) || data.length === 0) throw new StandInError('INVALID_PARAM', 'data must be a non-empty array')
    const ids: string[] = []
    for (const text of data) {
      const doc = parse(text) as Doc
      if (doc._id === undefined) doc._id = newId()
      await this.lock(
        tx,
        name,
        doc._id,
        this.uniqueKeys(name, doc).map((u) => u.key),
      )
      this.checkUnique(name, doc, tx, true)
      this.stage(name, doc, doc._id, tx)
      ids.push(doc._id)
    }
    return ids
  }

  private async modify(params: Record<string, unknown>, tx: Transaction | null): Promise<{ updated: number; upsert_id: null }> {
    const name = String(params.collectionName)
    if (params.upsert === true || params.merge === false) {
      throw new StandInError('DATABASE_REQUEST_FAILED', 'stand-in models update with merge only (doc.set and upsert are not used)')
    }
    const update = parse(params.data) as Record<string, Record<string, unknown>>
    const operators = Object.keys(update)
    // $inc: the adapter's counters (db.command.inc); mingo applies it like the server, atomically here as every write.
    if (operators.some((op) => op !== '$set' && op !== '$inc')) throw new StandInError('DATABASE_REQUEST_FAILED', `stand-in models $set and $inc only, got ${operators.join(', ')}`)
    const matches = this.find({ ...params, order: undefined, limit: params.multi === true ? 1000 : 1 }, tx)
    let updated = 0
    for (const match of matches) {
      await this.lock(tx, name, match._id, [])
      // Re-read after any wait: what the query matched may have changed meanwhile.
      const before = this.current(name, match._id, tx)
      if (!before || !new MingoQuery(parse(params.query) as Record<string, unknown>).test(before)) continue
      const after = clone(before)
      const changed = mingoUpdate(after, update as never, undefined, undefined, { cloneMode: 'deep' })
      if (tx) for (const u of this.uniqueKeys(name, after)) await this.lock(tx, name, match._id, [u.key])
      this.checkUnique(name, after, tx, false)
      this.stage(name, after, after._id, tx)
      if (changed.length > 0 || this.options.noOpUpdated === 'matched') updated++
    }
    return { updated, upsert_id: null }
  }

  private async remove(params: Record<string, unknown>, tx: Transaction | null): Promise<number> {
    const name = String(params.collectionName)
    const matches = this.find({ ...params, order: undefined, limit: params.multi === true ? 1000 : 1 }, tx)
    for (const match of matches) {
      await this.lock(tx, name, match._id, [])
      this.stage(name, null, match._id, tx)
    }
    return matches.length
  }
}
