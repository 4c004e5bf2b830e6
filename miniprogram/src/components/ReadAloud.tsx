import { useEffect, useState } from 'react'
import { Button } from '@nutui/nutui-react-taro'
import { speaker } from '../services/speech'

/**
 * Reads a page aloud for readers who see poorly: in the browser and, through
 * WeChat's 同声传译 plugin, in the mini-program. Where the phone cannot speak
 * the button is simply absent.
 */
export function ReadAloud({ text }: { text: string }) {
  const [speaking, setSpeaking] = useState(false)
  useEffect(() => () => speaker.stop(), [])
  if (!speaker.available) return null
  const toggle = () => {
    speaker.stop()
    if (speaking) return setSpeaking(false)
    setSpeaking(true)
    speaker.speak(text, () => setSpeaking(false))
  }
  return (
    <Button block size="large" fill="outline" className="read-aloud" onClick={toggle}>
      {speaking ? '停止朗读' : '朗读这一页'}
    </Button>
  )
}
