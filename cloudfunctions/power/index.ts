import { cloudMain } from '../adapters/wxcloud/entry'
import { powerArea } from './area'

export const main = cloudMain(powerArea)
