/**
 * Timers work in bounded runs: each run takes at most a fixed number of due items, sized so a run fits the
 * function's timeout with room to spare, and leaves the rest for the next run, which finds them the same way
 * (whatever is still due). Guarded updates keep two runs at once from doing an item twice.
 *
 * Sizing, at the 25 ms a database round trip `npm run cost` models (docs/performance.md): the README's console
 * settings give `announcement` and `evaluation` 60 s and `feedback` 30 s, but a forgotten setting leaves the 3 s
 * default, so each run is sized to fit 3 s on its database work alone.
 */
export const RUN_LIMITS = {
  /** messages a run of the outbox: ~6 round trips each (claim with the consent, "sent"), 10 at a time */
  outbox: 100,
  /** rounds a run of the evaluation timer: closing one is ~11 round trips, one after another */
  rounds: 8,
  /** replies a run of the feedback timer closes: one guarded update each, 20 at a time */
  feedback: 200,
} as const

/** How many items are worked on at once: one wave's requests go out together. */
export const WAVE = 10

/** Runs `work` on every item, `width` at a time (a wave waits for the one before). */
export async function inWaves<T, R>(items: readonly T[], width: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = []
  for (let i = 0; i < items.length; i += width) results.push(...(await Promise.all(items.slice(i, i + width).map(work))))
  return results
}
