// 四议两公开 stages and their labels: pure data, free of zod so the mini-program can import them.

/** The six steps of a major village decision, in the only order allowed. */
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
