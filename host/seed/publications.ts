import type { StoreTx } from '../../cloudfunctions/core/store'
import type { Signature } from '../../shared/disclosure/schema'
import { correction, firstPublication, indexTerms } from '../../cloudfunctions/disclosure/records'
import { seedDisclosures } from './disclosures'
import { DAY_MS as DAY } from '../../shared/time'

/**
 * The demo villages' year of disclosures and the chair's announcements, written
 * with the same record builders the handlers use, so the seed's revision
 * chains verify like any other.
 */
const officials: Record<string, Record<'secretary' | 'director' | 'chair', Signature>> = {
  'v-shiqiao': {
    secretary: { personId: 'p-shiqiao-secretary', name: '王振山', title: '村党支部书记' },
    director: { personId: 'p-shiqiao-director', name: '李卫东', title: '村委会主任' },
    chair: { personId: 'p-shiqiao-chair', name: '周德明', title: '村务监督委员会主任' },
  },
  'v-liushu': {
    secretary: { personId: 'p-liushu-secretary', name: '马国栋', title: '村党支部书记' },
    director: { personId: 'p-liushu-director', name: '孙立新', title: '村委会主任' },
    chair: { personId: 'p-liushu-chair', name: '郭秀兰', title: '村务监督委员会主任' },
  },
  'v-dongling': {
    secretary: { personId: 'p-dongling-secretary', name: '韩志刚', title: '村党支部书记' },
    director: { personId: 'p-dongling-director', name: '高春来', title: '村委会主任' },
    chair: { personId: 'p-dongling-chair', name: '冯永红', title: '村务监督委员会主任' },
  },
}

export async function seedPublications(tx: StoreTx, now: Date): Promise<void> {
  const counters = new Map<string, number>()
  const seeds = seedDisclosures(now).sort((a, b) => b.daysAgo - a.daysAgo)
  for (const seed of seeds) {
    const n = (counters.get(seed.villageId) ?? 0) + 1
    counters.set(seed.villageId, n)
    const signatures = officials[seed.villageId]
    if (!signatures) continue
    // Published in office hours, minutes apart so the order is stable.
    const at = new Date(now.getTime() - seed.daysAgo * DAY + n * 60_000).toISOString()
    let write = firstPublication({
      disclosureId: `d-${seed.villageId.slice(2)}-${String(n).padStart(3, '0')}`,
      villageId: seed.villageId,
      kind: seed.kind,
      section: seed.section,
      // Party members' own affairs (dues, candidates) stay inside the group; everything else is public.
      public: !(seed.kind === 'party' && /党费|发展党员|党员发展|入党/.test(seed.title)),
      content: { title: seed.title, body: seed.body, period: seed.period, lineItems: seed.lineItems, attachments: [] },
      at,
      by: signatures[seed.by],
    })
    await tx.insert('disclosure_revision', write.revision)
    if (seed.correction) {
      const { daysAfter, reason, ...changes } = seed.correction
      const correctedAt = new Date(Date.parse(at) + daysAfter * DAY).toISOString()
      write = correction(write.disclosure, { ...write.disclosure.content, ...changes }, reason, correctedAt, signatures[seed.by])
      await tx.insert('disclosure_revision', write.revision)
    }
    await tx.insert('disclosure', write.disclosure)
    await indexTerms(tx, write.disclosure)
  }

  const { secretary, director, chair } = officials['v-shiqiao']!
  const day = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY).toISOString()
  const date = (daysAgo: number) => day(daysAgo).slice(0, 10)
  const road = [
    { stage: 'proposal', days: 150, by: secretary, minutes: '村党支部委员会会议提出：硬化三组至五组村道1.2公里，解决雨季出行难，资金拟用上级一事一议奖补资金和村集体收入。' },
    { stage: 'deliberation', days: 146, by: director, minutes: '村“两委”联席会议商议，形成初步方案：路面宽4米、厚18厘米，预算约38万元，公开招标选定施工单位。' },
    { stage: 'review', days: 141, by: secretary, minutes: '党员大会应到32人、实到29人，审议通过道路硬化方案，提出加强施工质量监督的意见。' },
    { stage: 'resolution', days: 135, by: director, minutes: '村民代表会议应到45人、实到41人，表决同意39人、反对1人、弃权1人，决议通过。' },
    { stage: 'resolutionDisclosed', days: 133, by: director, minutes: '决议内容、表决结果在村务公开栏和监督群公示7天，无异议。' },
  ] as const
  await tx.insert('decision', {
    _id: 'dc-shiqiao-1',
    villageId: 'v-shiqiao',
    title: '三组至五组村道硬化工程',
    summary: '硬化三组至五组村道1.2公里，预算约38万元，使用一事一议奖补资金和村集体收入。',
    steps: road.map((s) => ({ stage: s.stage, date: date(s.days), minutes: s.minutes, attachments: [], recordedAt: day(s.days), by: s.by })),
    stage: 'resolutionDisclosed',
    updatedAt: day(133),
  })
  await tx.insert('decision', {
    _id: 'dc-shiqiao-2',
    villageId: 'v-shiqiao',
    title: '村集体鱼塘对外出租',
    summary: '村西鱼塘12亩对外公开出租，租期5年，底价每年每亩600元。',
    steps: [
      { stage: 'proposal', date: date(20), minutes: '村党支部提议将闲置鱼塘公开出租，增加集体收入。', attachments: [], recordedAt: day(20), by: secretary },
      { stage: 'deliberation', date: date(15), minutes: '村“两委”商议确定底价和公开竞价方式，报镇农经站备案。', attachments: [], recordedAt: day(15), by: director },
    ],
    stage: 'deliberation',
    updatedAt: day(15),
  })

  const announcements = [
    {
      daysAgo: 40,
      title: '关于开展第三季度村务公开评议的通知',
      body: '本月25日上午9点在村委会会议室召开村情发布会，通报第三季度党务、村务、财务公开情况，请各户代表准时参加，不能到场的可在小程序内查看并留言。',
    },
    { daysAgo: 12, title: '冬季防火安全提示', body: '入冬以来天干物燥，请各户不要在田间地头焚烧秸秆，家中取暖注意用火用电安全。发现火情请立即拨打119并告知村委会。' },
    {
      daysAgo: 3,
      title: '10月财务收支已公开，欢迎监督',
      body: '村“两委”已在三务公开中发布10月财务收支明细。对任何一笔收支有疑问，都可以在这条公开下面直接反映，村务监督委员会将跟进答复。',
    },
  ]
  for (const [i, a] of announcements.entries()) {
    await tx.insert('announcement', {
      _id: `an-shiqiao-${i + 1}`,
      villageId: 'v-shiqiao',
      title: a.title,
      body: a.body,
      link: null,
      attachment: null,
      publishedAt: new Date(now.getTime() - a.daysAgo * DAY).toISOString(),
      by: chair,
    })
  }
}
