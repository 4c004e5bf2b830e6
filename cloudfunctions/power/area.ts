import { powerContract } from '../../shared/contract/power'
import { defineArea } from '../core/dispatch'
import { categories, get, list, prohibitions, responsibilities } from './list'
import { catalog, history, select } from './selection'

export const powerArea = defineArea('power', powerContract, {
  categories,
  list,
  get,
  responsibilities,
  prohibitions,
  history,
  catalog,
  select,
})
