import type { QualifiedAction } from '../../shared/permissions'
import type { Role } from '../../shared/roles'
import { addNeighbourTownship, callerFor, expectOk, seededStore, testClock, type TestStore } from './harness'
import { sampleInput } from './samples'
import { importRosterFile } from './roster'

/** The records of one village that actions name, each made through the actions themselves. */
export interface VillageRecords {
  villageId: string
  joinCode: string
  pendingMemberId: string
  memberId: string
  householdId: string
  disclosureId: string
  decisionId: string
  announcementId: string
  feedbackId: string
  /** a villager's 点题, still waiting for the chair */
  topicId: string
  /** a 村情发布会 scheduled for three days on */
  meetingId: string
  /** an open round */
  roundId: string
  escalationId: string
  reportId: string
  trackingCode: string
  appointmentId: string
  /** the person holding a committee post of the village: their 廉政档案 */
  cadrePersonId: string
  /** an item of the township's featured list */
  featuredItemId: string
}

export interface Village {
  name: string
  townshipId: string
  /** who calls, by role: people of this village, and staff of its township */
  openids: Record<Role, string>
  records: VillageRecords
  /** anything in a response that would show this village's (or its township's) data */
  markers: RegExp
}

export interface World {
  store: TestStore
  clock: ReturnType<typeof testClock>
  /** 石桥村 and 柳树湾村 of 石桥镇, and 北苑村 of a second township, 北苑镇 */
  shiqiao: Village
  liushu: Village
  beiyuan: Village
}

/** Which record of the village each placeholder of the sample inputs stands for. */
const placeholders: Record<string, keyof VillageRecords> = {
  'v-shiqiao': 'villageId',
  SHIQIAO: 'joinCode',
  'm-shiqiao-0107-1': 'pendingMemberId',
  'm-shiqiao-0108-1': 'pendingMemberId',
  'h-shiqiao-0003': 'householdId',
  'm-shiqiao-0003-1': 'memberId',
  'm-shiqiao-0005-1': 'memberId',
  'm-none': 'memberId',
  'd-shiqiao-001': 'disclosureId',
  'd-shiqiao-002': 'disclosureId',
  'dc-shiqiao-1': 'decisionId',
  'an-shiqiao-1': 'announcementId',
  'fb-none': 'feedbackId',
  'tp-none': 'topicId',
  'mt-none': 'meetingId',
  'rd-none': 'roundId',
  'es-none': 'escalationId',
  'rp-none': 'reportId',
  'AAAA-BBBB-CCCC': 'trackingCode',
  'a-none': 'appointmentId',
  'p-shiqiao-director': 'cadrePersonId',
  'pw-t-01': 'featuredItemId',
}

const substitute = (value: unknown, records: VillageRecords): unknown =>
  typeof value === 'string' && value in placeholders
    ? records[placeholders[value]!]
    : Array.isArray(value)
      ? value.map((v) => substitute(v, records))
      : value !== null && typeof value === 'object'
        ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substitute(v, records)]))
        : value

/** The sample input of an action, naming this village's records instead of 石桥村's. */
export const inputIn = (village: Village, action: QualifiedAction): Record<string, unknown> => substitute(sampleInput[action], village.records) as Record<string, unknown>

/** Whether the action's sample input names a record (or village) at all. */
export const namesRecord = (action: QualifiedAction): boolean => JSON.stringify(substitute(sampleInput[action], named)) !== JSON.stringify(sampleInput[action])

/** Stands in for any village's records, to see whether an input names one. */
const named = Object.fromEntries(Object.values(placeholders).map((key) => [key, `<${key}>`])) as unknown as VillageRecords

interface Cast {
  villageId: string
  subjectDisclosureId: string
  openids: Record<Role, string>
  /** household representatives who vote dissatisfied twice, so the subject goes to the township */
  voters: [string, string]
  /** files a report under their name */
  reporter: string
}

