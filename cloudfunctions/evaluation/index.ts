import { cloudMain } from '../adapters/wxcloud/entry'
import { evaluationArea } from './area'

export const main = cloudMain(evaluationArea)
