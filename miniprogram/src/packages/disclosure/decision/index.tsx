import { View, Text } from '@tarojs/components'
import { PhotoGrid } from '../../../components/PhotoPicker'
import { Tag, Toast } from '@nutui/nutui-react-taro'
import { PageShell } from '../../../components/PageShell'
import { formatDay } from '../../../components/format'
import { decisionStages } from '@shared/disclosure/rules'
import { stageLabels } from '@shared/disclosure/labels'
import { lineDate } from '../../../components/disclosure'
import { useRole } from '../../../hooks/useRole'
import { call, type Output } from '../../../services/api'
import { useQuery } from '../../../services/nav'
import { StepForm } from './StepForm'
import { usePageQuery } from '../../../services/queries/hooks'
import { readQuery } from '../../../services/queries/read'
import './index.css'

type Decision = Output<'disclosure', 'decision'>['decision']

const TOAST = 'decision-toast'

/** The six steps top to bottom: done ones with their day, minutes and recorder; the next one marked. */
function Progress({ d }: { d: Decision }) {
  return (
    <View className="card stage-list">
      {decisionStages.map((stage, i) => {
        const step = d.steps.find((s) => s.stage === stage)
        const state = step ? 'done' : stage === d.nextStage ? 'next' : 'todo'
        return (
          <View key={stage} className={`stage stage-${state}`}>
            <View className="stage-rail" aria-hidden>
              <Text className="stage-dot">{state === 'done' ? '✓' : i + 1}</Text>
              {i < decisionStages.length - 1 ? <View className="stage-line" /> : null}
            </View>
            <View className="stage-body">
              <View className="stage-head">
                <Text className="stage-name">
                  第{i + 1}步 {stageLabels[stage]}
                </Text>
                {state === 'next' ? <Tag type="primary">下一步</Tag> : null}
              </View>
              {step ? (
                <>
                  <Text className="stage-date">{lineDate(step.date)}</Text>
                  <Text className="stage-minutes">{step.minutes}</Text>
                  <PhotoGrid images={step.attachments} />
                  <Text className="stage-by">
                    记录人：{step.byTitle}
                    {step.byName}
                  </Text>
                </>
              ) : state === 'next' ? (
                <Text className="stage-pending">还没有进行</Text>
              ) : (
                <Text className="stage-pending">在上一步完成后进行</Text>
              )}
            </View>
          </View>
        )
      })}
    </View>
  )
}

/**
 * One major decision of 四议两公开: what it is, and its six steps in order.
 * The village committees record the next step here; nobody can skip one.
 */
export default function DecisionDetail() {
  const query = useQuery()
  const decisionId = query.decisionId ?? ''
  const villageId = query.villageId || undefined
  const { data, error, isPending: loading, refetch: reload } = usePageQuery(readQuery('disclosure', 'decision', { decisionId, villageId }))
  const role = useRole()
  const d = data?.decision
  const done = d ? d.steps.length : 0
  const last = d?.steps[d.steps.length - 1]

  return (
    <PageShell title={d?.title ?? '决策事项'} subtitle="四议两公开" loading={loading && !d} error={error}>
      {d ? (
        <>
          <View className="card">
            <Text className="decision-summary">{d.summary}</Text>
            <View className="decision-status">
              {d.nextStage ? (
                <Text className="decision-status-text">
                  已完成 {done} 步 / 共 6 步，下一步：{stageLabels[d.nextStage]}
                </Text>
              ) : (
                <Text className="decision-status-text decision-status-complete">六个步骤已全部完成</Text>
              )}
              <Text className="muted">最近更新：{formatDay(d.updatedAt)}</Text>
            </View>
          </View>

          <Text className="section-title">办理进度</Text>
          <Progress d={d} />

          {role === 'committee' && d.nextStage ? (
            <>
              <Text className="section-title">记录下一步：{stageLabels[d.nextStage]}</Text>
              <View className="card">
                <StepForm
                  key={d.nextStage}
                  stage={d.nextStage}
                  notBefore={last?.date ?? null}
                  submitText={`记录“${stageLabels[d.nextStage]}”`}
                  onSubmit={async (input) => {
                    await call('disclosure', 'recordDecisionStep', {
                      decisionId,
                      stage: d.nextStage!,
                      date: input.date,
                      minutes: input.minutes,
                      attachments: input.attachments,
                    })
                    Toast.show(TOAST, { icon: 'success', content: '已记录' })
                    reload()
                  }}
                />
              </View>
            </>
          ) : null}
        </>
      ) : null}
      <Toast id={TOAST} />
    </PageShell>
  )
}
