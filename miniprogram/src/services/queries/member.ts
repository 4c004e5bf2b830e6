import { queryClient } from './client'
import { readQuery } from './read'

/** Reads of the member area. `me` is kept offline: the home page opens without a network. */
export const memberQueries = {
  me: () => readQuery('member', 'me', {}, { offline: true }),
  todo: () => readQuery('member', 'todo', {}),
}

/** The caller's member.me, from the cache when a page has read it this session (for the upload folder, services/files.ts). */
export const loadMe = () => queryClient.ensureQueryData(memberQueries.me())
