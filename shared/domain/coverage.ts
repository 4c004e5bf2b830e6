// Pure figures, free of zod so the mini-program can import them too.

/**
 * Share of roster households that are in the group, in whole per-mille so the
 * figure is exact; the UI shows it as a percentage with one decimal.
 */
export function coveragePermille(inGroup: number, onRoster: number): number {
  if (onRoster <= 0) return 0
  return Math.floor((inGroup * 1000) / onRoster)
}

export function formatPermille(permille: number): string {
  return `${(permille / 10).toFixed(1)}%`
}
