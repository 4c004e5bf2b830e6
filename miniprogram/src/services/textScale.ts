import Taro from '@tarojs/taro'

const KEY = 'text-scale'

/** The reader's choice on the 字体大小 page; "system" follows the phone. */
export const textScaleChoices = [
  { value: 'system', label: '跟随手机' },
  { value: '1', label: '标准' },
  { value: '1.3', label: '大' },
  { value: '1.6', label: '更大' },
  { value: '2', label: '特大' },
] as const
export type TextScaleChoice = (typeof textScaleChoices)[number]['value']

const clamp = (n: number) => (Number.isFinite(n) ? Math.min(2, Math.max(1, n)) : 1)

/** The phone's own setting: WeChat's font size, or in the browser the default font size against 16px. */
function systemScale(): number {
  if (process.env.TARO_ENV === 'weapp') {
    return (Taro.getAppBaseInfo() as { fontSizeScaleFactor?: number }).fontSizeScaleFactor ?? 1
  }
  const probe = document.createElement('div')
  probe.style.cssText = 'position:absolute;visibility:hidden;font-size:medium'
  document.body.appendChild(probe)
  const px = parseFloat(getComputedStyle(probe).fontSize)
  probe.remove()
  return px / 16
}

export const textScaleChoice = (): TextScaleChoice => (Taro.getStorageSync<TextScaleChoice>(KEY) || 'system') as TextScaleChoice

/** The scale every text size is multiplied by, from 1 to 2. */
export const textScale = (): number => {
  const choice = textScaleChoice()
  return clamp(choice === 'system' ? systemScale() : Number(choice))
}

/**
 * Applies the scale. In the browser it is set on the document, so dialogs drawn
 * outside a page follow it too; in WeChat each page's root sets it (PageShell).
 */
export function applyTextScale(): void {
  if (process.env.TARO_ENV !== 'weapp') document.documentElement.style.setProperty('--text-scale', String(textScale()))
}

export function chooseTextScale(choice: TextScaleChoice): void {
  Taro.setStorageSync(KEY, choice)
  applyTextScale()
}
