import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Button, TextArea, Toast } from '@nutui/nutui-react-taro'
import { PageShell, messageOf } from '../../../components/PageShell'
import { ErrorCard } from '../../../components/ErrorCard'
import { formatDay } from '../../../components/format'
import { call } from '../../../services/api'
import { useQuery } from '../../../services/nav'
import { DisclosureForm, contentOf, draftOf, emptyDraft } from '../form/DisclosureForm'
import { usePageQuery } from '../../../services/queries/hooks'
import { readQuery } from '../../../services/queries/read'
import './index.css'

const TOAST = 'revise-toast'

/**
 * The village committees correct a published disclosure. Nothing is edited
 * in place: the correction is added to the record with its reason, and
 * villagers see what changed.
 */
export default function Revise() {
  const query = useQuery()
  const disclosureId = query.disclosureId ?? ''
  const { data, error, isPending: loading } = usePageQuery(readQuery('disclosure', 'get', { disclosureId }))
  const [draft, setDraft] = useState(emptyDraft)
  const [reason, setReason] = useState('')
  const [submitting, setSubmitting] = useState(false)
  const [done, setDone] = useState(false)
  const [failure, setFailure] = useState('')
  // A message about the last attempt goes once the form is edited.
  const edit: typeof setDraft = (update) => {
    setFailure('')
    setDraft(update)
  }

  const d = data?.disclosure
  useEffect(() => {
    if (d) setDraft(draftOf(d))
  }, [d])

  const submit = async () => {
    setFailure('')
    const parsed = contentOf(draft)
    if ('error' in parsed) return setFailure(parsed.error)
    setSubmitting(true)
    try {
      await call('disclosure', 'revise', { disclosureId, expectedRevision: d?.revision, reason, ...parsed.content })
      setDone(true)
      Toast.show(TOAST, { icon: 'success', content: '已更正，更正记录已保存' })
      setTimeout(() => {
        const detail = `/packages/disclosure/detail/index?disclosureId=${encodeURIComponent(disclosureId)}`
        if (Taro.getCurrentPages().length > 1) void Taro.navigateBack()
        else void Taro.redirectTo({ url: detail })
      }, 900)
    } catch (e) {
      setFailure(messageOf(e))
    } finally {
      setSubmitting(false)
    }
  }

  return (
    <PageShell title="更正公开" subtitle="更正不会抹掉原来的内容：村民能看到改了什么、谁改的、为什么改。" loading={loading && !d} error={error}>
      {d ? (
        <>
          <View className="card revise-current">
            <Text className="muted">正在更正</Text>
            <Text className="revise-title">{d.title}</Text>
            <Text className="muted">
              {formatDay(d.publishedAt)}发布{d.revision > 1 ? `，已更正 ${d.revision - 1} 次` : ''}
            </Text>
          </View>
          <DisclosureForm draft={draft} onChange={edit} categoryLocked />
          <View className="card">
            <Text className="revise-label">更正原因（必填）</Text>
            <TextArea
              className="boxed-textarea"
              placeholder="例如：第2笔水泥款金额录入有误，应为860元。村民能看到这个原因"
              value={reason}
              maxLength={200}
              showCount
              rows={3}
              onChange={setReason}
            />
          </View>
          <ErrorCard error={failure} />
          <View className="revise-submit">
            <Button block type="primary" size="large" loading={submitting} disabled={done} onClick={() => void submit()}>
              提交更正
            </Button>
          </View>
        </>
      ) : null}
      <Toast id={TOAST} />
    </PageShell>
  )
}
