import { View, Text } from '@tarojs/components'
import { FeedbackCard } from '../../../components/FeedbackCard'
import { messageOf } from '../../../components/PageShell'
import { usePageQuery } from '../../../services/queries/hooks'
import { readQuery } from '../../../services/queries/read'

/** Villagers' questions on this disclosure that the committee answered: every reader sees the answers. */
export function PublishedReplies({ disclosureId }: { disclosureId: string }) {
  const { data, error } = usePageQuery(readQuery('feedback', 'onDisclosure', { disclosureId }))
  if (error) {
    return (
      <View className="card error-text" role="alert">
        {messageOf(error)}
      </View>
    )
  }
  if (!data || data.items.length === 0) return null
  return (
    <>
      <Text className="section-title">村民的疑问和村里的答复（{data.items.length}）</Text>
      {data.items.map((f) => (
        <FeedbackCard key={f.feedbackId} f={f} />
      ))}
    </>
  )
}
