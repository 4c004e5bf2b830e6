import { cloudMain } from '../adapters/wxcloud/entry'
import { reportArea } from './area'

export const main = cloudMain(reportArea)
