import type { ZodError } from 'zod'
import type { ActionContract, AreaContract, OutputOf, ParsedInputOf } from '../../shared/contract/action'
import { AppError, fail, type Envelope } from '../../shared/errors'
import { permissionOf, type Permission } from '../../shared/permissions'
import { touchedRecords } from '../../shared/audit/rules'
import { beijingDayStart } from '../../shared/time'
import { resolveCaller } from './actor'
import type { Collections } from './collections'
import { newId, type BaseContext, type HandlerContext } from './context'
import { BadCursorError, DuplicateKeyError, type Store, type StoreTx } from './store'
import type { FileStore } from './files'
import { noOpenData } from './open-data'
import { noUpdatable } from './updatable'

export type Handler<C extends ActionContract> = (ctx: HandlerContext, input: ParsedInputOf<C>) => Promise<OutputOf<C>>

export type Handlers<A extends AreaContract> = { [K in keyof A]: Handler<A[K]> }

/** A cloud function: its actions' contracts and handlers, type-checked against each other by `defineArea`. */
export interface Area {
  name: string
  contract: AreaContract
  handlers: Record<string, (ctx: HandlerContext, input: never) => Promise<unknown>>
  /**
   * Periodic work (a cloud timer trigger; an interval on the local host), run without a caller. `files` is
   * given by both hosts (the retention timer deletes report photos); a timer must work without it.
   */
  timer?: (base: Omit<BaseContext, 'openid' | 'codes' | 'files'> & { files?: FileStore }) => Promise<unknown>
}

export const defineArea = <A extends AreaContract>(name: string, contract: A, handlers: Handlers<A>, timer?: Area['timer']): Area => ({
  name,
  contract,
  handlers: handlers as Area['handlers'],
  ...(timer ? { timer } : {}),
})

/**
 * The audit log's entry for a call: who did what to which records (or, for secret acts, less). `records` are the ids
 * the input and the answer name (`touchedRecords`); before the answer exists, the input's.
 */
function auditEntry(ctx: HandlerContext, action: string, permission: Permission, input: unknown, output: unknown): Collections['audit'] {
  const { actor } = ctx
  const anonymous = permission.auditAnonymously === true
  const dayOnly = permission.auditDayOnly === true
  return {
    _id: newId('au'),
    at: dayOnly ? beijingDayStart(ctx.now) : ctx.now,
    ...(dayOnly ? { dayOnly } : {}),
    townshipId: actor.townshipId,
    villageId: actor.villageId,
    personId: anonymous ? null : actor.personId,
    name: anonymous ? '' : (actor.name ?? ''),
    role: actor.role,
    title: anonymous ? '' : (actor.title ?? ''),
    action,
    records: anonymous ? [] : touchedRecords(input, output),
    seal: null,
  }
}

/** Thrown inside a transaction to roll it back when the write it carried did not happen (a refused guard). */
class NothingWritten extends Error {}

/**
 * The store a write action's handler sees: the call's first write carries the call's audit entry in the same
 * transaction (a single insert or update becomes a transaction of two), so a crash leaves both or neither
 * (issue 18); later writes go as they are. Writes the handler sends together wait for the one carrying the entry,
 * so the entry is written once. A guarded update that changes nothing rolls its entry back with it. The batched
 * writes that cannot be in a transaction (insertMany, reshuffle, removeMany) write the entry just before them, so
 * a crash can leave an entry for a batch partly landed, never a batch without one.
 */
class AuditedWrites {
  /** the entry, once a write has landed with it */
  landed: Collections['audit'] | null = null
  private carrying: Promise<unknown> | null = null

  constructor(
    private readonly base: Store,
    private readonly entry: () => Collections['audit'],
  ) {}

  /** Runs `work` in a transaction that also inserts `entry` unless one has landed; `wrote` says whether it wrote. */
  async transaction<R>(work: (tx: StoreTx) => Promise<R>, entry?: Collections['audit'], wrote: (r: R) => boolean = () => true): Promise<R> {
    while (this.carrying) await this.carrying.catch(() => undefined)
    if (this.landed) return this.base.transaction(work)
    const carried = entry ?? this.entry()
    const attempt = this.base
      .transaction(async (tx) => {
        // Both settle before the transaction ends, so no request of it is still in flight at its rollback.
        // GUESS: the platform takes a transaction's requests in flight together (docs/architecture.md).
        const [inserted, done] = await Promise.allSettled([tx.insert('audit', carried), work(tx)])
        if (done.status === 'rejected') throw done.reason
        if (inserted.status === 'rejected') throw inserted.reason
        if (!wrote(done.value)) throw new NothingWritten()
        return done.value
      })
      .then(
        (result) => {
          this.landed = carried
          return result
        },
        (error: unknown) => {
          if (error instanceof NothingWritten) return false as R
          throw error
        },
      )
    this.carrying = attempt
    try {
      return await attempt
    } finally {
      this.carrying = null
    }
  }

  /** A batched write: the entry first, on its own, unless one has landed. */
  async batch<R>(write: () => Promise<R>): Promise<R> {
    while (this.carrying) await this.carrying.catch(() => undefined)
    if (!this.landed) {
      const entry = this.entry()
      const attempt = this.base.insert('audit', entry)
      this.carrying = attempt
      try {
        await attempt
      } finally {
        this.carrying = null
      }
      this.landed = entry
    }
    return write()
  }

