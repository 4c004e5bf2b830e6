import { timingSafeEqual } from 'node:crypto'
import { importPowerListInput, setupInput } from '../../shared/setup/schema'
import { AppError, fail, type Envelope } from '../../shared/errors'
import { describeZodError } from '../core/dispatch'
import type { Store } from '../core/store'
import { bootstrapTownship, type Bootstrapped } from '../core/bootstrap'
import { importReference, referenceDir } from '../core/reference'

/** Whether `given` is the function's setup secret; a missing or short secret on the function opens nothing. */
export function secretMatches(given: string, configured: string | undefined): boolean {
  if (!configured || configured.length < 16) return false
  const a = Buffer.from(given)
  const b = Buffer.from(configured)
  return a.length === b.length && timingSafeEqual(a, b)
}

/**
 * The setup step in the cloud: called from the cloud console with the secret
 * from the function's SETUP_SECRET environment variable; answers with the
 * first staff member's invite code.
 */
export async function setup(store: Store, event: unknown, configured: string | undefined, now: Date): Promise<Envelope<Bootstrapped>> {
  const input = setupInput.safeParse(event)
  if (!input.success) return fail('INVALID_INPUT', describeZodError(input.error))
  if (!secretMatches(input.data.secret, configured)) return fail('FORBIDDEN', '开通密钥不对')
  try {
    return { ok: true, data: await bootstrapTownship(store, input.data, now) }
  } catch (error) {
    if (error instanceof AppError) return fail(error.code, error.message)
    throw error
  }
}

/**
 * The cloud twin of `npm run admin -- import-power-list`: after the operator deploys the setup function with the
 * district's new files, `{ action: 'importPowerList', secret }` previews (every bad line, or what each list
 * gains and changes) and `{ …, apply: true, by? }` writes, only when no line is bad: each item added or changed
 * gets a version in its 变更记录 (by `by`, at `now`), and the chairs of villages using a changed item a notice.
 */
export async function importPowerList(
  store: Store,
  event: unknown,
  configured: string | undefined,
  dir: string = referenceDir(),
  now: Date = new Date(),
): Promise<Envelope<{ changes: string[]; applied: boolean; versions: number; notified: number }>> {
  const input = importPowerListInput.safeParse(event)
  if (!input.success) return fail('INVALID_INPUT', describeZodError(input.error))
  if (!secretMatches(input.data.secret, configured)) return fail('FORBIDDEN', '开通密钥不对')
  let result: Awaited<ReturnType<typeof importReference>>
  try {
    result = await importReference(store, dir, input.data.apply, { now, by: input.data.by })
  } catch (error) {
    if (error instanceof AppError) return fail(error.code, error.message)
    throw error
  }
  if (!result.ok) return fail('INVALID_INPUT', `表格有 ${result.problems.length} 处错误，什么也没有写入：\n${result.problems.join('\n')}`)
  const { changes, versions, notified } = result
  return { ok: true, data: { changes, applied: input.data.apply, versions, notified } }
}

/** The setup function's event: the operator's power-list load when it names that action, else the setup step. */
export const handleSetupEvent = (store: Store, event: unknown, configured: string | undefined, now: Date) =>
  (event as { action?: unknown } | null)?.action === 'importPowerList' ? importPowerList(store, event, configured, referenceDir(), now) : setup(store, event, configured, now)
