import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import { Button, Input, TextArea } from '@nutui/nutui-react-taro'
import { TOPIC_LIMITS } from '@shared/topic/rules'
import { PageShell } from '../../../components/PageShell'
import { ListState } from '../../../components/ListState'
import { LoadMore } from '../../../components/Paged'
import { SubmitStatus } from '../../../components/SubmitStatus'
import { useSubmission } from '../../../hooks/useSubmission'
import { call } from '../../../services/api'
import { usePagedQuery } from '../../../services/queries/hooks'
import { pagedRead } from '../../../services/queries/read'
import { TopicCard } from '../TopicCard'
import './index.css'

/** The form; a new one (a new request id) for each request, so a second request is never taken for a retry of the first. */
function AskForm({ onSent }: { onSent: () => void }) {
  const [title, setTitle] = useState('')
  const [reason, setReason] = useState('')
  const { submit, phase, submitting, failure, setFailure } = useSubmission(async (requestId) => {
    const answer = await call('topic', 'ask', { requestId, title, reason })
    onSent()
    return answer
  })
  const send = () => {
    if (title.trim().length < 4) return setFailure('想让村里公开的事请至少写4个字')
    if (!reason.trim()) return setFailure('请填写想了解的原因')
    submit()
  }
  return (
    <>
      <Text className="section-title">想让村里公开什么</Text>
      <View className="card">
        <Input className="boxed-input" placeholder="例如：东坡土地流转的租金收入" value={title} maxLength={TOPIC_LIMITS.title} onChange={setTitle} />
      </View>
      <Text className="section-title">为什么想了解</Text>
      <View className="card">
        <TextArea
          className="boxed-textarea"
          placeholder="例如：地是去年流转出去的，想知道租金收了多少、用在了哪里"
          value={reason}
          maxLength={TOPIC_LIMITS.reason}
          showCount
          rows={4}
          autoSize
          onChange={setReason}
        />
        <Text className="muted ask-hint">村务监督委员会主任会看到您的姓名，决定转交村“两委”限期公开，或告诉您不转交的原因。村“两委”看不到是谁提的。</Text>
      </View>
      <View className="ask-actions">
        <Button block size="large" type="primary" loading={submitting} disabled={phase === 'sent'} onClick={send}>
          提交
        </Button>
      </View>
      <SubmitStatus phase={phase} failure={failure} onRetry={submit} />
    </>
  )
}

/** 我要点题: a villager asks for a topic to be disclosed, and follows what became of each request. */
export default function AskTopic() {
  const list = usePagedQuery(pagedRead('topic', 'mine', {}))
  const [form, setForm] = useState(0)
  const [sent, setSent] = useState(false)

  return (
    <PageShell title="我要点题" subtitle="想让村里公开的事，写下来交给村务监督委员会。">
      {sent ? (
        <View className="card" role="status">
          <Text className="ask-done">已提交。主任处理后，您会在下面“我点的题”里看到结果。</Text>
          <View className="ask-actions">
            <Button
              block
              size="large"
              fill="outline"
              onClick={() => {
                setSent(false)
                setForm(form + 1)
              }}
            >
              再点一个题
            </Button>
          </View>
        </View>
      ) : (
        <AskForm
          key={form}
          onSent={() => {
            setSent(true)
            list.refresh()
          }}
        />
      )}
      <Text className="section-title">我点的题</Text>
      <ListState list={list} empty="您还没有点过题" emptyDescription="想知道村里哪笔钱怎么花的、哪件事怎么定的，都可以点题" />
      {list.items.map((t) => (
        <TopicCard key={t.topicId} t={t} />
      ))}
      <LoadMore hasMore={list.nextCursor !== null} loading={list.loadingMore} error={list.moreError} onLoad={list.loadMore} />
    </PageShell>
  )
}
