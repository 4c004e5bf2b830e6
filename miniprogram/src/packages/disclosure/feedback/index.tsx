import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { PageShell } from '../../../components/PageShell'
import { useRemote } from '../../../hooks/useRemote'
import { call } from '../../../services/api'
import { useQuery } from '../../../services/nav'
import './index.css'

/**
 * Where feedback on one disclosure will be written. Feedback is a later
 * feature; until then this page says so plainly and whom to contact.
 */
export default function DisclosureFeedback() {
  const query = useQuery()
  const disclosureId = query.disclosureId ?? ''
  const villageId = query.villageId || undefined
  const { data, error, loading } = useRemote(
    () => call('disclosure', 'get', { disclosureId, villageId }),
    [disclosureId, villageId],
  )

  return (
    <PageShell title="对这条公开提意见" loading={loading && !data} error={error}>
      {data ? (
        <>
          <View className="card">
            <Text className="muted">您要提意见的公开</Text>
            <Text className="feedback-title">{data.disclosure.title}</Text>
          </View>
          <View className="card feedback-note">
            <Text className="feedback-text">
              意见反馈功能即将开通，届时可在这里直接留言；现在可以先联系村务监督委员会主任。
            </Text>
          </View>
          <View className="feedback-back">
            <Button block size="large" type="primary" fill="outline" onClick={() => void Taro.navigateBack()}>
              返回
            </Button>
          </View>
        </>
      ) : null}
    </PageShell>
  )
}
