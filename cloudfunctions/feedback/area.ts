import { feedbackContract } from '../../shared/feedback/schema'
import { defineArea } from '../core/dispatch'
import { assignees, closeStale, confirm, figures, inbox, mine, onDisclosure, overdue, remind, reopen, reply, route, setReplyDays, settings, submit } from './handlers'

export const feedbackArea = defineArea(
  'feedback',
  feedbackContract,
  { submit, mine, inbox, route, assignees, reply, confirm, reopen, overdue, remind, onDisclosure, figures, settings, setReplyDays },
  closeStale,
)
