import { useEffect, useState } from 'react'
import { View, Text } from '@tarojs/components'
import { Button, Input, Toast } from '@nutui/nutui-react-taro'
import { PageShell, messageOf } from '../../../components/PageShell'
import { ErrorCard } from '../../../components/ErrorCard'
import { formatDayTime } from '../../../components/format'
import { kindLabels } from '../../../components/disclosure'
import { useRemote } from '../../../hooks/useRemote'
import { call } from '../../../services/api'
import './index.css'

const TOAST = 'duties-toast'
const cadenceLabels = { monthly: '每月', quarterly: '每季度' } as const

/**
 * How long after each month or quarter a village has to disclose. A change
 * judges periods that end after it; earlier ones keep the deadline they had.
 */
export default function DutySettings() {
  const { data, error, loading, reload } = useRemote(() => call('township', 'duties', {}))
  const [days, setDays] = useState<string[]>([])
  const [failure, setFailure] = useState('')
  useEffect(() => {
    if (data) setDays(data.duties.map((d) => String(d.dueDays)))
  }, [data])

  const save = async () => {
    if (!data) return
    setFailure('')
    try {
      await call('township', 'setDuties', { duties: data.duties.map((d, i) => ({ ...d, dueDays: Number(days[i]) })) })
      Toast.show(TOAST, { icon: 'success', content: '已保存' })
      reload()
    } catch (e) {
      setFailure(messageOf(e))
    }
  }

  return (
    <PageShell title="公开时限设置" subtitle="每期结束后多少天内要公开。修改只对以后结束的各期有效，以前的各期仍按原来的期限评判。" loading={loading && !data} error={error}>
      {data ? (
        <>
          <View className="card">
            {data.duties.map((d, i) => (
              <View key={`${d.label}-${d.cadence}`} className="duty-setting">
                <Text className="duty-setting-label">
                  {d.label}（{kindLabels[d.kind]}，{cadenceLabels[d.cadence]}）
                </Text>
                <View className="duty-setting-days">
                  <Text>期满后</Text>
                  <Input
                    className="boxed-input duty-setting-input"
                    type="number"
                    value={days[i] ?? ''}
                    maxLength={2}
                    onChange={(v) => setDays((all) => all.map((x, j) => (j === i ? v : x)))}
                  />
                  <Text>天内公开</Text>
                </View>
              </View>
            ))}
            <ErrorCard error={failure} />
            <Button block size="large" type="primary" className="duty-save" onClick={() => void save()}>
              保存
            </Button>
          </View>
          <Text className="section-title">修改记录</Text>
          {data.history.length === 0 ? <View className="card muted">一直用默认期限</View> : null}
          {data.history.map((h) => (
            <View key={h.setAt} className="card muted">
              {formatDayTime(h.setAt)} {h.setBy} 修改（{h.count} 项）
            </View>
          ))}
        </>
      ) : null}
      <Toast id={TOAST} />
    </PageShell>
  )
}
