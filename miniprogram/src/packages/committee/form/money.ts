/** Integer fen from what was typed as yuan ("12.5" → 1250), by string arithmetic: no float rounding. */
export function parseYuan(typed: string, { allowZero = false } = {}): { fen: number } | { error: string } {
  const s = typed
    .trim()
    // Full-width digits and a Chinese full stop, as some phone keyboards type them.
    .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[。．]/g, '.')
  if (!s) return { error: '请填写金额' }
  // Thousands separators, written correctly, are allowed: 1,270.50
  const plain = /^\d{1,3}([,，]\d{3})+(\.\d*)?$/.test(s) ? s.replace(/[,，]/g, '') : s
  const m = /^(\d+)(?:\.(\d*))?$/.exec(plain)
  if (!m) return { error: '金额只能填数字，例如 860 或 860.50' }
  const whole = m[1]!.replace(/^0+(?=\d)/, '')
  const cents = m[2] ?? ''
  if (cents.length > 2) return { error: '金额最多填到“分”，小数点后最多两位' }
  if (whole.length > 9) return { error: '金额太大，请核对' }
  const fen = Number(whole) * 100 + Number(cents.padEnd(2, '0'))
  if (fen <= 0 && !(allowZero && fen === 0)) return { error: '金额必须大于零' }
  return { fen }
}

/** 86050 → "860.50", 86000 → "860": how an amount is put back into the input. */
export function yuanText(fen: number): string {
  const cents = fen % 100
  return cents === 0 ? String(Math.floor(fen / 100)) : `${Math.floor(fen / 100)}.${String(cents).padStart(2, '0')}`
}
