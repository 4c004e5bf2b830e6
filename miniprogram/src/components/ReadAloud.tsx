import { useEffect, useState } from 'react'
import { Button } from '@nutui/nutui-react-taro'

const canSpeak = () => process.env.TARO_ENV === 'h5' && typeof window !== 'undefined' && 'speechSynthesis' in window

/**
 * Reads a text aloud with the browser's speech synthesis, for readers who see
 * poorly. Where there is none (WeChat, old browsers) the button is simply absent.
 */
export function ReadAloud({ text }: { text: string }) {
  const [speaking, setSpeaking] = useState(false)
  useEffect(() => () => void (canSpeak() && window.speechSynthesis.cancel()), [])
  if (!canSpeak()) return null
  const toggle = () => {
    window.speechSynthesis.cancel()
    if (speaking) return setSpeaking(false)
    const utterance = new SpeechSynthesisUtterance(text)
    utterance.lang = 'zh-CN'
    utterance.rate = 0.9
    utterance.onend = () => setSpeaking(false)
    utterance.onerror = () => setSpeaking(false)
    window.speechSynthesis.speak(utterance)
    setSpeaking(true)
  }
  return (
    <Button block size="large" fill="outline" className="read-aloud" onClick={toggle}>
      {speaking ? '停止朗读' : '朗读这一页'}
    </Button>
  )
}
