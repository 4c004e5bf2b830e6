import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import { Button, Dialog, Input, TextArea, Toast } from '@nutui/nutui-react-taro'
import type { TownshipItemInput } from '@shared/power/schema'
import { PageShell, messageOf } from '../../../components/PageShell'
import { ErrorCard } from '../../../components/ErrorCard'
import { Chips } from '../../../components/Chips'
import { call } from '../../../services/api'
import { ItemHistory } from '../../../components/ItemHistory'
import { FeaturedImport } from './FeaturedImport'
import { PowerListExport } from '../../../components/PowerListExport'
import { usePageQuery } from '../../../services/queries/hooks'
import { readQuery } from '../../../services/queries/read'
import './index.css'

const TOAST = 'featured-toast'

type Step = TownshipItemInput['steps'][number]
interface Form {
  itemId?: string
  categoryId: string
  name: string
  summary: string
  /** 依据, one a line, as people type them */
  basis: string
  performer: string
  supervisor: string
  steps: Step[]
  disclosure: string
}

const blankStep = (): Step => ({ name: '', actor: '', detail: '', timeLimit: '' })
const blankForm = (categoryId: string): Form => ({ categoryId, name: '', summary: '', basis: '', performer: '', supervisor: '', steps: [blankStep()], disclosure: '' })

/** One labelled boxed input; the label is what a screen reader says too. */
function Field({ label, value, max, placeholder, onChange }: { label: string; value: string; max: number; placeholder?: string; onChange: (v: string) => void }) {
  return (
    <>
      <Text className="featured-label">{label}</Text>
      <Input className="boxed-input" aria-label={label} placeholder={placeholder} value={value} maxLength={max} onChange={onChange} />
    </>
  )
}

function Area({ label, value, max, placeholder, onChange }: { label: string; value: string; max: number; placeholder?: string; onChange: (v: string) => void }) {
  return (
    <>
      <Text className="featured-label">{label}</Text>
      <TextArea className="boxed-textarea" aria-label={label} placeholder={placeholder} value={value} maxLength={max} rows={3} autoSize onChange={onChange} />
    </>
  )
}

/**
 * The township's featured list (镇特色清单), kept by its staff: 新增 an item, 编辑 one (name, basis, flowchart steps
 * with their time limits, responsible post), 移除 one with a reason, or 从 Excel 导入 the list (FeaturedImport). District
 * items are the district's and are not listed here. Each save or imported change is a new version, shown in the item's
 * 变更记录.
 */
