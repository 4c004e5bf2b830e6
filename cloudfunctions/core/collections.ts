import type { Township, Village, Household, Invite, AttemptCounter, SecurityEntry } from '../../shared/township/schema'
import type { Person, Member, Appointment } from '../../shared/member/schema'
import type { PowerCategory, PowerItem, PowerSelection, PowerChange, Responsibility, Prohibition, PowerItemVersion } from '../../shared/power/schema'
import type { Disclosure, Revision, Decision } from '../../shared/disclosure/schema'
import type { Feedback } from '../../shared/feedback/schema'
import type { Topic } from '../../shared/topic/schema'
import type { Report } from '../../shared/report/schema'
import type { AuditEntry } from '../../shared/audit/schema'
import type { AuditHead, AuditSeal } from '../../shared/audit/chain'
import type { Ballot, Escalation, PaperCount, Participation, Proxy, Round } from '../../shared/evaluation/schema'
import type { Announcement, AnnouncementReach, AnnouncementSeen, Notification, Subscription } from '../../shared/announcement/schema'
import type { GroupBinding, GroupSeen, RoundCard } from '../../shared/group/schema'
import type { IntegrityNote } from '../../shared/integrity/schema'
import type { Meeting } from '../../shared/meeting/schema'

/**
 * Index entry: disclosure `disclosureId` has bigram `term` in its title or line items. It carries the
 * disclosure's kind and section (neither changes after publication) so search filters by them in the query.
 */
export interface DisclosureTerm {
  _id: string
  villageId: string
  term: string
  kind: Disclosure['kind']
  section: Disclosure['section']
  publishedAt: string
  disclosureId: string
}

/** Every collection the product stores, with its document type. */
export interface Collections {
  township: Township
  village: Village
  household: Household
  person: Person
  member: Member
  appointment: Appointment
  power_category: PowerCategory
  power_item: PowerItem
  power_selection: PowerSelection
  power_change: PowerChange
  power_item_version: PowerItemVersion
  responsibility: Responsibility
  prohibition: Prohibition
  disclosure: Disclosure
  disclosure_revision: Revision
  disclosure_term: DisclosureTerm
  decision: Decision
  announcement: Announcement
  announcement_seen: AnnouncementSeen
  announcement_reach: AnnouncementReach
  subscription: Subscription
  notification: Notification
  feedback: Feedback
  topic: Topic
  report: Report
  round: Round
  participation: Participation
  ballot: Ballot
  escalation: Escalation
  proxy: Proxy
  audit: AuditEntry
  audit_seal: AuditSeal
  audit_head: AuditHead
  invite: Invite
  attempt: AttemptCounter
  security_log: SecurityEntry
  group_binding: GroupBinding
  meeting: Meeting
  paper_count: PaperCount
  group_seen: GroupSeen
  round_card: RoundCard
  integrity_note: IntegrityNote
}

export type CollectionName = keyof Collections

export interface CollectionSpec {
  /** Fields that queries filter or sort on; each list is one compound index. */
  indexes: readonly (readonly string[])[]
  /** Field sets that must be unique across the collection (besides `_id`). */
  unique: readonly (readonly string[])[]
}

/** Every field some index (or unique key) covers: the fields a query may filter or sort on. */
export function indexedFields(spec: CollectionSpec): Set<string> {
  return new Set([...spec.indexes.flat(), ...spec.unique.flat()])
}

/**
 * Every query sorts by (field, _id) (the cursor needs a total order; core/store.ts), and the cloud database
 * serves a sort from an index only when the index holds both: so every index ends with `_id`.
 */
const sorted = (...indexes: (readonly string[])[]): (readonly string[])[] => indexes.map((fields) => (fields.at(-1) === '_id' ? fields : [...fields, '_id']))

/**
 * The indexes each collection needs. The SQLite adapter builds them in its
 * migrations; the README lists them for the cloud console. A query may only
 * filter and sort on indexed fields, so every read is served by an index.
 */
