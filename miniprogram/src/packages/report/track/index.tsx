import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import { Button, Input, Tag } from '@nutui/nutui-react-taro'
import { PageShell, messageOf } from '../../../components/PageShell'
import { ErrorCard } from '../../../components/ErrorCard'
import { reportStatusTags } from '@shared/report/labels'
import { formatDayTime } from '../../../components/format'
import { usePageQuery } from '../../../services/queries/hooks'
import { reportQueries } from '../../../services/queries/report'
import { call, type Output } from '../../../services/api'
import { forgetCode, rememberCode, rememberedCodes } from '../codes'
import './index.css'

type Progress = Output<'report', 'track'>

function ProgressCard({ p, onForget }: { p: Progress; onForget: () => void }) {
  const tag = reportStatusTags[p.status]
  return (
    <View className="card track-card">
      <View className="track-head">
        <Text className="track-code">{p.trackingCode}</Text>
        <Tag type={tag.type}>{tag.label}</Tag>
      </View>
      <Text className="track-line">提交：{formatDayTime(p.filedAt)}</Text>
      <Text className="track-line">{p.acknowledgedAt ? `受理：${formatDayTime(p.acknowledgedAt)}` : '镇纪委还没有受理'}</Text>
      {p.concludedAt ? <Text className="track-line">办结：{formatDayTime(p.concludedAt)}</Text> : null}
      {p.outcome ? (
        <View className="answer">
          <Text className="answer-by">办理结果</Text>
          <Text className="prose">{p.outcome}</Text>
        </View>
      ) : null}
      <Button fill="none" className="track-forget" onClick={onForget}>
        不在本机保存这个查询码
      </Button>
    </View>
  )
}

/** The reporter follows a report by its code alone; codes filed on this phone are listed without typing. */
export default function TrackReport() {
  const [codes, setCodes] = useState(rememberedCodes)
  const [typed, setTyped] = useState('')
  const [failure, setFailure] = useState('')
  const [searching, setSearching] = useState(false)
  // Fetched again whenever the page is shown.
  const progress = usePageQuery(reportQueries.tracked(codes))

  const search = async () => {
    setFailure('')
    setSearching(true)
    try {
      const found = await call('report', 'track', { trackingCode: typed })
      rememberCode(found.trackingCode)
      setCodes(rememberedCodes())
      setTyped('')
    } catch (e) {
      setFailure(messageOf(e))
    } finally {
      setSearching(false)
    }
  }

  return (
    <PageShell title="查询举报进展" subtitle="输入举报时拿到的查询码；在本机提交的举报会自动列在下面">
      <View className="card">
        <Input className="boxed-input" placeholder="查询码，例如 7KQ2-M9XD-4HRT" value={typed} maxLength={20} onChange={setTyped} />
        {failure ? (
          <View className="error-text track-error" role="alert">
            {failure}
          </View>
        ) : null}
        <Button block size="large" type="primary" loading={searching} className="track-search" onClick={() => void search()}>
          查询
        </Button>
      </View>
      <ErrorCard error={progress.error} />
      {codes.length > 0 ? <Text className="section-title">本机保存的举报</Text> : null}
      {(progress.data ?? []).map((p) => (
        <ProgressCard
          key={p.trackingCode}
          p={p}
          onForget={() => {
            forgetCode(p.trackingCode)
            setCodes(rememberedCodes())
          }}
        />
      ))}
    </PageShell>
  )
}
