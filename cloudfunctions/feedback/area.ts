import { feedbackContract } from '../../shared/contract/feedback'
import { defineArea } from '../core/dispatch'
import { confirm, inbox, mine, onDisclosure, reopen, reply, route, submit } from './handlers'

export const feedbackArea = defineArea('feedback', feedbackContract, { submit, mine, inbox, route, reply, confirm, reopen, onDisclosure })
