export const reportStatuses = ['submitted', 'acknowledged', 'investigating', 'concluded'] as const
export type ReportStatus = (typeof reportStatuses)[number]

export const reportStepKinds = ['acknowledged', 'note', 'concluded'] as const

/** No 0/O, 1/I/L: a code read aloud or copied by hand survives. */
export const TRACKING_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ'
export const TRACKING_LENGTH = 12

/** Twelve symbols from `TRACKING_ALPHABET`, shown in groups of four: 7KQ2-M9XD-4HRT. */
export const formatTrackingCode = (symbols: string) => symbols.match(/.{1,4}/g)!.join('-')

/** A code as typed (any case, spaces, dashes) reduced to its bare symbols: how every code a person types is read. */
export const bareSymbols = (typed: string): string => typed.toUpperCase().replace(/[\s-]/g, '')

/** Whether bare `symbols` can be a code of one of `lengths` from `TRACKING_ALPHABET`. */
export const isCodeOf = (symbols: string, lengths: readonly number[]): boolean => lengths.includes(symbols.length) && [...symbols].every((c) => TRACKING_ALPHABET.includes(c))

/** A code as typed by a person (any case, spaces or dashes), in its stored form; null if it cannot be one. */
export function normalizeTrackingCode(typed: string): string | null {
  const symbols = bareSymbols(typed)
  return isCodeOf(symbols, [TRACKING_LENGTH]) ? formatTrackingCode(symbols) : null
}

/** Where each step may be taken from: acknowledge first, take notes while investigating, conclude once. */
export const canTake = (kind: (typeof reportStepKinds)[number], status: ReportStatus) =>
  kind === 'acknowledged' ? status === 'submitted' : status === 'acknowledged' || status === 'investigating'

export const statusAfter = (kind: (typeof reportStepKinds)[number]): ReportStatus => (kind === 'acknowledged' ? 'acknowledged' : kind === 'note' ? 'investigating' : 'concluded')
