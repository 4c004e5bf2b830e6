import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import { Button, Cell, CellGroup, Tag } from '@nutui/nutui-react-taro'
import { PageShell, messageOf } from '../../../components/PageShell'
import { EmptyState } from '../../../components/EmptyState'
import { LoadMore } from '../../../components/Paged'
import { formatDay } from '../../../components/format'
import { decisionStages } from '@shared/disclosure/rules'
import { stageLabels } from '@shared/disclosure/labels'
import { useRole } from '../../../hooks/useRole'
import { call } from '../../../services/api'
import { go, useQuery } from '../../../services/nav'
import { StepForm } from '../decision/StepForm'
import { usePagedQuery } from '../../../services/queries/hooks'
import { pagedRead } from '../../../services/queries/read'
import './index.css'

/**
 * The village's major decisions under 四议两公开 (four deliberations, two
 * disclosures), most recently updated first, each with the step it reached.
 * The village committees start a new one here with its proposal.
 * Township staff arrive with `villageId` (and `villageName`).
 */
export default function Decisions() {
  const query = useQuery()
  const villageId = query.villageId || undefined
  const villageName = query.villageName || ''
  const role = useRole()
  const [creating, setCreating] = useState(false)
  const paged = usePagedQuery(pagedRead('disclosure', 'decisions', { villageId }))

  return (
    <PageShell
      title={villageName ? `${villageName}四议两公开` : '四议两公开'}
      subtitle="村里的重大事项，要经过党组织提议、“两委”商议、党员大会审议、村民代表会议决议，决议和实施结果都要公开。每一步都记在这里。"
    >
      {role === 'committee' ? (
        creating ? (
          <>
            <Text className="section-title">新建决策事项</Text>
            <View className="card">
              <StepForm
                stage="proposal"
                isNew
                submitText="新建并记录提议"
                onSubmit={async (input) => {
                  const { decisionId } = await call('disclosure', 'recordDecisionStep', {
                    stage: 'proposal',
                    title: input.title,
                    summary: input.summary,
                    date: input.date,
                    minutes: input.minutes,
                    attachments: input.attachments,
                  })
                  setCreating(false)
                  paged.refresh()
                  go('/packages/disclosure/decision/index', { decisionId })
                }}
              />
              <Button block fill="none" className="decisions-cancel" onClick={() => setCreating(false)}>
                不新建了
              </Button>
            </View>
          </>
        ) : (
          <View className="decisions-new">
            <Button block type="primary" size="large" onClick={() => setCreating(true)}>
              新建决策事项
            </Button>
          </View>
        )
      ) : null}

      {paged.error ? (
        <View className="card error-text" role="alert">
          {messageOf(paged.error)}
        </View>
      ) : !paged.loaded ? (
        <View className="card muted decisions-loading">正在加载…</View>
      ) : paged.items.length === 0 ? (
        <EmptyState title="还没有决策事项" description={role === 'committee' ? '点上面的“新建决策事项”，从党组织提议开始记录' : ''} />
      ) : (
        <CellGroup>
          {paged.items.map((d) => {
            const step = decisionStages.indexOf(d.stage) + 1
            const complete = step === decisionStages.length
            return (
              <Cell
                key={d.decisionId}
                className="decision-row"
                clickable
                title={
                  <View>
                    <Text className="decision-row-title">{d.title}</Text>
                    <View className="tag-row decision-row-tags">{complete ? <Tag type="success">六步已完成</Tag> : <Tag type="info">第{step}步 / 共6步</Tag>}</View>
                  </View>
                }
                description={
                  <View>
                    <Text className="decision-row-stage">已到：{stageLabels[d.stage]}</Text>
                    <Text className="decision-row-meta">{formatDay(d.updatedAt)}更新</Text>
                  </View>
                }
                onClick={() => go('/packages/disclosure/decision/index', { decisionId: d.decisionId, villageId })}
              />
            )
          })}
        </CellGroup>
      )}
      <LoadMore hasMore={paged.nextCursor !== null} loading={paged.loadingMore} error={paged.moreError} onLoad={paged.loadMore} />
    </PageShell>
  )
}
