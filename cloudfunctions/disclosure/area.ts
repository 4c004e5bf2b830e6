import { disclosureContract } from '../../shared/contract/disclosure'
import { defineArea } from '../core/dispatch'
import { get, list, search, verify } from './read'
import { publish, revise } from './publish'
import { duties } from './duties'
import { decision, decisions, recordDecisionStep } from './decisions'

export const disclosureArea = defineArea('disclosure', disclosureContract, {
  list,
  search,
  get,
  publish,
  revise,
  verify,
  duties,
  decisions,
  decision,
  recordDecisionStep,
})
