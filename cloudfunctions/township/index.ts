import { cloudMain } from '../adapters/wxcloud/entry'
import { townshipArea } from './area'

export const main = cloudMain(townshipArea)
