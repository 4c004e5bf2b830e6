/*
 * File links in a copy kept on the phone (services/offline.ts). The server's links to files expire:
 * cloud storage's temporary links last as long as the cloud function's maxAge (10 minutes for report
 * photos, a day for public attachments: cloudfunctions/adapters/wxcloud/files.ts), the local host's
 * signed ones 10 minutes. The phone cannot tell which a link is, so a copy older than the shortest
 * lifetime keeps no link at all: an offline page shows its text without photos rather than broken ones.
 */

/** The shortest lifetime of a link the server gives (PRIVATE_URL_SECONDS in cloudfunctions/core/files.ts). */
export const LINK_SECONDS = 600

const isLinkedFile = (value: unknown): boolean =>
  typeof value === 'object' && value !== null && typeof (value as { fileId?: unknown }).fileId === 'string' && typeof (value as { url?: unknown }).url === 'string'

/** `data` as saved at `savedAt`, without its linked files (anything with a fileId and a url) once their links may have expired. */
export function withoutExpiredLinks<T>(data: T, savedAt: string, now: Date): T {
  if (now.getTime() - Date.parse(savedAt) < LINK_SECONDS * 1000) return data
  const walk = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.filter((item) => !isLinkedFile(item)).map(walk)
    if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, walk(item)]))
    return value
  }
  return walk(data) as T
}
