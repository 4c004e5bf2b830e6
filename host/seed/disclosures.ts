import type { DisclosureKind, DisclosureSection } from '../../shared/disclosure/rules'
import type { LineItem } from '../../shared/disclosure/schema'
import { pick, prng } from './names'
import { DAY_MS as DAY } from '../../shared/time'

/**
 * 三务公开 seed content for the demo township: a year of disclosures for 石桥村
 * (monthly finance, a road project over its whole life, land, pond and workshop
 * contracting, 低保 and other service results, 四议两公开 resolutions, party
 * affairs) and a few for 柳树湾村 and 东岭村.
 *
 * Pure and deterministic: every date is derived from `now`. Seasonal events sit
 * on their calendar day (机动地 in March, 防汛 in June, 秸秆禁烧 in October) at
 * their latest occurrence before today, and whatever depends on the year (the
 * year's project, names on a list) is chosen by that year, so the content stays
 * coherent whenever the demo starts. Money is integer fen throughout.
 */
export interface SeedDisclosure {
  villageId: string
  kind: DisclosureKind
  section: DisclosureSection
  title: string
  /** Plain text, paragraphs separated by \n. */
  body: string
  /** 'YYYY-MM' or 'YYYY-Qn', or null. */
  period: string | null
  /** Finance only (section 'finance' or project settlements). */
  lineItems: LineItem[]
  /** Days before "now" when it was published (now = seed time); 1..380. */
  daysAgo: number
  /** Who published: 'secretary' (村党支部书记) or 'director' (村委会主任) of that village. */
  by: 'secretary' | 'director'
  /** Optional later correction, applied as revision 2. */
  correction?: { daysAfter: number; reason: string; title?: string; body?: string; lineItems?: LineItem[] }
}

// All calendar arithmetic is in UTC: a "day" is a UTC calendar date, as in the
// seed's publishedAt (now − daysAgo days), so a date here and its daysAgo agree.
type Day = number

const utc = (y: number, m: number, d: number): Day => Date.UTC(y, m - 1, d)
const yearOf = (t: Day) => new Date(t).getUTCFullYear()
const monthOf = (t: Day) => new Date(t).getUTCMonth() + 1
const dateOf = (t: Day) => new Date(t).getUTCDate()
const iso = (t: Day) => new Date(t).toISOString().slice(0, 10)
const md = (t: Day) => `${monthOf(t)}月${dateOf(t)}日`
const ymd = (t: Day) => `${yearOf(t)}年${md(t)}`
const plus = (t: Day, days: number): Day => t + days * DAY
const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate()
const monthEnd = (y: number, m: number): Day => utc(y, m, daysIn(y, m))
const quarterEnd = (y: number, q: number): Day => monthEnd(y, q * 3)
const pad2 = (n: number) => String(n).padStart(2, '0')
const monthPeriod = (y: number, m: number) => `${y}-${pad2(m)}`
const quarterPeriod = (y: number, q: number) => `${y}-Q${q}`
const cnQuarter = (q: number) => ['一', '二', '三', '四'][q - 1] ?? ''

/** 12345678 → "123456.78元", 7812000 → "78120元": how a notice board writes it. */
function yuan(fen: number): string {
  const whole = Math.floor(fen / 100)
  const rest = fen % 100
  return rest === 0 ? `${whole}元` : `${whole}.${pad2(rest)}元`
}

/** Whole yuan between lo and hi, in fen (a shop receipt). */
const wholeYuan = (r: () => number, lo: number, hi: number) => (lo + Math.floor(r() * (hi - lo + 1))) * 100
/** An amount with fen between lo and hi yuan (a utility bill). */
const billFen = (r: () => number, lo: number, hi: number) => lo * 100 + Math.floor(r() * (hi - lo) * 100)

class Calendar {
  readonly today: Day
  constructor(now: Date) {
    const t = now.getTime()
    this.today = t - (((t % DAY) + DAY) % DAY)
  }
  get year(): number {
    return yearOf(this.today)
  }
  ago(t: Day): number {
    return Math.round((this.today - t) / DAY)
  }
  back(days: number): Day {
    return this.today - days * DAY
  }
  /** The latest m月d日 strictly before today. */
  annual(m: number, d: number): Day {
    const t = utc(this.year, m, d)
    return t < this.today ? t : utc(this.year - 1, m, d)
  }
  /** The month k months before the current one. */
  monthBack(k: number): { y: number; m: number } {
    const idx = this.year * 12 + monthOf(this.today) - 1 - k
    return { y: Math.floor(idx / 12), m: (idx % 12) + 1 }
  }
  /** The quarter k quarters before the current one (1 = the last completed). */
  quarterBack(k: number): { y: number; q: number } {
    const idx = this.year * 4 + Math.floor((monthOf(this.today) - 1) / 3) - k
    return { y: Math.floor(idx / 4), q: (idx % 4) + 1 }
  }
}

type Draft = Omit<SeedDisclosure, 'daysAgo' | 'period' | 'lineItems' | 'villageId'> & {
  at: Day
  period?: string | null
  lineItems?: LineItem[]
}

class Book {
  readonly items: SeedDisclosure[] = []
  constructor(readonly cal: Calendar) {}
  /** Records a disclosure published on day `at`; anything not yet published (or too old) is left out. */
  add(villageId: string, d: Draft): void {
    const daysAgo = this.cal.ago(d.at)
    if (daysAgo < 1 || daysAgo > 380) return
    const { at, correction, period, lineItems, ...rest } = d
    void at
    const out: SeedDisclosure = { villageId, ...rest, period: period ?? null, lineItems: lineItems ?? [], daysAgo }
    // A correction comes later than the publication, and never after now.
    if (correction && correction.daysAfter >= 1 && correction.daysAfter < daysAgo) out.correction = correction
    this.items.push(out)
  }
}

/** A dated movement of collective money; `note` is what the month's notice says about it. */
interface Entry {
  date: Day
  item: string
  amountFen: number
  direction: 'income' | 'spending'
  note?: string
}

const lineItem = (e: Entry): LineItem => ({
  date: iso(e.date),
  item: e.item,
  amountFen: e.amountFen,
  direction: e.direction,
})

const sumOf = (entries: readonly Entry[], direction: Entry['direction']) => entries.filter((e) => e.direction === direction).reduce((s, e) => s + e.amountFen, 0)

const surnames = ['王', '王', '王', '李', '李', '张', '张', '刘', '刘', '赵', '陈', '杨', '孙', '周', '吴', '郭', '马', '高', '韩', '冯']
const groups = ['一组', '二组', '三组', '四组', '五组', '六组']

/** Masked names as a public list prints them (王**), drawn from a seed so a year's list is stable. */
function maskedNames(seed: number, n: number): string[] {
  const r = prng(seed)
  return Array.from({ length: n }, () => `${pick(r, surnames)}**`)
}

function maskedWithGroup(seed: number, n: number): string[] {
  const r = prng(seed)
  return Array.from({ length: n }, () => `${pick(r, groups)}${pick(r, surnames)}**`)
}

// ---------------------------------------------------------------------------
// Monthly finance (财务收支公开), shared by the three villages.

interface FinancePlan {
  villageId: string
  chair: string
  /** Months back to cover, oldest first: k = months … 1. */
  months: number
  /** Months with no disclosure at all (the overdue one). */
  missing: ReadonlySet<number>
  /** Days after the month's end the disclosure went up, by k. */
  delay: (k: number) => number
  /** A sentence the notice adds, by k (e.g. why it is late). */
  remark?: (k: number) => string | null
  /** Bank balance at the start of the oldest month. */
  openingFen: number
  routine: (y: number, m: number, k: number) => Entry[]
  ledger: readonly Entry[]
  /** One amount typed wrong and corrected later. */
  misentry?: { k: number; item: string; wrongFen: number; daysAfter: number; reason: (e: Entry) => string }
}

function financeBody(v: { y: number; m: number; entries: readonly Entry[]; balanceFen: number; chair: string; variant: number; remark: string | null }): string {
  const inc = v.entries.filter((e) => e.direction === 'income')
  const sp = v.entries.filter((e) => e.direction === 'spending')
  const incText = inc.length ? `收入${inc.length}笔，合计${yuan(sumOf(v.entries, 'income'))}` : '无收入'
  const spText = `支出${sp.length}笔，合计${yuan(sumOf(v.entries, 'spending'))}`
  const notes = v.entries
    .map((e) => e.note)
    .filter((n): n is string => !!n)
    .slice(0, 2)
    .join('')
  const remark = v.remark ?? ''
  const bal = yuan(v.balanceFen)
  switch (v.variant % 4) {
    case 0:
      return `${v.y}年${v.m}月村级财务收支情况公开如下：本月${incText}；${spText}；月末银行存款余额${bal}。${notes}\n以上收支均经村务监督委员会审核，由镇农村经营管理站代理记账，原始凭证可到村委会查阅。${remark}`
    case 1:
      return `现将本村${v.m}月份财务收支公布如下：${incText}，${spText}，收支相抵后月末结余${bal}。${notes}\n每笔支出均附发票及经办人、证明人签字，经村务监督委员会主任${v.chair}审核后报账。对账目有疑问的，请在公示期内向村务监督委员会反映。${remark}`
    case 2:
      return `${v.m}月份村集体${incText}，${spText}，截至${v.m}月${daysIn(v.y, v.m)}日账面结余${bal}。${notes}\n本期明细已同步张贴在村委会公开栏，并推送到村民微信群。${remark}`
    default:
      return `本期公开${v.y}年${v.m}月收支明细共${v.entries.length}笔，其中${incText}，${spText}，月末结余${bal}。${notes}\n所有支出均按“村财镇管”规定经村务监督委员会审核签章，公示期10天。${remark}`
  }
}

