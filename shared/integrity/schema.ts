import { action } from '../contract/action'
import { attachmentSchema } from '../disclosure/schema'
import { z, id, text, photoInputs } from '../zod'
import { answeredKinds, conflictKinds, handlingStepKinds, MAX_NAMED_CADRES } from './rules'

/**
 * One step of who handles a case or report: a staff member's declaration of a conflict of interest (回避), and the
 * handover to another staff member that follows it. Kept on the item, inside the township.
 */
export const handlingStepSchema = z.object({
  kind: z.enum(handlingStepKinds),
  at: z.string(),
  /** who declared (recused) or who took the item over (handedOver) */
  personId: z.string(),
  name: z.string(),
  title: z.string(),
  /** recused only */
  conflict: z.enum(conflictKinds).nullable(),
  reason: z.string().nullable(),
})
export type HandlingStep = z.infer<typeof handlingStepSchema>

/**
 * Fields a case (escalation) and a report carry for recusal; absent on records from before it.
 * `recusalCount` is a scalar the updates guard on, so two declarations at once cannot overwrite each other.
 */
export const handlingFields = {
  /** the staff member handling it: set by the first step taken on it, or by a handover */
  handlerId: z.string().nullable().optional(),
  /** staff who stepped aside: to them the item does not exist */
  recusedIds: z.array(z.string()).optional(),
  recusalCount: z.number().int().optional(),
  handling: z.array(handlingStepSchema).optional(),
  /** the village cadres' posts (appointment ids) a substantiated finding names, given when it is concluded */
  findingAppointmentIds: z.array(z.string()).optional(),
}

/** A dated note a staff member adds to a cadre's integrity file, with optional photos (private, like a report's). */
export const integrityNoteSchema = z.object({
  _id: z.string(),
  townshipId: z.string(),
  personId: z.string(),
  at: z.string(),
  text: z.string(),
  attachments: z.array(attachmentSchema),
  by: z.object({ personId: z.string(), name: z.string(), title: z.string() }),
})
export type IntegrityNote = z.infer<typeof integrityNoteSchema>

/** Who handles an item and how it came to them, as staff read it. */
export const handlingView = {
  handler: z.object({ personId: z.string(), name: z.string(), title: z.string() }).nullable(),
  handling: z.array(handlingStepSchema),
  /** the cadres the finding names (empty until concluded, or when it names nobody) */
  namedCadres: z.array(z.object({ appointmentId: z.string(), name: z.string(), title: z.string() })),
}

/** Naming cadres when a case closes or a report concludes: appointment ids of the item's village. */
export const findingInput = {
  findingAppointmentIds: z.array(id('职务编号'), { error: '被查实的村干部格式不对' }).max(MAX_NAMED_CADRES, `最多选${MAX_NAMED_CADRES}位村干部`).optional(),
}

export const recusalInput = {
  conflict: z.enum(conflictKinds, { error: '请选择回避原因：亲属、曾在该村任职或其他' }),
  reason: text('回避说明', 200),
}
export const recusalOutput = z.object({
  /** the staff member who handles it now (a person id, so the audit entry names the handover) */
  handlerId: z.string(),
  handlerName: z.string(),
})

const post = z.object({
  appointmentId: z.string(),
  villageId: z.string(),
  villageName: z.string(),
  role: z.enum(['chair', 'committee']),
  title: z.string(),
  status: z.enum(['active', 'ended']),
  startedAt: z.string(),
  endedAt: z.string().nullable(),
})

const counts = z.object({ cases: z.number().int(), reports: z.number().int(), rounds: z.number().int(), notes: z.number().int() })
const personId = { personId: id('人员编号') }

const fileView = z.object({
  personId: z.string(),
  name: z.string(),
  posts: z.array(post),
  /** concluded cases whose finding names one of the person's posts */
  cases: z.array(
    z.object({
      escalationId: z.string(),
      villageName: z.string(),
      subjectTitle: z.string(),
      cycle: z.number().int(),
      openedAt: z.string(),
      closedAt: z.string(),
      conclusion: z.string(),
      rectification: z.object({ what: z.string(), dueAt: z.string(), at: z.string() }).nullable(),
      villageReport: z.object({ text: z.string(), at: z.string() }).nullable(),
      /** which of the person's posts the finding names */
      postTitles: z.array(z.string()),
    }),
  ),
  /** concluded reports whose finding names one of the person's posts: the finding only, never the reporter */
  reports: z.array(z.object({ reportId: z.string(), villageName: z.string(), concludedAt: z.string(), outcome: z.string(), postTitles: z.array(z.string()) })),
  /** rounds over the threshold on subjects the person answered for */
  rounds: z.array(
    z.object({
      roundId: z.string(),
      villageName: z.string(),
      title: z.string(),
      subjectTitle: z.string(),
      closedAt: z.string(),
      dissatisfied: z.number().int(),
      cast: z.number().int(),
      answeredAs: z.array(z.enum(answeredKinds)),
      answer: z.object({ text: z.string(), at: z.string(), name: z.string(), title: z.string() }).nullable(),
    }),
  ),
  notes: z.array(
    z.object({
      noteId: z.string(),
      at: z.string(),
      text: z.string(),
      by: z.object({ name: z.string(), title: z.string() }),
      attachments: z.array(attachmentSchema.extend({ url: z.string() })),
    }),
  ),
})
export type IntegrityFileView = z.infer<typeof fileView>

/** The township's actions for integrity files and recusal of a case; spread into townshipContract. */
export const integrityContract = {
  /** The township's village cadres (every chair and committee post, current and past), with what each file holds. */
  integrityFiles: action(z.object({}), z.object({ cadres: z.array(z.object({ personId: z.string(), name: z.string(), posts: z.array(post), counts })) })),
  integrityFile: action(z.object(personId), fileView),
  addIntegrityNote: action(z.object({ ...personId, text: text('记录内容', 1000), photos: photoInputs(3) }), z.object({ noteId: z.string() })),
  /** The file as CSV (UTF-8 with a byte-order mark, Beijing time), like township.export. */
  exportIntegrityFile: action(z.object(personId), z.object({ filename: z.string(), csv: z.string() })),
  /** The same CSV written to a private export file for WeChat, as township.prepareExport (deleted a day later). */
  prepareIntegrityExport: action(z.object(personId), z.object({ filename: z.string(), fileId: z.string(), url: z.string(), expiresAt: z.string(), rows: z.number().int() })),
  /** A village's chair and committee posts, current and past: the choices for naming cadres in a finding. */
  villagePosts: action(
    z.object({ villageId: id('村编号') }),
    z.object({
      posts: z.array(
        z.object({ appointmentId: z.string(), name: z.string(), title: z.string(), status: z.enum(['active', 'ended']), startedAt: z.string(), endedAt: z.string().nullable() }),
      ),
    }),
  ),
  /** 回避: the caller steps aside from a case; another staff member takes it over, and the caller no longer sees it. */
  recuseCase: action(z.object({ escalationId: id('案件编号'), ...recusalInput }), recusalOutput),
}
