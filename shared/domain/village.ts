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

/** Who changed a township setting and when (see domain/setting.ts). */
const change = z.object({ setAt: z.string(), setBy: z.string() })
const ruleFields = { thresholdPermille: z.number().int(), streakLength: z.number().int() }

export const townshipSchema = z.object({
  _id: z.string(),
  name: z.string(),
  district: z.string(),
  /** The township's own disclosure duties; null means the product's defaults (see domain/duty.ts). */
  duties: z.array(dutySchema).nullable(),
  /**
   * Each reply deadline the township set (days the village has to reply to feedback), oldest first,
   * at most KEPT_CHANGES; the last is in force, none means DEFAULT_REPLY_DAYS. Feedback keeps the deadline it was filed under.
   */
  feedbackReplyDaysSettings: z.array(change.extend({ days: z.number().int() })).optional(),
  /** The one deadline stored before changes were kept; read as the first change. */
  feedbackReplyDays: change.extend({ days: z.number().int() }).nullable().optional(),
  /** Each list of duties the township set, with when and who; a period is judged by the list in force when it ended. */
  dutySettings: z.array(change.extend({ duties: z.array(dutySchema) })).optional(),
  /**
   * Each evaluation rule the township set, oldest first, at most KEPT_CHANGES; the last is in force,
   * none means DEFAULT_RULE. Each round keeps the rule it opened under.
   */
  evaluationRuleSettings: z.array(change.extend(ruleFields)).optional(),
  /** The one rule stored before changes were kept; read as the first change. */
  evaluationRule: change.extend(ruleFields).nullable().optional(),
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
