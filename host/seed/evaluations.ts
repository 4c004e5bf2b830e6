import { randomInt } from 'node:crypto'
import type { StoreTx } from '../../cloudfunctions/core/store'
import { TRACKING_ALPHABET } from '../../shared/report/rules'
import { DEFAULT_RULE, tallyOf, type Choice } from '../../shared/evaluation/rules'
import { DAY_MS as DAY, beijingDay } from '../../shared/time'
import { newId } from '../../cloudfunctions/core/context'
import { shuffled } from '../../cloudfunctions/core/shuffle'

/** 84 of 石桥村's 106 households in the group voted on the road project: 60 满意, 18 基本满意, 6 不满意. */
const cast: Choice[] = [...Array(60).fill('satisfied'), ...Array(18).fill('basic'), ...Array(6).fill('dissatisfied')]

/** One closed round on the road decision, so the demo village has a result to read. */
export async function seedEvaluations(tx: StoreTx, now: Date): Promise<void> {
  const day = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY).toISOString()
  const roundId = 'rd-shiqiao-road'
  const subject = { type: 'decision' as const, id: 'dc-shiqiao-1', title: '三组至五组村道硬化工程' }
  await tx.insert('round', {
    _id: roundId,
    villageId: 'v-shiqiao',
    townshipId: 'tw-shiqiao',
    subject,
    subjectKey: 'decision:dc-shiqiao-1',
    seq: 1,
    openKey: roundId,
    title: '三组至五组村道硬化工程完工评议',
    status: 'closed',
    openedAt: day(10),
    openedBy: { personId: 'p-shiqiao-chair', name: '周德明', title: '村务监督委员会主任' },
    closesAt: day(7),
    closedAt: day(7),
    closedBy: 'chair',
    eligible: 106,
    rule: DEFAULT_RULE,
    tally: tallyOf(cast),
    outcome: 'within',
    streak: 0,
    escalationId: null,
    reevaluationOf: null,
    answer: null,
  })
  // Written the way real votes end up (see evaluation/slots.ts): participations name households and keep only
  // the day; ballots are slots with random ids and receipts, stored in an order unrelated to the households.
  for (const i of cast.keys()) {
    const householdId = `h-shiqiao-${String(i + 1).padStart(4, '0')}`
    await tx.insert('participation', { _id: `${roundId}:${householdId}`, roundId, householdId, villageId: 'v-shiqiao', at: beijingDay(day(8)), requestKey: null, byProxy: false })
  }
  for (const choice of shuffled(cast)) {
    const receipt = Array.from({ length: 8 }, () => TRACKING_ALPHABET[randomInt(TRACKING_ALPHABET.length)]).join('')
    await tx.insert('ballot', { _id: newId('bs'), roundId, receipt, choice })
  }
}
