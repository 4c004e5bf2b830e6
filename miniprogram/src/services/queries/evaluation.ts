import { readQuery } from './read'

/** Reads of the evaluation area. */
export const evaluationQueries = {
  /** The first page of open rounds (the home page counts those the household may still vote in). */
  openRounds: () => readQuery('evaluation', 'listRounds', { status: 'open' }),
}
