/**
 * The ids a write touched, from its input and output fields named `…Id`.
 * A phone's request id is left out: it could join a ballot to its household.
 */
export function touchedRecords(input: unknown, output: unknown): string[] {
  const ids = new Set<string>()
  for (const part of [input, output]) {
    if (part === null || typeof part !== 'object') continue
    for (const [key, value] of Object.entries(part)) {
      if (key.endsWith('Id') && key !== 'requestId' && typeof value === 'string') ids.add(value)
    }
  }
  return [...ids]
}
