import { useState } from 'react'
import { View } from '@tarojs/components'
import { Button, Toast } from '@nutui/nutui-react-taro'
import type { FeedbackView } from '@shared/feedback/schema'
import { PageShell, messageOf } from '../../../components/PageShell'
import { EmptyState } from '../../../components/EmptyState'
import { FeedbackCard } from '../../../components/FeedbackCard'
import { LoadMore } from '../../../components/Paged'
import { ReasonDialog } from '../../../components/ReasonDialog'
import { call } from '../../../services/api'
import { go } from '../../../services/nav'
import { usePagedQuery } from '../../../services/queries/hooks'
import { pagedRead } from '../../../services/queries/read'
import './index.css'

const TOAST = 'mine-toast'

/** The villager's own feedback: replies to confirm, or to reopen once when they do not settle it. */
export default function MyFeedback() {
  const list = usePagedQuery(pagedRead('feedback', 'mine', {}))
  const [reopening, setReopening] = useState<FeedbackView | null>(null)
  const [confirming, setConfirming] = useState('')

  const confirm = async (feedbackId: string) => {
    setConfirming(feedbackId)
    try {
      await call('feedback', 'confirm', { feedbackId })
      Toast.show(TOAST, { icon: 'success', content: '已确认解决，谢谢您' })
      list.refresh()
    } catch (e) {
      Toast.show(TOAST, { icon: 'fail', content: messageOf(e) })
    } finally {
      setConfirming('')
    }
  }

  return (
    <PageShell title="我提的意见" loading={!list.loaded && !list.error} error={list.error}>
      <View className="mine-new">
        <Button block size="large" type="primary" fill="outline" onClick={() => go('/packages/feedback/submit/index')}>
          再提一条意见
        </Button>
      </View>
      {list.items.length === 0 ? <EmptyState title="您还没有提过意见" description="看到哪里不对劲，在公开、权力事项下面点“提意见”，或到首页“提意见”" /> : null}
      {list.items.map((f) => (
        <FeedbackCard key={f.feedbackId} f={f}>
          {f.status === 'replied' ? (
            <>
              <Button block size="large" type="primary" loading={confirming === f.feedbackId} onClick={() => void confirm(f.feedbackId)}>
                问题已解决
              </Button>
              {f.reopenReason === null ? (
                <Button block size="large" fill="outline" onClick={() => setReopening(f)}>
                  不满意，重新反映
                </Button>
              ) : null}
            </>
          ) : null}
        </FeedbackCard>
      ))}
      <LoadMore hasMore={list.nextCursor !== null} loading={list.loadingMore} error={list.moreError} onLoad={list.loadMore} />
      <ReasonDialog
        visible={reopening !== null}
        title="重新反映"
        message="每条意见只能重新反映一次，会交回原承办人重新答复。"
        label="不满意的原因"
        placeholder="例如：答复没有说清楚钱花在哪里"
        required
        maxLength={300}
        confirmText="重新反映"
        onSubmit={async (reason) => {
          await call('feedback', 'reopen', { feedbackId: reopening!.feedbackId, reason })
          setReopening(null)
          list.refresh()
        }}
        onClose={() => setReopening(null)}
      />
      <Toast id={TOAST} />
    </PageShell>
  )
}
