import { z } from '../zod'

/** 三务: party affairs, village affairs, finance. */
export const disclosureKinds = ['party', 'village', 'finance'] as const
export type DisclosureKind = (typeof disclosureKinds)[number]

/** The provincial platform's sections, plus income and spending and decisions. */
export const disclosureSections = ['projects', 'assets', 'services', 'finance', 'decisions'] as const
export type DisclosureSection = (typeof disclosureSections)[number]

/**
 * A disclosure's period: a month (2026-10) or a quarter (2026-Q4), so duties
 * can be matched exactly; the UI renders 2026年10月 / 2026年第四季度.
 */
export const periodPattern = /^\d{4}-(0[1-9]|1[0-2]|Q[1-4])$/

export const lineItemSchema = z.object({
  /** YYYY-MM-DD */
  date: z.string(),
  item: z.string(),
  /** Amount in fen (分): a positive integer, never a float. */
  amountFen: z.number().int(),
  direction: z.enum(['income', 'spending']),
})
export type LineItem = z.infer<typeof lineItemSchema>

export const attachmentSchema = z.object({
  fileId: z.string(),
  name: z.string(),
  mime: z.string(),
  size: z.number().int(),
})
export type Attachment = z.infer<typeof attachmentSchema>

/**
 * The account's balance at the start and end of the period, as the committee
 * enters it from the books (never read out of the text). It must agree with the
 * line items: opening + income − spending = closing.
 */
export const balanceSchema = z.object({ openingFen: z.number().int(), closingFen: z.number().int() })
export type Balance = z.infer<typeof balanceSchema>

/** What a revision fixes: everything a villager reads. */
export const disclosureContentSchema = z.object({
  title: z.string(),
  body: z.string(),
  period: z.string().nullable(),
  lineItems: z.array(lineItemSchema),
  attachments: z.array(attachmentSchema),
  /** absent on disclosures published before balances could be entered */
  balance: balanceSchema.nullable().optional(),
})
export type DisclosureContent = z.infer<typeof disclosureContentSchema>

export const signatureSchema = z.object({ personId: z.string(), name: z.string(), title: z.string() })
export type Signature = z.infer<typeof signatureSchema>

/** The disclosure as villagers see it now: its latest revision's content. */
export const disclosureSchema = z.object({
  _id: z.string(),
  villageId: z.string(),
  kind: z.enum(disclosureKinds),
  section: z.enum(disclosureSections),
  /** Shown on the village's public page (QR code) to anyone; false: group members only. */
  public: z.boolean(),
  content: disclosureContentSchema,
  /** 1 for the first publication, +1 per correction. */
  revision: z.number().int(),
  publishedAt: z.string(),
  publishedBy: signatureSchema,
  revisedAt: z.string().nullable(),
  /** set by the first correction: the 已更正 filter reads it through an index */
  corrected: z.boolean(),
  /** The hash of the latest revision: the head of the chain. */
  hash: z.string(),
})
export type Disclosure = z.infer<typeof disclosureSchema>

/** One link of a disclosure's chain; never updated or deleted. */
export const revisionSchema = z.object({
  _id: z.string(),
  disclosureId: z.string(),
  villageId: z.string(),
  revision: z.number().int(),
  content: disclosureContentSchema,
  /** Required for every correction; null for the first publication. */
  reason: z.string().nullable(),
  at: z.string(),
  by: signatureSchema,
  prevHash: z.string(),
  hash: z.string(),
})
export type Revision = z.infer<typeof revisionSchema>