function monthlyFinance(book: Book, plan: FinancePlan): void {
  const { cal } = book
  let balance = plan.openingFen
  for (let k = plan.months; k >= 1; k--) {
    const { y, m } = cal.monthBack(k)
    const start = utc(y, m, 1)
    const end = monthEnd(y, m)
    const entries = [...plan.routine(y, m, k), ...plan.ledger.filter((e) => e.date >= start && e.date <= end)].sort((a, b) => a.date - b.date)
    const opening = balance
    balance += sumOf(entries, 'income') - sumOf(entries, 'spending')
    if (plan.missing.has(k)) continue

    const at = plus(end, plan.delay(k))
    const remark = plan.remark?.(k) ?? null
    const title = `${y}年${m}月财务收支公开`
    const base = { kind: 'finance', section: 'finance', title, period: monthPeriod(y, m), at, by: 'director' } as const
    const wrong = plan.misentry && plan.misentry.k === k ? plan.misentry : null
    const target = wrong ? entries.find((e) => e.item === wrong.item) : undefined
    if (wrong && target) {
      // As first published: one amount typed wrong, and the totals computed from it.
      const shown = entries.map((e) => (e === target ? { ...e, amountFen: wrong.wrongFen } : e))
      const shownBalance = opening + sumOf(shown, 'income') - sumOf(shown, 'spending')
      book.add(plan.villageId, {
        ...base,
        body: financeBody({ y, m, entries: shown, balanceFen: shownBalance, chair: plan.chair, variant: k, remark }),
        lineItems: shown.map(lineItem),
        correction: {
          daysAfter: wrong.daysAfter,
          reason: wrong.reason(target),
          body: financeBody({ y, m, entries, balanceFen: balance, chair: plan.chair, variant: k, remark }),
          lineItems: entries.map(lineItem),
        },
      })
    } else {
      book.add(plan.villageId, {
        ...base,
        body: financeBody({ y, m, entries, balanceFen: balance, chair: plan.chair, variant: k, remark }),
        lineItems: entries.map(lineItem),
      })
    }
  }
}

// ---------------------------------------------------------------------------
// 石桥村: the year's 一事一议 project, one per year, disclosed over its whole life.

interface ProjectSpec {
  name: string
  /** Short name for ledger lines. */
  short: string
  scope: string
  benefit: string
  controlFen: number
  subsidyFen: number
  winner: string
  winnerFen: number
  others: [string, number][]
  supervisor: string
  supervisorFen: number
  durationDays: number
  progress: string
  thickness: string
  samples: string
  actual: string
  settleFen: number
  review: string
}

/** Even years: the lanes of 三组 to 五组; odd years: the field road to the west. */
function projectOf(year: number): ProjectSpec {
  if (year % 2 === 0) {
    return {
      name: '三组至五组村内巷道硬化工程',
      short: '巷道硬化工程',
      scope: '对三组至五组7条未硬化巷道进行硬化，总长1.62公里、宽3.5米，采用C25混凝土、厚18厘米，两侧配套砌筑排水边沟',
      benefit: '涉及三、四、五组农户57户',
      controlFen: 49_860_000,
      subsidyFen: 38_000_000,
      winner: '清河区顺达路桥工程有限公司',
      winnerFen: 47_685_000,
      others: [
        ['清河区恒基建筑工程有限公司', 48_230_000],
        ['清河区广源市政工程有限公司', 49_120_000],
      ],
      supervisor: '清河区正衡工程监理咨询有限公司',
      supervisorFen: 950_000,
      durationDays: 60,
      progress: '7条巷道中已有5条完成混凝土浇筑，其余2条正在支模',
      thickness: '设计厚度18厘米',
      samples: '18.5厘米、18.2厘米、17.9厘米',
      actual: '巷道硬化1.605公里、宽3.5米，配套排水边沟1.58公里',
      settleFen: 47_123_640,
      review: '经现场复核实际硬化长度为1.605公里，较设计少15米，相应核减工程量',
    }
  }
  return {
    name: '村西生产路硬化及排水边沟工程',
    short: '生产路硬化工程',
    scope: '硬化六组至村西机井片区生产路2.1公里、宽3米，采用C25混凝土、厚16厘米，新建排水边沟0.8公里',
    benefit: '惠及六组和一组耕地约1100亩',
    controlFen: 56_200_000,
    subsidyFen: 45_000_000,
    winner: '清河区恒基建筑工程有限公司',
    winnerFen: 54_830_000,
    others: [
      ['清河区顺达路桥工程有限公司', 55_460_000],
      ['清河区万通建设工程有限公司', 55_970_000],
    ],
    supervisor: '清河区正衡工程监理咨询有限公司',
    supervisorFen: 1_100_000,
    durationDays: 70,
    progress: '生产路已完成1.3公里路面浇筑，排水边沟完成基础开挖',
    thickness: '设计厚度16厘米',
    samples: '16.4厘米、16.1厘米、15.8厘米',
    actual: '生产路硬化2.1公里、宽3米，排水边沟0.78公里',
    settleFen: 54_196_270,
    review: '排水边沟实际砌筑0.78公里，较设计少20米，且部分路段经设计变更取消碎石垫层',
  }
}

function projectMoney(year: number) {
  const p = projectOf(year)
  const prepaid = Math.round((p.winnerFen * 30) / 100)
  const progress = Math.round((p.winnerFen * 40) / 100)
  const retention = Math.round((p.settleFen * 3) / 100)
  const final = p.settleFen - retention - prepaid - progress
  const firstSubsidy = Math.round((p.subsidyFen * 60) / 100)
  return { p, prepaid, progress, retention, final, firstSubsidy, restSubsidy: p.subsidyFen - firstSubsidy }
}

function projectLedger(year: number): Entry[] {
  const { p, prepaid, progress, final, firstSubsidy, restSubsidy } = projectMoney(year)
  const d = (m: number, day: number) => utc(year, m, day)
  return [
    {
      date: d(4, 28),
      item: '区一事一议财政奖补资金（首批）',
      amountFen: firstSubsidy,
      direction: 'income',
      note: `区一事一议财政奖补资金首批${yuan(firstSubsidy)}已到账，专款用于${p.short}。`,
    },
    {
      date: d(5, 14),
      item: `${p.short}预付款`,
      amountFen: prepaid,
      direction: 'spending',
      note: `5月14日支付的${yuan(prepaid)}为${p.name}预付款，工程情况见“工程项目”栏。`,
    },
    {
      date: d(6, 30),
      item: `${p.short}进度款`,
      amountFen: progress,
      direction: 'spending',
      note: `6月30日按合同支付${p.short}进度款${yuan(progress)}，经监理单位和村务监督委员会签字确认。`,
    },
    {
      date: d(8, 18),
      item: '区一事一议财政奖补资金（余款）',
      amountFen: restSubsidy,
      direction: 'income',
      note: `区一事一议财政奖补资金余款${yuan(restSubsidy)}已到账。`,
    },
    {
      date: d(9, 22),
      item: `${p.short}结算款`,
      amountFen: final,
      direction: 'spending',
      note: `9月22日支付${p.short}结算款${yuan(final)}，结算明细见“工程项目”栏。`,
    },
    { date: d(9, 22), item: `${p.short}监理费`, amountFen: p.supervisorFen, direction: 'spending' },
  ]
}

/** Last year's project: its quality deposit, paid when the one-year warranty ends. */
function retentionEntry(year: number): Entry {
  const { p, retention } = projectMoney(year - 1)
  return {
    date: utc(year, 7, 26),
    item: `${year - 1}年${p.short}质量保证金`,
    amountFen: retention,
    direction: 'spending',
    note: `7月26日支付${year - 1}年${p.short}质量保证金${yuan(retention)}，该工程款项全部结清。`,
  }
}

