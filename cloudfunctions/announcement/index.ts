import { cloudMain } from '../adapters/wxcloud/entry'
import { announcementArea } from './area'

export const main = cloudMain(announcementArea)
