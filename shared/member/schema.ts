import { action } from '../contract/action'
import { cloudIdInput } from '../group/schema'
import { todoKinds } from '../todo'
import { inviteRoles } from '../township/rules'
import { z, text, cursor, page, id, optionalText } from '../zod'
import { memberStatuses, appointmentRoles } from './rules'

/**
 * A WeChat user known to the product. `memberId` and `appointmentId` point at
 * the current membership and appointment; both records keep their history.
 */
/**
 * Ids copied from the member and appointment a person names, so that resolving a caller can read those
 * records, the household and the village in one round trip (cloudfunctions/core/actor.ts). Only a hint of
 * what to read together: resolution checks the records themselves, and reads again (and repairs the copy)
 * when it is missing or disagrees. A member's household and village and an appointment's village never
 * change, so the copy changes only with `memberId` and `appointmentId`.
 */
export const personSnapshotSchema = z.object({
  /** the household and village of the member `memberId` names, whatever its status */
  householdId: z.string().nullable(),
  villageId: z.string().nullable(),
  /** the village of the appointment `appointmentId` names (null for township staff), whatever its status */
  postVillageId: z.string().nullable(),
})
export type PersonSnapshot = z.infer<typeof personSnapshotSchema>

export const personSchema = z.object({
  _id: z.string(),
  openid: z.string(),
  name: z.string(),
  memberId: z.string().nullable(),
  appointmentId: z.string().nullable(),
  /** null (or absent, on cloud data written before it) until first written: resolution then repairs it */
  snapshot: personSnapshotSchema.nullable(),
  createdAt: z.string(),
  /**
   * Bumped when the person leaves a post or the village group: the local host refuses its tokens issued at an
   * older version (host/session.ts). Absent reads as 0 (records from before it; no migration needed).
   */
  sessionVersion: z.number().int().optional(),
})
export type Person = z.infer<typeof personSchema>

export const memberSchema = z.object({
  _id: z.string(),
  personId: z.string(),
  name: z.string(),
  villageId: z.string(),
  /** for a request naming a 户号 not on the roster, an id no household has: `unlistedHouseholdId` */
  householdId: z.string(),
  /** the 户号 the person gave when asking to join (absent on records from before it) */
  householdNumber: z.string().optional(),
  /** asked after opening a card from a group bound to this village (从本村监督群进入); missing on older records */
  fromGroup: z.boolean().optional(),
  status: z.enum(memberStatuses),
  requestedAt: z.string(),
  decidedAt: z.string().nullable(),
  decidedBy: z.string().nullable(),
  /** Why the chair rejected or removed; kept for the record. */
  reason: z.string().nullable(),
})
export type Member = z.infer<typeof memberSchema>

export const appointmentSchema = z.object({
  _id: z.string(),
  personId: z.string(),
  role: z.enum(appointmentRoles),
  townshipId: z.string(),
  /** null for township staff, who serve every village of their township. */
  villageId: z.string().nullable(),
  /** e.g. 村党支部书记, 村委会主任, 纪委书记 */
  title: z.string(),
  status: z.enum(['active', 'ended']),
  startedAt: z.string(),
  endedAt: z.string().nullable(),
})
export type Appointment = z.infer<typeof appointmentSchema>

const callerRole = z.enum(['villager', 'chair', 'committee', 'township', 'guest'])

const villageRef = z.object({ villageId: z.string(), name: z.string(), townshipName: z.string() })

const householdRef = z.object({ householdId: z.string(), number: z.string(), headName: z.string() })

export const meOutput = z.object({
  personId: z.string().nullable(),
  name: z.string().nullable(),
  role: callerRole,
  /** e.g. 村务监督委员会主任, 纪委书记; for villagers 户代表 or 家庭成员. */
  title: z.string().nullable(),
  township: z.object({ townshipId: z.string(), name: z.string() }).nullable(),
  village: villageRef.nullable(),
  household: householdRef.nullable(),
  isRepresentative: z.boolean(),
  /** The phone's own folder for uploads to cloud storage (`uploads/<hash of the openid>/`): only uploads from there are adopted. */
  uploadDir: z.string(),
  /** The caller's latest join request, so a guest can see it is waiting or why it was declined. */
  membership: z
    .object({
      memberId: z.string(),
      status: z.enum(memberStatuses),
      village: villageRef,
      household: householdRef,
      requestedAt: z.string(),
      reason: z.string().nullable(),
    })
    .nullable(),
})

const memberView = z.object({
  memberId: z.string(),
  name: z.string(),
  status: z.enum(memberStatuses),
  isRepresentative: z.boolean(),
  requestedAt: z.string(),
  decidedAt: z.string().nullable(),
  reason: z.string().nullable(),
})

const rosterHousehold = z.object({
  householdId: z.string(),
  number: z.string(),
  headName: z.string(),
  groupName: z.string(),
  size: z.number().int(),
  inGroup: z.boolean(),
})

