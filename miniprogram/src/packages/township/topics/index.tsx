import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { PageShell } from '../../../components/PageShell'
import { EmptyState } from '../../../components/EmptyState'
import { TopicFigures } from '../../../components/TopicFigures'
import { go } from '../../../services/nav'
import { usePageQuery } from '../../../services/queries/hooks'
import { readQuery } from '../../../services/queries/read'

/** Township staff: each village's 点题公开 — what villagers asked, what was forwarded, disclosed on time or not. */
export default function TopicProgress() {
  const { data, error, isPending: loading } = usePageQuery(readQuery('topic', 'figures', {}))
  return (
    <PageShell title="各村点题公开情况" subtitle="村民点题、转交村“两委”、按期公开的数字，随时更新。" loading={loading && !data} error={error}>
      {data ? (
        <>
          <Text className="section-title">全镇合计</Text>
          <TopicFigures figures={data.total} />
          <Text className="section-title">各村</Text>
          {data.villages.length === 0 ? <EmptyState title="本镇还没有村" /> : null}
          {data.villages.map((v) => (
            <View key={v.villageId}>
              <TopicFigures figures={v} title={v.villageName} />
              {v.forwarded > 0 ? (
                <Button
                  block
                  size="large"
                  fill="outline"
                  onClick={() => go(`/packages/disclosure/duties/index?villageId=${encodeURIComponent(v.villageId)}&villageName=${encodeURIComponent(v.villageName)}`)}
                >
                  看{v.villageName}的公开时限
                </Button>
              ) : null}
            </View>
          ))}
        </>
      ) : null}
    </PageShell>
  )
}
