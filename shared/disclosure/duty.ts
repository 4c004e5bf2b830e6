import { beijingMonth, beijingMonthStart, addDays } from '../time'
import type { DisclosureKind, DisclosureSection } from './rules'

/** Something a village must disclose every period, within `dueDays` days after the period ends. */
export interface Duty {
  label: string
  kind: DisclosureKind
  /** null: any section of that kind fulfils it */
  section: DisclosureSection | null
  cadence: 'monthly' | 'quarterly'
  dueDays: number
}

/** Township defaults until a township sets its own. */
export const defaultDuties: readonly Duty[] = [
  { label: '财务收支公开', kind: 'finance', section: 'finance', cadence: 'monthly', dueDays: 10 },
  { label: '党务公开', kind: 'party', section: null, cadence: 'quarterly', dueDays: 15 },
  { label: '村务公开', kind: 'village', section: null, cadence: 'quarterly', dueDays: 15 },
]

export type DutyStatus = 'onTime' | 'late' | 'overdue' | 'notDue'

export interface DutyPeriod {
  period: string
  /** the last moment it may be published, ISO */
  dueAt: string
  status: DutyStatus
  publishedAt: string | null
}

export interface Published {
  kind: DisclosureKind
  section: DisclosureSection
  period: string | null
  publishedAt: string
}

/** The Beijing calendar month `now` falls in: its YYYY-MM and the instant it began. */
export function currentMonth(now: Date): { month: string; from: string } {
  return { month: beijingMonth(now), from: beijingMonthStart(now) }
}

/** The periods of a cadence that ended within `months` months before `now`, newest first. */
export function recentPeriods(cadence: Duty['cadence'], now: Date, months = 12): { period: string; endsAt: number }[] {
  const periods: { period: string; endsAt: number }[] = []
  // Periods are Beijing calendar months: each ends when the next Beijing month begins.
  for (let back = 1; back <= months; back++) {
    const [year, month] = beijingMonth(beijingMonthStart(now, -back)).split('-').map(Number) as [number, number]
    const endsAt = Date.parse(beijingMonthStart(now, 1 - back))
    if (cadence === 'monthly') periods.push({ period: `${year}-${String(month).padStart(2, '0')}`, endsAt })
    else if (month % 3 === 0) periods.push({ period: `${year}-Q${month / 3}`, endsAt })
  }
  return periods
}

function periodStatus(duty: Duty, period: string, endsAt: number, published: readonly Published[], now: Date): DutyPeriod {
  const dueAt = addDays(endsAt, duty.dueDays)
  const match = published
    .filter((p) => p.kind === duty.kind && (duty.section === null || p.section === duty.section) && p.period === period)
    .sort((a, b) => a.publishedAt.localeCompare(b.publishedAt))[0]
  const status: DutyStatus = match ? (match.publishedAt <= dueAt ? 'onTime' : 'late') : now.toISOString() > dueAt ? 'overdue' : 'notDue'
  return { period, dueAt, status, publishedAt: match?.publishedAt ?? null }
}

/** A township's list of duties from the moment it was set. */
export interface DutySetting {
  setAt: string
  duties: readonly Duty[]
}

/** The duties in force at an instant: the last list set before it, or the defaults. */
export function dutiesAt(settings: readonly DutySetting[], at: number): readonly Duty[] {
  let current: readonly Duty[] = defaultDuties
  for (const s of [...settings].sort((a, b) => a.setAt.localeCompare(b.setAt))) if (Date.parse(s.setAt) <= at) current = s.duties
  return current
}

export interface DutyReport {
  label: string
  cadence: Duty['cadence']
  dueDays: number
  periods: DutyPeriod[]
}

/**
 * For each recent period: published on time, late (after its deadline),
 * overdue (deadline passed, nothing published) or not yet due. Each period is
 * judged by the duties in force when it ended, so a township changing its
 * duties never rewrites the past. Newest period first; duties in today's list first.
 */
export function dutyReport(settings: readonly DutySetting[], published: readonly Published[], now: Date, months = 12): DutyReport[] {
  const rows = new Map<string, DutyReport>()
  const keyOf = (d: Duty) => `${d.label}|${d.cadence}`
  for (const d of dutiesAt(settings, now.getTime())) rows.set(keyOf(d), { label: d.label, cadence: d.cadence, dueDays: d.dueDays, periods: [] })
  for (const cadence of ['monthly', 'quarterly'] as const) {
    for (const { period, endsAt } of recentPeriods(cadence, now, months)) {
      for (const duty of dutiesAt(settings, endsAt).filter((d) => d.cadence === cadence)) {
        const row = rows.get(keyOf(duty)) ?? { label: duty.label, cadence, dueDays: duty.dueDays, periods: [] }
        rows.set(keyOf(duty), row)
        row.periods.push(periodStatus(duty, period, endsAt, published, now))
      }
    }
  }
  return [...rows.values()].filter((r) => r.periods.length > 0)
}
