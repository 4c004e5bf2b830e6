import { z } from '../zod'
import { signatureSchema } from './disclosure'

/** 四议两公开: the six steps of a major village decision, in the only order allowed. */
export const decisionStages = [
  'proposal', // 村党组织提议
  'deliberation', // 村“两委”商议
  'review', // 党员大会审议
  'resolution', // 村民（代表）会议决议
  'resolutionDisclosed', // 决议公开
  'resultDisclosed', // 实施结果公开
] as const
export type DecisionStage = (typeof decisionStages)[number]

export const stageLabels: Record<DecisionStage, string> = {
  proposal: '村党组织提议',
  deliberation: '村“两委”商议',
  review: '党员大会审议',
  resolution: '村民代表会议决议',
  resolutionDisclosed: '决议公开',
  resultDisclosed: '实施结果公开',
}

export const decisionStepSchema = z.object({
  stage: z.enum(decisionStages),
  /** the day it happened, YYYY-MM-DD */
  date: z.string(),
  minutes: z.string(),
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
