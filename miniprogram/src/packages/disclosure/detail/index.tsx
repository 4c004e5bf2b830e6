import { useState } from 'react'
import { useDidShow } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Button, Tag } from '@nutui/nutui-react-taro'
import { formatFen, periodLabel, totalsOf } from '@shared/domain/disclosure-rules'
import { PageShell, messageOf } from '../../../components/PageShell'
import { formatDay, formatDayTime } from '../../../components/format'
import { directionLabels, kindLabels, lineDate, sectionLabels } from '../../../components/disclosure'
import { useRemote } from '../../../hooks/useRemote'
import { useRole } from '../../../hooks/useRole'
import { call, type Output } from '../../../services/api'
import { go, useQuery } from '../../../services/nav'
import { fieldName, fieldValue, lineChangeText, linePositions, textHunks, type Segment } from './changes'
import './index.css'

type Detail = Output<'disclosure', 'get'>['disclosure']
type Verdict = Output<'disclosure', 'verify'>

/** The body as paragraphs, one per line the author wrote. */
function Paragraphs({ text, className }: { text: string; className: string }) {
  return (
    <>
      {text
        .split('\n')
        .map((p) => p.trim())
        .filter(Boolean)
        .map((p, i) => (
          <Text key={i} className={className}>
            {p}
          </Text>
        ))}
    </>
  )
}

function LineItems({ d }: { d: Detail }) {
  const totals = totalsOf(d.lineItems)
  return (
    <>
      <Text className="section-title">收支明细（共 {d.lineItems.length} 笔）</Text>
      <View className="card disclosure-lines">
        {d.lineItems.map((line, i) => (
          <View key={i} className="disclosure-line">
            <View className="disclosure-line-main">
              <Text className="disclosure-line-item">
                {i + 1}. {line.item}
              </Text>
              <Text className="disclosure-line-date">{lineDate(line.date)}</Text>
            </View>
            <View className="disclosure-line-money">
              <Text className={`disclosure-line-direction direction-${line.direction}`}>
                {directionLabels[line.direction]}
              </Text>
              <Text className="disclosure-line-amount">{formatFen(line.amountFen)}</Text>
            </View>
          </View>
        ))}
      </View>
      <View className="card disclosure-totals">
        <View className="totals-row">
          <Text>收入合计</Text>
          <Text className="totals-amount">{formatFen(totals.incomeFen)}</Text>
        </View>
        <View className="totals-row">
          <Text>支出合计</Text>
          <Text className="totals-amount">{formatFen(totals.spendingFen)}</Text>
        </View>
        <View className="totals-row totals-balance">
          <Text>结余</Text>
          <Text className="totals-amount">{formatFen(totals.balanceFen)}</Text>
        </View>
        <Text className="muted totals-note">合计由每一笔自动算出</Text>
      </View>
    </>
  )
}

function Wording({ label, segments, kind }: { label: string; segments: Segment[]; kind: 'before' | 'after' }) {
  return (
    <View className="revision-body">
      <Text className="revision-body-label">{label}</Text>
      <Text className="revision-body-text">
        {segments.map((seg, i) =>
          seg.changed ? (
            <Text key={i} className={`revision-mark revision-mark-${kind}`}>
              {seg.text}
            </Text>
          ) : (
            <Text key={i}>{seg.text}</Text>
          ),
        )}
      </Text>
    </View>
  )
}

/** A body correction: the changed words with some context, and the full texts on request. */
function BodyChange({ before, after }: { before: string; after: string }) {
  const [full, setFull] = useState(false)
  const hunks = textHunks(before, after)
  return (
    <View className="revision-change">
      <Text className="revision-change-text">
        正文改了 {hunks.length} 处（红色删去，绿色新加）：
      </Text>
      {hunks.map((h, i) => (
        <View key={i} className="revision-hunk">
          {hunks.length > 1 ? <Text className="revision-hunk-number">第 {i + 1} 处</Text> : null}
          <Wording label="改前" segments={h.before} kind="before" />
          <Wording label="改后" segments={h.after} kind="after" />
        </View>
      ))}
      {full ? (
        <>
          <View className="revision-body">
            <Text className="revision-body-label">改前全文</Text>
            <Text className="revision-body-text">{before}</Text>
          </View>
          <View className="revision-body">
            <Text className="revision-body-label">改后全文</Text>
            <Text className="revision-body-text">{after}</Text>
          </View>
        </>
      ) : null}
      <Button fill="none" className="revision-full" onClick={() => setFull(!full)}>
        {full ? '收起全文' : '查看改前改后全文'}
      </Button>
    </View>
  )
}

