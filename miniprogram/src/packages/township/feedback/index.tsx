import { View, Text } from '@tarojs/components'
import { Button, Toast } from '@nutui/nutui-react-taro'
import { ExportButton } from '../../../components/ExportButton'
import { SettingsLink } from '../settings/SettingsLink'
import { PageShell } from '../../../components/PageShell'
import { EmptyState } from '../../../components/EmptyState'
import { FeedbackFigures } from '../../../components/FeedbackFigures'
import { go } from '../../../services/nav'
import { usePageQuery } from '../../../services/queries/hooks'
import { readQuery } from '../../../services/queries/read'
import './index.css'

const TOAST = 'progress-toast'

/** Township staff: how each village handles its villagers' feedback; the deadline itself is on 乡镇设置. */
export default function FeedbackProgress() {
  const { data, error, isPending: loading } = usePageQuery(readQuery('feedback', 'figures', {}))

  return (
    <PageShell title="各村意见办理情况" subtitle="数字随时更新。" loading={loading && !data} error={error}>
      {data ? (
        <>
          <Text className="section-title">全镇合计</Text>
          <FeedbackFigures figures={data.total} />
          <View className="progress-more">
            <Button block size="large" type="primary" fill="outline" onClick={() => go('/packages/township/overdue/index')}>
              超期未答复
            </Button>
          </View>

          <Text className="section-title">各村</Text>
          {data.villages.length === 0 ? <EmptyState title="本镇还没有村" /> : null}
          {data.villages.map((v) => (
            <FeedbackFigures key={v.villageId} figures={v} title={v.villageName} />
          ))}
        </>
      ) : null}

      <Text className="section-title">答复期限</Text>
      <SettingsLink text="意见答复期限在乡镇设置里查看和修改。" />
      <View className="township-export">
        <ExportButton kind="feedback" toast={TOAST} />
      </View>
      <Toast id={TOAST} />
    </PageShell>
  )
}
