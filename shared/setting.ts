// A township setting's history of changes: pure rules, free of zod.

/** Who changed a setting and when; `setBy` is their title and name at the time (镇纪委书记赵清华). */
export interface Change {
  setAt: string
  setBy: string
}

/**
 * Changes kept per setting. Only the newest is in force, and each round or
 * feedback copies what it needs when it is made, so dropping the oldest
 * entries only shortens what the history page shows.
 */
export const KEPT_CHANGES = 50

/** The history with one more change at its end, the oldest beyond KEPT_CHANGES dropped. */
export const withChange = <T extends Change>(history: readonly T[], change: T): T[] => [...history, change].slice(-KEPT_CHANGES)

/** What a setting's page shows beside its value: whether it was ever changed, the latest change, and every change newest first. */
export function changesView<T extends Change>(history: readonly T[]) {
  const latest = history[history.length - 1] ?? null
  return { custom: latest !== null, setAt: latest?.setAt ?? null, setBy: latest?.setBy ?? null, history: [...history].reverse() }
}
