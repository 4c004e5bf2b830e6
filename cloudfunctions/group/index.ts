import { cloudMain } from '../adapters/wxcloud/entry'
import { groupArea } from './area'

export const main = cloudMain(groupArea)
