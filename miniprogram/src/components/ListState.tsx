import { View } from '@tarojs/components'
import { EmptyState } from './EmptyState'
import { messageOf } from './PageShell'

interface Props {
  list: { error: unknown; loaded: boolean; items: readonly unknown[] }
  /** what an empty list says */
  empty: string
  emptyDescription?: string
}

/** Above a paged list: its failure, 正在加载…, or what an empty list says; nothing once rows are there. */
export function ListState({ list, empty, emptyDescription }: Props) {
  if (list.error) {
    return (
      <View className="card error-text" role="alert">
        {messageOf(list.error)}
      </View>
    )
  }
  if (!list.loaded) return <View className="card muted">正在加载…</View>
  return list.items.length === 0 ? <EmptyState title={empty} description={emptyDescription} /> : null
}