function shiqiaoProject(book: Book): void {
  const { cal } = book
  const add = (d: Draft) => book.add('v-shiqiao', d)
  const at = (m: number, d: number) => cal.annual(m, d)
  const on = (t: Day, m: number, d: number) => utc(yearOf(t), m, d)

  // 决议公开: the six steps of 四议两公开 up to the vote.
  let t = at(3, 18)
  let { p } = projectMoney(yearOf(t))
  add({
    kind: 'village',
    section: 'decisions',
    title: `关于实施${p.name}的决议公开`,
    body:
      `按照“四议两公开”程序，${md(on(t, 3, 3))}村党支部提议实施${p.name}，${md(on(t, 3, 5))}村“两委”联席会议商议，${md(on(t, 3, 9))}党员大会审议，${md(on(t, 3, 16))}村民代表会议表决：应到村民代表28人，实到26人，同意24人，反对1人，弃权1人，决议通过。\n` +
      `建设内容：${p.scope}，${p.benefit}。项目概算${yuan(p.controlFen)}，其中申请区一事一议财政奖补资金${yuan(p.subsidyFen)}，村集体自筹${yuan(p.controlFen - p.subsidyFen)}，不向农户筹资筹劳。\n` +
      '项目将委托镇招标办公开招标，村务监督委员会全程参与监督。',
    at: t,
    by: 'secretary',
  })

  t = at(3, 26)
  p = projectOf(yearOf(t))
  add({
    kind: 'village',
    section: 'projects',
    title: `${p.name}立项公示`,
    body:
      `${p.name}已经村民代表会议决议通过，${md(on(t, 3, 24))}经镇党委、政府审核同意立项。工程控制价${yuan(p.controlFen)}，资金来源为区一事一议财政奖补${yuan(p.subsidyFen)}和村集体自筹${yuan(p.controlFen - p.subsidyFen)}。\n` +
      `施工范围示意图和设计做法张贴在村委会公开栏，公示期7天（${md(t)}至${md(plus(t, 6))}）。对选址、做法有意见的，可向村委会或村务监督委员会提出。`,
    at: t,
    by: 'director',
  })

  t = at(4, 8)
  p = projectOf(yearOf(t))
  add({
    kind: 'village',
    section: 'projects',
    title: `${p.name}招标公告`,
    body:
      `本工程委托石桥镇招标办公开招标确定施工单位，控制价${yuan(p.controlFen)}，计划工期${p.durationDays}天。投标人须具备市政公用工程施工总承包三级及以上资质，项目经理须具备二级建造师资格且无在建工程。\n` +
      `报名时间${md(t)}至${md(plus(t, 6))}，地点为石桥镇公共资源交易服务站，开标时间${md(on(t, 4, 21))}上午9时。村“两委”成员及其近亲属不得参与投标，也不得承接分包。`,
    at: t,
    by: 'director',
  })

  t = at(4, 23)
  p = projectOf(yearOf(t))
  add({
    kind: 'village',
    section: 'projects',
    title: `${p.name}中标结果公示`,
    body:
      `${md(on(t, 4, 21))}，${p.name}在镇公共资源交易服务站开标，共3家单位投标，镇纪委、村务监督委员会主任周德明及2名村民代表现场监督。\n` +
      `经评标委员会评审，${p.winner}以${yuan(p.winnerFen)}中标；其余两家${p.others.map(([n, f]) => `${n}报价${yuan(f)}`).join('，')}。\n` +
      '公示期3个工作日，对结果有异议的，可向镇招标办书面提出。',
    at: t,
    by: 'director',
  })

  t = at(5, 10)
  p = projectOf(yearOf(t))
  add({
    kind: 'village',
    section: 'projects',
    title: `${p.name}开工公示`,
    body:
      `${p.name}于${md(on(t, 5, 9))}开工，施工单位${p.winner}，监理单位${p.supervisor}，合同价${yuan(p.winnerFen)}，合同工期${p.durationDays}天。\n` +
      `村务监督委员会和村民代表会议推选的2名义务监督员负责日常质量监督，重点查看混凝土标号、路面厚度和养护时间。施工期间相关道路分段封闭，请沿线农户提前安排车辆出行。`,
    at: t,
    by: 'director',
  })

  t = at(6, 19)
  let money = projectMoney(yearOf(t))
  p = money.p
  add({
    kind: 'village',
    section: 'projects',
    title: `${p.name}施工进度公示`,
    body:
      `截至${md(on(t, 6, 18))}，${p.progress}，完成工程量约占合同的65%。${md(on(t, 6, 12))}，村务监督委员会会同监理单位现场钻芯抽检3处，路面厚度分别为${p.samples}（${p.thickness}），均在允许偏差范围内。\n` +
      `已按合同支付预付款${yuan(money.prepaid)}。发现质量问题可直接向监理单位或村务监督委员会反映。`,
    at: t,
    by: 'director',
  })

  t = at(7, 24)
  p = projectOf(yearOf(t))
  add({
    kind: 'village',
    section: 'projects',
    title: `${p.name}竣工验收结果公示`,
    body:
      `${md(on(t, 7, 22))}，由镇农业农村办、镇纪委、监理单位、村“两委”、村务监督委员会和5名村民代表组成验收组，对${p.name}进行竣工验收。\n` +
      `经现场丈量，实际完成${p.actual}；抽检路面厚度、宽度均达到设计要求，验收结论为合格。工程自验收之日起保修一年，保修期内出现裂缝、沉陷的，由施工单位无偿维修。`,
    at: t,
    by: 'director',
  })

  t = at(7, 28)
  const last = projectMoney(yearOf(t) - 1)
  add({
    kind: 'village',
    section: 'projects',
    title: `${yearOf(t) - 1}年${last.p.name}质量保证金支付公示`,
    body:
      `${last.p.name}于${yearOf(t) - 1}年7月22日竣工验收，一年保修期已届满。${md(on(t, 7, 20))}，村务监督委员会会同监理单位和3名村民代表进行保修期满复验，路面未发现裂缝、沉陷，边沟排水通畅。\n` +
      `经村“两委”研究，于${md(on(t, 7, 26))}向${last.p.winner}支付质量保证金${yuan(last.retention)}，至此该工程款项全部结清，工程档案已移交村档案室。`,
    lineItems: [lineItem(retentionEntry(yearOf(t)))],
    at: t,
    by: 'director',
  })

  t = at(10, 9)
  money = projectMoney(yearOf(t))
  p = money.p
  const ledger = projectLedger(yearOf(t))
  const paid = money.prepaid + money.progress + money.final
  add({
    kind: 'village',
    section: 'projects',
    title: `${p.name}资金结算公示`,
    body:
      `经区财政投资评审中心审核，工程结算金额为${yuan(p.settleFen)}，较合同价审减${yuan(p.winnerFen - p.settleFen)}，主要原因是${p.review}。\n` +
      `已支付施工单位${yuan(paid)}，预留质量保证金${yuan(money.retention)}，保修期满无质量问题后支付；监理费${yuan(p.supervisorFen)}已按合同付清。\n` +
      `工程总投资${yuan(p.settleFen + p.supervisorFen)}，其中区一事一议财政奖补${yuan(p.subsidyFen)}已全部到账，其余${yuan(p.settleFen + p.supervisorFen - p.subsidyFen)}由村集体资金列支。`,
    lineItems: ledger.map(lineItem),
    at: t,
    by: 'director',
  })

  t = at(10, 20)
  money = projectMoney(yearOf(t))
  p = money.p
  add({
    kind: 'village',
    section: 'decisions',
    title: `${p.name}实施结果公开`,
    body:
      `${p.name}已完工并通过验收，现按“四议两公开”要求公开实施结果：工程完成${p.actual}，由${p.winner}施工，结算金额${yuan(p.settleFen)}，比村民代表会议决议的概算节约${yuan(p.controlFen - p.settleFen)}。\n` +
      `${md(on(t, 10, 15))}，村务监督委员会对招投标、变更签证、验收记录和资金支付凭证逐项审查，未发现问题。质量保证金${yuan(money.retention)}将于保修期满后经复验支付。`,
    at: t,
    by: 'secretary',
  })

  // 一事一议: applying for next year's project.
  t = at(12, 12)
  const next = projectOf(yearOf(t) + 1)
  add({
    kind: 'village',
    section: 'decisions',
    title: `关于申报${yearOf(t) + 1}年度一事一议财政奖补项目的决议公开`,
    body:
      `经村党支部提议、“两委”商议、党员大会审议，${md(on(t, 12, 10))}村民代表会议表决，同意申报${yearOf(t) + 1}年度一事一议财政奖补项目“${next.name}”。应到村民代表28人，实到25人，同意23人，弃权2人。\n` +
      `项目内容：${next.scope}，${next.benefit}。概算${yuan(next.controlFen)}，拟申请奖补${yuan(next.subsidyFen)}，不足部分由村集体承担，不向农户筹资。项目批复后，实施方案将再次提交村民代表会议决议。`,
    at: t,
    by: 'secretary',
  })
}

// ---------------------------------------------------------------------------
// 石桥村: assets and resources.

/** The 24 plots of 集体机动地, in tenths of a mu (186亩 in all). */
const plotTenths = [82, 65, 74, 91, 58, 126, 96, 77, 83, 42, 69, 88, 71, 104, 63, 79, 92, 55, 87, 68, 73, 81, 66, 70]
const landPricePerMu = 420

function plotList(holders: readonly string[], tenths: readonly number[]): string {
  return tenths.map((a, i) => `${i + 1}号${(a / 10).toFixed(1)}亩${holders[i] ?? ''}`).join('，')
}

function shiqiaoAssets(book: Book): void {
  const { cal } = book
  const add = (d: Draft) => book.add('v-shiqiao', d)
  const on = (t: Day, m: number, d: number) => utc(yearOf(t), m, d)
  const landTotalFen = (plotTenths.reduce((s, a) => s + a, 0) * landPricePerMu * 100) / 10

  let t = cal.annual(2, 22)
  let y = yearOf(t)
  add({
    kind: 'village',
    section: 'decisions',
    title: `关于${y}年度集体机动地发包方案的决议公开`,
    body:
      `${md(on(t, 2, 20))}，村民代表会议审议${y}年度集体机动地发包方案，应到村民代表28人，实到27人，全票通过。\n` +
      `方案要点：全村集体机动地186亩，按地力和位置划分为24个地块，承包期一年（${y}年3月1日至12月31日）；承包价格由村股份经济合作社参照近三年周边流转价格先行议定为每亩${landPricePerMu}元；本村农户自愿报名，每户限报一块，报名户数超过地块数时公开抓阄确定。\n` +
      '决议已报镇农村经营管理站备案。',
    at: t,
    by: 'director',
  })

  t = cal.annual(2, 24)
  add({
    kind: 'village',
    section: 'assets',
    title: `${yearOf(t)}年度集体机动地发包公告`,
    body:
      `本年度发包集体机动地186亩，共24个地块，面积最小4.2亩、最大12.6亩，各地块编号、位置、四至和面积见公开栏附图。承包价格每亩${landPricePerMu}元，签订合同时一次性缴清，不收取其他任何费用。\n` +
      `报名时间${md(t)}至${md(on(t, 3, 2))}，由户主或家庭成员持户口簿到村委会登记。抓阄定于${md(on(t, 3, 5))}上午9时在村委会大院进行，欢迎村民到场监督。`,
    at: t,
    by: 'director',
  })

  t = cal.annual(3, 6)
  y = yearOf(t)
  const holders = maskedWithGroup(y * 31 + 3, plotTenths.length)
  const wrongTenths = plotTenths.map((a, i) => (i === 6 ? 69 : a))
  const drawBody = (tenths: readonly number[]) =>
    `${md(on(t, 3, 5))}，在镇农经站工作人员、村务监督委员会和村民代表见证下，对报名的67户进行公开抓阄，全程录像。\n` +
    `24个地块全部发包，中签结果：${plotList(holders, tenths)}。\n` +
    `未中签的43户按抽签顺序登记为候补，中签户放弃的依次递补。中签户须于${md(on(t, 3, 10))}前签订承包合同并缴纳承包费，发包总收入${yuan(landTotalFen)}。`
  add({
    kind: 'village',
    section: 'assets',
    title: `${y}年度集体机动地抓阄结果公示`,
    body: drawBody(wrongTenths),
    at: t,
    by: 'director',
    correction: {
      daysAfter: 3,
      reason: `经村务监督委员会对照地块测绘图核对，7号地块面积应为9.6亩，误录为6.9亩，予以更正；该地块承包费为${yuan(96 * landPricePerMu * 10)}，承包户已按实际面积缴纳。`,
      body: drawBody(plotTenths),
    },
  })

  t = cal.annual(3, 13)
  add({
    kind: 'village',
    section: 'assets',
    title: `${yearOf(t)}年度集体机动地承包合同签订及承包费收缴情况公示`,
    body:
      `截至${md(on(t, 3, 10))}，24个地块的中签户全部签订承包合同，合同统一使用区农业农村局制定的示范文本，已报镇农经站备案。\n` +
      `承包费${yuan(landTotalFen)}已全部缴入村集体账户，由镇农经站开具统一收据，无拖欠、无减免。3号地块中签户因外出务工放弃承包，已按候补顺序由第1号候补户递补并签订合同。`,
    at: t,
    by: 'director',
  })

  t = cal.annual(1, 14)
  y = yearOf(t) - 1
  const assetsFen = 312_648_055 + (y - 2024) * 41_853_620
  const debtFen = projectMoney(y).retention
  add({
    kind: 'village',
    section: 'assets',
    title: `${y}年度村集体资产清查结果公示`,
    body:
      `根据镇统一部署，村集体经济组织于${ymd(utc(y, 12, 26))}至${md(on(t, 1, 10))}对${y}年末集体资产进行清查，清查小组由村“两委”成员、村务监督委员会成员和村民代表共7人组成。\n` +
      '经营性资产：原砖厂厂房1200平方米、村南鱼塘水面28亩；非经营性资产：村部办公楼、文化广场、机井14眼、路灯86盏及村内道路；资源性资产：集体机动地186亩、荒坡林地63亩。\n' +
      `截至${y}年12月31日，账面资产总额${yuan(assetsFen)}，负债${yuan(debtFen)}（为应付${projectOf(y).short}质量保证金），净资产${yuan(assetsFen - debtFen)}。清查中发现2根路灯灯杆损毁、1眼机井报废，已提请村民代表会议审议核销。`,
    at: t,
    by: 'director',
  })

  // The pond: a five-year lease, put out to open bidding (not seasonal, so relative to now).
  const pond = cal.back(312)
  add({
    kind: 'village',
    section: 'decisions',
    title: '关于村南鱼塘公开竞租的决议公开',
    body:
      `村南鱼塘水面约28亩，原承包合同已于${md(plus(pond, -18))}到期。经村党支部提议、“两委”商议、党员大会审议，${md(plus(pond, -2))}村民代表会议表决通过：鱼塘以公开竞价方式出租，租期5年，底价每年14000元，租金每年一交，不得改变养殖用途。\n` +
      '竞租公告将在公开栏和村民微信群同步发布。',
    at: pond,
    by: 'director',
  })
  add({
    kind: 'village',
    section: 'assets',
    title: '村南鱼塘公开竞租公告',
    body:
      '标的为村南鱼塘，水面约28亩，附看护房2间、增氧机2台；租期5年，底价每年14000元，每次加价不少于200元。\n' +
      `具有完全民事行为能力的个人或依法设立的合作社均可报名，报名时交纳竞价保证金2000元，未竞得者当场退还。报名截止${md(plus(pond, 12))}，竞价会于${md(plus(pond, 14))}上午在村委会举行。`,
    at: plus(pond, 6),
    by: 'director',
  })
  add({
    kind: 'village',
    section: 'assets',
    title: '村南鱼塘竞租结果公示',
    body:
      `${md(plus(pond, 14))}，村南鱼塘竞价会在村委会举行，共4户报名，经12轮举牌，由五组孙**以每年15600元竞得，租期5年。镇农经站和村务监督委员会现场监督。\n` +
      `租赁合同已于${md(plus(pond, 20))}签订，首年租金15600元已缴入村集体账户，其余3户的竞价保证金已当场退还。`,
    at: plus(pond, 16),
    by: 'director',
  })

  // The idle brickworks, rented out after years empty.
  const works = cal.back(215)
  add({
    kind: 'village',
    section: 'decisions',
    title: '关于出租原砖厂闲置厂房的决议公开',
    body:
      `原村办砖厂停产后，厂房1200平方米闲置多年。经村党支部提议、“两委”商议、党员大会审议，${md(plus(works, -3))}村民代表会议表决通过（应到28人，实到24人，同意22人）：厂房以公开竞价方式出租，底价每年30000元，租期3年，租金半年一交。\n` +
      '承租方不得从事有污染的生产经营，改建须经村委会书面同意，相关手续由承租方自行办理。',
    at: works,
    by: 'director',
  })
  add({
    kind: 'village',
    section: 'assets',
    title: '原砖厂闲置厂房租赁结果公示',
    body:
      `${md(plus(works, 21))}，原砖厂厂房公开竞价在村委会进行，共3家报名，清河区丰源农机专业合作社以每年36000元竞得，用于农机存放和维修。\n` +
      `租期3年，租金半年一交，首期18000元已于${md(plus(works, 27))}入账。合同文本可到村委会查阅。`,
    at: plus(works, 25),
    by: 'director',
  })
}

