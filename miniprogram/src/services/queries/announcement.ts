import { pagedRead, readQuery } from './read'

/** Reads of announcements, both kept offline: a villager can reread what was published without a network. */
export const announcementQueries = {
  list: () => pagedRead('announcement', 'list', {}, { offline: true }),
  open: (announcementId: string) => readQuery('announcement', 'open', { announcementId }, { offline: true }),
  /** The first page alone, for its count of unread ones (the home page's entry); not kept offline. */
  firstPage: () => readQuery('announcement', 'list', {}),
}
