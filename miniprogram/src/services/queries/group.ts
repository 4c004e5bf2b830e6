import { readQuery } from './read'

/** Reads of the village WeChat group (监督群): the chair's bound groups and a round's card for sharing. */
export const groupQueries = {
  list: () => readQuery('group', 'list', {}),
  /** Asked when the round page is shown: the activity id may have been renewed since (rounds longer than a day). */
  roundCard: (roundId: string) => readQuery('group', 'roundCard', { roundId }),
}
