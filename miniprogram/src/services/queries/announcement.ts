import { call } from '../api'
import { cloudIdIfEnteredAt } from '../groupEntry'
import { copyKey, readWithCopy } from './offlineCopy'
import { pagedRead, readQuery } from './read'

const ANNOUNCEMENT_PAGE = 'packages/announcement/detail/index'

/** Reads of announcements, both kept offline: a villager can reread what was published without a network. */
export const announcementQueries = {
  list: () => pagedRead('announcement', 'list', {}, { offline: true }),
  /**
   * Opening marks it read. The first open also says how the household got here (reach by channel): from a card in a
   * group (the group's cloudID, when this visit opened this announcement from one) or from a subscribe message.
   */
  open: (announcementId: string, fromMessage = false) => {
    const plain = readQuery('announcement', 'open', { announcementId }, { offline: true })
    return {
      ...plain,
      queryFn: async () => {
        const groupCloudId = await cloudIdIfEnteredAt(ANNOUNCEMENT_PAGE, 'announcementId', announcementId)
        return readWithCopy(copyKey(plain.queryKey), () =>
          call('announcement', 'open', { announcementId, ...(groupCloudId ? { groupCloudId } : {}), ...(fromMessage ? { fromMessage } : {}) }),
        )
      },
    }
  },
  /** The first page alone, for its count of unread ones (the home page's entry); not kept offline. */
  firstPage: () => readQuery('announcement', 'list', {}),
}
