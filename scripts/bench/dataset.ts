import type { SqliteStore } from '../../cloudfunctions/adapters/sqlite/store'
import { DuplicateKeyError, type StoreTx } from '../../cloudfunctions/core/store'
import { correction, firstPublication, indexTerms } from '../../cloudfunctions/disclosure/records'
import type { Signature } from '../../shared/disclosure/schema'
import type { Escalation, Round } from '../../shared/evaluation/schema'
import { DEFAULT_RULE, decide, type Choice, type Tally } from '../../shared/evaluation/rules'
import { TRACKING_ALPHABET } from '../../shared/report/rules'
import { snapshotOf } from '../../shared/member/rules'
import { seedDisclosures, type SeedDisclosure } from '../../host/seed/disclosures'
import { headOfHousehold, prng, relativeOf } from '../../host/seed/names'
import { issueToken } from '../../host/session'

/** The two sizes of issue 8. Ballots are those of the closed rounds; the township figure is our choice (300 a round). */
export const scales = {
  township: { villages: 30, households: 9_000, disclosures: 30_000, closedRounds: 100, ballots: 30_000 },
  city: { villages: 1_000, households: 300_000, disclosures: 1_000_000, closedRounds: 3_000, ballots: 1_000_000 },
} as const
export type ScaleName = keyof typeof scales

/** A township has 30 villages; a city is many townships, and one township's staff see only theirs. */
const VILLAGES_PER_TOWNSHIP = 30
/** The village that votes in the benchmark: every one of its 1,000 households is in the group. */
export const BALLOT_VILLAGE_HOUSEHOLDS = 1_000
/** Share of households in the group elsewhere. */
const IN_GROUP = 0.95
/**
 * Writes per transaction while generating (a household with its people, a
 * disclosure with its revisions and search terms, a ballot): large enough to
 * be fast, small enough for the WAL to checkpoint between them.
 */
const BATCH = 20_000
const DAY = 86_400_000
const groupNames = ['一组', '二组', '三组', '四组', '五组', '六组']

/** What the benchmark needs from the dataset to drive the host. */
export interface Manifest {
  scale: ScaleName
  townshipId: string
  villageId: string
  /** the ballot village's 1,000 voting representatives */
  voterTokens: string[]
  villagerToken: string
  chairToken: string
  staffToken: string
  /** open rounds in the ballot village: the peak test's, then the one voted at a fixed rate and closed */
  peakRoundIds: string[]
  pacedRoundId: string
  keyword: string
}

interface VillagePlan {
  id: string
  townshipId: string
  households: number
  inGroup: number
  disclosures: number
  closedRounds: number
}

/** Splits `total` over `weights` in whole numbers (largest remainder). */
function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0)
  const exact = weights.map((w) => (total * w) / sum)
  const parts = exact.map(Math.floor)
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0])
  const missing = total - parts.reduce((a, b) => a + b, 0)
  for (let k = 0; k < missing; k++) parts[order[k]![1]]! += 1
  return parts
}

/**
 * Village sizes vary as real ones do (from a tenth to nearly twice the mean);
 * the first village is the 1,000-household one that votes in the benchmark.
 * Closed rounds go to villages by size, which is also what lets a city's
 * 3,000 rounds hold a million ballots without any household voting twice.
 */
function planVillages(scale: (typeof scales)[ScaleName]): VillagePlan[] {
  const others = scale.villages - 1
  const random = prng(8)
  const weights = Array.from({ length: others }, (_, i) => 0.1 + (1.8 * i) / Math.max(others - 1, 1))
  // Shuffled (Fisher–Yates), so every township gets small and large villages.
  for (let i = weights.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[weights[i], weights[j]] = [weights[j]!, weights[i]!]
  }
  const sizes = [BALLOT_VILLAGE_HOUSEHOLDS, ...apportion(scale.households - BALLOT_VILLAGE_HOUSEHOLDS, weights)]
  const inGroup = sizes.map((n, i) => (i === 0 ? n : Math.round(n * IN_GROUP)))
  const rounds = apportion(scale.closedRounds, inGroup)
  const disclosures = apportion(
    scale.disclosures,
    sizes.map(() => 1),
  )
  return sizes.map((households, i) => ({
    id: `v-${String(i + 1).padStart(4, '0')}`,
    townshipId: `tw-${String(Math.floor(i / VILLAGES_PER_TOWNSHIP) + 1).padStart(3, '0')}`,
    households,
    inGroup: inGroup[i]!,
    disclosures: disclosures[i]!,
    closedRounds: rounds[i]!,
  }))
}

