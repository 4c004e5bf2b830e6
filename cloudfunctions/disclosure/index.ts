import { cloudMain } from '../adapters/wxcloud/entry'
import { disclosureArea } from './area'

export const main = cloudMain(disclosureArea)
