import type { InputOf, OutputOf } from './action'
import type { announcementContract } from '../announcement/schema'
import type { disclosureContract } from '../disclosure/schema'
import type { evaluationContract } from '../evaluation/schema'
import type { feedbackContract } from '../feedback/schema'
import type { memberContract } from '../member/schema'
import type { powerContract } from '../power/schema'
import type { reportContract } from '../report/schema'
import type { townshipContract } from '../township/schema'
import type { groupContract } from '../group/schema'
import type { meetingContract } from '../meeting/schema'
import type { topicContract } from '../topic/schema'

/**
 * Every cloud function's actions' contracts, by the function's name (cloudfunctions/areas.ts serves each).
 * Types only, so the app and the tests' caller share them without loading zod.
 */
export interface Contracts {
  member: typeof memberContract
  power: typeof powerContract
  disclosure: typeof disclosureContract
  announcement: typeof announcementContract
  feedback: typeof feedbackContract
  report: typeof reportContract
  evaluation: typeof evaluationContract
  township: typeof townshipContract
  group: typeof groupContract
  meeting: typeof meetingContract
  topic: typeof topicContract
}
export type Area = keyof Contracts
export type ActionOf<A extends Area> = keyof Contracts[A] & string
export type Input<A extends Area, K extends ActionOf<A>> = InputOf<Contracts[A][K]>
export type Output<A extends Area, K extends ActionOf<A>> = OutputOf<Contracts[A][K]>
