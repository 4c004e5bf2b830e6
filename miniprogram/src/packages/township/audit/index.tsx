import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { roleLabels, type CallerRole } from '@shared/roles'
import { otherAuditLabels, writeLabels } from '@shared/write-labels'
import { auditProblemText, auditVerdictText } from '@shared/audit/chain'
import { PageShell } from '../../../components/PageShell'
import { ErrorCard } from '../../../components/ErrorCard'
import { Chips } from '../../../components/Chips'
import { EmptyState } from '../../../components/EmptyState'
import { LoadMore } from '../../../components/Paged'
import { formatDayTime } from '../../../components/format'
import { formatBeijingDay } from '@shared/time'
import { call, type Output } from '../../../services/api'
import { usePagedQuery, usePageQuery } from '../../../services/queries/hooks'
import { pagedRead, readQuery } from '../../../services/queries/read'
import './index.css'

/** Every write in the township's villages: who did what, when, in which role. Nobody can edit it. */
export default function AuditLog() {
  const [villageId, setVillageId] = useState<string | undefined>(undefined)
  const [operation, setOperation] = useState<string | undefined>(undefined)
  const [personId, setPersonId] = useState<string | undefined>(undefined)
  const [choosing, setChoosing] = useState(false)
  const villages = usePageQuery({ ...readQuery('township', 'figures', {}), select: (f) => f.villages })
  const log = usePagedQuery(pagedRead('township', 'audit', { villageId, operation, personId }))
  const names = new Map((villages.data ?? []).map((v) => [v.villageId, v.villageName]))
  const [verdict, setVerdict] = useState<Output<'township', 'verifyAudit'> | null>(null)
  const [checking, setChecking] = useState(false)
  const [checkError, setCheckError] = useState<unknown>(null)
  // Recomputes the whole chain (every entry of the township), so only when asked, not on every visit.
  const check = () => {
    setChecking(true)
    setCheckError(null)
    call('township', 'verifyAudit', {})
      .then(setVerdict, setCheckError)
      .finally(() => setChecking(false))
  }

  return (
    <PageShell title="操作记录" subtitle="每一次发布、更正、审核、投票、答复和办理都留有记录，任何人都不能修改。匿名举报不记录举报人。点人名只看这个人的记录。">
      <View className="card audit-verify">
        <Text className="audit-what">记录有没有被改动</Text>
        {verdict ? (
          <View>
            <Text className={!verdict.intact ? 'audit-broken' : verdict.sealed > 0 ? 'audit-intact' : 'audit-pending'}>{auditVerdictText(verdict)}</Text>
            {verdict.problems.map((p, i) => (
              <Text key={i} className="audit-problem">
                {auditProblemText(p)}
                {p.at ? `（${formatBeijingDay(p.at)}的记录）` : ''}
              </Text>
            ))}
            <Text className="muted">
              已封存 {verdict.sealed} 条{verdict.unsealed > 0 ? `，尚未封存 ${verdict.unsealed} 条（新记录过几分钟封存，投票记录第二天封存）` : ''}
            </Text>
          </View>
        ) : (
          <Text className="muted">每条记录封存后都算了“指纹”，谁改了、删了、调了顺序，都能查出来。</Text>
        )}
        <ErrorCard error={checkError} />
        <Button block size="large" fill="outline" loading={checking} disabled={checking} onClick={check}>
          {verdict ? '再核对一次' : '核对一下'}
        </Button>
      </View>
      {villages.data ? (
        <Chips
          label="村"
          options={[{ value: undefined, label: '全部' }, ...villages.data.map((v) => ({ value: v.villageId, label: v.villageName }))]}
          value={villageId}
          onChange={setVillageId}
        />
      ) : null}
      <View className="audit-person">
        <Button block size="large" fill="outline" onClick={() => setChoosing(!choosing)}>
          {operation ? `只看“${writeLabels[operation]}”，点此改` : '按操作筛选'}
        </Button>
      </View>
      {choosing ? (
        <Chips
          label="操作"
          options={[{ value: undefined, label: '全部操作' }, ...Object.entries(writeLabels).map(([value, label]) => ({ value, label }))]}
          value={operation}
          onChange={(o) => {
            setOperation(o)
            setChoosing(false)
          }}
        />
      ) : null}
      {personId ? (
        <View className="audit-person">
          <Button block size="large" fill="outline" onClick={() => setPersonId(undefined)}>
            只看这个人的记录中，点此看全部人
          </Button>
        </View>
      ) : null}
      <ErrorCard error={log.error} />
      {log.loaded && log.items.length === 0 ? <EmptyState title="没有操作记录" description="村里和镇里每做一次发布、审核、投票、答复，这里都会记一笔" /> : null}
      {log.items.map((e, i) => (
        <View key={`${e.at}-${i}`} className="card audit-entry">
          <Text className="audit-what">{writeLabels[e.action] ?? otherAuditLabels[e.action] ?? '其他操作'}</Text>
          <Text className="audit-who" onClick={() => e.personId && setPersonId(e.personId)}>
            {/* no person: an anonymous report's entry, or the operator's command line (its name says so) */}
            {e.personId ? `${e.title || roleLabels[e.role as CallerRole]} ${e.name}` : e.name || `匿名${roleLabels[e.role as CallerRole] ?? ''}`}
            {e.villageId ? ` · ${names.get(e.villageId) ?? ''}` : ''}
          </Text>
          <Text className="muted">
            {/* Votes and anonymous reports keep only the day: their moment could undo the secret. */}
            {e.dayOnly ? `${formatBeijingDay(e.at)}（只记日期）` : formatDayTime(e.at)}
            {e.records.length > 0 ? ` · 涉及 ${e.records.length} 条记录` : ''}
          </Text>
        </View>
      ))}
      <LoadMore hasMore={log.nextCursor !== null} loading={log.loadingMore} error={log.moreError} onLoad={log.loadMore} />
    </PageShell>
  )
}
