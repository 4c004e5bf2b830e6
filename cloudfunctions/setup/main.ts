import { timingSafeEqual } from 'node:crypto'
import { setupInput } from '../../shared/contract/setup'
import { AppError, fail, type Envelope } from '../../shared/errors'
import { describeZodError } from '../core/dispatch'
import type { Store } from '../core/store'
import { bootstrapTownship, type Bootstrapped } from '../core/bootstrap'

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