/** Every correction, oldest first: when, who, why, and exactly what changed. */
function Revisions({ d }: { d: Detail }) {
  const positions = linePositions(d.lineItems, d.revisions)
  return (
    <>
      <Text className="section-title">更正记录（共 {d.revisions.length} 次）</Text>
      {d.revisions.map((r, n) => (
        <View key={r.revision} className="card revision-record">
          <View className="revision-head">
            <Text className="revision-number">第 {n + 1} 次更正</Text>
            <Text className="muted">{formatDayTime(r.at)}</Text>
          </View>
          <Text className="revision-line">
            更正人：{r.by.title}
            {r.by.name}
          </Text>
          <Text className="revision-line">更正原因：{r.reason || '（未写）'}</Text>
          <Text className="revision-subtitle">改了什么</Text>
          {r.changes.fields.map((f) =>
            f.field === 'body' ? (
              <BodyChange key={f.field} before={f.before} after={f.after} />
            ) : (
              <View key={f.field} className="revision-change">
                <Text className="revision-change-text">
                  {fieldName(f)}：{fieldValue(f, 'before')} → {fieldValue(f, 'after')}
                </Text>
              </View>
            ),
          )}
          {r.changes.lineItems.map((c, i) => (
            <View key={`line-${i}`} className={`revision-change revision-line-${c.change}`}>
              <Text className="revision-change-text">{lineChangeText(c, positions.get(r.revision)?.[i] ?? null)}</Text>
            </View>
          ))}
          {r.changes.attachmentsChanged ? (
            <View className="revision-change">
              <Text className="revision-change-text">附件有改动</Text>
            </View>
          ) : null}
        </View>
      ))}
    </>
  )
}

/**
 * One disclosure: its content, line items with totals computed from them,
 * every correction with what it changed, and a check that the record chain
 * has not been tampered with.
 */
export default function DisclosureDetail() {
  const query = useQuery()
  const disclosureId = query.disclosureId ?? ''
  const villageId = query.villageId || undefined
  const { data, error, loading, reload } = useRemote(
    () => call('disclosure', 'get', { disclosureId, villageId }),
    [disclosureId, villageId],
  )
  const role = useRole()
  const [verdict, setVerdict] = useState<Verdict | null>(null)
  const [verifying, setVerifying] = useState(false)
  const [verifyError, setVerifyError] = useState<unknown>(null)

  // Back from a correction: show the new content and record.
  useDidShow(() => {
    if (data) {
      reload()
      setVerdict(null)
    }
  })

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
  const corrections = d ? d.revision - 1 : 0
  return (
    <PageShell title={d?.title ?? '公开详情'} loading={loading && !d} error={error}>
      {d ? (
        <>
          <View className="card">
            <View className="tag-row">
              <Tag type="info">{kindLabels[d.kind]}</Tag>
              <Tag type="default" plain>
                {sectionLabels[d.section]}
              </Tag>
              {corrections > 0 ? <Tag type="danger">已更正</Tag> : null}
            </View>
            {d.period ? <Text className="detail-meta">所属期：{periodLabel(d.period)}</Text> : null}
            <Text className="detail-meta">
              发布：{d.publishedBy.title}
              {d.publishedBy.name} · <Text className="nowrap">{formatDay(d.publishedAt)}</Text>
            </Text>
            {d.revisedAt ? <Text className="detail-meta">最近更正：{formatDay(d.revisedAt)}</Text> : null}
          </View>

          {corrections > 0 ? (
            <View className="revised-notice" role="note">
              <Text className="revised-notice-title">这条公开发布后已更正 {corrections} 次</Text>
              <Text className="revised-notice-text">下面显示的是更正后的内容。每次改了什么、谁改的、为什么改，见页面下方的“更正记录”。</Text>
            </View>
          ) : null}

          <View className="card detail-body">
            <Paragraphs text={d.body} className="detail-paragraph" />
          </View>

          {d.lineItems.length > 0 ? <LineItems d={d} /> : null}

          {d.attachments.length > 0 ? (
            <>
              <Text className="section-title">附件（共 {d.attachments.length} 个）</Text>
              <View className="card">
                {d.attachments.map((a, i) => (
                  <View key={a.fileId} className="numbered-row">
                    <Text className="numbered-index">{i + 1}.</Text>
                    <Text className="numbered-text">{a.name}</Text>
                  </View>
                ))}
              </View>
            </>
          ) : null}

          {d.revisions.length > 0 ? <Revisions d={d} /> : null}

          <Text className="section-title">核验</Text>
          <View className="card">
            <Text className="muted verify-explain">
              每次发布和更正都会留下一份记录，一份接一份扣在一起。如果有人偷偷改过其中一份，核验就对不上。
            </Text>
            <Button
              block
              size="large"
              type="primary"
              fill="outline"
              loading={verifying}
              className="verify-button"
              onClick={() => void verify()}
            >
              核验记录是否被改动
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
            <Button
              block
              size="large"
              fill="outline"
              onClick={() => go('/packages/disclosure/feedback/index', { disclosureId, villageId })}
            >
              对这条公开提意见
            </Button>
            {role === 'committee' ? (
              <Button
                block
                size="large"
                type="primary"
                className="detail-revise"
                onClick={() => go('/packages/committee/revise/index', { disclosureId })}
              >
                更正这条公开
              </Button>
            ) : null}
          </View>
        </>
      ) : null}
    </PageShell>
  )
}