// ---------------------------------------------------------------------------
// 石桥村: service results (办事结果).

interface DibaoHousehold {
  group: string
  name: string
  persons: number
  reason: string
  grade: 'A类' | 'B类'
  monthlyFen: number
  /** As the approval list first printed it (a typo), when it did. */
  misprint?: string
}

function dibaoOf(year: number) {
  if (year % 2 === 0) {
    return {
      added: [
        { group: '一组', name: '刘**', persons: 3, reason: '本人尿毒症长期透析，丧失劳动能力', grade: 'B类', monthlyFen: 96_000 },
        { group: '四组', name: '章**', persons: 2, reason: '夫妻均年过七十，体弱多病，唯一的女儿远嫁外省且家庭困难', grade: 'A类', monthlyFen: 0, misprint: '张**' },
        { group: '六组', name: '赵**', persons: 4, reason: '户主车祸致残，两个孩子在校就读', grade: 'B类', monthlyFen: 132_000 },
      ] as DibaoHousehold[],
      rejected: { group: '二组', name: '杨**', votes: 2, why: '家庭有小型货车一辆，儿子在外务工月收入4000元以上，人均收入超过标准' },
      exited: { group: '三组', name: '王**', why: '女儿大学毕业后就业，家庭人均收入超过标准' },
      households: 9,
      persons: 14,
    }
  }
  return {
    added: [
      { group: '二组', name: '郭**', persons: 2, reason: '户主脑梗后遗症，生活不能自理', grade: 'B类', monthlyFen: 84_000 },
      { group: '五组', name: '吴**', persons: 3, reason: '户主肝癌术后长期服药，妻子患类风湿', grade: 'B类', monthlyFen: 108_000 },
      { group: '一组', name: '高**', persons: 1, reason: '一级肢体残疾，无劳动能力，无法定赡养人', grade: 'A类', monthlyFen: 0, misprint: '郜**' },
    ] as DibaoHousehold[],
    rejected: { group: '三组', name: '陈**', votes: 3, why: '本人名下在县城有商品房一套' },
    exited: { group: '六组', name: '韩**', why: '户主去世，家中仅剩的1人已纳入特困人员供养' },
    households: 8,
    persons: 13,
  }
}

/** 农村低保标准, per person per month, in fen (rises 30元 a year). */
const dibaoStandardFen = (year: number) => (580 + (year - 2025) * 30) * 100

interface Elder {
  group: string
  name: string
  birthYear: number
  birthMonth: number
}

