import { z } from '../zod'

/** One write, as the township reads it later: when, who in which role, what, and which records. */
export const auditSchema = z.object({
  _id: z.string(),
  at: z.string(),
  townshipId: z.string().nullable(),
  villageId: z.string().nullable(),
  /** null for an anonymous report: the log must not undo the anonymity */
  personId: z.string().nullable(),
  name: z.string(),
  role: z.string(),
  title: z.string(),
  /** e.g. evaluation.castBallot */
  action: z.string(),
  records: z.array(z.string()),
  /** `at` is the start of the Beijing day, not the moment (votes and anonymous reports) */
  dayOnly: z.boolean().optional(),
  /**
   * The number of the seal that lists it (shared/audit/chain.ts); null or absent while unsealed. Not covered
   * by the entry's hash: the seal is what vouches for it.
   */
  seal: z.number().int().nullable().optional(),
})
export type AuditEntry = z.infer<typeof auditSchema>