/** Writes through the store port, committing every BATCH writes. */
class Writer {
  private pending: ((tx: StoreTx) => Promise<void>)[] = []

  constructor(private readonly store: SqliteStore) {}

  add(work: (tx: StoreTx) => Promise<void>): Promise<void> | void {
    this.pending.push(work)
    if (this.pending.length >= BATCH) return this.flush()
  }

  async flush(): Promise<void> {
    const batch = this.pending
    this.pending = []
    await this.store.transaction(async (tx) => {
      for (const work of batch) await work(tx)
    })
  }
}

const iso = (t: number) => new Date(t).toISOString()

/**
 * At least `count` disclosures, newest first: the demo's year of disclosures
 * for each year back, so titles and periods stay true to their dates.
 */
function disclosureHistory(now: Date, count: number): SeedDisclosure[] {
  const history: SeedDisclosure[] = []
  for (let k = 0; history.length < count; k++) {
    history.push(...seedDisclosures(new Date(now.getTime() - k * 365 * DAY)).map((d) => ({ ...d, daysAgo: d.daysAgo + k * 365 })))
  }
  return history.sort((a, b) => a.daysAgo - b.daysAgo)
}

function officialsOf(villageId: string): Record<'secretary' | 'director' | 'chair', Signature> {
  return {
    secretary: { personId: `p-${villageId}-secretary`, name: '王振山', title: '村党支部书记' },
    director: { personId: `p-${villageId}-director`, name: '李卫东', title: '村委会主任' },
    chair: { personId: `p-${villageId}-chair`, name: '周德明', title: '村务监督委员会主任' },
  }
}

function receipt(random: () => number): string {
  return Array.from({ length: 8 }, () => TRACKING_ALPHABET[Math.floor(random() * TRACKING_ALPHABET.length)]).join('')
}

/** A random receipt that is not taken yet: a taken one fails its insert alone, and another is drawn. */
async function insertBallot(tx: StoreTx, random: () => number, roundId: string, choice: Choice): Promise<void> {
  for (;;) {
    try {
      return await tx.insert('ballot', { _id: `bs_${receipt(random)}${receipt(random)}`, roundId, receipt: receipt(random), choice })
    } catch (error) {
      if (!(error instanceof DuplicateKeyError)) throw error
    }
  }
}

/**
 * Generates the dataset into an empty store, through the store port, and
 * issues session tokens with the host's secret for the people the benchmark
 * signs in as.
 */
