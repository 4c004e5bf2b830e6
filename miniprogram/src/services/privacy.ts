import Taro from '@tarojs/taro'

type Resolve = (option: { event: 'exposureAuthorization' | 'agree' | 'disagree'; buttonId?: string }) => void

let pending: Resolve | null = null
const listeners = new Set<(asking: boolean) => void>()

/**
 * WeChat asks before the first use of anything its privacy rules cover (the
 * photo album, the camera, subscribe messages…): the app must show its own
 * consent with an agree button. The page on screen shows it (PrivacyConsent).
 */
export function watchPrivacyRequests(): void {
  if (process.env.TARO_ENV !== 'weapp') return
  Taro.onNeedPrivacyAuthorization((resolve) => {
    pending = resolve
    resolve({ event: 'exposureAuthorization' })
    for (const l of listeners) l(true)
  })
}

export function onPrivacyRequest(listener: (asking: boolean) => void): () => void {
  listeners.add(listener)
  return () => void listeners.delete(listener)
}

export function answerPrivacy(agree: boolean, buttonId: string): void {
  pending?.(agree ? { event: 'agree', buttonId } : { event: 'disagree' })
  pending = null
  for (const l of listeners) l(false)
}
