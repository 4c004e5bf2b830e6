import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Button, Toast } from '@nutui/nutui-react-taro'
import { PageShell, messageOf } from '../../../components/PageShell'
import { ErrorCard } from '../../../components/ErrorCard'
import { Chips } from '../../../components/Chips'
import { call } from '../../../services/api'
import { useQuery } from '../../../services/nav'
import { usePageQuery } from '../../../services/queries/hooks'
import { readQuery } from '../../../services/queries/read'
import { DisclosureForm, contentOf, emptyDraft, showsLines } from '../form/DisclosureForm'
import './index.css'

const TOAST = 'publish-toast'

const NO_TOPIC = 'none'

/**
 * The village committees publish a party, village or finance disclosure; one may answer a villager's 点题
 * forwarded by the chair (opened from the duties page with ?topicId=, or chosen here).
 */
export default function Publish() {
  const [draft, setDraft] = useState(emptyDraft)
  const owed = usePageQuery(readQuery('topic', 'duties', { open: true }))
  const [topicId, setTopicId] = useState<string>(useQuery().topicId || NO_TOPIC)
  const topics = owed.data?.items ?? []
  const chosen = topics.find((t) => t.topicId === topicId) ?? null
  // Choosing a topic fills in its kind, section and wording where the form is still empty.
  const choose = (id: string) => {
    setTopicId(id)
    const t = topics.find((x) => x.topicId === id)
    if (t) setDraft((d) => ({ ...d, kind: d.kind ?? t.kind, section: d.section ?? t.section, title: d.title || t.title }))
  }
  const [prefilled, setPrefilled] = useState(false)
  if (!prefilled && chosen) {
    setPrefilled(true)
    setDraft((d) => ({ ...d, kind: d.kind ?? chosen.kind, section: d.section ?? chosen.section, title: d.title || chosen.title }))
  }
  const [submitting, setSubmitting] = useState(false)
  const [done, setDone] = useState(false)
  const [failure, setFailure] = useState('')
  // A message about the last attempt goes once the form is edited.
  const edit: typeof setDraft = (update) => {
    setFailure('')
    setDraft(update)
  }

  const submit = async () => {
    setFailure('')
    if (!draft.kind) return setFailure('请选择公开类别：党务、村务或财务')
    if (!draft.section) return setFailure('请选择公开栏目')
    const parsed = contentOf(draft)
    if ('error' in parsed) return setFailure(parsed.error)
    const { lineItems, ...content } = parsed.content
    setSubmitting(true)
    try {
      const { disclosureId } = await call('disclosure', 'publish', {
        kind: draft.kind,
        section: draft.section,
        ...content,
        lineItems: showsLines(draft) ? lineItems : undefined,
        topicId: chosen?.topicId,
      })
      setDone(true)
      Toast.show(TOAST, { icon: 'success', content: '已发布' })
      setTimeout(() => void Taro.redirectTo({ url: `/packages/disclosure/detail/index?disclosureId=${encodeURIComponent(disclosureId)}` }), 900)
    } catch (e) {
      setFailure(messageOf(e))
    } finally {
      setSubmitting(false)
    }
  }

  return (
    <PageShell title="发布三务公开" subtitle="发布后全村监督群的村民马上能看到。发布后不能删除；发现有错，用“更正”改，改动会留下记录。">
      {topics.length > 0 ? (
        <View className="card">
          <Text className="field-label">这条公开是答复村民点题吗？</Text>
          <Chips
            label="答复哪条村民点题"
            options={[{ value: NO_TOPIC, label: '不是' }, ...topics.map((t) => ({ value: t.topicId, label: t.title }))]}
            value={chosen ? chosen.topicId : NO_TOPIC}
            onChange={choose}
          />
          {chosen ? <Text className="muted">村民想了解：{chosen.reason}</Text> : null}
        </View>
      ) : null}
      <DisclosureForm draft={draft} onChange={edit} />
      <ErrorCard error={failure} />
      <View className="publish-submit">
        <Button block type="primary" size="large" loading={submitting} disabled={done} onClick={() => void submit()}>
          发布
        </Button>
      </View>
      <Toast id={TOAST} />
    </PageShell>
  )
}
