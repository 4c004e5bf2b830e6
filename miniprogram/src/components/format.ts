import dayjs from 'dayjs'

/** 2026年11月21日 */
export const formatDay = (iso: string): string => dayjs(iso).format('YYYY年M月D日')

/** 2026年11月21日 08:05 */
export const formatDayTime = (iso: string): string => dayjs(iso).format('YYYY年M月D日 HH:mm')

/** Coverage in per-mille as a percentage with one decimal, e.g. 873 → 87.3% */
export const formatPermille = (permille: number): string => `${(permille / 10).toFixed(1)}%`
