import { useEffect, useState } from 'react'
import { useDidShow } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Button, Input, Toast } from '@nutui/nutui-react-taro'
import { ExportButton } from '../../../components/ExportButton'
import { PageShell, messageOf } from '../../../components/PageShell'
import { EmptyState } from '../../../components/EmptyState'
import { formatDayTime } from '../../../components/format'
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
  const [saving, setSaving] = useState(false)
  const [failure, setFailure] = useState('')
  useEffect(() => {
    if (data) setDays(String(data.days))
  }, [data])

  const save = async () => {
    // Empty would reach the server as 0 and read "至少1天"; asking plainly is clearer.
    if (!days.trim()) {
      setFailure('请填写答复期限的天数')
      return
    }
    setSaving(true)
    setFailure('')
    try {
      const saved = await call('feedback', 'setReplyDays', { days: Number(days.trim()) })
      Toast.show(TOAST, { icon: 'success', content: `已保存：答复期限${saved.days}天` })
      reload()
    } catch (e) {
      setFailure(messageOf(e))
    } finally {
      setSaving(false)
    }
  }

  return (
    <View className="card progress-settings">
      {error ? (
        <Text className="error-text progress-days">{messageOf(error)}</Text>
      ) : !data ? (
        <Text className="muted">正在加载…</Text>
      ) : (
        <>
          <Text className="progress-days">
            现在的答复期限：<Text className="progress-strong">{data.days}</Text> 天
          </Text>
          <Text className="muted">
            {data.custom && data.setAt ? `${data.setBy ?? ''}于${formatDayTime(data.setAt)}设置` : '默认7天'}
          </Text>
        </>
      )}
      <Text className="progress-label-next">改为（天）</Text>
      <Input className="progress-input" type="number" placeholder="例如：7" value={days} maxLength={2} onChange={setDays} />
      <Text className="muted progress-line">修改只对以后提交的意见有效，已经提交的意见仍按原来的期限。</Text>
      {failure ? (
        <View className="error-text progress-failure" role="alert">
          {failure}
        </View>
      ) : null}
      <Button block size="large" type="primary" className="progress-save" loading={saving} onClick={() => void save()}>
        保存
      </Button>
    </View>
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
