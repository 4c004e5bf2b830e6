import type { InputOf, OutputOf } from './action'
import type { announcementContract } from './announcement'
import type { disclosureContract } from './disclosure'
import type { evaluationContract } from './evaluation'
import type { feedbackContract } from './feedback'
import type { memberContract } from './member'
import type { powerContract } from './power'
import type { reportContract } from './report'
import type { townshipContract } from './township'

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
}
export type Area = keyof Contracts
export type ActionOf<A extends Area> = keyof Contracts[A] & string
export type Input<A extends Area, K extends ActionOf<A>> = InputOf<Contracts[A][K]>
export type Output<A extends Area, K extends ActionOf<A>> = OutputOf<Contracts[A][K]>
