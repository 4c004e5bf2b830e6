import { EJSON } from 'bson'
import { Query } from 'mingo'
import { CloudBaseEngine } from '../../cloudfunctions/adapters/wxcloud/standin'

/**
 * The stand-in looks a query's equalities up in its own index instead of running mingo over the whole
 * collection (engine.ts, `candidates`). That must never change an answer: whatever was inserted, updated,
 * removed, edited behind the API's back, cloned or written in a transaction, a query answers exactly the
 * documents a scan of the console export would, in the export's (insertion) order.
 */

/** A small deterministic random source, so a failure names its seed. */
function random(seed: number) {
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return { int: (n: number) => Math.floor(next() * n), pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]! }
}

const NAME = 'probe'
// Values that look alike but are not equal (a number and its string), null and missing, an array holding one.
const values: unknown[] = ['a', 'b', 'c', 1, '1', 2, true, false, null, undefined, ['a', 'x'], { a: 1 }]

describe('the stand-in’s equality index', () => {
  for (const seed of [1, 2, 3]) {
    it(`answers every query as a scan of the collection would, in insertion order (seed ${seed})`, async () => {
      const r = random(seed)
      let engine = new CloudBaseEngine()
      let made = 0
      let found = 0
      const someValue = () => r.pick(values)
      const newDoc = () => {
        const doc: Record<string, unknown> = { _id: `d${++made}`, n: made }
        for (const field of ['kind', 'state']) {
          const value = someValue()
          if (value !== undefined) doc[field] = value
        }
        return doc
      }
      // The console export, read once a step (it copies every document).
      let exported = engine.dump(NAME)
      const anyId = () => (exported.length ? r.pick(exported)._id : 'none')
      const set = () => {
        const patch: Record<string, unknown> = {}
        patch[r.pick(['kind', 'state'])] = r.pick(values.filter((v) => v !== undefined))
        return EJSON.stringify({ $set: patch }, { relaxed: false })
      }
      const plain = () => r.pick(['a', 'b', 1, '1', true, null, 'x'])
      const filters = () =>
        r.pick([
          () => ({ kind: plain() }),
          () => ({ kind: plain(), state: plain() }),
          () => ({ kind: { $eq: plain() } }),
          () => ({ kind: { $in: [plain(), plain()] } }),
          () => ({ $and: [{ state: plain() }, { $or: [{ n: { $gt: r.int(made + 1) } }, { kind: plain() }] }] }),
          () => ({ kind: { $ne: plain() } }),
          () => ({ _id: { $in: [anyId(), anyId()] } }),
        ])()

      for (let step = 0; step < 250; step++) {
        const op = r.int(10)
        if (op < 3) {
          const docs = Array.from({ length: 1 + r.int(3) }, newDoc)
          await engine.handle('database.insertDocument', { collectionName: NAME, data: docs.map((d) => EJSON.stringify(d, { relaxed: false })) })
        } else if (op === 3) {
          // An update of every document matching an equality: moves documents between the index's values.
          await engine.handle('database.modifyDocument', { collectionName: NAME, query: EJSON.stringify({ kind: plain() }), data: set(), multi: true })
        } else if (op === 4) {
          await engine.handle('database.modifyDocument', { collectionName: NAME, query: EJSON.stringify({ _id: anyId() }), data: set(), multi: false })
        } else if (op === 5) {
          await engine.handle('database.removeDocument', { collectionName: NAME, query: EJSON.stringify({ state: plain() }), multi: r.int(2) === 0 })
        } else if (op === 6 && exported.length) {
          engine.tamper(NAME, anyId(), (doc) => void (doc.kind = someValue()))
        } else if (op === 7) {
          engine = engine.clone()
        } else if (op === 8) {
          // A transaction's writes count once committed, and not at all once aborted.
          const { transactionId } = (await engine.handle('database.startTransaction', {})) as { transactionId: string }
          await engine.handle('database.insertDocument', { collectionName: NAME, data: [EJSON.stringify(newDoc(), { relaxed: false })], transactionId })
          if (exported.length) {
            await engine.handle('database.modifyDocument', { collectionName: NAME, query: EJSON.stringify({ _id: anyId() }), queryType: 'DOC', data: set(), transactionId })
          }
          await engine.handle(r.int(2) ? 'database.commitTransaction' : 'database.abortTransaction', { transactionId })
        }
        exported = engine.dump(NAME)
        for (let q = 0; q < 3; q++) {
          const filter = filters()
          const { data } = (await engine.handle('database.getDocument', { collectionName: NAME, query: EJSON.stringify(filter), limit: 1000 })) as {
            data: { list: string[] }
          }
          const answered = data.list.map((text) => (EJSON.parse(text) as { _id: string })._id)
          const query = new Query(filter)
          const scanned = exported.filter((doc) => query.test(doc)).map((doc) => doc._id)
          expect({ step, filter, ids: answered }).toEqual({ step, filter, ids: scanned })
          found += scanned.length
        }
      }
      // The queries found documents, not only agreed on nothing.
      expect(found).toBeGreaterThan(250)
    })
  }
})
