import type { CallerRole } from './roles'

/*
 * What a role must act on, counted for the home page's 待办 card (member.todo).
 * Plain data with no imports beyond types, so the app and the host's first
 * screen (host/first-screen.ts) word and link the counts the same way.
 */

export const todoKinds = [
  'joinPending',
  'feedbackToRoute',
  'feedbackToAnswer',
  'roundsToAnswer',
  'newCases',
  'newReports',
  'overdueFeedback',
  'powerToReview',
  'topicsToDecide',
  'topicsToDisclose',
] as const
export type TodoKind = (typeof todoKinds)[number]

export interface TodoKindInfo {
  /** the row's words, with the count in front: "3 户申请入群，等您审核" */
  label: (count: number) => string
  /** the page where it is done */
  url: string
  /** the home entry that carries the count as a badge */
  entryUrl: string
}

export const todoInfo: Record<TodoKind, TodoKindInfo> = {
  joinPending: {
    label: (n) => `${n} 户申请入群，等您审核`,
    url: '/packages/chair/pending/index',
    entryUrl: '/packages/chair/pending/index',
  },
  feedbackToRoute: {
    label: (n) => `${n} 条村民意见待分派`,
    url: '/packages/feedback/inbox/index?status=submitted',
    entryUrl: '/packages/feedback/inbox/index',
  },
  feedbackToAnswer: {
    label: (n) => `${n} 条村民意见等您答复`,
    url: '/packages/feedback/inbox/index?status=routed',
    entryUrl: '/packages/feedback/inbox/index',
  },
  roundsToAnswer: {
    label: (n) => `${n} 轮评议不满意超过比例，要答复释疑`,
    url: '/packages/evaluation/list/index',
    entryUrl: '/packages/evaluation/list/index',
  },
  newCases: {
    label: (n) => `${n} 件评议升级案件还没开始办`,
    url: '/packages/township/cases/index',
    entryUrl: '/packages/township/cases/index',
  },
  newReports: {
    label: (n) => `${n} 件举报还没受理`,
    url: '/packages/township/reports/index',
    entryUrl: '/packages/township/reports/index',
  },
  overdueFeedback: {
    label: (n) => `${n} 条村民意见超过答复期限`,
    url: '/packages/township/overdue/index',
    entryUrl: '/packages/township/overdue/index',
  },
  powerToReview: {
    label: (n) => `${n} 项本村清单事项被镇里移除，请复核`,
    url: '/packages/committee/catalog/index',
    entryUrl: '/packages/committee/catalog/index',
  },
  topicsToDecide: {
    label: (n) => `${n} 条村民点题等您转交或答复`,
    url: '/packages/topic/inbox/index?status=asked',
    entryUrl: '/packages/topic/inbox/index',
  },
  topicsToDisclose: {
    label: (n) => `${n} 条村民点题要公开`,
    url: '/packages/disclosure/duties/index',
    entryUrl: '/packages/disclosure/duties/index',
  },
}

/** Which counts each role gets; reports are the township's alone, so village roles never see that kind. */
export const todoKindsOf: Partial<Record<CallerRole, readonly TodoKind[]>> = {
  chair: ['joinPending', 'feedbackToRoute', 'topicsToDecide'],
  committee: ['feedbackToAnswer', 'roundsToAnswer', 'powerToReview', 'topicsToDisclose'],
  township: ['newCases', 'newReports', 'overdueFeedback'],
}

export const NOTHING_TO_DO = '没有待办事项'

/** Badges for the home entries: each entry's total over the counts that lead to it. */
export function badgesOf(items: readonly { kind: TodoKind; count: number }[]): Record<string, number> {
  const badges: Record<string, number> = {}
  for (const { kind, count } of items) {
    const url = todoInfo[kind].entryUrl
    badges[url] = (badges[url] ?? 0) + count
  }
  return badges
}
