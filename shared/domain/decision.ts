import { z } from '../zod'
import { attachmentSchema, signatureSchema } from './disclosure'
// 四议两公开: the six stages and their labels live in a zod-free file the mini-program imports too.
import { decisionStages, type DecisionStage } from './decision-stages'

export { decisionStages, stageLabels, type DecisionStage } from './decision-stages'

export const decisionStepSchema = z.object({
  stage: z.enum(decisionStages),
  /** the day it happened, YYYY-MM-DD */
  date: z.string(),
  minutes: z.string(),
  /** e.g. photos of the signed minutes or the vote tally */
  attachments: z.array(attachmentSchema),
  recordedAt: z.string(),
  by: signatureSchema,
})
export type DecisionStep = z.infer<typeof decisionStepSchema>

export const decisionSchema = z.object({
  _id: z.string(),
  villageId: z.string(),
  title: z.string(),
  summary: z.string(),
  steps: z.array(decisionStepSchema),
  /** the last step recorded */
  stage: z.enum(decisionStages),
  updatedAt: z.string(),
})
export type Decision = z.infer<typeof decisionSchema>

/** The step that must come next, or null when all six are done. A step can never be skipped. */
export function nextStage(steps: readonly { stage: DecisionStage }[]): DecisionStage | null {
  return decisionStages[steps.length] ?? null
}

/** Steps happen in date order: a step cannot be dated before the one it follows. */
export function stepDateAllowed(steps: readonly { date: string }[], date: string): boolean {
  const last = steps[steps.length - 1]
  return !last || last.date <= date
}
