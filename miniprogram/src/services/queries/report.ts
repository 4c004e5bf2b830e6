import { queryOptions } from '@tanstack/react-query'
import { call } from '../api'

/** Reads of reports made on this phone. */
export const reportQueries = {
  /**
   * The progress of each report whose tracking code this phone keeps (report/codes.ts). Each lookup counts against
   * the server's guessing limit, so it is never retried by itself (the client's default).
   */
  tracked: (codes: string[]) =>
    queryOptions({
      queryKey: ['report', 'track', { codes }] as const,
      queryFn: () => Promise.all(codes.map((trackingCode) => call('report', 'track', { trackingCode }))),
    }),
}
