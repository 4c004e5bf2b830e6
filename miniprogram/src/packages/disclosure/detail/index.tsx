import { useEffect, useState } from 'react'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { PageShell, messageOf } from '../../../components/PageShell'
import { useRole } from '../../../hooks/useRole'
import { call, type Output } from '../../../services/api'
import { usePageQuery } from '../../../services/queries/hooks'
import { disclosureQueries } from '../../../services/queries/disclosure'
import { go, useQuery } from '../../../services/nav'
import { DisclosureView } from './DisclosureView'
import { formatFen } from '@shared/disclosure/rules'
import { directionLabels, kindLabels } from '@shared/disclosure/labels'
import { PublishedReplies } from './PublishedReplies'
import { useShareCard } from '../../../services/share'
import { disclosureCard } from '../../../services/shareCards'
import './index.css'

type Verdict = Output<'disclosure', 'verify'>

/** What is read aloud: the title, the text, and each line item with its amount. */
const readableOf = (d: Output<'disclosure', 'get'>['disclosure']) =>
  [d.title, d.body, ...d.lineItems.map((l) => `${l.item}，${directionLabels[l.direction]}${formatFen(l.amountFen)}`)].join('。')

/**
 * One disclosure: its content, line items with totals computed from them,
 * every correction with what it changed, and a check that the record chain
 * has not been tampered with.
 */
export default function DisclosureDetail() {
  const query = useQuery()
  const disclosureId = query.disclosureId ?? ''
  const villageId = query.villageId || undefined
  // Fetched again whenever the page is shown: back from a correction, it shows the new content and record.
  const { data, error, isPending: loading, dataUpdatedAt } = usePageQuery(disclosureQueries.get(disclosureId, villageId))
  const role = useRole()
  const [verdict, setVerdict] = useState<Verdict | null>(null)
  const [verifying, setVerifying] = useState(false)
  const [verifyError, setVerifyError] = useState<unknown>(null)

  // A check of the record chain is about the content it was made on: new content clears it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the effect runs on purpose when the content changes, which it does not read
  useEffect(() => setVerdict(null), [dataUpdatedAt])

  const verify = async () => {
    setVerifying(true)
    setVerifyError(null)
    setVerdict(null)
    try {
      setVerdict(await call('disclosure', 'verify', { disclosureId, villageId }))
    } catch (e) {
      setVerifyError(e)
    } finally {
      setVerifying(false)
    }
  }

  const d = data?.disclosure
  useShareCard(d ? disclosureCard(d, kindLabels[d.kind], formatFen) : null)
  return (
    <PageShell title={d?.title ?? '公开详情'} loading={loading && !d} error={error} offlineAt={data?.offlineAt} readAloud={d ? readableOf(d) : undefined}>
      {d ? (
        <>
          <DisclosureView d={d} />
          {role && role !== 'township' ? <PublishedReplies disclosureId={disclosureId} /> : null}

          <Text className="section-title">核验</Text>
          <View className="card">
            <Text className="muted verify-explain">每次发布和更正都会留下一份记录，一份接一份扣在一起。如果有人偷偷改过其中一份，核验就对不上。</Text>
            <Button block size="large" type="primary" fill="outline" loading={verifying} className="verify-button" onClick={() => void verify()}>
              核验是否被改动
            </Button>
            {verifyError ? (
              <View className="error-text verify-result" role="alert">
                {messageOf(verifyError)}
              </View>
            ) : null}
            {verdict ? (
              verdict.intact ? (
                <View className="verify-result verify-ok" role="status">
                  记录完整：共 {verdict.revisions} 个版本，环环相扣，没有被改动
                </View>
              ) : (
                <View className="verify-result verify-broken" role="alert">
                  第 {verdict.brokenAtRevision ?? verdict.revisions} 个版本的记录对不上，可能被改动过，请向镇纪委反映
                </View>
              )
            ) : null}
          </View>

          <View className="detail-actions">
            {role === 'villager' ? (
              <Button block size="large" fill="outline" onClick={() => go('/packages/feedback/submit/index', { type: 'disclosure', id: disclosureId, title: d.title })}>
                对这条公开提意见
              </Button>
            ) : null}
            {role === 'chair' ? (
              <Button block size="large" type="primary" onClick={() => go('/packages/evaluation/open/index', { type: 'disclosure', id: disclosureId, title: d.title })}>
                对这条公开发起评议
              </Button>
            ) : null}
            {role && role !== 'township' ? (
              <Button block size="large" fill="outline" onClick={() => go('/packages/evaluation/subject/index', { type: 'disclosure', id: disclosureId })}>
                评议记录
              </Button>
            ) : null}
            {role === 'committee' ? (
              <Button block size="large" type="primary" onClick={() => go('/packages/committee/revise/index', { disclosureId })}>
                更正这条公开
              </Button>
            ) : null}
          </View>
        </>
      ) : null}
    </PageShell>
  )
}
