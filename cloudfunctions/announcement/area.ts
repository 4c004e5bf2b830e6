import { announcementContract } from '../../shared/announcement/schema'
import { defineArea } from '../core/dispatch'
import { deliverDue } from '../core/outbox'
import { list, open, push, reach, subscribe, subscription } from './handlers'
import { remind, unread } from './unread'

export const announcementArea = defineArea(
  'announcement',
  announcementContract,
  { push, list, open, reach, subscribe, subscription, unread, remind },
  ({ store, notifier, clock }) => deliverDue(store, notifier, clock),
)
