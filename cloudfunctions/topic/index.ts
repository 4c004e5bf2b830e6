import { cloudMain } from '../adapters/wxcloud/entry'
import { topicArea } from './area'

export const main = cloudMain(topicArea)