  /**
   * The handler's view of the store: the writes above, everything else (reads, and what is not a record's write,
   * e.g. an attempt counter, which must not leave an audit entry for a refused call) straight to the store.
   */
  store(): Store {
    const base = this.base
    const writes: Partial<Store> = {
      insert: (collection, doc) => this.transaction((tx) => tx.insert(collection, doc)),
      update: (collection, id, patch, expect) =>
        this.transaction(
          (tx) => tx.update(collection, id, patch, expect),
          undefined,
          (done) => done,
        ),
      transaction: (work) => this.transaction(work),
      insertMany: (collection, docs) => this.batch(() => base.insertMany(collection, docs)),
      reshuffle: (collection, where) => this.batch(() => base.reshuffle(collection, where)),
      removeMany: (collection, ids) => this.batch(() => base.removeMany(collection, ids)),
    }
    return new Proxy(base, {
      get(target, key) {
        if (Object.hasOwn(writes, key)) return writes[key as keyof Store]
        const value: unknown = Reflect.get(target, key, target)
        return typeof value === 'function' ? value.bind(target) : value
      },
    })
  }
}

/**
 * A store whose first write carries `entry` in the same transaction, for writes outside a dispatched call (the
 * admin CLI's commands): the same rule as an action's. A command that writes nothing leaves no entry.
 */
export function auditedStore(store: Store, entry: Collections['audit']): Store {
  return new AuditedWrites(store, () => entry).store()
}

/** The first problem, in the words the schema gives for it. */
export function describeZodError(error: ZodError): string {
  return error.issues[0]?.message ?? '填写的内容有误，请检查后再试'
}

/**
 * parse → authorise → handle → envelope. Everything a handler throws becomes a
 * typed error; an unexpected one is logged and reported as INTERNAL without
 * its details.
 */
export async function dispatch(area: Area, event: unknown, base: BaseContext): Promise<Envelope<unknown>> {
  if (event === null || typeof event !== 'object' || Array.isArray(event)) return fail('INVALID_INPUT')
  const { action, ...rawInput } = event as Record<string, unknown>
  if (typeof action !== 'string' || !Object.hasOwn(area.contract, action)) return fail('UNKNOWN_ACTION')
  const permission = permissionOf(area.name, action)
  if (!permission) return fail('FORBIDDEN')
  if (!base.openid) return fail('UNAUTHENTICATED')
  try {
    const caller = await resolveCaller(base.store, base.openid)
    const { actor } = caller
    if (!permission.roles.includes(actor.role)) return fail(permission.conceal ? 'NOT_FOUND' : 'FORBIDDEN')
    const contract = area.contract[action]!
    const input = contract.input.safeParse(rawInput)
    if (!input.success) return fail('INVALID_INPUT', describeZodError(input.error))
    const name = `${area.name}.${action}`
    const now = base.clock.now().toISOString()
    // A write action's handler writes through `writes`, whose first write carries the entry (input's records).
    const writes = permission.writes ? new AuditedWrites(base.store, () => auditEntry(ctx, name, permission, input.data, {})) : null
    const ctx: HandlerContext = {
      openid: base.openid,
      actor,
      caller,
      store: writes ? writes.store() : base.store,
      clock: base.clock,
      notifier: base.notifier,
      codes: base.codes,
      files: base.files,
      openData: base.openData ?? noOpenData,
      updatable: base.updatable ?? noUpdatable,
      now,
      async auditedTransaction<R>(output: unknown, work: (tx: StoreTx) => Promise<R>): Promise<R> {
        if (!writes) return base.store.transaction(work)
        // The entry names what the caller is told, as the one written after the handler does.
        return writes.transaction(work, auditEntry(ctx, name, permission, input.data, contract.output.parse(output)))
      },
    }
    const output = await area.handlers[action]!(ctx, input.data as never)
    // Parsing the output strips any field the contract does not name, so nothing leaks by accident.
    const checked = contract.output.safeParse(output)
    if (!checked.success) throw checked.error
    if (writes) {
      const entry = auditEntry(ctx, name, permission, input.data, checked.data)
      if (!writes.landed) {
        // Nothing was written through the store (a retry answered from the record already made, a file written):
        // the entry on its own, as the record of the call.
        await base.store.insert('audit', entry)
      } else if (entry.records.some((id) => !writes.landed!.records.includes(id))) {
        // The answer names records the input did not (a new record's id): added while the entry is not sealed yet
        // (the timer waits SETTLE_MS). A crash just before leaves the entry with the input's records only.
        await base.store.update('audit', writes.landed._id, { records: entry.records }, { seal: null })
      }
    } else if (permission.auditReads) {
      // A sensitive read is recorded before its answer goes out: no entry, no answer. Only the ids the caller
      // asked for (a report's id), never what the answer holds.
      await base.store.insert('audit', auditEntry(ctx, name, permission, input.data, {}))
    }
    return { ok: true, data: checked.data }
  } catch (error) {
    if (error instanceof AppError) return fail(error.code, error.message)
    if (error instanceof BadCursorError) return fail('INVALID_INPUT', '翻页参数不对，请回到第一页重新打开')
    if (error instanceof DuplicateKeyError) return fail('CONFLICT')
    console.error(`[${area.name}.${action}]`, error)
    return fail('INTERNAL')
  }
}
