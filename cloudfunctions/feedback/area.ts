import { feedbackContract } from '../../shared/contract/feedback'
import { defineArea } from '../core/dispatch'
import { closeStale, confirm, inbox, mine, onDisclosure, overdue, remind, reopen, reply, route, submit } from './handlers'

export const feedbackArea = defineArea(
  'feedback',
  feedbackContract,
  { submit, mine, inbox, route, reply, confirm, reopen, overdue, remind, onDisclosure },
  closeStale,
)
