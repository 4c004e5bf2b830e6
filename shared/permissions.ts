import type { CallerRole } from './roles'

/**
 * Whose data an action works on. Handlers enforce the scope; this table says
 * what each action promises, and the permission suite walks it.
 * - self: the caller's own records
 * - village: the caller's village (township staff: a village of their township)
 * - township: every village of the caller's township
 * - district: lists shared by the whole district
 * - public: what any village shows to anyone (its page opened by QR code)
 */
export type DataScope = 'self' | 'village' | 'township' | 'district' | 'public'

export interface Permission {
  roles: readonly CallerRole[]
  scope: DataScope
  /** Writes are audited and replay-safe; reads are not. */
  writes: boolean
  /**
   * Callers outside `roles` are told "not found" rather than "forbidden", so
   * they cannot even learn that such records exist (misconduct reports).
   */
  conceal?: true
  /** The audit log records that it happened but not who did it or what it touched (an anonymous report). */
  auditAnonymously?: true
  /**
   * The audit entry keeps the Beijing day, not the moment: a vote's or an
   * anonymous report's time could be lined up with other records to undo the
   * secret ballot or the anonymity.
   */
  auditDayOnly?: true
  /**
   * A read recorded in the audit log like a write (who read which record, by the ids the caller gave): the
   * sensitive reads (a report, the township's export). Nothing of the answer is recorded.
   */
  auditReads?: true
}

const villageReaders = ['villager', 'chair', 'committee', 'township'] as const

