import { cloudMain } from '../adapters/wxcloud/entry'
import { memberArea } from './area'

export const main = cloudMain(memberArea)
