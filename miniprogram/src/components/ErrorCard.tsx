import { View } from '@tarojs/components'
import { messageOf } from './PageShell'

/** A failure in a card of its own: a written message, or what went wrong with a call. Nothing when there is none. */
export function ErrorCard({ error }: { error: unknown }) {
  if (!error) return null
  return (
    <View className="card error-text" role="alert">
      {typeof error === 'string' ? error : messageOf(error)}
    </View>
  )
}
