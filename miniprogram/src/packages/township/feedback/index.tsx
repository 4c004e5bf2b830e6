import { useEffect, useState } from 'react'
import { useDidShow } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Button, Input, Toast } from '@nutui/nutui-react-taro'
import { ExportButton } from '../../../components/ExportButton'
import { SettingCard, missing } from '../../../components/SettingCard'
import { PageShell } from '../../../components/PageShell'
import { EmptyState } from '../../../components/EmptyState'
import { FeedbackFigures } from '../../../components/FeedbackFigures'
import { useRemote } from '../../../hooks/useRemote'
import { call } from '../../../services/api'
import { go } from '../../../services/nav'
import './index.css'

const TOAST = 'progress-toast'

/** The township's reply deadline, which staff may change for feedback filed from now on. */
function ReplyDays() {
  const { data, error, reload } = useRemote(() => call('feedback', 'settings', {}))
  const [days, setDays] = useState('')
  useEffect(() => {
    if (data) setDays(String(data.days))
  }, [data])

  const save = async () => {
    if (!days.trim()) throw missing('请填写答复期限的天数')
    const saved = await call('feedback', 'setReplyDays', { days: Number(days.trim()) })
    reload()
    return `已保存：答复期限${saved.days}天`
  }

  return (
    <SettingCard
      current={
        data ? (
          <>
            现在的答复期限：<Text className="strong-figure">{data.days}</Text> 天
          </>
        ) : null
      }
      loadError={error}
      history={(data?.history ?? []).map((c) => ({ ...c, text: `答复期限${c.days}天` }))}
      defaultText="一直是默认的7天，没有修改过"
      note="修改只对以后提交的意见有效，已经提交的意见仍按原来的期限。"
      saveText="保存"
      toast={TOAST}
      onSave={save}
    >
      <Text className="field-label">改为（天）</Text>
      <Input className="boxed-input" type="number" placeholder="例如：7" value={days} maxLength={2} onChange={setDays} />
    </SettingCard>
  )
}

/** Township staff: how each village handles its villagers' feedback, and the reply deadline. */
export default function FeedbackProgress() {
  const { data, error, loading, reload } = useRemote(() => call('feedback', 'figures', {}))
  // Coming back from 意见督办 the counts may have moved.
  useDidShow(() => {
    if (data) reload()
  })

  return (
    <PageShell title="各村意见办理情况" subtitle="数字随时更新。" loading={loading && !data} error={error}>
      {data ? (
        <>
          <Text className="section-title">全镇合计</Text>
          <FeedbackFigures figures={data.total} />
          <View className="progress-more">
            <Button block size="large" type="primary" fill="outline" onClick={() => go('/packages/township/overdue/index')}>
              查看超期未答复的意见
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
      <ReplyDays />
      <View className="township-export">
        <ExportButton kind="feedback" toast={TOAST} />
      </View>
      <Toast id={TOAST} />
    </PageShell>
  )
}
