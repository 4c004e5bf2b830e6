import Taro from '@tarojs/taro'

const KEY = 'report-codes'

/**
 * Tracking codes of reports filed on this phone. They stay on the phone only:
 * the server never links a code to the person who holds it.
 */
export const rememberedCodes = (): string[] => Taro.getStorageSync<string[]>(KEY) || []

export function rememberCode(code: string): void {
  const codes = rememberedCodes()
  if (!codes.includes(code)) Taro.setStorageSync(KEY, [code, ...codes])
}

export function forgetCode(code: string): void {
  Taro.setStorageSync(
    KEY,
    rememberedCodes().filter((c) => c !== code),
  )
}
