import { shuffled } from '../../cloudfunctions/core/shuffle'
import { choices, type Choice } from '../../shared/evaluation/rules'

/*
 * What the ballot forensic tests share: 30 voters, the limit an attack may
 * reach (60%, against about a third by chance), and how a guess is scored.
 */

export const VOTERS = 30
export const LIMIT = Math.floor(VOTERS * 0.6)

/** Ten of each choice in a random order: chance then links about ten households, whichever way it pairs. */
export const choicesToCast = (): Choice[] => shuffled(Array.from({ length: VOTERS }, (_, i) => choices[i % choices.length]!))

export type Guess = readonly (readonly [householdId: string, choice: Choice])[]

/** How many households a guess links to the choice they really made. */
export const linked = (guess: Guess, truth: Map<string, Choice>) => guess.filter(([h, c]) => truth.get(h) === c).length

/** The n-th household of one list with the n-th choice of the other. */
export const pairByRank = (households: readonly string[], ballots: readonly Choice[], truth: Map<string, Choice>) =>
  linked(
    households.flatMap((h, i) => (ballots[i] ? [[h, ballots[i]] as const] : [])),
    truth,
  )
