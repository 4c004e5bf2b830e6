import { View } from '@tarojs/components'
import { Empty } from '@nutui/nutui-react-taro'
import './EmptyState.css'

interface Props {
  title: string
  description?: string
}

/**
 * NutUI's Empty with a local, decorative picture (drawn by CSS: NutUI's default
 * pictures come from a third-party CDN the local host and an offline phone
 * cannot reach) and large text, inside a white card.
 */
export function EmptyState({ title, description }: Props) {
  return <Empty className="empty-state" image={<View className="empty-sheet" aria-hidden />} title={title} description={description || undefined} />
}