function shiqiaoServices(book: Book): void {
  const { cal } = book
  const add = (d: Draft) => book.add('v-shiqiao', d)
  const on = (t: Day, m: number, d: number) => utc(yearOf(t), m, d)

  // 低保: village appraisal in May, approval list in June.
  let t = cal.annual(5, 12)
  let y = yearOf(t)
  let dibao = dibaoOf(y)
  const voteLine = [
    ...dibao.added.map((h, i) => `${h.group}${h.name}，${13 - (i === 2 ? 1 : 0)}票同意，通过`),
    `${dibao.rejected.group}${dibao.rejected.name}，${dibao.rejected.votes}票同意，未通过`,
  ].join('；')
  add({
    kind: 'village',
    section: 'services',
    title: `${y}年度低保申请民主评议结果公示`,
    body:
      `本年度村委会共受理低保申请${dibao.added.length + 1}户。${md(on(t, 4, 21))}至${md(on(t, 4, 29))}，镇民政办与村低保评议小组逐户入户调查，核实家庭收入、财产和赡养情况。\n` +
      `${md(on(t, 5, 9))}召开民主评议会，评议小组13人（村“两委”成员3人、村务监督委员会成员3人、村民代表7人）全部到会，按户无记名投票，结果为：${voteLine}。\n` +
      '通过的将报镇政府审核、区民政局审批；未通过的已当面告知理由。对评议结果有异议的，可在7日内向村委会或镇民政办反映。',
    at: t,
    by: 'director',
  })

  t = cal.annual(6, 16)
  y = yearOf(t)
  dibao = dibaoOf(y)
  const std = dibaoStandardFen(y)
  const householdLine = (h: DibaoHousehold, name: string) =>
    `${h.group}${name}，${h.persons}人，${h.reason}，${h.grade}，月保障金${yuan(h.grade === 'A类' ? std * h.persons : h.monthlyFen)}`
  const approvalBody = (misprinted: boolean) =>
    `经村民主评议、镇政府审核、区民政局审批，${y}年度本村新增低保${dibao.added.length}户：${dibao.added
      .map((h) => householdLine(h, misprinted && h.misprint ? h.misprint : h.name))
      .join('；')}。\n` +
    `复核中，${dibao.exited.group}${dibao.exited.name}户因${dibao.exited.why}，自${y}年7月起停发低保金。调整后全村共有低保户${dibao.households}户${dibao.persons}人。\n` +
    `认定条件：家庭月人均收入低于本区农村低保标准（${y}年为每人每月${yuan(std)}），且家庭财产符合规定；家庭成员有机动车辆（残疾人代步车除外）、在城镇购买商品房或经营企业的，不予认定。A类按标准全额保障，B类按标准与家庭人均收入的差额保障。\n` +
    '对名单有异议的，可向村务监督委员会、镇民政办或拨打区民政局监督电话反映。'
  const misprinted = dibao.added.find((h) => h.misprint)
  add({
    kind: 'village',
    section: 'services',
    title: `${y}年度农村低保审批结果公示`,
    body: approvalBody(true),
    at: t,
    by: 'director',
    ...(misprinted
      ? {
          correction: {
            daysAfter: 2,
            reason: `公示名单中${misprinted.group}新增低保户“${misprinted.name}”误录为“${misprinted.misprint}”，与民主评议公示不一致，经镇民政办核对户籍信息，予以更正。`,
            body: approvalBody(false),
          },
        }
      : {}),
  })

  // 危房改造: the year's households in April, completion in October.
  t = cal.annual(4, 16)
  y = yearOf(t)
  let homes = maskedWithGroup(y * 17 + 5, 3)
  add({
    kind: 'village',
    section: 'services',
    title: `${y}年度农村危房改造对象公示`,
    body:
      `经农户申请、村民代表评议和区住建局委托的鉴定机构鉴定，以下3户列为本年度危房改造对象：${homes[0]}（D级危房，原址翻建，低保户）；${homes[1]}（D级危房，原址翻建，分散供养特困人员）；${homes[2]}（C级危房，维修加固，防返贫监测户）。\n` +
      '补助标准为D级翻建每户3.5万元、C级加固每户1.2万元，由区财政通过“一卡通”直接发放到户，不经村集体账户。\n' +
      `公示期7天（${md(t)}至${md(plus(t, 6))}），对名单有异议的，可向村委会或镇村镇建设办反映。`,
    at: t,
    by: 'director',
  })

  t = cal.annual(10, 26)
  y = yearOf(t)
  homes = maskedWithGroup(y * 17 + 5, 3)
  add({
    kind: 'village',
    section: 'services',
    title: `${y}年度农村危房改造竣工验收及补助发放结果公示`,
    body:
      `本年度3户危房改造已全部完工，${md(on(t, 10, 20))}由镇村镇建设办、村委会和村务监督委员会逐户验收，均为合格。\n` +
      `补助资金已由区财政通过“一卡通”发放：${homes[0]}35000元，${homes[1]}35000元，${homes[2]}12000元，合计82000元。${homes[1]}户翻建由村党员志愿服务队协助施工，节省人工费约6000元。`,
    at: t,
    by: 'director',
  })

  // 临时救助, as need arises.
  const fire = cal.back(212)
  add({
    kind: 'village',
    section: 'services',
    title: '临时救助结果公示（六组火灾受灾户）',
    body:
      `${md(plus(fire, -14))}夜，六组张**家因电线老化引发火灾，烧毁正房3间及部分粮食、家具，无人员伤亡。村委会当即组织党员帮助清理，并经“两委”研究从村集体资金中列支慰问金1000元。\n` +
      `经本人申请、村委会入户核实、镇政府审批，给予临时救助8000元，已于${md(plus(fire, -2))}发放到户。`,
    at: fire,
    by: 'director',
  })
  const illness = cal.back(96)
  add({
    kind: 'village',
    section: 'services',
    title: '临时救助结果公示（一组因病困难户）',
    body:
      '一组李**之妻确诊乳腺癌，手术和化疗自付费用约6.8万元，家庭收入主要靠户主打零工。\n' +
      `经本人申请、入户调查和村民代表评议，镇政府批准给予临时救助6000元，已于${md(plus(illness, -3))}发放。村委会同时协助其申请医疗救助，正由区医保局审核。`,
    at: illness,
    by: 'director',
  })
  const injury = cal.back(31)
  add({
    kind: 'village',
    section: 'services',
    title: '临时救助结果公示（四组过渡性救助）',
    body:
      '四组王**之子在外务工期间受工伤，用人单位赔付尚未到位，家中还有两位老人需要照顾，生活暂时困难。\n' +
      `经申请和入户核实，镇政府批准给予过渡性临时救助3000元，已于${md(plus(injury, -2))}发放。村委会已协助联系区人社局劳动保障监察大队督促赔付。`,
    at: injury,
    by: 'director',
  })

  // 高龄津贴, quarterly (published in each quarter's last month); one quarter's list
  // left out a newly eligible elder and was corrected.
  const quarters: { y: number; q: number; at: Day }[] = []
  for (let k = 0; k <= 4; k++) {
    const { y: qy, q } = cal.quarterBack(k)
    const published = utc(qy, q * 3, 20)
    if (published < cal.today) quarters.push({ y: qy, q, at: published })
  }
  const omitted = quarters[2]
  const y0 = cal.year
  const elders: Elder[] = [
    { group: '一组', name: '王**', birthYear: y0 - 91, birthMonth: 2 },
    { group: '二组', name: '李**', birthYear: y0 - 86, birthMonth: 5 },
    { group: '三组', name: '张**', birthYear: y0 - 84, birthMonth: 9 },
    { group: '一组', name: '刘**', birthYear: y0 - 88, birthMonth: 11 },
    { group: '四组', name: '王**', birthYear: y0 - 82, birthMonth: 1 },
    { group: '五组', name: '赵**', birthYear: y0 - 93, birthMonth: 7 },
    { group: '六组', name: '周**', birthYear: y0 - 81, birthMonth: 4 },
    { group: '二组', name: '陈**', birthYear: y0 - 85, birthMonth: 12 },
    { group: '三组', name: '杨**', birthYear: y0 - 89, birthMonth: 3 },
    { group: '五组', name: '王**', birthYear: y0 - 83, birthMonth: 6 },
    { group: '六组', name: '李**', birthYear: y0 - 87, birthMonth: 8 },
    { group: '一组', name: '马**', birthYear: y0 - 95, birthMonth: 10 },
    { group: '四组', name: '郭**', birthYear: y0 - 81, birthMonth: 10 },
  ]
  const late: Elder | null = omitted ? { group: '五组', name: '孙**', birthYear: omitted.y - 80, birthMonth: omitted.q * 3 - 2 } : null
  const ageAt = (e: Elder, y: number, m: number) => y - e.birthYear - (m < e.birthMonth ? 1 : 0)
  for (const quarter of quarters) {
    const firstMonth = quarter.q * 3 - 2
    const eligible = (list: readonly Elder[]) =>
      list.filter((e) => ageAt(e, quarter.y, firstMonth) >= 80).sort((a, b) => ageAt(b, quarter.y, firstMonth) - ageAt(a, quarter.y, firstMonth))
    const all = eligible(late ? [...elders, late] : elders)
    const body = (list: readonly Elder[]) => {
      const over90 = list.filter((e) => ageAt(e, quarter.y, firstMonth) >= 90).length
      const totalFen = over90 * 60_000 + (list.length - over90) * 30_000
      return (
        `${quarter.y}年第${cnQuarter(quarter.q)}季度，本村享受高龄津贴${list.length}人，其中80至89周岁${list.length - over90}人（每人每月100元），90周岁以上${over90}人（每人每月200元），本季度合计${yuan(totalFen)}。\n` +
        `名单：${list.map((e) => `${e.group}${e.name}（${ageAt(e, quarter.y, firstMonth)}岁）`).join('、')}。\n` +
        `本季度津贴已于${md(plus(quarter.at, -5))}由区民政局通过社保卡直接发放到个人账户。新近年满80周岁的老人，请家属持身份证、户口簿到村委会登记。`
      )
    }
    const isOmitted = quarter === omitted && late !== null
    add({
      kind: 'village',
      section: 'services',
      title: `${quarter.y}年第${cnQuarter(quarter.q)}季度高龄津贴发放名单公示`,
      body: body(isOmitted ? all.filter((e) => e !== late) : all),
      period: quarterPeriod(quarter.y, quarter.q),
      at: quarter.at,
      by: 'director',
      ...(isOmitted && late
        ? {
            correction: {
              daysAfter: 5,
              reason: `${late.group}${late.name}于${quarter.y}年${late.birthMonth}月年满80周岁，本季度起应享受高龄津贴，原公示名单漏报；经村务监督委员会核对户籍信息后补录，补发资金已由区民政局发放。`,
              body: body(all),
            },
          }
        : {}),
    })
  }

  t = cal.annual(12, 6)
  y = yearOf(t) + 1
  add({
    kind: 'village',
    section: 'services',
    title: `${y}年度城乡居民医保个人缴费资助对象公示`,
    body:
      `按照区医保局、民政局规定，本村${y}年度城乡居民基本医疗保险个人缴费资助对象共${2 + dibaoOf(y - 1).persons + 6}人：特困人员2人全额资助，低保对象${dibaoOf(y - 1).persons}人和防返贫监测对象6人定额资助。\n` +
      '资助资金由区财政直接划入医保基金，资助对象只需缴纳差额部分。其他村民请于2月底前通过手机或到村委会代收点缴费，个人缴费标准以区医保局公布为准。',
    at: t,
    by: 'director',
  })

  t = cal.annual(4, 30)
  add({
    kind: 'village',
    section: 'services',
    title: `${yearOf(t)}年耕地地力保护补贴面积核实公示`,
    body:
      `经村民小组长逐户核对、村委会汇总，本年度全村有承包耕地的124户，核实补贴面积3412.6亩，以第二轮土地承包面积为基础，扣除已建房、修路等改变用途和长期撂荒的耕地。\n` +
      '各户补贴面积明细张贴在村委会公开栏，公示期7天。补贴标准由区农业农村局统一确定，资金通过“一卡通”直接发放到户，村里不经手补贴资金。',
    at: t,
    by: 'director',
  })

  t = cal.annual(1, 12)
  y = yearOf(t)
  const hired = maskedNames(y * 13 + 7, 3)
  add({
    kind: 'village',
    section: 'services',
    title: `${y}年度乡村公益性岗位聘用结果公示`,
    body:
      `经个人申请、村委会审核、镇劳动保障所审定，本年度聘用保洁员2名（${hired[0]}、${hired[1]}，均为低保家庭劳动力）、护林员1名（${hired[2]}，防返贫监测户）。\n` +
      '保洁员负责主街、文化广场和垃圾收集点的日常保洁，每人每月工资1200元由村集体支付；护林员补贴由区林业局发放。聘期一年，考核不合格的予以解聘。',
    at: t,
    by: 'director',
  })

  t = cal.annual(9, 8)
  y = yearOf(t)
  const disabled = maskedWithGroup(y * 19 + 2, 7)
  add({
    kind: 'village',
    section: 'services',
    title: `${y}年困难残疾人生活补贴和重度残疾人护理补贴名单公示`,
    body:
      `经本人申请、村委会初审、镇残联审核、区残联审批，本村享受困难残疾人生活补贴4人：${disabled.slice(0, 4).join('、')}；享受重度残疾人护理补贴3人：${disabled.slice(4).join('、')}。\n` +
      '补贴标准：困难残疾人生活补贴每人每月90元，重度残疾人护理补贴一级每人每月120元、二级每人每月90元，由区残联按月通过“一卡通”发放。\n' +
      '残疾等级或家庭经济状况发生变化的，请及时到村委会报告。',
    at: t,
    by: 'director',
  })

  t = cal.annual(3, 24)
  y = yearOf(t)
  const reward = maskedWithGroup(y * 23 + 9, 2)
  add({
    kind: 'village',
    section: 'services',
    title: `${y}年度农村部分计划生育家庭奖励扶助对象公示`,
    body:
      `经本人申报、村委会初审、镇卫生健康办审核，本年度新增奖励扶助对象2人：${reward.join('、')}，均为年满60周岁的独生子女父母；继续享受的11人已完成年度资格确认。\n` +
      '扶助标准为每人每年960元，由区财政直接发放到个人账户。公示期7天，对名单有异议的可向村委会或镇卫生健康办反映。',
    at: t,
    by: 'director',
  })
}

// ---------------------------------------------------------------------------
// 石桥村: other resolutions (四议两公开).

