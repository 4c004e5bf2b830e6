import { cloudMain } from '../adapters/wxcloud/entry'
import { feedbackArea } from './area'

export const main = cloudMain(feedbackArea)
