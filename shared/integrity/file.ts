/**
 * The integrity file (廉政档案) of one village cadre, assembled from the record: pure, zod-free (types only).
 * Only substantiated findings: closed cases and concluded reports whose finding names one of the cadre's posts,
 * and closed rounds over the threshold on subjects the cadre answered for. Open items and allegations never enter;
 * nothing of a report's reporter is read.
 */
import type { Escalation, Round } from '../evaluation/schema'
import type { Report } from '../report/schema'
import type { Appointment } from '../member/schema'
import type { Decision, Disclosure } from '../disclosure/schema'
import type { IntegrityNote } from './schema'
import { answeredFor, namesAny } from './rules'
import { subjectKeyOf } from '../evaluation/rules'

export interface FileSources {
  villageNames: ReadonlyMap<string, string>
  /** closed cases, concluded reports, closed rounds (any outcome) of the township */
  cases: readonly Escalation[]
  reports: readonly Report[]
  rounds: readonly Round[]
  /** the rounds' subjects by subject key */
  subjects: ReadonlyMap<string, Disclosure | Decision>
  notes: readonly IntegrityNote[]
}

export type VillagePost = Appointment & { villageId: string; role: 'chair' | 'committee' }

export function integrityFileOf(personId: string, name: string, posts: readonly VillagePost[], from: FileSources) {
  const ids = new Set(posts.map((p) => p._id))
  const titlesOf = (named: readonly string[] | undefined) => posts.filter((p) => (named ?? []).includes(p._id)).map((p) => p.title)
  const village = (id: string) => from.villageNames.get(id) ?? ''
  const cases = from.cases
    .filter((e) => e.status === 'closed' && e.closedAt && e.closedBy && namesAny(e.findingAppointmentIds, ids))
    .map((e) => ({
      escalationId: e._id,
      villageName: village(e.villageId),
      subjectTitle: e.subject.title,
      cycle: e.cycle,
      openedAt: e.openedAt,
      closedAt: e.closedAt!,
      conclusion: e.closedBy!.conclusion,
      rectification: e.rectification && { what: e.rectification.what, dueAt: e.rectification.dueAt, at: e.rectification.at },
      villageReport: e.villageReport && { text: e.villageReport.text, at: e.villageReport.at },
      postTitles: titlesOf(e.findingAppointmentIds),
    }))
  const reports = from.reports
    .filter((r) => r.status === 'concluded' && r.outcome !== null && namesAny(r.findingAppointmentIds, ids))
    .map((r) => ({
      reportId: r._id,
      villageName: village(r.villageId),
      concludedAt: r.steps.find((s) => s.kind === 'concluded')?.at ?? '',
      outcome: r.outcome!,
      postTitles: titlesOf(r.findingAppointmentIds),
    }))
  const villages = new Set(posts.map((p) => p.villageId))
  const rounds = from.rounds.flatMap((r) => {
    if (r.status !== 'closed' || r.outcome !== 'over' || !r.closedAt || !villages.has(r.villageId)) return []
    const answeredAs = answeredFor(personId, r, from.subjects.get(subjectKeyOf(r.subject)) ?? null)
    if (answeredAs.length === 0) return []
    return [
      {
        roundId: r._id,
        villageName: village(r.villageId),
        title: r.title,
        subjectTitle: r.subject.title,
        closedAt: r.closedAt,
        dissatisfied: r.tally?.dissatisfied ?? 0,
        cast: r.tally?.cast ?? 0,
        answeredAs,
        answer: r.answer && { text: r.answer.text, at: r.answer.at, name: r.answer.name, title: r.answer.title },
      },
    ]
  })
  const notes = from.notes.filter((n) => n.personId === personId)
  const newestFirst = <T>(items: T[], at: (t: T) => string) => items.sort((a, b) => at(b).localeCompare(at(a)))
  return {
    personId,
    name,
    posts: posts.map((p) => ({
      appointmentId: p._id,
      villageId: p.villageId,
      villageName: village(p.villageId),
      role: p.role,
      title: p.title,
      status: p.status,
      startedAt: p.startedAt,
      endedAt: p.endedAt,
    })),
    cases: newestFirst(cases, (c) => c.closedAt),
    reports: newestFirst(reports, (r) => r.concludedAt),
    rounds: newestFirst(rounds, (r) => r.closedAt),
    notes: newestFirst([...notes], (n) => n.at),
  }
}