export const collectionSpecs: Record<CollectionName, CollectionSpec> = {
  township: { indexes: [], unique: [] },
  village: { indexes: sorted(['townshipId', 'name']), unique: [['joinCode']] },
  household: {
    indexes: sorted(['villageId', 'number'], ['villageId', 'inGroup', 'number']),
    unique: [['villageId', 'number']],
  },
  person: { indexes: sorted(['name']), unique: [['openid']] },
  member: {
    indexes: sorted(['villageId', 'status', 'requestedAt'], ['householdId', 'requestedAt'], ['personId', 'requestedAt']),
    unique: [],
  },
  appointment: { indexes: sorted(['villageId', 'role'], ['townshipId', 'role'], ['personId', 'startedAt']), unique: [] },
  power_category: { indexes: sorted(['order']), unique: [] },
  power_item: { indexes: sorted(['level', 'code'], ['townshipId', 'code']), unique: [] },
  power_selection: {
    indexes: sorted(['villageId', 'selected'], ['itemId', 'selected'], ['villageId', 'needsReview']),
    unique: [['villageId', 'itemId']],
  },
  power_change: { indexes: sorted(['villageId', 'at']), unique: [] },
  power_item_version: { indexes: sorted(['itemId', 'version']), unique: [] },
  responsibility: { indexes: sorted(['post', 'order']), unique: [] },
  prohibition: { indexes: sorted(['order']), unique: [] },
  disclosure: {
    indexes: sorted(
      ['villageId', 'publishedAt'],
      ['villageId', 'kind', 'publishedAt'],
      ['villageId', 'section', 'publishedAt'],
      ['villageId', 'kind', 'section', 'publishedAt'],
      ['villageId', 'corrected', 'publishedAt'],
      ['villageId', 'public', 'publishedAt'],
      ['villageId', 'public', 'kind', 'publishedAt'],
      ['villageId', 'public', 'section', 'publishedAt'],
      ['villageId', 'public', 'kind', 'section', 'publishedAt'],
    ),
    unique: [],
  },
  disclosure_revision: { indexes: sorted(['villageId', 'at']), unique: [['disclosureId', 'revision']] },
  disclosure_term: {
    indexes: sorted(
      ['villageId', 'term', 'publishedAt'],
      ['villageId', 'term', 'kind', 'publishedAt'],
      ['villageId', 'term', 'section', 'publishedAt'],
      ['villageId', 'term', 'kind', 'section', 'publishedAt'],
    ),
    unique: [],
  },
  decision: { indexes: sorted(['villageId', 'updatedAt']), unique: [] },
  announcement: { indexes: sorted(['villageId', 'publishedAt']), unique: [] },
  announcement_seen: { indexes: sorted(['personId', 'announcementId']), unique: [] },
  announcement_reach: { indexes: sorted(['announcementId', 'householdId'], ['announcementId', 'via']), unique: [] },
  subscription: { indexes: sorted(['villageId', 'remaining']), unique: [] },
  notification: { indexes: sorted(['status', 'nextAttemptAt'], ['subject', 'status'], ['createdAt']), unique: [] },
  feedback: {
    indexes: sorted(
      ['personId', 'submittedAt'],
      ['villageId', 'submittedAt'],
      ['villageId', 'status', 'submittedAt'],
      ['routedToId', 'submittedAt'],
      ['routedToId', 'status', 'submittedAt'],
      ['villageId', 'status', 'dueAt'],
      ['aboutId', 'submittedAt'],
      ['status', 'submittedAt'],
    ),
    unique: [],
  },
  // 点题: the requester's own, the chair's list (all or by status), and the forwarded ones by due time.
  topic: {
    indexes: sorted(['personId', 'askedAt'], ['villageId', 'askedAt'], ['villageId', 'status', 'askedAt'], ['villageId', 'status', 'dueAt']),
    unique: [],
  },
  report: {
    indexes: sorted(['townshipId', 'filedAt'], ['townshipId', 'status', 'filedAt'], ['villageId', 'filedAt'], ['villageId', 'status', 'filedAt']),
    unique: [['trackingCode']],
  },
  round: {
    indexes: sorted(
      ['villageId', 'openedAt'],
      ['villageId', 'status', 'openedAt'],
      ['meetingId', 'openedAt'],
      ['villageId', 'status', 'closedAt'],
      ['villageId', 'outcome', 'answer'],
      ['subjectKey', 'seq'],
      ['subjectKey', 'status', 'seq'],
      ['status', 'closesAt'],
    ),
    unique: [['openKey']],
  },
  participation: { indexes: sorted(['roundId', 'at'], ['roundId', 'byProxy'], ['householdId', 'at']), unique: [] },
  ballot: { indexes: sorted(['roundId', 'choice', '_id']), unique: [['roundId', 'receipt']] },
  escalation: {
    indexes: sorted(
      ['townshipId', 'openedAt'],
      ['townshipId', 'status', 'openedAt'],
      ['villageId', 'openedAt'],
      ['villageId', 'status', 'openedAt'],
      ['subjectKey', 'cycle'],
      ['subjectKey', 'status', 'cycle'],
    ),
    unique: [],
  },
  proxy: { indexes: sorted(['householdId', 'createdAt'], ['toMemberId', 'status']), unique: [['activeKey']] },
  audit: {
    indexes: sorted(
      ['townshipId', 'at'],
      ['villageId', 'at'],
      ['personId', 'at'],
      ['townshipId', 'action', 'at'],
      // the timer finds what is not sealed yet (shared/audit/chain.ts)
      ['seal', 'at'],
    ),
    unique: [],
  },
  audit_seal: { indexes: sorted(['chain', 'seq']), unique: [] },
  audit_head: { indexes: [], unique: [] },
  invite: { indexes: sorted(['townshipId', 'createdAt']), unique: [] },
  // Failed-guess counters, read by key only (core/attempts.ts); `hour` lets old ones be found.
  attempt: { indexes: sorted(['hour']), unique: [] },
  security_log: { indexes: sorted(['at']), unique: [] },
  // The village's WeChat groups (issue 19): by village, and by who bound them (我的信息).
  meeting: { indexes: sorted(['villageId', 'startsAt']), unique: [] },
  // Read by id only (<round>:entry, <round>:confirmation).
  paper_count: { indexes: [], unique: [] },
  group_binding: { indexes: sorted(['villageId', 'status', 'boundAt'], ['boundBy', 'boundAt']), unique: [] },
  // 群内活跃户: a village's households by the last day seen, newest first until 90 days back.
  group_seen: { indexes: sorted(['villageId', 'day']), unique: [] },
  // The timer finds the cards still live (to update, renew or switch to final).
  round_card: { indexes: sorted(['state', 'createdAt']), unique: [] },
  // Notes staff add to a village cadre's integrity file (廉政档案): by person within the township, and all of a township's.
  integrity_note: { indexes: sorted(['townshipId', 'personId', 'at'], ['townshipId', 'at']), unique: [] },
}