/** Feedback, a named report, an announcement, a decision, two failed rounds with their case, and an open round. */
async function populate(
  world: Pick<World, 'store' | 'clock'>,
  cast: Cast,
): Promise<Omit<VillageRecords, 'villageId' | 'joinCode' | 'pendingMemberId' | 'memberId' | 'householdId' | 'appointmentId' | 'cadrePersonId' | 'featuredItemId'>> {
  const { store, clock } = world
  const call = (openid: string) => callerFor(store, openid, clock)
  const { chair, committee, township } = cast.openids
  const inThreeDays = () => new Date(clock.now().getTime() + 72 * 3_600_000).toISOString()
  const disclosureId = cast.subjectDisclosureId
  const { feedbackId } = expectOk(
    await call(cast.voters[0])('feedback', 'submit', { requestId: `world-${cast.villageId}`, about: { type: 'disclosure', id: disclosureId }, text: '这笔支出能否公开发票？' }),
  )
  const { topicId } = expectOk(
    await call(cast.voters[0])('topic', 'ask', { requestId: `world-${cast.villageId}`, title: '村集体土地流转收入', reason: '想知道租金收了多少、用在哪里' }),
  )
  const { trackingCode } = expectOk(
    await call(cast.reporter)('report', 'file', { requestId: `world-${cast.villageId}`, subject: '村会计', text: `${cast.villageId} 的会计虚报误工补贴。`, anonymous: false }),
  )
  const reports = expectOk(await call(township)('report', 'inbox', { villageId: cast.villageId })).items as { reportId: string }[]
  const { meetingId } = expectOk(
    await call(chair)('meeting', 'schedule', {
      requestId: `world-${cast.villageId}`,
      startsAt: inThreeDays(),
      place: '村部会议室',
      items: [{ kind: 'disclosure', refId: disclosureId }],
    }),
  )
  const { announcementId } = expectOk(await call(chair)('announcement', 'push', { title: '村民会议通知', body: '周六上午开会。' }))
  const { decisionId } = expectOk(
    await call(committee)('disclosure', 'recordDecisionStep', { stage: 'proposal', date: '2026-11-20', title: '修缮村部', summary: '修缮村部屋顶。', minutes: '支部会议提议。' }),
  )
  let escalationId: string | null = null
  for (const title of ['第一轮评议', '第二轮评议']) {
    const { roundId } = expectOk(await call(chair)('evaluation', 'openRound', { subject: { type: 'disclosure', id: disclosureId }, title, closesAt: inThreeDays() }))
    for (const voter of cast.voters) expectOk(await call(voter)('evaluation', 'castBallot', { roundId, choice: 'dissatisfied' }))
    escalationId = expectOk(await call(chair)('evaluation', 'closeRound', { roundId, reason: '全部户代表已投票' })).escalationId
    // The rule answers first, then evaluates again (issue 20): the first round's 答复释疑 lets the second open.
    if (escalationId === null) expectOk(await call(committee)('evaluation', 'answerRound', { roundId, answer: '发票已补充公开。' }))
  }
  const { roundId } = expectOk(await call(chair)('evaluation', 'openRound', { subject: { type: 'decision', id: decisionId }, title: '修缮评议', closesAt: inThreeDays() }))
  return { disclosureId, decisionId, announcementId, feedbackId, topicId, meetingId, roundId, escalationId: escalationId!, reportId: reports[0]!.reportId, trackingCode }
}

const demo = (personId: string) => `demo:${personId}`

/**
 * The seeded 石桥镇 with records in two of its villages, and a second township
 * set up from nothing the way a real one is: a village, its roster, invited
 * officials, villagers who joined and were approved.
 */
