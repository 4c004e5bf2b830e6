import type { ZodError } from 'zod'
import type { ActionContract, AreaContract, OutputOf, ParsedInputOf } from '../../shared/contract/action'
import { AppError, fail, type Envelope } from '../../shared/errors'
import { permissionOf, type Permission } from '../../shared/permissions'
import { touchedRecords } from '../../shared/domain/audit'
import { beijingDayStart } from '../../shared/time'
import { resolveCaller } from './actor'
import type { Collections } from './collections'
import { newId, type BaseContext, type HandlerContext } from './context'
import { BadCursorError, DuplicateKeyError, type StoreTx } from './store'
import type { FileStore } from './files'

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

export const defineArea = <A extends AreaContract>(
  name: string,
  contract: A,
  handlers: Handlers<A>,
  timer?: Area['timer'],
): Area => ({
  name,
  contract,
  handlers: handlers as Area['handlers'],
  ...(timer ? { timer } : {}),
})

/** The audit log's entry for a write: who did what to which records (or, for secret acts, less). */
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
    name: anonymous ? '' : actor.name ?? '',
    role: actor.role,
    title: anonymous ? '' : actor.title ?? '',
    action,
    records: anonymous ? [] : touchedRecords(input, output),
  }
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
    /** whether a committed transaction of the handler's already holds this call's audit entry */
    let audited = false
    const ctx: HandlerContext = {
      openid: base.openid,
      actor,
      caller,
      store: base.store,
      clock: base.clock,
      notifier: base.notifier,
      codes: base.codes,
      files: base.files,
      now: base.clock.now().toISOString(),
      async auditedTransaction<R>(output: unknown, work: (tx: StoreTx) => Promise<R>): Promise<R> {
        if (!permission.writes || audited) return base.store.transaction(work)
        // The entry names what the caller is told, as the one written after the handler does.
        const entry = auditEntry(ctx, name, permission, input.data, contract.output.parse(output))
        const result = await base.store.transaction(async (tx) => {
          // Both settle before the transaction ends, so no request of it is still in flight at its rollback.
          // GUESS: the platform takes a transaction's requests in flight together (docs/architecture.md).
          const [wrote, done] = await Promise.allSettled([tx.insert('audit', entry), work(tx)])
          if (done.status === 'rejected') throw done.reason
          if (wrote.status === 'rejected') throw wrote.reason
          return done.value
        })
        audited = true
        return result
      },
    }
    const output = await area.handlers[action]!(ctx, input.data as never)
    // Parsing the output strips any field the contract does not name, so nothing leaks by accident.
    const checked = contract.output.safeParse(output)
    if (!checked.success) throw checked.error
    // Appended after the write has landed: a failure here is logged and reported, but the write itself stands.
    if (permission.writes && !audited) await ctx.store.insert('audit', auditEntry(ctx, name, permission, input.data, checked.data))
    return { ok: true, data: checked.data }
  } catch (error) {
    if (error instanceof AppError) return fail(error.code, error.message)
    if (error instanceof BadCursorError) return fail('INVALID_INPUT', '翻页参数不对，请回到第一页重新打开')
    if (error instanceof DuplicateKeyError) return fail('CONFLICT')
    console.error(`[${area.name}.${action}]`, error)
    return fail('INTERNAL')
  }
}
