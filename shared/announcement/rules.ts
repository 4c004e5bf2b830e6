export const MAX_ATTEMPTS = 5

/** Retry after 1, 2, 4, 8 minutes; give up (status failed, visible to the chair) after MAX_ATTEMPTS. */
export function afterFailure(attempts: number, now: Date): { status: 'pending' | 'failed'; nextAttemptAt: string } {
  if (attempts >= MAX_ATTEMPTS) return { status: 'failed', nextAttemptAt: now.toISOString() }
  return { status: 'pending', nextAttemptAt: new Date(now.getTime() + 60_000 * 2 ** (attempts - 1)).toISOString() }
}
