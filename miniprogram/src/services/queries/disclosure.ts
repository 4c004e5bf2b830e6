import type { Input } from '../api'
import { pagedRead, readQuery } from './read'

type ListFilters = Omit<Input<'disclosure', 'list'>, 'cursor'>
type SearchFilters = Omit<Input<'disclosure', 'search'>, 'cursor'>

/** Reads of disclosures; the list and each disclosure are kept offline (a villager rereads them without a network). */
export const disclosureQueries = {
  list: (filters: ListFilters) => pagedRead('disclosure', 'list', filters, { offline: true }),
  search: (filters: SearchFilters) => pagedRead('disclosure', 'search', filters),
  get: (disclosureId: string, villageId?: string) => readQuery('disclosure', 'get', { disclosureId, villageId }, { offline: true }),
}
