import { View, Text } from '@tarojs/components'
import { Button, Tag } from '@nutui/nutui-react-taro'
import type { FlowNodeView } from '@shared/power/schema'
import { PageShell } from '../../../components/PageShell'
import { ItemHistory } from '../../../components/ItemHistory'
import { usePageQuery } from '../../../services/queries/hooks'
import { powerQueries } from '../../../services/queries/power'
import { useRole } from '../../../hooks/useRole'
import { go, useQuery } from '../../../services/nav'
import { useShareCard } from '../../../services/share'
import { powerItemCard } from '../../../services/shareCards'
import './index.css'

/** Consecutive steps by the same actor: one stretch (swimlane) of the chart. */
interface Lane {
  actor: string
  steps: FlowNodeView[]
}

function lanesOf(flow: readonly FlowNodeView[]): Lane[] {
  const lanes: Lane[] = []
  for (const step of flow) {
    const last = lanes[lanes.length - 1]
    if (!last || step.actorChanged) lanes.push({ actor: step.actor, steps: [step] })
    else last.steps.push(step)
  }
  return lanes
}

function Arrow() {
  return (
    <View className="flow-arrow" aria-hidden>
      <View className="flow-arrow-line" />
      <View className="flow-arrow-head" />
    </View>
  )
}

/** The item's steps drawn top to bottom, one box per step, grouped by who performs them. */
function Flowchart({ flow }: { flow: readonly FlowNodeView[] }) {
  const lanes = lanesOf(flow)
  return (
    <View className="flowchart">
      {lanes.map((lane, l) => (
        <View key={lane.steps[0]!.index}>
          {l > 0 ? <Arrow /> : null}
          <View className={`flow-lane flow-lane-${l % 3}`}>
            <View className="flow-lane-head">
              <Text className="flow-lane-label">办理：</Text>
              <Text className="flow-lane-actor">{lane.actor}</Text>
            </View>
            {lane.steps.map((step, s) => (
              <View key={step.index}>
                {s > 0 ? <Arrow /> : null}
                <View className="flow-step">
                  <View className="flow-step-head">
                    <Text className="flow-step-number">{step.index}</Text>
                    <Text className="flow-step-name">{step.name}</Text>
                  </View>
                  {step.detail ? <Text className="flow-step-detail">{step.detail}</Text> : null}
                  {step.timeLimit ? (
                    <View className="flow-step-limit">
                      <Tag type="primary" plain>
                        时限：{step.timeLimit}
                      </Tag>
                    </View>
                  ) : null}
                </View>
              </View>
            ))}
          </View>
        </View>
      ))}
      <View className="flow-end">
        <Arrow />
        <Text className="flow-end-label">办结</Text>
      </View>
    </View>
  )
}

export default function PowerItem() {
  const query = useQuery()
  const itemId = query.itemId ?? ''
  const villageId = query.villageId || undefined
  const { data, error, isPending: loading } = usePageQuery(powerQueries.get(itemId, villageId))
  const item = data?.item
  useShareCard(item ? powerItemCard(item) : null)
  const role = useRole()

  return (
    <PageShell title={item?.name ?? '事项详情'} loading={loading && !item} error={error} offlineAt={data?.offlineAt}>
      {item ? (
        <>
          <View className="card">
            <View className="tag-row item-tags">
              <Tag type="default" plain>
                {item.categoryName}
              </Tag>
              <Tag type={item.level === 'township' ? 'warning' : 'info'}>{item.level === 'township' ? '镇特色清单' : '区指导清单'}</Tag>
              <Text className="muted">清单序号 {item.code}</Text>
            </View>
            <Text className="item-summary">{item.summary}</Text>
          </View>

          <Text className="section-title">办事流程图（共 {item.flow.length} 步）</Text>
          {item.flow.length > 0 ? <Flowchart flow={item.flow} /> : <View className="card muted">这一项没有规定办理步骤。</View>}

          <Text className="section-title">实施主体（谁来办）</Text>
          <View className="card">
            <Text className="item-text">{item.performer}</Text>
          </View>

          <Text className="section-title">监督主体（谁来监督）</Text>
          <View className="card">
            <Text className="item-text">{item.supervisor}</Text>
          </View>

          <Text className="section-title">政策依据</Text>
          <View className="card">
            {item.basis.length > 0 ? (
              item.basis.map((b, i) => (
                <View key={b} className="numbered-row">
                  <Text className="numbered-index">{i + 1}.</Text>
                  <Text className="numbered-text">{b}</Text>
                </View>
              ))
            ) : (
              <Text className="muted">暂无</Text>
            )}
          </View>

          <Text className="section-title">公开要求（要向村民公开什么）</Text>
          <View className="card">
            <Text className="item-text">{item.disclosure}</Text>
          </View>

          {/* District items keep versions too (each load of the district list), so every item shows its history. */}
          <Text className="section-title">变更记录</Text>
          <ItemHistory itemId={item.itemId} villageId={villageId} />

          {role === 'villager' ? (
            <View className="item-feedback">
              <Button block size="large" fill="outline" onClick={() => go('/packages/feedback/submit/index', { type: 'power', id: item.itemId, title: item.name })}>
                对这一项提意见
              </Button>
            </View>
          ) : null}
        </>
      ) : null}
    </PageShell>
  )
}