export async function buildWorld(): Promise<World> {
  const clock = testClock()
  const store = await seededStore(clock)
  const world = { store, clock }

  const shiqiaoOpenids = {
    villager: demo('p-shiqiao-0001-1'),
    chair: demo('p-shiqiao-chair'),
    committee: demo('p-shiqiao-director'),
    township: demo('p-tw-inspector'),
  }
  const shiqiao: Village = {
    name: '石桥村',
    townshipId: 'tw-shiqiao',
    openids: shiqiaoOpenids,
    markers: /shiqiao|liushu|dongling|石桥|柳树湾|东岭|pw-t-/,
    records: {
      villageId: 'v-shiqiao',
      joinCode: 'SHIQIAO',
      pendingMemberId: 'm-shiqiao-0107-1',
      memberId: 'm-shiqiao-0003-1',
      householdId: 'h-shiqiao-0003',
      appointmentId: 'a-shiqiao-director',
      cadrePersonId: 'p-shiqiao-director',
      featuredItemId: 'pw-t-01',
      ...(await populate(world, {
        villageId: 'v-shiqiao',
        subjectDisclosureId: 'd-shiqiao-001',
        openids: shiqiaoOpenids,
        voters: [demo('p-shiqiao-0006-1'), demo('p-shiqiao-0008-1')],
        reporter: demo('p-shiqiao-0009-1'),
      })),
    },
  }

  const liushuOpenids = { villager: demo('p-liushu-0001-1'), chair: demo('p-liushu-chair'), committee: demo('p-liushu-director'), township: demo('p-tw-inspector') }
  const liushu: Village = {
    name: '柳树湾村',
    townshipId: 'tw-shiqiao',
    openids: liushuOpenids,
    markers: /liushu|柳树湾/,
    records: {
      villageId: 'v-liushu',
      joinCode: 'LIUSHUWAN',
      pendingMemberId: 'm-liushu-0036-1',
      memberId: 'm-liushu-0003-1',
      householdId: 'h-liushu-0003',
      appointmentId: 'a-liushu-director',
      cadrePersonId: 'p-liushu-director',
      featuredItemId: 'pw-t-01',
      ...(await populate(world, {
        villageId: 'v-liushu',
        subjectDisclosureId: 'd-liushu-001',
        openids: liushuOpenids,
        voters: [demo('p-liushu-0001-1'), demo('p-liushu-0002-1')],
        reporter: demo('p-liushu-0004-1'),
      })),
    },
  }

  const inspector = demo(await addNeighbourTownship(store))
  const staff = callerFor(store, inspector, clock)
  const csv = '户号,户主姓名,村民小组,人口数\n0001,钱一,一组,3\n0002,钱二,一组,2\n0003,钱三,二组,4\n0004,钱四,二组,2'
  await importRosterFile(staff, 'v-beiyuan', { csv })
  const officials = { chair: 'bei:chair', committee: 'bei:director' } as const
  for (const role of ['chair', 'committee'] as const) {
    const openid = officials[role]
    const title = role === 'chair' ? '村务监督委员会主任' : '村委会主任'
    const { code } = expectOk(await staff('township', 'invite', { role, villageId: 'v-beiyuan', title, name: `北苑${title}` }))
    expectOk(await callerFor(store, openid, clock)('member', 'acceptInvite', { code }))
  }
  const chair = callerFor(store, officials.chair, clock)
  for (const n of [1, 2, 3, 4]) {
    expectOk(await callerFor(store, `bei:v${n}`, clock)('member', 'join', { joinCode: 'BEIYUAN', householdNumber: `000${n}`, name: `钱${n}` }))
  }
  const requests = expectOk(await chair('member', 'listPending', {})).items as { memberId: string; household: { householdId: string; number: string } }[]
  const joined = requests.filter((r) => r.household.number !== '0004')
  for (const { memberId } of joined) expectOk(await chair('member', 'approve', { memberId }))
  const beiyuanOpenids = { villager: 'bei:v1', ...officials, township: inspector }
  const { disclosureId } = expectOk(
    await callerFor(store, officials.committee, clock)('disclosure', 'publish', {
      kind: 'village',
      section: 'services',
      title: '低保名单公示',
      body: '本村低保户名单。',
      public: true,
    }),
  )
  const { appointments } = expectOk(await staff('township', 'appointments', {}))
  const featured = expectOk(
    await staff('power', 'saveTownshipItem', {
      categoryId: 'cat-7',
      name: '北苑特色事项',
      basis: ['依据'],
      performer: '村民委员会',
      supervisor: '村务监督委员会',
      steps: [{ name: '申请', actor: '申请人' }],
    }),
  )
  const beiyuan: Village = {
    name: '北苑村',
    townshipId: 'tw-beiyuan',
    openids: beiyuanOpenids,
    markers: /beiyuan|北苑|bei:/,
    records: {
      villageId: 'v-beiyuan',
      joinCode: 'BEIYUAN',
      pendingMemberId: requests.find((r) => r.household.number === '0004')!.memberId,
      memberId: joined[0]!.memberId,
      householdId: joined[0]!.household.householdId,
      appointmentId: (appointments as { appointmentId: string; role: string }[]).find((a) => a.role === 'committee')!.appointmentId,
      cadrePersonId: (await store.query('person', { where: { openid: officials.committee }, orderBy: { field: 'openid', direction: 'asc' }, limit: 1 })).items[0]!._id,
      featuredItemId: featured.itemId,
      ...(await populate(world, {
        villageId: 'v-beiyuan',
        subjectDisclosureId: disclosureId,
        openids: beiyuanOpenids,
        voters: ['bei:v1', 'bei:v2'],
        reporter: 'bei:v3',
      })),
    },
  }
  // Ids made at run time carry no village name; they are markers of their village too. A featured item is
  // its township's, listed by all of its villages, so it marks none of them.
  for (const village of [shiqiao, liushu, beiyuan]) {
    const { featuredItemId: _shared, ...own } = village.records
    const made = Object.values(own).filter((id) => !village.markers.test(id))
    village.markers = new RegExp([village.markers.source, ...made.map((id) => id.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&'))].join('|'))
  }
  // Seen from another township, 石桥村 stands for all of 石桥镇.
  shiqiao.markers = new RegExp(`${shiqiao.markers.source}|${liushu.markers.source}`)
  return { store, clock, shiqiao, liushu, beiyuan }
}