const villageCoverage = z.object({
  villageId: z.string(),
  name: z.string(),
  /** printed on the notice board; villagers type it to ask to join */
  joinCode: z.string(),
  householdsOnRoster: z.number().int(),
  householdsInGroup: z.number().int(),
  /** households in the group per thousand on the roster, rounded down */
  coveragePermille: z.number().int(),
  /** 群内活跃户: households a member of which opened a card from a bound WeChat group in the last 90 days */
  householdsActiveInGroup: z.number().int(),
  /** the village's bound WeChat groups */
  groupsBound: z.number().int(),
})

export const memberContract = {
  me: action(z.object({}), meOutput),
  join: action(
    z
      .object({
        // Any string is a guess that counts against the attempt limit when it names no village (core/attempts.ts).
        // Left out when the caller came from a bound village group: `groupCloudId` then names the village.
        joinCode: z.string({ error: '请填写村加入码' }).trim().optional(),
        /**
         * The cloudID of the group the caller opened a card from (wx.getGroupEnterInfo), resolved on the server:
         * when it is a group bound to the village asked, the request is marked 从本村监督群进入 (`fromGroup`).
         */
        groupCloudId: cloudIdInput.optional(),
        householdNumber: z
          .string({ error: '请填写户号' })
          .trim()
          .regex(/^[0-9A-Za-z-]{1,20}$/, '户号只能是数字、字母或短横线，请照户口簿上的填写'),
        name: text('姓名', 20),
      })
      .refine((input) => input.joinCode !== undefined || input.groupCloudId !== undefined, { message: '请填写村加入码', path: ['joinCode'] }),
    z.object({ memberId: z.string(), status: z.enum(memberStatuses), fromGroup: z.boolean() }),
  ),
  listPending: action(
    z.object({ cursor }),
    /**
     * `onRoster` false: the 户号 given is not on the village's roster (`household` then has it as `number`, no
     * id and no head's name); such a request can only be rejected.
     */
    page(memberView.extend({ household: householdRef, onRoster: z.boolean(), /** 从本村监督群进入 */ fromGroup: z.boolean() })),
  ),
  approve: action(z.object({ memberId: id('成员编号') }), z.object({ memberId: z.string(), isRepresentative: z.boolean() })),
  reject: action(z.object({ memberId: id('成员编号'), reason: optionalText('不通过的原因', 200) }), z.object({ memberId: z.string() })),
  roster: action(
    z.object({
      cursor,
      inGroup: z.boolean({ error: '筛选条件格式不对' }).optional(),
    }),
    page(rosterHousehold),
  ),
  household: action(z.object({ householdId: id('户编号') }), z.object({ household: rosterHousehold, members: z.array(memberView) })),
  setRepresentative: action(z.object({ memberId: id('成员编号') }), z.object({ householdId: z.string(), memberId: z.string() })),
  remove: action(z.object({ memberId: id('成员编号'), reason: text('移出原因', 200) }), z.object({ memberId: z.string(), householdInGroup: z.boolean() })),
  coverage: action(z.object({}), z.object({ villages: z.array(villageCoverage) })),
  /** What the product stores about the caller, in plain words, for the privacy page. */
  myData: action(
    z.object({}),
    z.object({
      name: z.string(),
      since: z.string(),
      village: z.string().nullable(),
      householdNumber: z.string().nullable(),
      title: z.string().nullable(),
      membershipStatus: z.enum(memberStatuses).nullable(),
      feedback: z.number().int(),
      /** 点题: requests for a topic to be disclosed */
      topics: z.number().int(),
      announcementsRead: z.number().int(),
      /** rounds the household took part in; what it chose is stored nowhere with the household */
      householdRoundsVoted: z.number().int(),
      /** the last day a member of the household opened a card from the village's WeChat group (群内活跃户), if any */
      householdLastSeenInGroup: z.string().nullable(),
      /** WeChat groups the caller bound to the village (chairs) */
      groupsBoundByMe: z.number().int(),
    }),
  ),
  /** Takes a post by the invite code township staff gave. */
  acceptInvite: action(
    // Any string is a guess and counts against the attempt limit, whatever its length; only a value that is
    // not a string is refused here (and does not count).
    z.object({ code: z.string({ error: '请输入任命码' }) }),
    z.object({ role: z.enum(inviteRoles), title: z.string() }),
  ),
  /**
   * What the caller's role must act on, counted (待办): join requests, feedback to route or answer,
   * rounds to answer, new cases and reports, overdue feedback. Only the caller's own kinds are listed.
   */
  todo: action(z.object({}), z.object({ items: z.array(z.object({ kind: z.enum(todoKinds), count: z.number().int() })) })),
  /** A villager leaves the group; the household's vote passes to the next member, past ballots stay counted. */
  leave: action(z.object({ reason: optionalText('退出原因', 200) }), z.object({ householdInGroup: z.boolean() })),
}

export type MemberView = z.infer<typeof memberView>
