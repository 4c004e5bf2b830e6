import { powerContract } from '../../shared/power/schema'
import { defineArea } from '../core/dispatch'
import { categories, get, list, prohibitions, responsibilities } from './list'
import { catalog, history, select } from './selection'
import { exportList, prepareExportList } from './export'
import { importTownshipItems, previewTownshipImport } from './township-import'
import { itemHistory, removeTownshipItem, saveTownshipItem, townshipItem, townshipItems } from './township-items'

export const powerArea = defineArea('power', powerContract, {
  categories,
  list,
  get,
  responsibilities,
  prohibitions,
  history,
  catalog,
  select,
  townshipItems,
  townshipItem,
  saveTownshipItem,
  removeTownshipItem,
  itemHistory,
  previewTownshipImport,
  importTownshipItems,
  exportList,
  prepareExportList,
})
