import { disclosureContract } from '../../shared/disclosure/schema'
import { defineArea } from '../core/dispatch'
import { get, list, publicGet, publicList, publicVillageInfo, search, verify, villageCode } from './read'
import { publish, revise } from './publish'
import { duties } from './duties'
import { figures } from './figures'
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
  figures,
  publicVillage: publicVillageInfo,
  publicList,
  publicGet,
  villageCode,
})
