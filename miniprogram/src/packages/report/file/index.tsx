import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Button, Input, TextArea } from '@nutui/nutui-react-taro'
import { Chips } from '../../../components/Chips'
import { PageShell } from '../../../components/PageShell'
import { SubmitStatus } from '../../../components/SubmitStatus'
import { PhotoPicker, type Photo } from '../../../components/PhotoPicker'
import { useSubmission } from '../../../hooks/useSubmission'
import { call } from '../../../services/api'
import { go } from '../../../services/nav'
import { rememberCode } from '../codes'
import './index.css'

/**
 * A report straight to the township discipline staff. The village cannot see
 * it at all; the reporter follows it with the tracking code shown once here.
 */
export default function FileReport() {
  const [subject, setSubject] = useState('')
  const [text, setText] = useState('')
  const [photos, setPhotos] = useState<Photo[]>([])
  const [anonymous, setAnonymous] = useState(true)
  const { submit, phase, submitting, failure, setFailure, result } = useSubmission(async (requestId) => {
    const filed = await call('report', 'file', {
      requestId,
      subject: subject.trim() || undefined,
      text,
      anonymous,
      photos: photos.map(({ fileId, name }) => ({ fileId, name })),
    })
    rememberCode(filed.trackingCode)
    return filed
  })
  const trackingCode = result?.trackingCode
  const send = () => (text.trim() ? void submit() : setFailure('请填写举报内容'))

  if (trackingCode) {
    return (
      <PageShell title="举报已提交">
        <View className="card file-code-card" role="status">
          <Text className="muted">您的查询码</Text>
          <Text className="file-code">{trackingCode}</Text>
          <Text className="file-code-hint">
            请抄下或截图保存这个查询码。凭它可以查看镇纪委的受理和办理结果{anonymous ? '；您选择了匿名，镇纪委也不知道是谁举报的，查询码丢了就查不到了' : ''}。
          </Text>
          <Button block size="large" fill="outline" onClick={() => void Taro.setClipboardData({ data: trackingCode })}>
            复制查询码
          </Button>
        </View>
        <View className="file-actions">
          <Button block size="large" type="primary" onClick={() => go('/packages/report/track/index')}>
            查看办理进展
          </Button>
        </View>
      </PageShell>
    )
  }

  return (
    <PageShell title="向镇纪委举报" subtitle="举报直接交给镇纪委，村干部看不到举报，也不知道有人举报。">
      <Text className="section-title">举报谁、什么事（可不填）</Text>
      <View className="card">
        <Input className="boxed-input" placeholder="例如：村委会主任、某项工程" value={subject} maxLength={60} onChange={setSubject} />
      </View>
      <Text className="section-title">举报内容</Text>
      <View className="card">
        <TextArea placeholder="写清楚什么时间、什么事、您知道的情况" value={text} maxLength={2000} showCount rows={6} autoSize onChange={setText} />
      </View>
      <PhotoPicker max={3} photos={photos} onChange={(update) => setPhotos(update)} />
      <View className="card">
        <Chips
          label="是否匿名"
          options={[
            { value: 'anonymous', label: '匿名举报' },
            { value: 'named', label: '实名举报' },
          ]}
          value={anonymous ? 'anonymous' : 'named'}
          onChange={(v) => setAnonymous(v === 'anonymous')}
        />
        <Text className="muted file-hint">
          {anonymous
            ? '匿名举报不记录您的姓名和户号，只能凭查询码查看结果。照片提交时会去掉拍摄时间、地点和手机型号，只有镇纪委能看；但在您点“提交举报”之前，选好的照片暂存在您的微信账号名下，提交后才删除。照片内容本身也可能透露拍摄人，要完全匿名请不附照片。'
            : '实名举报时，只有镇纪委能看到您的姓名和户号，便于核实情况。'}
        </Text>
      </View>
      <View className="file-actions">
        <Button block size="large" type="primary" loading={submitting} onClick={send}>
          提交举报
        </Button>
      </View>
      <SubmitStatus phase={phase} failure={failure} onRetry={submit} />
    </PageShell>
  )
}