export const permissions = {
  'member.me': { roles: ['guest', ...villageReaders], scope: 'self', writes: false },
  'member.join': { roles: ['guest', 'villager'], scope: 'self', writes: true },
  'member.listPending': { roles: ['chair'], scope: 'village', writes: false },
  'member.approve': { roles: ['chair'], scope: 'village', writes: true },
  'member.reject': { roles: ['chair'], scope: 'village', writes: true },
  'member.roster': { roles: ['chair'], scope: 'village', writes: false },
  'member.household': { roles: ['chair'], scope: 'village', writes: false },
  'member.setRepresentative': { roles: ['chair'], scope: 'village', writes: true },
  'member.remove': { roles: ['chair'], scope: 'village', writes: true },
  'member.coverage': { roles: ['chair', 'township'], scope: 'township', writes: false },
  'member.myData': { roles: ['guest', 'villager', 'chair', 'committee', 'township'], scope: 'self', writes: false },
  'member.leave': { roles: ['villager'], scope: 'self', writes: true },
  'member.todo': { roles: ['chair', 'committee', 'township'], scope: 'self', writes: false },
  'member.acceptInvite': { roles: ['guest', ...villageReaders], scope: 'self', writes: true },

  'power.categories': { roles: villageReaders, scope: 'village', writes: false },
  'power.list': { roles: villageReaders, scope: 'village', writes: false },
  'power.get': { roles: villageReaders, scope: 'village', writes: false },
  'power.responsibilities': { roles: villageReaders, scope: 'district', writes: false },
  'power.prohibitions': { roles: villageReaders, scope: 'district', writes: false },
  'power.history': { roles: villageReaders, scope: 'village', writes: false },
  'power.catalog': { roles: ['committee'], scope: 'village', writes: false },
  'power.select': { roles: ['committee'], scope: 'village', writes: true },
  // The township's featured list is its staff's; the district list is the operator's (npm run admin -- import-power-list).
  'power.townshipItems': { roles: ['township'], scope: 'township', writes: false },
  'power.townshipItem': { roles: ['township'], scope: 'township', writes: false },
  'power.saveTownshipItem': { roles: ['township'], scope: 'township', writes: true },
  'power.removeTownshipItem': { roles: ['township'], scope: 'township', writes: true },
  'power.previewTownshipImport': { roles: ['township'], scope: 'township', writes: false },
  'power.importTownshipItems': { roles: ['township'], scope: 'township', writes: true },
  'power.itemHistory': { roles: villageReaders, scope: 'village', writes: false },
  'power.exportList': { roles: ['township'], scope: 'township', writes: false },
  // Like township.prepareExport: writes a file, so it is audited with the file's id, which a later prepare deletes.
  'power.prepareExportList': { roles: ['township'], scope: 'township', writes: true },

  'disclosure.list': { roles: villageReaders, scope: 'village', writes: false },
  'disclosure.search': { roles: villageReaders, scope: 'village', writes: false },
  'disclosure.get': { roles: villageReaders, scope: 'village', writes: false },
  'disclosure.verify': { roles: villageReaders, scope: 'village', writes: false },
  'disclosure.publish': { roles: ['committee'], scope: 'village', writes: true },
  'disclosure.revise': { roles: ['committee'], scope: 'village', writes: true },
  'disclosure.duties': { roles: ['chair', 'committee', 'township'], scope: 'village', writes: false },
  'disclosure.decisions': { roles: villageReaders, scope: 'village', writes: false },
  'disclosure.decision': { roles: villageReaders, scope: 'village', writes: false },
  'disclosure.recordDecisionStep': { roles: ['committee'], scope: 'village', writes: true },
  'disclosure.figures': { roles: ['chair', 'township'], scope: 'village', writes: false },
  'disclosure.publicVillage': { roles: ['guest', ...villageReaders], scope: 'public', writes: false },
  'disclosure.publicList': { roles: ['guest', ...villageReaders], scope: 'public', writes: false },
  'disclosure.publicGet': { roles: ['guest', ...villageReaders], scope: 'public', writes: false },
  'disclosure.villageCode': { roles: ['chair'], scope: 'village', writes: false },

  'announcement.push': { roles: ['chair'], scope: 'village', writes: true },
  'announcement.list': { roles: ['villager', 'chair', 'committee'], scope: 'village', writes: false },
  'announcement.open': { roles: ['villager', 'chair', 'committee'], scope: 'village', writes: true },
  'announcement.reach': { roles: ['chair'], scope: 'village', writes: false },
  // Villagers subscribe to announcements, township staff to escalation cases (the handler checks the topic).
  'announcement.subscribe': { roles: ['villager', 'township'], scope: 'self', writes: true },
  'announcement.subscription': { roles: ['villager', 'township'], scope: 'self', writes: false },
  'announcement.unread': { roles: ['chair'], scope: 'village', writes: false },
  'announcement.remind': { roles: ['chair'], scope: 'village', writes: true },

  'feedback.submit': { roles: ['villager'], scope: 'self', writes: true },
  'feedback.mine': { roles: ['villager'], scope: 'self', writes: false },
  'feedback.inbox': { roles: ['chair', 'committee'], scope: 'village', writes: false },
  'feedback.route': { roles: ['chair'], scope: 'village', writes: true },
  'feedback.assignees': { roles: ['chair'], scope: 'village', writes: false },
  'feedback.reply': { roles: ['committee'], scope: 'village', writes: true },
  'feedback.confirm': { roles: ['villager'], scope: 'self', writes: true },
  'feedback.reopen': { roles: ['villager'], scope: 'self', writes: true },
  'feedback.overdue': { roles: ['township'], scope: 'township', writes: false },
  'feedback.remind': { roles: ['township'], scope: 'township', writes: true },
  'feedback.onDisclosure': { roles: ['villager', 'chair', 'committee'], scope: 'village', writes: false },
  'feedback.figures': { roles: ['chair', 'township'], scope: 'township', writes: false },
  'feedback.settings': { roles: ['township'], scope: 'township', writes: false },
  'feedback.setReplyDays': { roles: ['township'], scope: 'township', writes: true },

  // 点题公开: group members ask; the chair alone sees who asked and decides; the committees see forwarded
  // topics as duties (no name); the township sees duties and figures.
  'topic.ask': { roles: ['villager'], scope: 'self', writes: true },
  'topic.mine': { roles: ['villager'], scope: 'self', writes: false },
  'topic.inbox': { roles: ['chair'], scope: 'village', writes: false },
  'topic.forward': { roles: ['chair'], scope: 'village', writes: true },
  'topic.decline': { roles: ['chair'], scope: 'village', writes: true },
  'topic.duties': { roles: ['chair', 'committee', 'township'], scope: 'village', writes: false },
  'topic.figures': { roles: ['chair', 'township'], scope: 'township', writes: false },

  'evaluation.openRound': { roles: ['chair'], scope: 'village', writes: true },
  // The chair votes only as a member of a meeting's panel (评议团); households vote through their representative.
  'evaluation.castBallot': { roles: ['villager', 'chair'], scope: 'self', writes: true, auditDayOnly: true },
  // Two officials each enter a panel round's paper ballot counts (evaluation/paper-entry.ts).
  'evaluation.roundCode': { roles: ['chair'], scope: 'village', writes: false },
  'evaluation.enterPaper': { roles: ['chair', 'committee', 'township'], scope: 'village', writes: true },
  'evaluation.closeRound': { roles: ['chair'], scope: 'village', writes: true },
  'evaluation.answerRound': { roles: ['committee'], scope: 'village', writes: true },
  'evaluation.getRound': { roles: villageReaders, scope: 'village', writes: false },
  'evaluation.listRounds': { roles: villageReaders, scope: 'village', writes: false },
  'evaluation.subjectHistory': { roles: villageReaders, scope: 'village', writes: false },
  'evaluation.proxies': { roles: ['villager'], scope: 'self', writes: false },
  'evaluation.grantProxy': { roles: ['villager'], scope: 'self', writes: true },
  'evaluation.revokeProxy': { roles: ['villager'], scope: 'self', writes: true },
  'evaluation.reportRectification': { roles: ['committee'], scope: 'village', writes: true },

  'township.listEscalations': { roles: ['township'], scope: 'township', writes: false },
  'township.getEscalation': { roles: ['township'], scope: 'township', writes: false },
  'township.addNote': { roles: ['township'], scope: 'township', writes: true },
  'township.orderRectification': { roles: ['township'], scope: 'township', writes: true },
  'township.closeEscalation': { roles: ['township'], scope: 'township', writes: true },
  'township.figures': { roles: ['township'], scope: 'township', writes: false },
  'township.rule': { roles: ['township'], scope: 'township', writes: false },
  'township.setRule': { roles: ['township'], scope: 'township', writes: true },
  'township.safeguards': { roles: ['township'], scope: 'township', writes: false },
  'township.setSafeguards': { roles: ['township'], scope: 'township', writes: true },
  'township.audit': { roles: ['township'], scope: 'township', writes: false },
  'township.verifyAudit': { roles: ['township'], scope: 'township', writes: false },
  'township.duties': { roles: ['township'], scope: 'township', writes: false },
  'township.setDuties': { roles: ['township'], scope: 'township', writes: true },
  'township.invite': { roles: ['township'], scope: 'township', writes: true },
  'township.reissueInvite': { roles: ['township'], scope: 'township', writes: true },
  'township.securityLog': { roles: ['township'], scope: 'township', writes: false },
  'township.appointments': { roles: ['township'], scope: 'township', writes: false },
  'township.endAppointment': { roles: ['township'], scope: 'township', writes: true },
  'township.createVillage': { roles: ['township'], scope: 'township', writes: true },
  'township.previewRoster': { roles: ['township'], scope: 'village', writes: false },
  'township.importRoster': { roles: ['township'], scope: 'village', writes: true },
  'township.export': { roles: ['township'], scope: 'township', writes: false, auditReads: true },
  // Writes a file (and so is audited, with the file's id): deleted a day later by a later prepare.
  'township.prepareExport': { roles: ['township'], scope: 'township', writes: true },
  // 廉政档案 and 回避 (issue 20 item 5): the township's alone; any other role is told "not found", like reports.
  'township.integrityFiles': { roles: ['township'], scope: 'township', writes: false, conceal: true },
  'township.integrityFile': { roles: ['township'], scope: 'township', writes: false, conceal: true, auditReads: true },
  'township.addIntegrityNote': { roles: ['township'], scope: 'township', writes: true, conceal: true },
  'township.exportIntegrityFile': { roles: ['township'], scope: 'township', writes: false, conceal: true, auditReads: true },
  // Writes a file (audited with the cadre's and the file's ids), deleted a day later by a later prepare, as prepareExport.
  'township.prepareIntegrityExport': { roles: ['township'], scope: 'township', writes: true, conceal: true },
  'township.villagePosts': { roles: ['township'], scope: 'village', writes: false },
  'township.recuseCase': { roles: ['township'], scope: 'township', writes: true },

  // The village WeChat group (issue 19). Opening a card from a group keeps only the household's last day seen (群内
  // 活跃户) and is not audited: an entry per open would be the very log of who opened what that the design leaves out.
  'group.bind': { roles: ['chair'], scope: 'village', writes: true },
  'group.list': { roles: ['chair'], scope: 'village', writes: false },
  'group.unbind': { roles: ['chair'], scope: 'village', writes: true },
  'group.opened': { roles: ['guest', ...villageReaders], scope: 'self', writes: false },
  'group.roundCard': { roles: villageReaders, scope: 'village', writes: false },

  // The village meeting (村情发布会): scheduled and recorded by the chair, part of the village's public record.
  'meeting.schedule': { roles: ['chair'], scope: 'village', writes: true },
  'meeting.list': { roles: villageReaders, scope: 'village', writes: false },
  'meeting.get': { roles: villageReaders, scope: 'village', writes: false },
  'meeting.record': { roles: ['chair'], scope: 'village', writes: true },
  'meeting.cancel': { roles: ['chair'], scope: 'village', writes: true },
  'meeting.setPanel': { roles: ['chair'], scope: 'village', writes: true },
  'meeting.panelCandidates': { roles: ['chair'], scope: 'village', writes: false },

  'report.file': { roles: ['villager'], scope: 'self', writes: true, conceal: true, auditAnonymously: true, auditDayOnly: true },
  'report.track': { roles: ['villager', 'guest'], scope: 'self', writes: false, conceal: true },
  'report.inbox': { roles: ['township'], scope: 'township', writes: false, conceal: true },
  'report.get': { roles: ['township'], scope: 'township', writes: false, conceal: true, auditReads: true },
  'report.acknowledge': { roles: ['township'], scope: 'township', writes: true, conceal: true },
  'report.note': { roles: ['township'], scope: 'township', writes: true, conceal: true },
  'report.conclude': { roles: ['township'], scope: 'township', writes: true, conceal: true },
  'report.figures': { roles: ['township'], scope: 'township', writes: false, conceal: true },
  'report.recuse': { roles: ['township'], scope: 'township', writes: true, conceal: true },
} as const satisfies Record<string, Permission>

export type QualifiedAction = keyof typeof permissions

export function permissionOf(area: string, action: string): Permission | undefined {
  return (permissions as Record<string, Permission>)[`${area}.${action}`]
}

/** The actions whose audit entries keep only the day. */
export const auditedByDay: ReadonlySet<string> = new Set(Object.entries(permissions as Record<string, Permission>).flatMap(([action, p]) => (p.auditDayOnly ? [action] : [])))