export default function FeaturedList() {
  const { data, error, isPending: loading, refetch: reload } = usePageQuery(readQuery('power', 'townshipItems', {}))
  const [form, setForm] = useState<Form | null>(null)
  const [failure, setFailure] = useState('')
  const [saving, setSaving] = useState(false)
  const [removing, setRemoving] = useState<{ itemId: string; name: string } | null>(null)
  const [reason, setReason] = useState('')
  const [historyOf, setHistoryOf] = useState<string | null>(null)
  const categories = data?.categories ?? []
  const set = (patch: Partial<Form>) => setForm((f) => (f ? { ...f, ...patch } : f))
  const setStep = (i: number, patch: Partial<Step>) => setForm((f) => (f ? { ...f, steps: f.steps.map((s, j) => (j === i ? { ...s, ...patch } : s)) } : f))

  const edit = async (itemId: string) => {
    setFailure('')
    try {
      const { item } = await call('power', 'townshipItem', { itemId })
      setForm({ ...item, basis: item.basis.join('\n') })
    } catch (e) {
      Toast.show(TOAST, { icon: 'fail', content: messageOf(e) })
    }
  }
  const save = async () => {
    if (!form || saving) return
    setFailure('')
    setSaving(true)
    try {
      const basis = form.basis
        .split('\n')
        .map((b) => b.trim())
        .filter(Boolean)
      const saved = await call('power', 'saveTownshipItem', { ...form, basis })
      Toast.show(TOAST, { icon: 'success', content: form.itemId ? `已保存，改了 ${saved.fields.join('、')}` : `已新增 ${saved.code}` })
      setForm(null)
      reload()
    } catch (e) {
      setFailure(messageOf(e))
    } finally {
      setSaving(false)
    }
  }
  const remove = async () => {
    if (!removing) return
    try {
      const done = await call('power', 'removeTownshipItem', { itemId: removing.itemId, reason })
      Toast.show(TOAST, { icon: 'success', content: done.villagesToReview > 0 ? `已移除，${done.villagesToReview} 个村要复核` : '已移除' })
      setRemoving(null)
      setReason('')
      reload()
    } catch (e) {
      Toast.show(TOAST, { icon: 'fail', content: messageOf(e) })
    }
  }

  if (form) {
    return (
      <PageShell title={form.itemId ? '编辑事项' : '新增事项'} subtitle="保存后是一个新版本，记下谁、什么时候改了什么；选了这一项的村的主任会收到通知。">
        <View className="card">
          <Chips
            label="类别"
            scroll
            options={categories.map((c) => ({ value: c.categoryId, label: c.name }))}
            value={form.categoryId}
            onChange={(categoryId) => set({ categoryId })}
          />
          <Field label="事项名称" value={form.name} max={40} placeholder="例如：林地流转初审" onChange={(name) => set({ name })} />
          <Area label="事项说明" value={form.summary} max={500} onChange={(summary) => set({ summary })} />
          <Area label="依据（一行写一条）" value={form.basis} max={2000} placeholder="例如：《中华人民共和国村民委员会组织法》" onChange={(basis) => set({ basis })} />
          <Field label="实施主体（责任岗位）" value={form.performer} max={100} placeholder="例如：村民委员会" onChange={(performer) => set({ performer })} />
          <Field label="监督主体" value={form.supervisor} max={100} placeholder="例如：村务监督委员会" onChange={(supervisor) => set({ supervisor })} />
          <Area label="公开要求" value={form.disclosure} max={300} onChange={(disclosure) => set({ disclosure })} />
        </View>
        <Text className="section-title">办理流程（共 {form.steps.length} 步）</Text>
        <View className="card">
          {form.steps.map((step, i) => (
            <View key={i} className="featured-step">
              <View className="featured-step-head">
                <Text>第 {i + 1} 步</Text>
                {form.steps.length > 1 ? (
                  <Button fill="none" onClick={() => set({ steps: form.steps.filter((_, j) => j !== i) })}>
                    删去这一步
                  </Button>
                ) : null}
              </View>
              <Field label="步骤名称" value={step.name} max={30} placeholder="例如：提出申请" onChange={(name) => setStep(i, { name })} />
              <Field label="办理主体" value={step.actor} max={60} placeholder="例如：村民代表会议" onChange={(actor) => setStep(i, { actor })} />
              <Area label="办理内容" value={step.detail ?? ''} max={300} onChange={(detail) => setStep(i, { detail })} />
              <Field label="办理时限（没有就不填）" value={step.timeLimit ?? ''} max={30} placeholder="例如：5个工作日内" onChange={(timeLimit) => setStep(i, { timeLimit })} />
            </View>
          ))}
          <Button block fill="outline" className="featured-save" onClick={() => set({ steps: [...form.steps, blankStep()] })}>
            加一步
          </Button>
        </View>
        <ErrorCard error={failure} />
        <Button block size="large" type="primary" className="featured-save" loading={saving} onClick={() => void save()}>
          保存
        </Button>
        <Button block size="large" fill="outline" className="featured-save" onClick={() => setForm(null)}>
          不改了，返回
        </Button>
        <Toast id={TOAST} />
      </PageShell>
    )
  }

  const items = data?.items ?? []
  return (
    <PageShell title="镇特色清单" subtitle="本镇自己的权力事项，各村可以从中选。区里的指导性清单由区里统一修改。" loading={loading && !data} error={error}>
      <Button block size="large" type="primary" onClick={() => setForm(blankForm(categories[0]?.categoryId ?? ''))}>
        新增事项
      </Button>
      <FeaturedImport onImported={reload} />
      <PowerListExport />
      {items.length === 0 && data ? <View className="card muted">还没有特色事项</View> : null}
      {items.map((item) => (
        <View key={item.itemId} className="card featured-row">
          <Text className="featured-name">
            {item.code} {item.name}
          </Text>
          <Text className="muted">
            {item.removed ? '已移除' : `${item.villageCount} 个村选了这一项`}
            {item.version > 0 ? ` · 第 ${item.version} 版` : ''}
          </Text>
          <View className="featured-actions">
            {!item.removed ? (
              <>
                <Button type="primary" fill="outline" onClick={() => void edit(item.itemId)}>
                  编辑
                </Button>
                <Button fill="outline" onClick={() => setRemoving({ itemId: item.itemId, name: item.name })}>
                  移除
                </Button>
              </>
            ) : null}
            <Button fill="none" onClick={() => setHistoryOf(historyOf === item.itemId ? null : item.itemId)}>
              {historyOf === item.itemId ? '收起变更记录' : '变更记录'}
            </Button>
          </View>
          {historyOf === item.itemId ? <ItemHistory itemId={item.itemId} /> : null}
        </View>
      ))}
      <Dialog
        visible={removing !== null}
        title="移除事项"
        content={
          <View>
            <Text>移除“{removing?.name ?? ''}”？选了它的村要复核，并会通知各村主任。</Text>
            <TextArea className="boxed-textarea" aria-label="移除原因" placeholder="请写明移除原因" value={reason} maxLength={200} rows={2} onChange={setReason} />
          </View>
        }
        confirmText="移除"
        cancelText="取消"
        onConfirm={() => void remove()}
        onCancel={() => setRemoving(null)}
      />
      <Toast id={TOAST} />
    </PageShell>
  )
}
