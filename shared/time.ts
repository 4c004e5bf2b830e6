import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc'

dayjs.extend(utc)

/**
 * Beijing time, computed with dayjs at a fixed +08:00 (China keeps no summer
 * time), so the phone's own zone and Intl support never change an answer:
 * WeChat's JS engine on old Android phones may lack full Intl, and a phone set
 * to another zone must still show the times the village sees. Client and
 * server both read and write times through this module.
 */
const BEIJING_OFFSET_MINUTES = 8 * 60

/** An hour, as a plain duration. */
export const HOUR_MS = 3_600_000
/** A day, as a plain duration; with no summer time every Beijing day is this long too. */
export const DAY_MS = 86_400_000

/** An instant: an ISO string (any offset), milliseconds since the epoch, or a Date. */
export type Instant = string | number | Date

const inBeijing = (at: Instant) => dayjs.utc(at).utcOffset(BEIJING_OFFSET_MINUTES)

/** The Beijing calendar day an instant falls on, e.g. 2026-11-21. */
export const beijingDay = (at: Instant): string => inBeijing(at).format('YYYY-MM-DD')

/** Today's Beijing calendar day, e.g. 2026-11-21: "today" on a phone set to any zone. */
export const beijingToday = (): string => beijingDay(Date.now())

/** The Beijing calendar month an instant falls in, e.g. 2026-11. */
export const beijingMonth = (at: Instant): string => inBeijing(at).format('YYYY-MM')

/** The instant the Beijing day of `at` began, as an ISO string (sorts with other instants). */
export const beijingDayStart = (at: Instant): string => inBeijing(at).startOf('day').toISOString()

/**
 * The instant a Beijing calendar month began, as an ISO string: the month `at` falls in, or the one
 * `monthsLater` months after it (negative: before).
 */
export const beijingMonthStart = (at: Instant, monthsLater = 0): string => inBeijing(at).startOf('month').add(monthsLater, 'month').toISOString()

/** The instant `days` whole days (plain 24-hour days) after `at`, as an ISO string; negative goes back. */
export const addDays = (at: Instant, days: number): string => new Date(dayjs.utc(at).valueOf() + days * DAY_MS).toISOString()

/** The instant `hours` hours after `at`, as an ISO string. */
export const addHours = (at: Instant, hours: number): string => new Date(dayjs.utc(at).valueOf() + hours * HOUR_MS).toISOString()

/** A Beijing calendar day as people write it, e.g. 2026年11月21日. */
export const formatBeijingDay = (at: Instant): string => inBeijing(at).format('YYYY年M月D日')

/** A Beijing day and minute as people write it, e.g. 2026年11月21日 08:05. */
export const formatBeijingDayTime = (at: Instant): string => inBeijing(at).format('YYYY年M月D日 HH:mm')

/**
 * The same with month and day always two digits, e.g. 2026年01月02日 16:00: the form a subscribe message's
 * `time` field takes ("24小时制时间格式（支持+年月日）", e.g. 2019年10月1日 15:01 —
 * https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/mp-message-management/subscribe-message/sendMessage.html);
 * fixed width because developers report the zero-padded form as the one always accepted.
 */
export const formatBeijingDayTimeFixed = (at: Instant): string => inBeijing(at).format('YYYY年MM月DD日 HH:mm')

/** A Beijing day and minute for tables and spreadsheets, e.g. 2026-11-21 16:00. */
export const formatBeijingTimestamp = (at: Instant): string => inBeijing(at).format('YYYY-MM-DD HH:mm')
