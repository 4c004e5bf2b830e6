import { reportContract } from '../../shared/contract/report'
import { defineArea } from '../core/dispatch'
import { acknowledge, conclude, figures, file, get, inbox, note, track } from './handlers'

export const reportArea = defineArea('report', reportContract, { file, track, inbox, get, acknowledge, note, conclude, figures })
