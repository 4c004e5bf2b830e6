import { afterFailure } from '../../shared/domain/announcement'
import type { Clock } from './context'
import type { Notifier } from './notifier'
import type { Store } from './store'

/**
 * Sends what is due in the outbox. Each notification is claimed by a guarded
 * update before sending, so two workers never send it twice at once; a failure
 * is recorded with its error and retried with backoff, never dropped silently.
 */
export async function deliverDue(store: Store, notifier: Notifier, clock: Clock, max = 100): Promise<{ sent: number; failed: number }> {
  const now = clock.now()
  const { items } = await store.query('notification', {
    where: { status: 'pending' },
    orderBy: { field: 'nextAttemptAt', direction: 'asc' },
    limit: Math.min(max, 100),
  })
  let sent = 0
  let failed = 0
  for (const n of items) {
    if (n.nextAttemptAt > now.toISOString()) break
    const attempts = n.attempts + 1
    const claimed = await store.update('notification', n._id, { attempts }, { status: 'pending', attempts: n.attempts })
    if (!claimed) continue
    try {
      await notifier.send(n)
      await store.update('notification', n._id, { status: 'sent', sentAt: clock.now().toISOString(), lastError: null })
      sent++
    } catch (error) {
      const next = afterFailure(attempts, clock.now())
      await store.update('notification', n._id, { ...next, lastError: String((error as Error)?.message ?? error).slice(0, 500) })
      failed++
    }
  }
  return { sent, failed }
}
