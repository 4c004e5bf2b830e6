import { useState } from 'react'
import { Button, Toast } from '@nutui/nutui-react-taro'
import type { FeedbackView } from '@shared/feedback/schema'
import { PageShell } from '../../../components/PageShell'
import { EmptyState } from '../../../components/EmptyState'
import { FeedbackCard } from '../../../components/FeedbackCard'
import { ReasonDialog } from '../../../components/ReasonDialog'
import { call } from '../../../services/api'
import { usePageQuery } from '../../../services/queries/hooks'
import { readQuery } from '../../../services/queries/read'
import './index.css'

const TOAST = 'overdue-toast'

/** Township staff: feedback past its reply deadline in every village, and a written reminder to the village. */
export default function Overdue() {
  const { data, error, isPending: loading, refetch: reload } = usePageQuery(readQuery('feedback', 'overdue', {}))
  // Only for the village names; if it fails the cards simply show no place.
  const figures = usePageQuery(readQuery('feedback', 'figures', {}))
  const names = new Map((figures.data?.villages ?? []).map((v) => [v.villageId, v.villageName]))
  const [reminding, setReminding] = useState<FeedbackView | null>(null)

  const remind = async (note: string) => {
    if (!reminding) return
    await call('feedback', 'remind', { feedbackId: reminding.feedbackId, note })
    Toast.show(TOAST, { icon: 'success', content: '已督办，村里能看到督办意见' })
    reload()
  }

  const items = data?.items ?? []
  return (
    <PageShell title="意见督办" subtitle="这些村民意见已超过答复期限，村里还没有答复。" loading={loading && !data} error={error}>
      {data && items.length === 0 ? <EmptyState title="没有超期未答复的意见" description="村里超过答复期限还没答复的意见会列在这里，由镇纪委督办" /> : null}
      {items.map((f) => (
        <FeedbackCard key={f.feedbackId} f={f} place={names.get(f.villageId)}>
          <Button size="large" type="primary" className="overdue-remind" onClick={() => setReminding(f)}>
            督办提醒
          </Button>
        </FeedbackCard>
      ))}
      <ReasonDialog
        visible={reminding !== null}
        title="督办这条意见"
        message="督办意见会写在这条意见下面，村里处理意见的干部能看到。"
        label="督办意见"
        placeholder="例如：请在3天内答复村民"
        required
        maxLength={300}
        confirmText="发出督办"
        onSubmit={remind}
        onClose={() => setReminding(null)}
      />
      <Toast id={TOAST} />
    </PageShell>
  )
}
