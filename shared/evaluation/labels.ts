import type { Tag } from '../labels'
import type { Choice, EscalationStatus, OpeningProblem, Outcome, Safeguards } from './rules'
import { formatBeijingDayTime } from '../time'

export const choiceLabels: Record<Choice, string> = { satisfied: '满意', basic: '基本满意', dissatisfied: '不满意' }

export const escalationStatusTags: Record<EscalationStatus, Tag> = {
  open: { label: '待调查', type: 'danger' },
  investigating: { label: '调查中', type: 'warning' },
  rectifying: { label: '整改中', type: 'warning' },
  reported: { label: '村里已报告整改', type: 'info' },
  closed: { label: '已办结', type: 'success' },
}

/** 250 → 25%: thresholds are whole or tenth percents. */
export const percentOf = (permille: number) => `${permille % 10 === 0 ? permille / 10 : (permille / 10).toFixed(1)}%`

/** A closed round's result in a word; void covers no ballots and fewer voters than the township's minimum. */
export const outcomeLabels: Record<Outcome, string> = { over: '不满意超过比例', within: '未超过比例', void: '参与不足' }

/** The safeguards in plain words, for the settings page and the round page. */
export const minTurnoutText = (s: Pick<Safeguards, 'minTurnoutPermille'>) =>
  s.minTurnoutPermille === null ? '不设最低参与率' : `至少${percentOf(s.minTurnoutPermille)}的户参加才算数`
export const minDaysText = (s: Pick<Safeguards, 'minDaysBetween'>) => (s.minDaysBetween === 0 ? '不限间隔' : `同一事项两轮评议至少相隔${s.minDaysBetween}天`)

/** Why a round cannot open yet, told to the chair. */
export function openingProblemText(problem: OpeningProblem, minDaysBetween: number): string {
  if (problem.kind === 'unanswered') return `上一轮不满意超过${percentOf(problem.thresholdPermille)}，村里还没有答复释疑，答复后才能再评议`
  return `同一事项两轮评议至少相隔${minDaysBetween}天，这个事项${formatBeijingDayTime(problem.opensAt)}以后才能再评议`
}