function shiqiaoDecisions(book: Book): void {
  const { cal } = book
  const add = (d: Draft) => book.add('v-shiqiao', d)
  const on = (t: Day, m: number, d: number) => utc(yearOf(t), m, d)

  let t = cal.annual(1, 22)
  add({
    kind: 'village',
    section: 'decisions',
    title: `关于${yearOf(t)}年度村级财务收支预算的决议公开`,
    body:
      `${md(on(t, 1, 20))}，村民代表会议审议通过${yearOf(t)}年度村级财务收支预算，应到村民代表28人，实到25人，同意25人。\n` +
      '收入预算28.2万元：区财政村级组织运转经费15.4万元、集体机动地发包收入7.81万元、其他经营性收入约5万元。支出预算16.8万元：保洁员工资2.88万元、水电及取暖费2.2万元、村民小组长误工补贴2.16万元，其余用于办公、公共设施维护和应急支出。\n' +
      '预算外支出或单笔5000元以上的支出，须经村“两委”集体研究并报村务监督委员会审核。',
    at: t,
    by: 'director',
  })

  t = cal.annual(10, 9)
  add({
    kind: 'village',
    section: 'decisions',
    title: '关于秋季秸秆禁烧巡查安排的决议公开',
    body:
      `${md(on(t, 10, 6))}，村“两委”联席会议讨论秋季秸秆禁烧工作，原拟聘用8名巡逻员，每人每天80元，巡查40天，需支出25600元。\n` +
      '列席会议的村务监督委员会主任周德明提出，镇村干部已包片下沉，另聘巡逻员有浪费之嫌；“两委”采纳这一意见，改由全体党员志愿者和6名村民小组长分片值守，村集体只列支值守误餐费。\n' +
      '巡查排班表已张贴在各组公开栏，发现焚烧请拨打村委会值班电话。',
    at: t,
    by: 'secretary',
  })

  t = cal.back(160)
  add({
    kind: 'village',
    section: 'decisions',
    title: '关于修订村规民约的决议公开',
    body:
      `经村党支部提议、“两委”商议、党员大会审议，${md(plus(t, -3))}村民代表会议表决通过修订后的村规民约，应到28人，实到27人，同意26人，反对1人。\n` +
      '主要修订内容：红白喜事宴席不超过12桌、每桌不超过500元，彩礼不超过5万元；禁止在村内道路晾晒粮食、堆放柴草；生活垃圾按可回收物和其他垃圾分类投放。\n' +
      '修订后的村规民约已报镇党委、政府备案，全文张贴在各组公开栏。',
    at: t,
    by: 'director',
  })
}

// ---------------------------------------------------------------------------
// 石桥村: party affairs (党务).

const PARTY_MEMBERS = 38

interface Candidate {
  name: string
  desc: string
}
const candidateOf = (year: number): Candidate =>
  year % 2 === 0
    ? { name: '刘**', desc: '男，1996年出生，大专文化，四组返乡创业青年，从事设施蔬菜种植' }
    : { name: '杨**', desc: '女，1993年出生，高中文化，一组网格员、村妇联执委' }

function themeDay(m: number, y: number, act: Day, present: number, r: () => number): { title: string; text: string } {
  const head = `${md(act)}，村党支部开展${m}月主题党日活动，应到党员${PARTY_MEMBERS}名，实到${present}名，在外务工党员已请假或通过视频参加。`
  switch (m) {
    case 1:
      return {
        title: '走访慰问困难党员和老党员',
        text: `${head}支部书记王振山带领支委和党员代表走访慰问困难党员、老党员和困难群众${12 + Math.floor(r() * 6)}户，送去米、面、油。走访中收集到冬季取暖、村内清雪方面的意见建议4条，已交村委会研究办理。`,
      }
    case 2:
      return {
        title: '学习全会精神，开展民主评议',
        text: `${head}会上集中学习区委全会精神，并按照个人自评、党员互评、群众测评的程序开展年度民主评议党员，评议结果另行公示。`,
      }
    case 3:
      return {
        title: '学雷锋志愿服务',
        text: `${head}党员志愿者清理村内垃圾死角11处、河沟沿岸白色垃圾约2吨，为六组3户独居老人打扫庭院。`,
      }
    case 4:
      return {
        title: '清明祭扫烈士墓',
        text: `${head}全体参会党员到镇烈士陵园祭扫，敬献花篮，重温入党誓词。随后在村部观看党史教育片，3名老党员讲述了本村通电、修路的往事。`,
      }
    case 5:
      return {
        title: '学习农村基层组织工作条例',
        text: `${head}会上集中学习《中国共产党农村基层组织工作条例》，支部书记结合本村“四议两公开”执行情况作辅导。会后党员分片检查春季防火，清理房前屋后柴草堆6处。`,
      }
    case 6:
      return {
        title: '汛前部署与党员包户',
        text: `${head}会上专题部署汛期工作，党员按居住地分为6个责任区，包户联系独居老人和危旧房户。会后参会党员检查村内排水沟，疏通堵塞涵管2处。`,
      }
    case 7:
      return {
        title: `庆祝建党${y - 1921}周年`,
        text: `${head}全体参会党员重温入党誓词，为${y % 2 === 0 ? 2 : 1}名党龄满50年的老党员颁发“光荣在党50年”纪念章，新接收的预备党员在党旗下作表态发言。`,
      }
    case 8:
      return {
        title: '纪律教育与警示教育',
        text: `${head}组织观看基层“微腐败”警示教育片，学习《中国共产党纪律处分条例》中有关群众纪律的条款。支部书记对照村级小微权力负面清单逐条讲解，党员交流发言7人次。`,
      }
    case 9:
      return {
        title: '助秋收志愿服务',
        text: `${head}党员志愿服务队帮助${5 + Math.floor(r() * 4)}户缺劳力家庭抢收玉米，共收获约${40 + Math.floor(r() * 20)}亩，并协助联系粮食收购点。`,
      }
    case 10:
      return {
        title: '秸秆禁烧宣传与值守',
        text: `${head}会上学习秸秆禁烧有关规定，党员与村民小组长分片值守，每天巡查田间地头，向农户发放秸秆还田明白纸200余份。`,
      }
    case 11:
      return {
        title: '冬季消防安全入户检查',
        text: `${head}党员分组入户查看电线、炉具和烟道，发现隐患9处，当场整改7处；其余2处为独居老人家中线路老化，村委会已联系电工免费更换。`,
      }
    default:
      return {
        title: '学习小微权力清单，征求组织生活会意见',
        text: `${head}会上集中学习村级小微权力清单和运行流程图，支委会就年度组织生活会向党员群众征求意见，共收到意见建议${8 + Math.floor(r() * 5)}条，主要集中在财务公开及时性和路灯维护方面。`,
      }
  }
}

function shiqiaoParty(book: Book): void {
  const { cal } = book
  const add = (d: Draft) => book.add('v-shiqiao', d)
  const on = (t: Day, m: number, d: number) => utc(yearOf(t), m, d)

  // 主题党日: the 10th of each month, published two days later.
  for (let m = 1; m <= 12; m++) {
    const t = cal.annual(m, 12)
    const y = yearOf(t)
    const r = prng(y * 100 + m + 7)
    const present = 30 + Math.floor(r() * 6)
    const { title, text } = themeDay(m, y, plus(t, -2), present, r)
    add({ kind: 'party', section: 'decisions', title: `${y}年${m}月主题党日：${title}`, body: text, at: t, by: 'secretary' })
  }

  // 三会一课 and 党费, quarterly.
  const done: { y: number; q: number }[] = []
  for (let k = 1; done.length < 4 && k < 8; k++) done.push(cal.quarterBack(k))
  for (const { y, q } of done) {
    const end = quarterEnd(y, q)
    const cand = candidateOf(y)
    const meeting = [
      { date: utc(y, 3, 9), topic: `${projectOf(y).name}实施方案`, lecturer: '支部书记王振山', lecture: '用好小微权力清单，做群众信得过的村干部', present: 33 },
      { date: utc(y, 4, 28), topic: '春季防火和人居环境整治工作安排', lecturer: '镇党委包村领导', lecture: '防汛减灾中的党员责任', present: 31 },
      { date: utc(y, 7, 3), topic: `接收${cand.name}为预备党员及预备党员转正`, lecturer: '支部书记王振山', lecture: '学党章、守纪律、当先锋', present: 32 },
      { date: utc(y, 12, 8), topic: '年度民主评议党员工作方案和一事一议奖补项目申报', lecturer: '村务监督委员会主任周德明', lecture: '村务监督看什么、怎么看', present: 34 },
    ][q - 1]!
    add({
      kind: 'party',
      section: 'decisions',
      title: `${y}年第${cnQuarter(q)}季度“三会一课”落实情况公开`,
      body:
        `${y}年第${cnQuarter(q)}季度，村党支部召开支部党员大会1次（${md(meeting.date)}，议题为${meeting.topic}），支委会3次，3个党小组各召开党小组会3次，上党课1次（${meeting.lecturer}讲授《${meeting.lecture}》）。\n` +
        `支部党员大会应到${PARTY_MEMBERS}名，实到${meeting.present}名，在外务工党员通过视频连线参加学习。各次会议记录已存档备查，形成的事项均已按程序提交村委会或村民代表会议。`,
      period: quarterPeriod(y, q),
      at: plus(end, 7),
      by: 'secretary',
    })

    const collect = utc(y, q * 3, 10)
    const remit = utc(y, q * 3, 25)
    const dues: Entry[] = [
      { date: collect, item: '收缴农民党员党费（29人）', amountFen: 8_700, direction: 'income' },
      { date: collect, item: '收缴村干部党员党费（5人）', amountFen: 22_650, direction: 'income' },
      { date: collect, item: '收缴离退休党员党费（4人）', amountFen: 16_830, direction: 'income' },
    ]
    const total = sumOf(dues, 'income')
    dues.push({ date: remit, item: '党费全额上缴镇党委', amountFen: total, direction: 'spending' })
    add({
      kind: 'party',
      section: 'finance',
      title: `${y}年第${cnQuarter(q)}季度党费收缴情况公示`,
      body:
        `${y}年第${cnQuarter(q)}季度，全支部应交党费党员${PARTY_MEMBERS}名，实交${PARTY_MEMBERS}名，共收缴党费${yuan(total)}，已于${md(remit)}全额上缴镇党委，支部不留存。\n` +
        '交纳标准：农民党员每人每月1元，村干部党员按基本报酬的0.5%，离退休党员按基本退休费的0.5%。' +
        (q % 2 === 0 ? '在外务工的2名流动党员通过微信转账交纳，支部已出具收据。' : ''),
      period: quarterPeriod(y, q),
      lineItems: dues.map(lineItem),
      at: plus(end, 10),
      by: 'secretary',
    })
  }

  // 党员发展: 发展对象 in June, 预备党员 in July.
  let t = cal.annual(6, 8)
  let cand = candidateOf(yearOf(t))
  add({
    kind: 'party',
    section: 'decisions',
    title: `关于拟将${cand.name}同志列为发展对象的公示`,
    body:
      `经党员和群众推荐、支委会${md(on(t, 6, 3))}研究，拟将${cand.name}（${cand.desc}）列为发展对象。该同志于${yearOf(t) - 1}年3月被确定为入党积极分子，培养考察期已满一年，已参加镇党委举办的入党积极分子培训班并结业。\n` +
      `公示期5个工作日（${md(t)}至${md(plus(t, 6))}），对其有意见的，可向村党支部或镇党委组织办反映。`,
    at: t,
    by: 'secretary',
  })

  t = cal.annual(6, 26)
  cand = candidateOf(yearOf(t))
  const prev = candidateOf(yearOf(t) - 1)
  add({
    kind: 'party',
    section: 'decisions',
    title: '拟接收预备党员和预备党员拟转正公示',
    body:
      `${cand.name}（${cand.desc}）经政治审查和集中培训，镇党委预审同意，拟提交支部大会讨论接收为中共预备党员。\n` +
      `预备党员${prev.name}（${prev.desc}）预备期将于7月期满，本人已提出转正申请，支委会审查认为其基本具备正式党员条件，拟提交支部大会讨论。\n` +
      '公示期5个工作日，党员群众有意见的，可向村党支部或镇党委组织办反映。',
    at: t,
    by: 'secretary',
  })

  t = cal.annual(7, 6)
  cand = candidateOf(yearOf(t))
  add({
    kind: 'party',
    section: 'decisions',
    title: '支部党员大会决议：接收预备党员和预备党员转正',
    body:
      `${md(on(t, 7, 3))}，村党支部召开支部党员大会，应到有表决权的党员37名，实到32名。经逐个讨论、举手表决，32票赞成，同意接收${cand.name}为中共预备党员，同意${candidateOf(yearOf(t) - 1).name}按期转为中共正式党员。\n` +
      '两项决议已报镇党委审批，审批结果另行公布。',
    at: t,
    by: 'secretary',
  })

  t = cal.annual(2, 16)
  const y = yearOf(t) - 1
  const best = maskedNames(y * 29 + 1, 7)
  add({
    kind: 'party',
    section: 'decisions',
    title: `${y}年度民主评议党员结果公示`,
    body:
      `${md(on(t, 2, 10))}，村党支部召开年度组织生活会暨民主评议党员大会，经个人自评、党员互评、群众代表测评和支部综合评定，全支部${PARTY_MEMBERS}名党员中，评定为优秀7名、合格30名、基本合格1名，无不合格党员。\n` +
      `优秀党员：${best.join('、')}。评为基本合格的1名党员长期在外务工、全年仅参加组织生活2次，支部已与其谈心谈话并提出改进要求。`,
    at: t,
    by: 'secretary',
  })
}

