import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { PageShell } from '../../../components/PageShell'
import { usePageQuery } from '../../../services/queries/hooks'
import { useQuery } from '../../../services/nav'
import { DisclosureView } from '../detail/DisclosureView'
import { publicCall } from '../public/visitor'
import { kindLabels } from '@shared/disclosure/labels'
import { formatFen } from '@shared/disclosure/rules'
import { useShareCard } from '../../../services/share'
import { disclosureCard } from '../../../services/shareCards'
import './index.css'

const VILLAGE_PAGE = '/packages/disclosure/public/index'

/** One disclosure on the village's public page: read only, for anyone. */
export default function PublicDisclosure() {
  const query = useQuery()
  const villageId = query.villageId ?? ''
  const disclosureId = query.disclosureId ?? ''
  const {
    data,
    error,
    isPending: loading,
  } = usePageQuery({
    queryKey: ['disclosure', 'publicGet', { villageId, disclosureId }],
    queryFn: () => publicCall('publicGet', { villageId, disclosureId }),
  })

  // Opened from the village page: go back to it; opened by a shared link: open it.
  const toVillage = () => {
    if (Taro.getCurrentPages().length > 1) void Taro.navigateBack()
    else void Taro.redirectTo({ url: `${VILLAGE_PAGE}?villageId=${encodeURIComponent(villageId)}` })
  }

  const d = data?.disclosure
  useShareCard(d ? disclosureCard(d, kindLabels[d.kind], formatFen, villageId) : null)
  return (
    <PageShell title={d?.title ?? '公开详情'} loading={loading && !d} error={error}>
      {d ? (
        <>
          <DisclosureView d={d} />
          <View className="public-detail-actions">
            <Text className="muted public-detail-note">这是本村对外公开的内容。加入本村监督群后，可以留言反映、参加评议。</Text>
            <Button block size="large" fill="outline" type="primary" onClick={toVillage}>
              看本村其他公开
            </Button>
          </View>
        </>
      ) : null}
    </PageShell>
  )
}
