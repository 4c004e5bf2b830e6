import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import { Button, TextArea } from '@nutui/nutui-react-taro'
import { Chips } from '../../../components/Chips'
import { PageShell } from '../../../components/PageShell'
import { SubmitStatus } from '../../../components/SubmitStatus'
import { PhotoPicker, type Photo } from '../../../components/PhotoPicker'
import { formatDay } from '../../../components/format'
import { useSubmission } from '../../../hooks/useSubmission'
import { call } from '../../../services/api'
import { go, useQuery } from '../../../services/nav'
import './index.css'

type AboutType = 'disclosure' | 'power' | 'general'

const intro: Record<AboutType, string> = {
  disclosure: '您要提意见的公开',
  power: '您要提意见的权力事项',
  general: '意见箱：对村务的任何意见和建议',
}

/** A villager's feedback on a disclosure, a power-list item, or anything (意见箱). */
export default function SubmitFeedback() {
  const query = useQuery()
  const type: AboutType = query.type === 'disclosure' || query.type === 'power' ? query.type : 'general'
  const [text, setText] = useState('')
  const [photos, setPhotos] = useState<Photo[]>([])
  const [hideName, setHideName] = useState(false)
  const { submit, phase, submitting, failure, setFailure, result } = useSubmission((requestId) =>
    call('feedback', 'submit', {
      requestId,
      about: { type, id: type === 'general' ? null : query.id },
      text,
      hideName,
      photos: photos.map(({ fileId, name }) => ({ fileId, name })),
    }),
  )
  const dueAt = result?.dueAt
  const send = () => (text.trim() ? void submit() : setFailure('请填写反馈内容'))

  if (dueAt) {
    return (
      <PageShell title="意见已提交">
        <View className="card" role="status">
          <Text className="submit-done">村务监督委员会会分派专人答复，答复期限到{formatDay(dueAt)}。答复后您会在“我提的意见”里看到。</Text>
        </View>
        <View className="submit-actions">
          <Button block size="large" type="primary" onClick={() => go('/packages/feedback/mine/index')}>
            查看我提的意见
          </Button>
        </View>
      </PageShell>
    )
  }

  return (
    <PageShell title={type === 'general' ? '意见箱' : '提意见'}>
      <View className="card">
        <Text className="muted">{intro[type]}</Text>
        {type !== 'general' && query.title ? <Text className="submit-about">{query.title}</Text> : null}
      </View>
      <Text className="section-title">您的意见</Text>
      <View className="card">
        <TextArea className="boxed-textarea" placeholder="写清楚哪里有问题、您希望怎么办" value={text} maxLength={1000} showCount rows={5} autoSize onChange={setText} />
      </View>
      <PhotoPicker max={3} photos={photos} onChange={(update) => setPhotos(update)} />
      <View className="card">
        <Chips
          label="是否对村里隐去姓名"
          options={[
            { value: 'shown', label: '显示我的姓名' },
            { value: 'hidden', label: '对村里隐去姓名' },
          ]}
          value={hideName ? 'hidden' : 'shown'}
          onChange={(v) => setHideName(v === 'hidden')}
        />
        <Text className="muted submit-hint">选了以后，村干部看到的提出人是“村民”；镇纪委仍能看到是谁提的。要向镇纪委举报村干部，请用首页的“向镇纪委举报”。</Text>
      </View>
      <View className="submit-actions">
        <Button block size="large" type="primary" loading={submitting} onClick={send}>
          提交
        </Button>
      </View>
      <SubmitStatus phase={phase} failure={failure} onRetry={submit} />
    </PageShell>
  )
}
