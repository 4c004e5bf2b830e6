import {
  addDays,
  addHours,
  beijingDay,
  beijingDayStart,
  beijingMonth,
  beijingMonthStart,
  formatBeijingDay,
  formatBeijingDayTime,
  formatBeijingDayTimeFixed,
  formatBeijingTimestamp,
} from '../../shared/time'
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { buildSync } from 'esbuild'

describe('Beijing days', () => {
  it('a Beijing day begins at 16:00 UTC the evening before', () => {
    expect(beijingDay('2026-11-21T15:59:59.999Z')).toBe('2026-11-21')
    expect(beijingDay('2026-11-21T16:00:00.000Z')).toBe('2026-11-22')
    expect(beijingDayStart('2026-11-21T15:59:59.999Z')).toBe('2026-11-20T16:00:00.000Z')
    expect(beijingDayStart('2026-11-21T16:00:00.000Z')).toBe('2026-11-21T16:00:00.000Z')
  })

  it('reads instants written with any offset, as milliseconds or as a Date', () => {
    expect(formatBeijingDayTime('2026-11-21T20:00:00+08:00')).toBe('2026年11月21日 20:00')
    expect(formatBeijingDayTime('2026-11-21T07:00:00-05:00')).toBe('2026年11月21日 20:00')
    expect(beijingDay(Date.parse('2026-11-21T16:00:00Z'))).toBe('2026-11-22')
    expect(beijingDay(new Date('2026-11-21T16:00:00Z'))).toBe('2026-11-22')
  })

  it('the last evening of a year in UTC is already the new year in Beijing', () => {
    expect(beijingDay('2026-12-31T16:30:00Z')).toBe('2027-01-01')
    expect(beijingMonth('2026-12-31T16:30:00Z')).toBe('2027-01')
    expect(formatBeijingTimestamp('2026-12-31T16:30:00Z')).toBe('2027-01-01 00:30')
  })

  it('a leap day is a day of its own, and a common year has none', () => {
    expect(beijingDay('2028-02-28T16:00:00Z')).toBe('2028-02-29')
    expect(beijingDay(addDays('2028-02-28T16:00:00Z', 1))).toBe('2028-03-01')
    expect(beijingDay('2026-02-28T16:00:00Z')).toBe('2026-03-01')
    expect(formatBeijingDay('2028-02-29T03:00:00Z')).toBe('2028年2月29日')
  })
})

describe('Beijing months', () => {
  it('a month begins at 16:00 UTC on the last day of the month before', () => {
    expect(beijingMonth('2026-01-31T15:59:59.999Z')).toBe('2026-01')
    expect(beijingMonth('2026-01-31T16:00:00.000Z')).toBe('2026-02')
    expect(beijingMonthStart('2026-02-10T00:00:00Z')).toBe('2026-01-31T16:00:00.000Z')
  })

  it('steps whole months of any length, across year ends and leap Februaries', () => {
    // 30, 31, 28 and 29-day months: each step lands on the 1st, never on a day the month lacks.
    expect(beijingMonthStart('2026-03-31T04:00:00Z', -1)).toBe('2026-01-31T16:00:00.000Z')
    expect(beijingMonthStart('2026-03-31T04:00:00Z', 1)).toBe('2026-03-31T16:00:00.000Z')
    expect(beijingMonthStart('2028-02-29T04:00:00Z', 1)).toBe('2028-02-29T16:00:00.000Z')
    expect(beijingMonthStart('2026-02-15T04:00:00Z', 1)).toBe('2026-02-28T16:00:00.000Z')
    expect(beijingMonthStart('2026-12-15T00:00:00Z', 1)).toBe('2026-12-31T16:00:00.000Z')
    expect(beijingMonthStart('2027-01-05T00:00:00Z', -1)).toBe('2026-11-30T16:00:00.000Z')
  })
})

describe('durations', () => {
  it('adds plain days and hours to an instant', () => {
    expect(addDays('2026-11-21T08:00:00.000Z', 7)).toBe('2026-11-28T08:00:00.000Z')
    expect(addDays('2026-11-21T08:00:00.000Z', -365)).toBe('2025-11-21T08:00:00.000Z')
    expect(addHours('2026-11-21T08:00:00.000Z', 48)).toBe('2026-11-23T08:00:00.000Z')
  })
})

describe('formats', () => {
  it('writes days and times as people read them, and as a subscribe message and a spreadsheet take them', () => {
    expect(formatBeijingDay('2026-11-06T16:00:00Z')).toBe('2026年11月7日')
    expect(formatBeijingDayTime('2026-11-21T00:05:00Z')).toBe('2026年11月21日 08:05')
    expect(formatBeijingDayTimeFixed('2026-01-01T16:00:00Z')).toBe('2026年01月02日 00:00')
    expect(formatBeijingTimestamp('2026-11-21T08:00:00.000Z')).toBe('2026-11-21 16:00')
  })
})

/**
 * The client's formatters run in a fresh node whose zone is set like a phone's (TZ is read when a process
 * starts; jest's sandbox would not pass a change on): the app's own module, bundled as the app bundles it.
 */
function shownInZone(zone: string, at: string): { localHour: number; dayTime: string; day: string; today: string } {
  const root = join(__dirname, '../..')
  const script = `
    Date.now = () => ${Date.parse(at)}
    const { formatDay, formatDayTime } = require('./miniprogram/src/components/format.ts')
    const { beijingToday } = require('./shared/time.ts')
    const at = ${JSON.stringify(at)}
    console.log(JSON.stringify({ localHour: new Date(at).getHours(), dayTime: formatDayTime(at), day: formatDay(at), today: beijingToday() }))`
  const bundle = buildSync({
    stdin: { contents: script, resolveDir: root, loader: 'ts' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    write: false,
    alias: { '@shared': join(root, 'shared') },
    logLevel: 'silent',
  })
  const run = spawnSync(process.execPath, ['-e', bundle.outputFiles[0]!.text], { env: { ...process.env, TZ: zone }, encoding: 'utf8' })
  if (run.status !== 0) throw new Error(run.stderr)
  return JSON.parse(run.stdout)
}

describe('a phone set to another time zone', () => {
  const at = '2026-11-21T17:30:00Z' // 2026-11-22 01:30 in Beijing, 12:30 the day before in New York

  it.each([
    ['America/New_York', 12],
    ['Pacific/Kiritimati', 7],
    ['UTC', 17],
  ])('shows the same Beijing time in %s', (zone, localHour) => {
    const shown = shownInZone(zone, at)
    expect(shown.localHour).toBe(localHour) // the phone's zone really is that one
    expect(shown).toEqual({ localHour, dayTime: '2026年11月22日 01:30', day: '2026年11月22日', today: '2026-11-22' })
  })
})
