import { reportContract } from '../../shared/report/schema'
import { defineArea } from '../core/dispatch'
import { acknowledge, conclude, figures, file, get, inbox, note, recuse, track } from './handlers'

export const reportArea = defineArea('report', reportContract, { file, track, inbox, get, acknowledge, note, conclude, figures, recuse })
