import { topicContract } from '../../shared/topic/schema'
import { defineArea } from '../core/dispatch'
import { ask, decline, duties, figures, forward, inbox, mine } from './handlers'

/** 点题公开 (issue 20 item 4): villagers ask, the chair forwards or declines, the committees disclose. */
export const topicArea = defineArea('topic', topicContract, { ask, mine, inbox, forward, decline, duties, figures })
