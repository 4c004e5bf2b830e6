import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { Button, Toast } from '@nutui/nutui-react-taro'
import { PageShell, messageOf } from '../../../components/PageShell'
import { ErrorCard } from '../../../components/ErrorCard'
import { call } from '../../../services/api'
import { DisclosureForm, contentOf, emptyDraft, showsLines } from '../form/DisclosureForm'
import './index.css'

const TOAST = 'publish-toast'

/** The village committees publish a party, village or finance disclosure. */
export default function Publish() {
  const [draft, setDraft] = useState(emptyDraft)
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
