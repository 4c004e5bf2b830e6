import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc'

dayjs.extend(utc)

/**
 * Beijing time, computed with dayjs at a fixed +08:00 (China keeps no summer
 * time), so the phone's own zone and Intl support never change an answer.
 */
const BEIJING_OFFSET_MINUTES = 8 * 60

const inBeijing = (iso: string) => dayjs.utc(iso).utcOffset(BEIJING_OFFSET_MINUTES)

/** The Beijing calendar day an instant falls on, e.g. 2026-11-21. */
export const beijingDay = (iso: string): string => inBeijing(iso).format('YYYY-MM-DD')

/** The instant the Beijing day of `iso` began, as an ISO string (sorts with other instants). */
export const beijingDayStart = (iso: string): string => inBeijing(iso).startOf('day').toISOString()

/** A Beijing calendar day as people write it, e.g. 2026年11月21日. */
export const formatBeijingDay = (iso: string): string => inBeijing(iso).format('YYYY年M月D日')
