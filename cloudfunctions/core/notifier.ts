import type { Notification } from '../../shared/announcement/schema'

/**
 * Sends one message to one person. Throws when the channel refuses it; the
 * outbox records the failure and retries later.
 */
export interface Notifier {
  send(notification: Notification): Promise<void>
}

/** The local host has no WeChat: the notification record itself is the inspectable outbox. */
export const localOutbox: Notifier = {
  async send() {
    // Delivered into the outbox collection, readable at GET /api/dev/outbox.
  },
}
