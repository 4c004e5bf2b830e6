/** 2026-10-05 → 2026年10月5日 (a line item's date, no time zone involved). */
export function lineDate(date: string): string {
  const [y, m, d] = date.split('-')
  return y && m && d ? `${y}年${Number(m)}月${Number(d)}日` : date
}
