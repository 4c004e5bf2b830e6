import { townshipContract } from '../../shared/contract/township'
import { defineArea } from '../core/dispatch'
import { addNote, closeEscalation, getEscalation, listEscalations, orderRectification } from './cases'
import { duties, figures, rule, setDuties, setRule } from './figures'
import { audit } from './audit'
import { exportCsv, prepareExport } from './exports'
import { createVillage, importRoster, previewRoster } from './villages'
import { appointments, endAppointment, invite } from './appointments'
import { retentionTimer } from '../core/retention'

export const townshipArea = defineArea('township', townshipContract, {
  listEscalations,
  getEscalation,
  addNote,
  orderRectification,
  closeEscalation,
  figures,
  rule,
  setRule,
  duties,
  setDuties,
  audit,
  export: exportCsv,
  prepareExport,
  invite,
  appointments,
  endAppointment,
  createVillage,
  previewRoster,
  importRoster,
}, retentionTimer)
