import { afterFailure } from '../../shared/announcement/rules'
import type { Notification } from '../../shared/announcement/schema'
import type { Clock } from './context'
import type { Notifier } from './notifier'
import type { Store } from './store'
import { ConsentMoved, spendConsent } from './subscriptions'
import { inWaves, RUN_LIMITS, WAVE } from './batches'

/** Why a queued message was not sent: the person's allowances ran out after it was queued (e.g. two pushes in a row). */
export const NO_CONSENT_LEFT = '对方已没有剩余的微信提醒次数（要在小程序里再点一次“允许”）'

/**
 * Claims a due message for this worker with a guarded update on its attempt count, so two workers never
 * send it at once. The first attempt of a message that needs a consent also spends it, in the same
 * transaction: each accepted subscription pays for exactly one message, even when a send is retried.
 */
async function claim(store: Store, n: Notification, now: string): Promise<'mine' | 'taken' | 'no-consent'> {
  const attempts = n.attempts + 1
  const guard = { status: 'pending', attempts: n.attempts } as const
  if (!n.subscriptionId || n.attempts > 0) return (await store.update('notification', n._id, { attempts }, guard)) ? 'mine' : 'taken'
  const subscriptionId = n.subscriptionId
  for (let attempt = 0; ; attempt++) {
    try {
      return await store.transaction(async (tx) => {
        if (!(await tx.update('notification', n._id, { attempts }, guard))) return 'taken'
        if (await spendConsent(tx, subscriptionId, now)) return 'mine'
        await tx.update('notification', n._id, { status: 'failed', lastError: NO_CONSENT_LEFT })
        return 'no-consent'
      })
    } catch (error) {
      if (!(error instanceof ConsentMoved)) throw error
      // Still racing after three reads: nothing was written, so it stays pending for the next run.
      if (attempt >= 2) return 'taken'
    }
  }
}

/**
 * One run of the outbox: sends what is due, at most `max` messages (RUN_LIMITS.outbox, sized to fit the
 * function's timeout), `WAVE` at a time; the rest stays pending for the next run, which finds it the same
 * way. A failure is recorded with its error and retried with backoff, never dropped silently.
 */
export async function deliverDue(store: Store, notifier: Notifier, clock: Clock, max: number = RUN_LIMITS.outbox): Promise<{ sent: number; failed: number }> {
  const now = clock.now().toISOString()
  const { items } = await store.query('notification', {
    where: { status: 'pending' },
    orderBy: { field: 'nextAttemptAt', direction: 'asc' },
    limit: Math.min(max, 100),
  })
  const due = items.filter((n) => n.nextAttemptAt <= now)
  const outcomes = await inWaves(due, WAVE, async (n): Promise<'sent' | 'failed' | null> => {
    const claimed = await claim(store, n, now)
    if (claimed === 'taken') return null
    if (claimed === 'no-consent') return 'failed'
    try {
      await notifier.send(n)
      await store.update('notification', n._id, { status: 'sent', sentAt: clock.now().toISOString(), lastError: null })
      return 'sent'
    } catch (error) {
      const next = afterFailure(n.attempts + 1, clock.now())
      await store.update('notification', n._id, { ...next, lastError: String((error as Error)?.message ?? error).slice(0, 500) })
      return 'failed'
    }
  })
  return { sent: outcomes.filter((o) => o === 'sent').length, failed: outcomes.filter((o) => o === 'failed').length }
}
