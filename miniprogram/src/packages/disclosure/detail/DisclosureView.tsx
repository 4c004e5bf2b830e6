import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import { PhotoGrid } from '../../../components/PhotoPicker'
import { TotalsCard } from '../../../components/TotalsCard'
import { Term, TermNotes } from '../../../components/Term'
import { Button, Tag } from '@nutui/nutui-react-taro'
import { formatFen, periodLabel, totalsOf } from '@shared/disclosure/rules'
import { formatDay, formatDayTime } from '../../../components/format'
import { directionLabels, kindLabels, sectionLabels } from '@shared/disclosure/labels'
import { lineDate } from '../../../components/disclosure'
import type { Output } from '../../../services/api'
import { fieldName, fieldValue, lineChangeText, type Segment } from './changes'
import './DisclosureView.css'

/** A disclosure as read by members (get) and by anyone on the village's public page (publicGet): the same shape. */
export type Detail = Output<'disclosure', 'get'>['disclosure']

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

/** Long lists show this many lines first: an old phone at large text scrolls screens per line. */
const FIRST_LINES = 5

function LineItems({ d }: { d: Detail }) {
  const [all, setAll] = useState(false)
  const totals = totalsOf(d.lineItems)
  const folded = !all && d.lineItems.length > FIRST_LINES
  const shown = folded ? d.lineItems.slice(0, FIRST_LINES) : d.lineItems
  return (
    <>
      <Text className="section-title">收支明细（共 {d.lineItems.length} 笔）</Text>
      <View className="card disclosure-lines">
        {shown.map((line, i) => (
          // The item's name gets the whole width; amount and date follow underneath.
          <View key={i} className="disclosure-line">
            <Text className="disclosure-line-item">
              {i + 1}. {line.item}
            </Text>
            <View className="disclosure-line-facts">
              <Text className={`disclosure-line-direction direction-${line.direction}`}>{directionLabels[line.direction]}</Text>
              <Text className="disclosure-line-amount">{formatFen(line.amountFen)}</Text>
              <Text className="disclosure-line-date">{lineDate(line.date)}</Text>
            </View>
          </View>
        ))}
        {d.lineItems.length > FIRST_LINES ? (
          <Button block fill="outline" className="disclosure-lines-toggle" onClick={() => setAll(!all)}>
            {all ? '收起' : `展开全部 ${d.lineItems.length} 笔`}
          </Button>
        ) : null}
      </View>
      <TotalsCard totals={totals} period={d.period} balance={d.balance} className="disclosure-totals" />
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

type Change = Detail['revisions'][number]['changes']

/**
 * A title or body correction: the changed words with some context (marked by the server), and, for a body, the
 * full texts on request — a one-character fix in a title is as easy to find as one in a long body.
 */
function WordingChange({ change }: { change: Change['fields'][number] }) {
  const { before, after, hunks } = change
  const [full, setFull] = useState(false)
  return (
    <View className={`revision-change revision-change-${change.field}`}>
      <Text className="revision-change-text">
        {fieldName(change)}改了 {hunks.length} 处（红色删去，绿色新加）：
      </Text>
      {hunks.map((h, i) => (
        <View key={i} className="revision-hunk">
          {hunks.length > 1 ? <Text className="revision-hunk-number">第 {i + 1} 处</Text> : null}
          <Wording label="改前" segments={h.before} kind="before" />
          <Wording label="改后" segments={h.after} kind="after" />
        </View>
      ))}
      {change.field !== 'body' ? null : full ? (
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
      {change.field === 'body' ? (
        <Button fill="none" className="revision-full" onClick={() => setFull(!full)}>
          {full ? '收起全文' : '查看改前改后全文'}
        </Button>
      ) : null}
    </View>
  )
}

/** Every correction, oldest first: when, who, why, and exactly what changed. */
function Revisions({ d }: { d: Detail }) {
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
          <Text className="revision-line revision-summary">{r.changes.summary}</Text>
          {r.changes.fields.map((f) =>
            f.hunks.length > 0 ? (
              <WordingChange key={f.field} change={f} />
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
              <Text className="revision-change-text">{lineChangeText(c)}</Text>
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
 * What a disclosure says: its category and dates, a loud notice if it was
 * corrected, the body, line items with totals, attachments and every correction.
 */
export function DisclosureView({ d }: { d: Detail }) {
  const corrections = d.revision - 1
  return (
    <>
      <View className="card">
        <View className="tag-row">
          <Tag type="info">{kindLabels[d.kind]}</Tag>
          <Tag type="default" plain>
            {sectionLabels[d.section]}
          </Tag>
          {corrections > 0 ? <Tag type="danger">已更正</Tag> : null}
        </View>
        {d.period ? (
          <Text className="detail-meta">
            <Term word="所属期" />：{periodLabel(d.period)}
          </Text>
        ) : null}
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
      <TermNotes text={`${d.title}\n${d.body}`} />

      {d.lineItems.length > 0 ? <LineItems d={d} /> : null}

      {d.attachments.length > 0 ? (
        <>
          <Text className="section-title">图片（共 {d.attachments.length} 张，点开看大图）</Text>
          <View className="card">
            <PhotoGrid images={d.attachments} />
          </View>
        </>
      ) : null}

      {d.revisions.length > 0 ? <Revisions d={d} /> : null}
    </>
  )
}
