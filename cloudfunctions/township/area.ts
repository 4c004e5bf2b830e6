import { townshipContract } from '../../shared/township/schema'
import { defineArea } from '../core/dispatch'
import { addNote, closeEscalation, getEscalation, listEscalations, orderRectification, recuseCase } from './cases'
import { addIntegrityNote, exportIntegrityFile, integrityFile, integrityFiles, prepareIntegrityExport, villagePosts } from './integrity'
import { duties, figures, rule, safeguards, setDuties, setRule, setSafeguards } from './figures'
import { audit, verifyAudit } from './audit'
import { exportCsv, prepareExport } from './exports'
import { createVillage, importRoster, previewRoster } from './villages'
import { appointments, endAppointment, invite, reissueInvite } from './appointments'
import { retentionTimer } from '../core/retention'
import { sealAudit } from '../core/audit-log'
import { securityLog } from './security-log'

export const townshipArea = defineArea(
  'township',
  townshipContract,
  {
    listEscalations,
    getEscalation,
    addNote,
    orderRectification,
    closeEscalation,
    figures,
    rule,
    setRule,
    safeguards,
    setSafeguards,
    duties,
    setDuties,
    audit,
    verifyAudit,
    securityLog,
    export: exportCsv,
    prepareExport,
    invite,
    reissueInvite,
    appointments,
    endAppointment,
    createVillage,
    previewRoster,
    importRoster,
    integrityFiles,
    integrityFile,
    addIntegrityNote,
    exportIntegrityFile,
    prepareIntegrityExport,
    villagePosts,
    recuseCase,
  },
  async (base) => {
    // The township function's timer: seal the audit log's new entries into their chains, then apply the retention
    // policy (which may delete entries older than it keeps: the chain tells those from deleted ones).
    await sealAudit(base.store, base.clock.now())
    return retentionTimer(base)
  },
)
