import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Button, Cell, CellGroup, Input } from '@nutui/nutui-react-taro'
import { PageShell } from '../../../components/PageShell'
import { ErrorCard } from '../../../components/ErrorCard'
import { Chips } from '../../../components/Chips'
import { closesAtAfter, closingPresets } from '../../../components/evaluation'
import { formatDay } from '../../../components/format'
import { usePageQuery } from '../../../services/queries/hooks'
import { readQuery } from '../../../services/queries/read'
import { useSubmission } from '../../../hooks/useSubmission'
import { call } from '../../../services/api'
import { useQuery } from '../../../services/nav'
import './index.css'

type SubjectType = 'disclosure' | 'decision'
interface Picked {
  type: SubjectType
  id: string
  title: string
}

const typeChoices = [
  { value: 'disclosure' as SubjectType, label: '一条公开' },
  { value: 'decision' as SubjectType, label: '一项决策' },
]

/** The latest disclosures or decisions of the village, to evaluate one of them. */
function SubjectPicker({ type, picked, onPick }: { type: SubjectType; picked: Picked | null; onPick: (p: Picked) => void }) {
  const disclosures = usePageQuery({
    ...readQuery('disclosure', 'list', {}),
    enabled: type === 'disclosure',
    select: (page) => page.items.map((d) => ({ id: d.disclosureId, title: d.title, at: d.publishedAt })),
  })
  const decisions = usePageQuery({
    ...readQuery('disclosure', 'decisions', {}),
    enabled: type === 'decision',
    select: (page) => page.items.map((d) => ({ id: d.decisionId, title: d.title, at: d.updatedAt })),
  })
  const latest = type === 'disclosure' ? disclosures : decisions
  return (
    <>
      <ErrorCard error={latest.error} />
      <CellGroup>
        {(latest.data ?? []).map((s) => (
          <Cell
            key={s.id}
            className="open-subject"
            clickable
            title={s.title}
            description={formatDay(s.at)}
            extra={picked?.id === s.id ? <Text className="open-picked">已选</Text> : null}
            onClick={() => onPick({ type, id: s.id, title: s.title })}
          />
        ))}
      </CellGroup>
    </>
  )
}

/** The chair opens a round on a disclosure or a decision; each household's representative votes once. */
export default function OpenRound() {
  const query = useQuery()
  const preset: Picked | null = (query.type === 'disclosure' || query.type === 'decision') && query.id ? { type: query.type, id: query.id, title: query.title ?? '' } : null
  const [type, setType] = useState<SubjectType>(preset?.type ?? 'disclosure')
  const [picked, setPicked] = useState<Picked | null>(preset)
  const [title, setTitle] = useState(preset ? `对“${preset.title}”的评议`.slice(0, 60) : '')
  const [hours, setHours] = useState<number>(72)
  const { submit, submitting, failure, setFailure } = useSubmission(
    async () => {
      const { roundId } = await call('evaluation', 'openRound', {
        subject: { type: picked!.type, id: picked!.id },
        title,
        closesAt: closesAtAfter(hours),
      })
      await Taro.redirectTo({ url: `/packages/evaluation/round/index?roundId=${roundId}` })
      return roundId
      // Opening has no request id: a blind retry would meet its own round and report a conflict.
    },
    { autoRetry: false },
  )
  const send = () => (picked ? void submit() : setFailure('请先选择要评议的公开或决策'))

  return (
    <PageShell title="发起评议" subtitle="每户由户代表投一票；不满意超过规定比例的，村“两委”要答复释疑。">
      <Text className="section-title">评议什么</Text>
      <Chips
        label="评议对象"
        options={typeChoices}
        value={type}
        onChange={(t) => {
          setType(t)
          setPicked(null)
        }}
      />
      <SubjectPicker
        type={type}
        picked={picked}
        onPick={(p) => {
          setPicked(p)
          setTitle(`对“${p.title}”的评议`.slice(0, 60))
        }}
      />
      <Text className="section-title">评议标题</Text>
      <View className="card">
        <Input className="boxed-input" placeholder="例如：对11月财务公开的评议" value={title} maxLength={60} onChange={setTitle} />
      </View>
      <Text className="section-title">什么时候截止</Text>
      <Chips label="截止时间" options={closingPresets.map((p) => ({ value: String(p.hours), label: p.label }))} value={String(hours)} onChange={(v) => setHours(Number(v))} />
      <Text className="muted open-hint">到时间自动结束并公布结果；也可以在村情发布会上提前结束。</Text>
      <ErrorCard error={failure} />
      <View className="open-actions">
        <Button block size="large" type="primary" loading={submitting} onClick={send}>
          发起评议
        </Button>
      </View>
    </PageShell>
  )
}
