import { z } from '../zod'
import { disclosureKinds, disclosureSections } from './disclosure'

/** Something a village must disclose every period (see domain/duty.ts for the rules). */
const dutySchema = z.object({
  label: z.string(),
  kind: z.enum(disclosureKinds),
  section: z.enum(disclosureSections).nullable(),
  cadence: z.enum(['monthly', 'quarterly']),
  dueDays: z.number().int(),
})

export const townshipSchema = z.object({
  _id: z.string(),
  name: z.string(),
  district: z.string(),
  /** The township's own disclosure duties; null means the product's defaults (see domain/duty.ts). */
  duties: z.array(dutySchema).nullable(),
  /** Days the village has to reply to feedback; absent means DEFAULT_REPLY_DAYS. Applies to feedback filed after a change. */
  feedbackReplyDays: z
    .object({ days: z.number().int(), setAt: z.string(), setBy: z.string() })
    .nullable()
    .optional(),
  /** Each list of duties the township set, with when and who; a period is judged by the list in force when it ended. */
  dutySettings: z
    .array(
      z.object({
        setAt: z.string(),
        setBy: z.string(),
        duties: z.array(dutySchema),
      }),
    )
    .optional(),
  /** The township's evaluation rule; absent means DEFAULT_RULE. Each round keeps the rule it opened under. */
  evaluationRule: z
    .object({ thresholdPermille: z.number().int(), streakLength: z.number().int(), setAt: z.string(), setBy: z.string() })
    .nullable()
    .optional(),
})
export type Township = z.infer<typeof townshipSchema>

export const villageSchema = z.object({
  _id: z.string(),
  townshipId: z.string(),
  name: z.string(),
  /** Printed on the notice board; a villager types it to ask to join the group. */
  joinCode: z.string(),
})
export type Village = z.infer<typeof villageSchema>

/** A household on the village roster (户). It is "in the group" once it has a voting representative. */
export const householdSchema = z.object({
  _id: z.string(),
  villageId: z.string(),
  /** 户号, unique within the village. */
  number: z.string(),
  headName: z.string(),
  /** 村民小组 */
  groupName: z.string(),
  size: z.number().int(),
  representativeMemberId: z.string().nullable(),
  inGroup: z.boolean(),
})
export type Household = z.infer<typeof householdSchema>
