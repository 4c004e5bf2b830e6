import dayjs from 'dayjs'

/** 2026年11月21日 */
export const formatDay = (iso: string): string => dayjs(iso).format('YYYY年M月D日')

/** 2026年11月21日 08:05 */
export const formatDayTime = (iso: string): string => dayjs(iso).format('YYYY年M月D日 HH:mm')

export { formatPermille } from '@shared/domain/coverage'
