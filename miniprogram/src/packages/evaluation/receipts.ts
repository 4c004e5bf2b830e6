import Taro from '@tarojs/taro'

const KEY = 'ballot-receipts'

/**
 * The receipt of each ballot cast on this phone, by round. Only the phone
 * knows it: the server never links a receipt to a household.
 */
// biome-ignore lint/complexity/useOptionalChain: Taro answers '' (not undefined) for a key never set, which `?.` would not replace
export const receiptOf = (roundId: string): string | null => (Taro.getStorageSync<Record<string, string>>(KEY) || {})[roundId] ?? null

export function rememberReceipt(roundId: string, receipt: string): void {
  Taro.setStorageSync(KEY, { ...(Taro.getStorageSync<Record<string, string>>(KEY) || {}), [roundId]: receipt })
}