// ---------------------------------------------------------------------------
// 石桥村: the monthly books.

function shiqiaoRoutine(y: number, m: number, k: number, lampMonth: number): Entry[] {
  const r = prng(y * 100 + m)
  const entries: Entry[] = []
  const day = (d: number) => utc(y, m, Math.min(d, daysIn(y, m)))
  const out = (d: number, item: string, amountFen: number) => entries.push({ date: day(d), item, amountFen, direction: 'spending' })
  const inc = (d: number, item: string, amountFen: number, note?: string) => entries.push({ date: day(d), item, amountFen, direction: 'income', ...(note ? { note } : {}) })
  const winter = m === 12 || m <= 2

  out(6, '支付上月保洁员工资（2人）', 240_000)
  out(15, '村部宽带及固定电话费', 12_900)
  out(23, '村部及文化广场水电费', billFen(r, winter ? 520 : 310, winter ? 690 : 480))
  out(27, '生活垃圾清运费（镇环卫所）', m >= 6 && m <= 9 ? 78_000 : 65_000)
  if (m % 3 === 1) {
    const q = (m + 2) / 3
    inc(18, `区财政拨付第${cnQuarter(q)}季度村级组织运转经费`, 3_850_000, `区财政拨付的第${cnQuarter(q)}季度村级组织运转经费38500元已到账。`)
    out(9, '村民小组长误工补贴（6人，上季度）', 540_000)
  }
  if (m % 3 === 0) inc(21, '银行存款结息', billFen(r, 28, 64))
  if (m % 2 === 1) out(11, '办公用品（打印纸、墨盒、档案盒）', wholeYuan(r, 180, 460))
  switch (m) {
    case 1:
      out(20, '春节走访慰问困难群众及老党员（米、面、油）', 486_000)
      break
    case 2:
      out(13, '元宵节文艺演出音响租赁', 80_000)
      out(20, '村民代表会议误工补贴（27人）', 135_000)
      out(25, '村部取暖用煤补购（1吨）', 124_000)
      break
    case 3:
      out(16, '村民代表会议误工补贴（26人）', 130_000)
      break
    case 4:
      out(9, '村道两侧补植国槐120株', 315_000)
      break
    case 5:
      out(20, '爱国卫生月灭鼠及消杀药品', 62_000)
      break
    case 6:
      out(12, '防汛物资（编织袋500条、铁锹20把、雨衣10套）', 236_000)
      break
    case 7:
      out(21, '汛期租用水泵抽排村内积水', 45_000)
      break
    case 8:
      out(5, '机井水房供电线路安装费', 127_000)
      out(19, '排水沟清淤人工费（12个工日）', 180_000)
      break
    case 9:
      out(16, '秸秆禁烧宣传条幅及标语', 42_000)
      break
    case 10:
      out(28, '秸秆禁烧党员志愿者值守误餐费', 96_000)
      break
    case 11:
      out(3, '村部冬季取暖用煤（4吨）', 496_000)
      out(22, '更换村部及文化活动室灭火器12具', 108_000)
      break
    default:
      out(10, '村民代表会议误工补贴（25人）', 125_000)
      out(14, '清雪租用铲车（3个台班）', 120_000)
      out(26, '村务公开栏板面更换', 68_000)
  }
  if (k === lampMonth) out(12, '路灯维修（三组、四组更换灯头6个及线路）', 86_000)
  else if (m === 3) out(17, '路灯维修（一组更换LED灯头4个）', 52_000)
  else if (m === 10) out(24, '主街路灯线路检修', 73_000)
  return entries
}

function shiqiaoLedger(cal: Calendar): Entry[] {
  const entries: Entry[] = []
  for (let y = cal.year - 2; y <= cal.year; y++) {
    entries.push(...projectLedger(y))
    entries.push(retentionEntry(y))
    entries.push({
      date: utc(y, 3, 10),
      item: '集体机动地发包收入（186亩）',
      amountFen: 7_812_000,
      direction: 'income',
      note: '集体机动地发包收入78120元已全部入账，发包明细见“资产资源”栏。',
    })
  }
  const pondSigned = cal.back(312 - 20)
  entries.push({
    date: pondSigned,
    item: '村南鱼塘租金（首年）',
    amountFen: 1_560_000,
    direction: 'income',
    note: '村南鱼塘首年租金15600元已按合同入账。',
  })
  const worksPaid = cal.back(215 - 27)
  entries.push({
    date: worksPaid,
    item: '原砖厂厂房租金（首个半年）',
    amountFen: 1_800_000,
    direction: 'income',
    note: '原砖厂厂房首期租金18000元已入账。',
  })
  entries.push({
    date: plus(worksPaid, 182),
    item: '原砖厂厂房租金（第二个半年）',
    amountFen: 1_800_000,
    direction: 'income',
  })
  entries.push({
    date: cal.back(212 + 12),
    item: '六组火灾受灾户慰问金',
    amountFen: 100_000,
    direction: 'spending',
    note: '六组火灾受灾户慰问金1000元经村“两委”会议研究同意列支。',
  })
  return entries
}

function shiqiao(book: Book): void {
  const lampMonth = 6
  // The year's project money already received or spent before the oldest month is in the opening balance.
  const ledger = shiqiaoLedger(book.cal)
  const oldest = book.cal.monthBack(12)
  const before = ledger.filter((e) => yearOf(e.date) === oldest.y && e.date < utc(oldest.y, oldest.m, 1))
  const carried = sumOf(before, 'income') - sumOf(before, 'spending')
  // Within the township's 10-day deadline, except k = 4 and 9 (published 24 and 27 days after month end).
  const delays: Record<number, number> = { 1: 5, 2: 0, 3: 7, 4: 24, 5: 6, 6: 9, 7: 8, 8: 9, 9: 27, 10: 6, 11: 8, 12: 7 }
  monthlyFinance(book, {
    villageId: 'v-shiqiao',
    chair: '周德明',
    months: 12,
    // Two months ago: not published at all.
    missing: new Set([2]),
    delay: (k) => delays[k] ?? 8,
    remark: (k) => (k === 4 ? '因村报账员参加区农经系统业务培训，本期公开晚于规定时间，特此说明。' : null),
    openingFen: 21_365_842 + carried,
    routine: (y, m, k) => shiqiaoRoutine(y, m, k, lampMonth),
    ledger,
    misentry: {
      k: lampMonth,
      item: '路灯维修（三组、四组更换灯头6个及线路）',
      wrongFen: 68_000,
      daysAfter: 6,
      reason: (e) => `经村务监督委员会核对原始凭证，${md(e.date)}路灯维修费应为860元，误录为680元，予以更正；本月支出合计和月末结余相应调整。`,
    },
  })
  shiqiaoProject(book)
  shiqiaoAssets(book)
  shiqiaoServices(book)
  shiqiaoDecisions(book)
  shiqiaoParty(book)
}

// ---------------------------------------------------------------------------
// 柳树湾村 and 东岭村: smaller villages, a few recent disclosures each.

