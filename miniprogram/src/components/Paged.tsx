import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { messageOf } from './PageShell'

interface LoadMoreProps {
  hasMore: boolean
  loading: boolean
  error?: unknown
  onLoad: () => void
}

/** The "加载更多" button under a paged list; shows why the next page failed, if it did. */
export function LoadMore({ hasMore, loading, error, onLoad }: LoadMoreProps) {
  if (!hasMore) return null
  return (
    <View className="load-more">
      {error ? <Text className="error-text load-more-error">{messageOf(error)}</Text> : null}
      <Button block size="large" fill="outline" type="primary" loading={loading} onClick={onLoad}>
        {error ? '重新加载' : '加载更多'}
      </Button>
    </View>
  )
}
