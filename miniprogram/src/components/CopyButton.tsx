import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'

/** Copies a code people need to keep (a vote receipt, a report's tracking code) with one tap. */
export function CopyButton({ text, label }: { text: string; label: string }) {
  return (
    <Button block size="large" fill="outline" className="copy-button" onClick={() => void Taro.setClipboardData({ data: text })}>
      {label}
    </Button>
  )
}