function smallRoutine(seed: number, cleaners: number, transferFen: number, leaders: number): (y: number, m: number) => Entry[] {
  return (y, m) => {
    const r = prng(seed * 1000 + y * 100 + m)
    const entries: Entry[] = []
    const day = (d: number) => utc(y, m, Math.min(d, daysIn(y, m)))
    const out = (d: number, item: string, amountFen: number) => entries.push({ date: day(d), item, amountFen, direction: 'spending' })
    const winter = m === 12 || m <= 2
    out(6, `支付上月保洁员工资（${cleaners}人）`, cleaners * 110_000)
    out(11, '办公用品及打印耗材', wholeYuan(r, 80, 220))
    out(15, '村部宽带及电话费', 9_900)
    out(22, '村部电费', billFen(r, winter ? 260 : 150, winter ? 380 : 240))
    out(26, '生活垃圾清运费', 42_000)
    if (m % 3 === 1) {
      const q = (m + 2) / 3
      entries.push({
        date: day(18),
        item: `区财政拨付第${cnQuarter(q)}季度村级组织运转经费`,
        amountFen: transferFen,
        direction: 'income',
        note: `区财政拨付的第${cnQuarter(q)}季度村级组织运转经费${yuan(transferFen)}已到账。`,
      })
      out(9, `村民小组长误工补贴（${leaders}人，上季度）`, leaders * 90_000)
    }
    if (m % 3 === 0) entries.push({ date: day(21), item: '银行存款结息', amountFen: billFen(r, 9, 26), direction: 'income' })
    if (m === 11) out(4, '村部冬季取暖用煤（2吨）', 248_000)
    if (m === 12) out(15, '清雪人工费', 60_000)
    if (m === 1) out(20, '春节慰问困难党员和老党员', 168_000)
    if (m === 6) out(12, '防汛物资（编织袋、铁锹）', 98_000)
    if (m === 10) out(16, '秸秆禁烧宣传条幅', 26_000)
    return entries
  }
}

function liushu(book: Book): void {
  const { cal } = book
  const add = (d: Draft) => book.add('v-liushu', d)

  const lampsPaid = cal.back(43)
  const lampFen = 3_680_000
  const lampRetention = Math.round((lampFen * 5) / 100)
  const ledger: Entry[] = [
    {
      date: lampsPaid,
      item: '太阳能路灯安装款（扣留5%质保金）',
      amountFen: lampFen - lampRetention,
      direction: 'spending',
      note: '太阳能路灯安装款已按合同支付，详见“工程项目”栏。',
    },
    {
      date: cal.back(136),
      item: '河滩地租金（首年）',
      amountFen: 1_596_000,
      direction: 'income',
      note: '河滩地首年租金15960元已入账。',
    },
  ]
  monthlyFinance(book, {
    villageId: 'v-liushu',
    chair: '郭秀兰',
    months: 3,
    missing: new Set(),
    delay: (k) => [0, 6, 8, 7][k] ?? 7,
    openingFen: 6_841_235,
    routine: smallRoutine(7, 1, 2_200_000, 3),
    ledger,
  })

  const { y, q } = cal.quarterBack(1)
  const collect = utc(y, q * 3, 10)
  const remit = utc(y, q * 3, 24)
  const dues: Entry[] = [
    { date: collect, item: '收缴农民党员党费（12人）', amountFen: 3_600, direction: 'income' },
    { date: collect, item: '收缴村干部党员党费（3人）', amountFen: 12_150, direction: 'income' },
    { date: collect, item: '收缴离退休党员党费（1人）', amountFen: 4_680, direction: 'income' },
  ]
  const total = sumOf(dues, 'income')
  dues.push({ date: remit, item: '党费全额上缴镇党委', amountFen: total, direction: 'spending' })
  add({
    kind: 'party',
    section: 'finance',
    title: `${y}年第${cnQuarter(q)}季度党费收缴情况公示`,
    body: `${y}年第${cnQuarter(q)}季度，柳树湾村党支部16名党员全部按时交纳党费，合计${yuan(total)}，已于${md(remit)}全额上缴镇党委。交纳明细张贴在村部党务公开栏，党员可当面核对本人交纳金额。`,
    period: quarterPeriod(y, q),
    lineItems: dues.map(lineItem),
    at: plus(quarterEnd(y, q), 9),
    by: 'secretary',
  })

  const relief = cal.back(58)
  add({
    kind: 'village',
    section: 'services',
    title: '临时救助结果公示（三组因病困难户）',
    body:
      '三组马**突发脑出血住院，医保报销后自付医疗费约4.6万元，妻子常年务农，两个孩子尚在读书。\n' +
      `经本人申请、村委会入户核实、镇政府审批，给予临时救助5000元，已于${md(plus(relief, -2))}发放到户。`,
    at: relief,
    by: 'director',
  })

  const land = cal.back(140)
  add({
    kind: 'village',
    section: 'assets',
    title: '村集体河滩地租赁结果公示',
    body:
      `经村民代表会议决议，村东河滩地42亩以公开竞价方式出租，底价每亩每年350元。${md(plus(land, -3))}竞价会上共3家报名，清河区绿丰种植专业合作社以每亩每年380元竞得，年租金15960元，租期3年，用于种植青贮饲草。\n` +
      '合同约定不得建设永久性建筑、不得破坏河道堤岸，汛期服从防汛调度。',
    at: land,
    by: 'director',
  })

  const quote = cal.back(96)
  add({
    kind: 'village',
    section: 'projects',
    title: '村内太阳能路灯安装项目比价结果公示',
    body:
      `村内主路和河堤路计划安装太阳能路灯32盏，经村民代表会议决议，项目预算3.8万元，按小额工程采取三家比价方式确定供货安装单位。\n` +
      `${md(plus(quote, -2))}，在村务监督委员会主任郭秀兰监督下当场开启报价：清河区明亮照明工程有限公司36800元、清河区光源电器经销部38400元、清河区恒通机电设备有限公司39600元，确定报价最低的清河区明亮照明工程有限公司承接。`,
    at: quote,
    by: 'director',
  })
  add({
    kind: 'village',
    section: 'projects',
    title: '村内太阳能路灯安装项目验收及付款公示',
    body:
      `32盏太阳能路灯已安装完毕，${md(plus(lampsPaid, -3))}由村委会、村务监督委员会和3名村民代表逐盏验收，亮灯率100%，灯杆高度和间距符合合同要求。\n` +
      `合同价${yuan(lampFen)}，已于${md(lampsPaid)}支付${yuan(lampFen - lampRetention)}，预留5%质保金${yuan(lampRetention)}，一年后无质量问题再行支付。`,
    lineItems: [lineItem(ledger[0]!)],
    at: cal.back(40),
    by: 'director',
  })
}

function dongling(book: Book): void {
  const { cal } = book
  const add = (d: Draft) => book.add('v-dongling', d)

  const bought = cal.back(78)
  const pump: Entry[] = [
    { date: bought, item: '集中供水站潜水泵（15千瓦）及控制柜', amountFen: 2_380_000, direction: 'spending' },
    { date: plus(bought, 1), item: '集中供水站二氧化氯消毒设备', amountFen: 1_260_000, direction: 'spending' },
    {
      date: plus(bought, 4),
      item: '供水设备安装调试人工费',
      amountFen: 320_000,
      direction: 'spending',
      note: '集中供水站设备更换共支出39600元，明细见“工程项目”栏。',
    },
  ]
  monthlyFinance(book, {
    villageId: 'v-dongling',
    chair: '冯永红',
    months: 3,
    missing: new Set(),
    delay: (k) => [0, 8, 9, 6][k] ?? 8,
    openingFen: 8_631_847,
    routine: smallRoutine(11, 1, 2_000_000, 2),
    ledger: pump,
  })

  const { y, q } = cal.quarterBack(1)
  add({
    kind: 'party',
    section: 'decisions',
    title: `${y}年第${cnQuarter(q)}季度“三会一课”落实情况公开`,
    body:
      `${y}年第${cnQuarter(q)}季度，东岭村党支部召开支部党员大会1次、支委会3次、党小组会3次，支部书记韩志刚讲党课1次。支部党员11名，党员大会实到9名，2名在外务工党员请假并线上补学。\n` +
      '本季度党员认领了集中供水站巡查、独居老人结对帮扶等6项公益岗位。',
    period: quarterPeriod(y, q),
    at: plus(quarterEnd(y, q), 8),
    by: 'secretary',
  })

  const elderQuarter = cal.quarterBack(1)
  const elderAt = utc(elderQuarter.y, elderQuarter.q * 3, 22)
  const elders = maskedWithGroup(elderQuarter.y * 41 + elderQuarter.q, 6)
  add({
    kind: 'village',
    section: 'services',
    title: `${elderQuarter.y}年第${cnQuarter(elderQuarter.q)}季度高龄津贴发放名单公示`,
    body:
      `本季度东岭村享受高龄津贴6人，均为80至89周岁，每人每月100元，合计1800元，已由区民政局通过社保卡发放。\n名单：${elders.join('、')}。\n` +
      '如有老人去世或户籍迁出，家属应及时告知村委会，以免多发冒领。',
    period: quarterPeriod(elderQuarter.y, elderQuarter.q),
    at: elderAt,
    by: 'director',
  })

  const decided = cal.back(210)
  add({
    kind: 'village',
    section: 'decisions',
    title: '关于东岭坡集体果园续包方案的决议公开',
    body:
      `东岭坡集体果园120亩原承包合同即将到期。经村党支部提议、“两委”商议、党员大会审议，${md(plus(decided, -2))}村民代表会议表决通过（应到12人，实到11人，同意10人）：果园公开竞价发包，底价每亩每年150元，承包期5年，原承包户在同等条件下优先。\n` +
      '承包方须保持果树不少于现有株数，不得毁林改种。',
    at: decided,
    by: 'director',
  })
  add({
    kind: 'village',
    section: 'assets',
    title: '东岭坡集体果园发包结果公示',
    body:
      `${md(plus(decided, 12))}，东岭坡集体果园在村委会公开竞价，共2户报名，原承包户二组韩**以每亩每年168元竞得，年承包费20160元，承包期5年。\n` +
      '镇农经站和村务监督委员会主任冯永红全程监督，承包合同已报镇农经站备案。',
    at: plus(decided, 14),
    by: 'director',
  })

  add({
    kind: 'village',
    section: 'projects',
    title: '集中供水站设备更换项目结算公示',
    body:
      '村集中供水站原水泵已运行12年，出水量不足，夏季多次停水。经村民代表会议决议，更换潜水泵和控制柜并加装消毒设备，按三家比价确定供货单位。\n' +
      `设备于${md(plus(bought, 4))}安装调试完毕，经区水务局农村供水站检测，出水水质符合标准，实际支出39600元，全部由村集体资金列支。`,
    lineItems: pump.map(lineItem),
    at: cal.back(70),
    by: 'director',
  })
}

export function seedDisclosures(now: Date): SeedDisclosure[] {
  const book = new Book(new Calendar(now))
  shiqiao(book)
  liushu(book)
  dongling(book)
  return book.items
}
