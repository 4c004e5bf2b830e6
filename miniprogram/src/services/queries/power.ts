import type { Input } from '../api'
import { pagedRead, readQuery } from './read'

/** Reads of the power list; what a villager reads is kept offline (the list, its items, the two fixed lists). */
export const powerQueries = {
  categories: (villageId?: string) => readQuery('power', 'categories', { villageId }, { offline: true }),
  list: (input: Input<'power', 'list'>) => readQuery('power', 'list', input, { offline: true }),
  get: (itemId: string, villageId?: string) => readQuery('power', 'get', { itemId, villageId }, { offline: true }),
  responsibilities: () => readQuery('power', 'responsibilities', {}, { offline: true }),
  prohibitions: () => readQuery('power', 'prohibitions', {}, { offline: true }),
  history: (villageId?: string) => pagedRead('power', 'history', { villageId }),
}
