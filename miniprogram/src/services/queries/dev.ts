import { queryOptions } from '@tanstack/react-query'
import { ApiError, devAuth } from '../api'

/** The local host's demo people (H5 sign-in), or null when the host offers no demo sign-in (its /api/dev/people is a 404: host/start.ts). */
export const demoPeopleQuery = () =>
  queryOptions({
    queryKey: ['dev', 'people'] as const,
    queryFn: () =>
      devAuth.people().catch((e: unknown) => {
        if (e instanceof ApiError && e.code === 'NOT_FOUND') return null
        throw e
      }),
  })