export async function generate(
  store: SqliteStore,
  scaleName: ScaleName,
  secret: Buffer,
  now: Date,
  options: { peakRounds: number; progress: (villages: number, of: number) => void },
): Promise<Manifest> {
  const scale = scales[scaleName]
  const plans = planVillages(scale)
  const w = new Writer(store)
  const random = prng(2026)
  const townships = [...new Set(plans.map((p) => p.townshipId))]
  const long = iso(now.getTime() - 500 * DAY)

  for (const [t, townshipId] of townships.entries()) {
    await w.add((tx) => tx.insert('township', { _id: townshipId, name: `第${t + 1}镇`, district: '清河区', duties: null }))
    for (const key of ['inspector', 'officer']) {
      const personId = `p-${townshipId}-${key}`
      await w.add(async (tx) => {
        await tx.insert('person', {
          _id: personId,
          openid: `bench:${personId}`,
          name: key === 'inspector' ? '赵清华' : '陈思远',
          memberId: null,
          appointmentId: `a-${townshipId}-${key}`,
          snapshot: snapshotOf(null, { villageId: null }),
          createdAt: long,
        })
        await tx.insert('appointment', {
          _id: `a-${townshipId}-${key}`,
          personId,
          role: 'township',
          townshipId,
          villageId: null,
          title: key === 'inspector' ? '镇纪委书记' : '镇纪委干事',
          status: 'active',
          startedAt: long,
          endedAt: null,
        })
      })
    }
  }

  const history = disclosureHistory(now, Math.max(...plans.map((p) => p.disclosures)))
  const voterOpenids: string[] = []
  const peakRoundIds: string[] = []
  let pacedRoundId = ''
  // Ballots per closed round: the same turnout everywhere, as large as the total asks for.
  const capacity = plans.reduce((n, p) => n + p.closedRounds * p.inGroup, 0)
  if (scale.ballots > capacity) throw new Error(`cannot fit ${scale.ballots} ballots into ${capacity} household votes`)
  const ballotsOf = apportion(
    scale.ballots,
    plans.flatMap((p) => Array.from({ length: p.closedRounds }, () => p.inGroup)),
  )
  let roundIndex = 0

  for (const [v, plan] of plans.entries()) {
    const officials = officialsOf(plan.id)
    await w.add((tx) => tx.insert('village', { _id: plan.id, townshipId: plan.townshipId, name: `${plan.id.slice(2)}村`, joinCode: `BENCH${plan.id.slice(2)}` }))
    for (const [key, signature] of Object.entries(officials)) {
      await w.add(async (tx) => {
        await tx.insert('person', {
          _id: signature.personId,
          openid: `bench:${signature.personId}`,
          name: signature.name,
          memberId: null,
          appointmentId: `a-${plan.id}-${key}`,
          snapshot: snapshotOf(null, { villageId: plan.id }),
          createdAt: long,
        })
        await tx.insert('appointment', {
          _id: `a-${plan.id}-${key}`,
          personId: signature.personId,
          role: key === 'chair' ? 'chair' : 'committee',
          townshipId: plan.townshipId,
          villageId: plan.id,
          title: signature.title,
          status: 'active',
          startedAt: long,
          endedAt: null,
        })
      })
    }

    const households: string[] = []
    for (let i = 1; i <= plan.households; i++) {
      const number = String(i).padStart(4, '0')
      const householdId = `h-${plan.id}-${number}`
      const head = headOfHousehold(random)
      const inGroup = i <= plan.inGroup
      // As in the demo seed: every seventh household in the group also has a younger member.
      const names = inGroup ? (i % 7 === 3 ? [head, relativeOf(random, head)] : [head]) : []
      const joined = iso(now.getTime() - (300 - (i % 200)) * DAY)
      await w.add(async (tx) => {
        await tx.insert('household', {
          _id: householdId,
          villageId: plan.id,
          number,
          headName: head,
          groupName: groupNames[(i - 1) % groupNames.length]!,
          size: 2 + (i % 4),
          representativeMemberId: inGroup ? `m-${householdId}-1` : null,
          inGroup,
        })
        for (const [k, name] of names.entries()) {
          const personId = `p-${householdId}-${k + 1}`
          await tx.insert('person', {
            _id: personId,
            openid: `bench:${personId}`,
            name,
            memberId: `m-${householdId}-${k + 1}`,
            appointmentId: null,
            snapshot: snapshotOf({ householdId, villageId: plan.id }, null),
            createdAt: joined,
          })
          await tx.insert('member', {
            _id: `m-${householdId}-${k + 1}`,
            personId,
            name,
            villageId: plan.id,
            householdId,
            status: 'active',
            requestedAt: joined,
            decidedAt: joined,
            decidedBy: officials.chair.personId,
            reason: null,
          })
        }
      })
      if (inGroup) households.push(householdId)
      if (v === 0) voterOpenids.push(`bench:p-${householdId}-1`)
    }

    // Disclosures, newest first in the history, each with its revisions and its search terms.
    const disclosureIds: string[] = []
    for (let n = 0; n < plan.disclosures; n++) {
      const seed = history[n]!
      const disclosureId = `d-${plan.id}-${String(n + 1).padStart(5, '0')}`
      disclosureIds.push(disclosureId)
      const at = iso(now.getTime() - seed.daysAgo * DAY - n * 60_000)
      let write = firstPublication({
        disclosureId,
        villageId: plan.id,
        kind: seed.kind,
        section: seed.section,
        public: !(seed.kind === 'party' && /党费|发展党员|党员发展|入党/.test(seed.title)),
        content: { title: seed.title, body: seed.body, period: seed.period, lineItems: seed.lineItems, attachments: [] },
        at,
        by: officials[seed.by],
      })
      const revisions = [write.revision]
      if (seed.correction) {
        const { daysAfter, reason, ...changes } = seed.correction
        write = correction(write.disclosure, { ...write.disclosure.content, ...changes }, reason, iso(Date.parse(at) + daysAfter * DAY), officials[seed.by])
        revisions.push(write.revision)
      }
      const disclosure = write.disclosure
      await w.add(async (tx) => {
        for (const revision of revisions) await tx.insert('disclosure_revision', revision)
        await tx.insert('disclosure', disclosure)
        await indexTerms(tx, disclosure)
      })
    }

    // Closed rounds, two per subject where there are enough, over the past year; a subject
    // mostly dissatisfied goes over twice in a row and opens a case, as the rule says.
    let r = 0
    for (let subject = 0; r < plan.closedRounds; subject++) {
      const disclosureId = disclosureIds[subject]!
      const subjectRef = { type: 'disclosure' as const, id: disclosureId, title: history[subject]!.title }
      const subjectKey = `disclosure:${disclosureId}`
      const unhappy = random() < 0.15
      let previous: Round | null = null
      for (let seq = 1; seq <= 2 && r < plan.closedRounds; seq++, r++, roundIndex++) {
        const cast = ballotsOf[roundIndex]!
        const dissatisfied = Math.round(cast * (unhappy ? 0.3 + random() * 0.15 : 0.03 + random() * 0.15))
        const basic = Math.round((cast - dissatisfied) * 0.3)
        const tally: Tally = { satisfied: cast - dissatisfied - basic, basic, dissatisfied, cast }
        const decision = decide(previous ? { streak: previous.streak ?? 0, escalated: previous.escalationId !== null } : null, tally, DEFAULT_RULE)
        const roundId = `rd-${plan.id}-${r + 1}`
        const openedAt = now.getTime() - (360 - Math.floor((300 * r) / Math.max(plan.closedRounds, 1))) * DAY
        const escalation: Escalation | null = decision.escalates
          ? {
              _id: `es-disclosure-${disclosureId}-1`,
              villageId: plan.id,
              townshipId: plan.townshipId,
              subject: subjectRef,
              subjectKey,
              cycle: 1,
              status: random() < 0.5 ? 'open' : 'investigating',
              roundIds: [previous!._id, roundId],
              openedAt: iso(openedAt + 3 * DAY),
              notes: [{ at: iso(openedAt + 5 * DAY), name: '赵清华', title: '镇纪委书记', text: '已约谈村“两委”负责人，调取相关账目。' }],
              rectification: null,
              villageReport: null,
              closedAt: null,
              closedBy: null,
              reevaluationRoundId: null,
            }
          : null
        const round: Round = {
          _id: roundId,
          villageId: plan.id,
          townshipId: plan.townshipId,
          subject: subjectRef,
          subjectKey,
          seq,
          openKey: roundId,
          title: `${subjectRef.title}评议`.slice(0, 60),
          status: 'closed',
          openedAt: iso(openedAt),
          openedBy: officials.chair,
          closesAt: iso(openedAt + 3 * DAY),
          closedAt: iso(openedAt + 3 * DAY),
          closedBy: 'timer',
          eligible: plan.inGroup,
          rule: { thresholdPermille: DEFAULT_RULE.thresholdPermille, streakLength: DEFAULT_RULE.streakLength },
          tally,
          outcome: decision.outcome,
          streak: decision.streak,
          escalationId: escalation?._id ?? null,
          reevaluationOf: null,
          answer: null,
        }
        previous = round
        await w.add(async (tx) => {
          await tx.insert('round', round)
          if (escalation) await tx.insert('escalation', escalation)
        })
        // Which households voted: a different stretch of the village each round.
        const choices: Choice[] = [...Array<Choice>(tally.satisfied).fill('satisfied'), ...Array<Choice>(basic).fill('basic'), ...Array<Choice>(dissatisfied).fill('dissatisfied')]
        for (let b = 0; b < cast; b++) {
          const householdId = households[(b + r * 37) % households.length]!
          const at = iso(openedAt + DAY + b * 1_000)
          await w.add(async (tx) => {
            await tx.insert('participation', { _id: `${roundId}:${householdId}`, roundId, householdId, villageId: plan.id, at, requestKey: null, byProxy: false })
            await insertBallot(tx, random, roundId, choices[b]!)
          })
        }
      }
    }

    if ((v + 1) % Math.ceil(plans.length / 10) === 0) options.progress(v + 1, plans.length)

    // The ballot village's open rounds, on subjects no closed round used.
    if (v === 0) {
      for (let k = 0; k <= options.peakRounds; k++) {
        const disclosureId = disclosureIds[plan.disclosures - 1 - k]!
        const roundId = `rd-${plan.id}-open-${k + 1}`
        const subjectRef = { type: 'disclosure' as const, id: disclosureId, title: history[plan.disclosures - 1 - k]!.title }
        await w.add((tx) =>
          tx.insert('round', {
            _id: roundId,
            villageId: plan.id,
            townshipId: plan.townshipId,
            subject: subjectRef,
            subjectKey: `disclosure:${disclosureId}`,
            seq: 1,
            openKey: `disclosure:${disclosureId}`,
            title: `${subjectRef.title}评议`.slice(0, 60),
            status: 'open',
            openedAt: iso(now.getTime() - DAY),
            openedBy: officials.chair,
            closesAt: iso(now.getTime() + DAY),
            closedAt: null,
            closedBy: null,
            eligible: plan.inGroup,
            rule: { thresholdPermille: DEFAULT_RULE.thresholdPermille, streakLength: DEFAULT_RULE.streakLength },
            tally: null,
            outcome: null,
            streak: null,
            escalationId: null,
            reevaluationOf: null,
            answer: null,
          }),
        )
        // Empty ballot slots, one per household and a tenth spare, as openRound makes them (evaluation/slots.ts).
        for (let n = 0; n < Math.ceil(households.length * 1.1); n++) {
          await w.add((tx) => tx.insert('ballot', { _id: `bs_${receipt(random)}${receipt(random)}`, roundId, receipt: `~${receipt(random)}${receipt(random)}`, choice: null }))
        }
        if (k < options.peakRounds) peakRoundIds.push(roundId)
        else pacedRoundId = roundId
      }
    }
  }
  await w.flush()

  const first = plans[0]!
  const token = (openid: string) => issueToken(secret, openid, now)
  return {
    scale: scaleName,
    townshipId: first.townshipId,
    villageId: first.id,
    voterTokens: voterOpenids.map(token),
    villagerToken: token(`bench:p-h-${first.id}-0003-2`),
    chairToken: token(`bench:p-${first.id}-chair`),
    staffToken: token(`bench:p-${first.townshipId}-inspector`),
    peakRoundIds,
    pacedRoundId,
    keyword: '财务收支',
  }
}
