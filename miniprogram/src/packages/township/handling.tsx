import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import type { HandlingStep } from '@shared/integrity/schema'
import { conflictKinds, type ConflictKind } from '@shared/integrity/rules'
import { conflictKindLabels } from '@shared/integrity/labels'
import { ReasonDialog } from '../../components/ReasonDialog'
import { Chips } from '../../components/Chips'
import { formatDayTime } from '../../components/format'
import { call } from '../../services/api'
import { usePageQuery } from '../../services/queries/hooks'
import { readQuery } from '../../services/queries/read'
import './handling.css'

interface Person {
  personId: string
  name: string
  title: string
}

/** Who handles a case or report, and each 回避 with its handover, for the staff's detail pages. */
export function HandlingCard({ handler, handling }: { handler: Person | null; handling: readonly HandlingStep[] }) {
  return (
    <View className="card handling">
      <Text className="handling-line">办理人：{handler ? `${handler.title}${handler.name}` : '还没有人办理（谁先处理就由谁办理）'}</Text>
      {handling.map((s, i) => (
        <Text key={`${s.at}-${i}`} className="handling-step">
          {s.kind === 'recused'
            ? `${formatDayTime(s.at)} ${s.title}${s.name}申请回避（${s.conflict ? conflictKindLabels[s.conflict] : '其他'}）：${s.reason ?? ''}`
            : `${formatDayTime(s.at)} 转交${s.title}${s.name}办理`}
        </Text>
      ))}
    </View>
  )
}

/** The cadres a concluded finding names, as a line under the conclusion. */
export function NamedCadres({ cadres }: { cadres: readonly { appointmentId: string; name: string; title: string }[] }) {
  if (cadres.length === 0) return null
  return <Text className="handling-line">查实涉及：{cadres.map((c) => `${c.title}${c.name}`).join('、')}（已记入廉政档案）</Text>
}

const conflictChoices = conflictKinds.map((k) => ({ value: k, label: conflictKindLabels[k] }))

/**
 * 申请回避: the kind and a short reason. On success the item is handed to another staff member and the caller no
 * longer sees it, so the page goes back.
 */
export function RecuseDialog({
  visible,
  what,
  onRecuse,
  onClose,
}: {
  visible: boolean
  what: string
  onRecuse: (conflict: ConflictKind, reason: string) => Promise<{ handlerName: string }>
  onClose: () => void
}) {
  const [conflict, setConflict] = useState<ConflictKind>('relative')
  useEffect(() => {
    if (visible) setConflict('relative')
  }, [visible])
  return (
    <ReasonDialog
      visible={visible}
      title="申请回避"
      message={`与这${what}有利害关系的，应当回避。回避后这${what}会交给另一位镇纪委干部办理，您将看不到它。回避会记录在案。`}
      label="回避说明"
      placeholder="例如：被反映的村干部是我的表哥"
      required
      maxLength={200}
      confirmText="确认回避"
      onSubmit={async (reason) => {
        const { handlerName } = await onRecuse(conflict, reason)
        onClose()
        void Taro.showToast({ title: `已回避，改由${handlerName}办理`, icon: 'none', duration: 3000 })
        if (Taro.getCurrentPages().length > 1) void Taro.navigateBack()
      }}
      onClose={onClose}
    >
      <Text className="reason-dialog-label">回避原因（必选）</Text>
      <Chips label="回避原因" options={conflictChoices} value={conflict} onChange={setConflict} />
    </ReasonDialog>
  )
}

/**
 * The village's chair and committee posts, current and past, to tick the cadres a substantiated finding concerns.
 * Ticking nobody is fine: the finding then enters nobody's integrity file.
 */
export function CadreChoice({ villageId, value, onChange }: { villageId: string; value: readonly string[]; onChange: (ids: string[]) => void }) {
  const { data } = usePageQuery(readQuery('township', 'villagePosts', { villageId }))
  const toggle = (id: string) => onChange(value.includes(id) ? value.filter((v) => v !== id) : [...value, id])
  return (
    <View className="cadre-choice">
      <Text className="reason-dialog-label">查实涉及的村干部（可不选；选了会记入其廉政档案）</Text>
      {(data?.posts ?? []).map((p) => {
        const on = value.includes(p.appointmentId)
        return (
          <View key={p.appointmentId} className={`cadre-row${on ? ' cadre-row-on' : ''}`} role="checkbox" aria-checked={on} onClick={() => toggle(p.appointmentId)}>
            <Text className="cadre-box">{on ? '☑' : '☐'}</Text>
            <Text className="cadre-name">
              {p.title} {p.name}
              {p.status === 'ended' ? '（已离任）' : ''}
            </Text>
          </View>
        )
      })}
    </View>
  )
}

export const recuseCase = (escalationId: string) => (conflict: ConflictKind, reason: string) => call('township', 'recuseCase', { escalationId, conflict, reason })
export const recuseReport = (reportId: string) => (conflict: ConflictKind, reason: string) => call('report', 'recuse', { reportId, conflict, reason })
