import { usePageQuery } from '../services/queries/hooks'
import { memberQueries } from '../services/queries/member'

export { loadMe } from '../services/queries/member'

/**
 * The caller's role, or null until it is known (or when it could not be loaded). Pages that only need the role
 * share the cached member.me; the home page refreshes it whenever it is shown.
 */
export function useRole() {
  const me = usePageQuery({ ...memberQueries.me(), staleTime: Infinity })
  return me.data?.role ?? null
}
