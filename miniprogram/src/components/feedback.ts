/** 95 minutes → 1小时35分; the median time to reply. */
export function formatMinutes(minutes: number | null): string {
  if (minutes === null) return '—'
  const days = Math.floor(minutes / 1440)
  const hours = Math.floor((minutes % 1440) / 60)
  const rest = minutes % 60
  if (days > 0) return `${days}天${hours > 0 ? `${hours}小时` : ''}`
  if (hours > 0) return `${hours}小时${rest > 0 ? `${rest}分` : ''}`
  return `${rest}分钟`
}

const ID_SYMBOLS = 'abcdefghijklmnopqrstuvwxyz0123456789'

/** A request id made once per form on the phone: a retry sends the same one, so nothing is filed twice. */
export const newRequestId = () => Date.now().toString(36) + Array.from({ length: 16 }, () => ID_SYMBOLS[Math.floor(Math.random() * ID_SYMBOLS.length)]).join('')
