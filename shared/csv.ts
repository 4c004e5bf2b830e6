import { formatBeijingTimestamp } from './time'

/** Excel reads a UTF-8 file as Chinese text only when it starts with this mark. */
export const BOM = '\uFEFF'

const cell = (value: string | number | null) => {
  // Text a villager wrote must never run as a spreadsheet formula.
  const text = value === null ? '' : typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : String(value)
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** Rows to CSV text with a byte-order mark and Windows line ends, as Excel expects. */
export const toCsv = (header: readonly string[], rows: readonly (readonly (string | number | null)[])[]) =>
  BOM + [header, ...rows].map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n'

/** An instant as Beijing time in a spreadsheet cell, e.g. 2026-11-21 16:00; an empty cell for none. */
export const beijingTime = (iso: string | null): string => (iso ? formatBeijingTimestamp(iso) : '')
