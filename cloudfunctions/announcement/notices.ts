import type { Announcement } from '../../shared/announcement/schema'
import type { Collections } from '../core/collections'

/** The outbox subject of an announcement's messages: reach figures count by it. */
export const subjectOf = (announcementId: string) => `announcement:${announcementId}`

/**
 * A subscribe message about an announcement, waiting in the outbox: the outbox timer (core/outbox.ts) spends
 * the recipient's consent `subscriptionId` and sends it.
 */
export function announcementNotice(a: Announcement, n: { _id: string; openid: string; subscriptionId: string; title: string; now: string }): Collections['notification'] {
  return {
    _id: n._id,
    villageId: a.villageId,
    openid: n.openid,
    subject: subjectOf(a._id),
    title: n.title,
    // Opened from the message, the page tells announcement.open so (fromMessage): reach counts the household by
    // that channel (issue 19 item 5).
    page: `packages/announcement/detail/index?announcementId=${a._id}&fromMessage=1`,
    subscriptionId: n.subscriptionId,
    status: 'pending',
    attempts: 0,
    lastError: null,
    createdAt: n.now,
    nextAttemptAt: n.now,
    sentAt: null,
  }
}
