import { z } from '../zod'
import { attachmentSchema } from './disclosure'

export const reportStatuses = ['submitted', 'acknowledged', 'investigating', 'concluded'] as const
export type ReportStatus = (typeof reportStatuses)[number]

export const reportStepKinds = ['acknowledged', 'note', 'concluded'] as const

/**
 * A misconduct report (举报) to the township discipline staff. No village role
 * ever reads this collection. When `reporter` is null the reporter chose to
 * stay anonymous even to the township: nothing stored names them.
 */
export const reportSchema = z.object({
  _id: z.string(),
  townshipId: z.string(),
  villageId: z.string(),
  /**
   * The hash of what the reporter follows the report with (cloudfunctions/core/hash.ts codeHash); the code is
   * shown to them only in report.file's answer. A cloud report filed before codes were hashed holds the code
   * itself until its first lookup.
   */
  trackingCode: z.string(),
  reporter: z.object({ personId: z.string(), name: z.string(), householdId: z.string() }).nullable(),
  /** who or what the report is about, in the reporter's words */
  subject: z.string(),
  text: z.string(),
  photos: z.array(attachmentSchema),
  status: z.enum(reportStatuses),
  filedAt: z.string(),
  /** each step the staff took, with when and who; notes stay inside the township */
  steps: z.array(
    z.object({ kind: z.enum(reportStepKinds), at: z.string(), staffId: z.string(), staffName: z.string(), text: z.string() }),
  ),
  /** the conclusion the reporter reads */
  outcome: z.string().nullable(),
})
export type Report = z.infer<typeof reportSchema>

/** No 0/O, 1/I/L: a code read aloud or copied by hand survives. */
export const TRACKING_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ'
export const TRACKING_LENGTH = 12

/** Twelve symbols from `TRACKING_ALPHABET`, shown in groups of four: 7KQ2-M9XD-4HRT. */
export const formatTrackingCode = (symbols: string) => symbols.match(/.{1,4}/g)!.join('-')

/** A code as typed (any case, spaces, dashes) reduced to its bare symbols: how every code a person types is read. */
export const bareSymbols = (typed: string): string => typed.toUpperCase().replace(/[\s-]/g, '')

/** Whether bare `symbols` can be a code of one of `lengths` from `TRACKING_ALPHABET`. */
export const isCodeOf = (symbols: string, lengths: readonly number[]): boolean =>
  lengths.includes(symbols.length) && [...symbols].every((c) => TRACKING_ALPHABET.includes(c))

/** A code as typed by a person (any case, spaces or dashes), in its stored form; null if it cannot be one. */
export function normalizeTrackingCode(typed: string): string | null {
  const symbols = bareSymbols(typed)
  return isCodeOf(symbols, [TRACKING_LENGTH]) ? formatTrackingCode(symbols) : null
}

/** Where each step may be taken from: acknowledge first, take notes while investigating, conclude once. */
export const canTake = (kind: (typeof reportStepKinds)[number], status: ReportStatus) =>
  kind === 'acknowledged' ? status === 'submitted' : status === 'acknowledged' || status === 'investigating'

export const statusAfter = (kind: (typeof reportStepKinds)[number]): ReportStatus =>
  kind === 'acknowledged' ? 'acknowledged' : kind === 'note' ? 'investigating' : 'concluded'
