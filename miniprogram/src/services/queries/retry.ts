import { ApiError } from '../api'

/*
 * The retry schedule of a submission (hooks/useSubmission.ts). Only a NETWORK failure is retried by itself:
 * nothing got through, and the form's one requestId makes the server file it once whichever attempt arrives.
 * A BUSY answer (the function ran out of time, it may have done part of the work) and every refusal wait for
 * the person.
 */

/** Waits between automatic retries while the network is down: about a minute in all. */
export const RETRY_DELAYS = [1000, 2000, 4000, 8000, 15000, 30000] as const

/** TanStack Query's `retry`: `failures` failed attempts so far (0 after the first). */
export const retrySubmission = (failures: number, error: unknown): boolean => error instanceof ApiError && error.code === 'NETWORK' && failures < RETRY_DELAYS.length

/** TanStack Query's `retryDelay` for the same count. */
export const submissionRetryDelay = (failures: number): number => RETRY_DELAYS[Math.min(failures, RETRY_DELAYS.length - 1)] ?? 0
