import { cloudMain } from '../adapters/wxcloud/entry'
import { meetingArea } from './area'

export const main = cloudMain(meetingArea)
