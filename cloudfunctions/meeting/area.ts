import { meetingContract } from '../../shared/meeting/schema'
import { defineArea } from '../core/dispatch'
import { cancel, get, list, panelCandidates, record, schedule, setPanel } from './handlers'

export const meetingArea = defineArea('meeting', meetingContract, { schedule, list, get, record, cancel, setPanel, panelCandidates })
