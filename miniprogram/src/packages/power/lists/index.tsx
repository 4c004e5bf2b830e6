import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import { Loading, Tag } from '@nutui/nutui-react-taro'
import { Chips } from '../../../components/Chips'
import { OfflineNote, PageShell, messageOf } from '../../../components/PageShell'
import { usePageQuery } from '../../../services/queries/hooks'
import { powerQueries } from '../../../services/queries/power'
import './index.css'

function Pending({ error }: { error: unknown }) {
  return error ? (
    <View className="card error-text" role="alert">
      {messageOf(error)}
    </View>
  ) : (
    <View className="card lists-loading">
      <Loading>正在加载…</Loading>
    </View>
  )
}

/** What the four key village posts must do (责任清单), and what no cadre may do (负面清单). */
function Responsibilities() {
  const { data, error } = usePageQuery(powerQueries.responsibilities())
  if (!data) return <Pending error={error} />
  return (
    <>
      <OfflineNote at={data.offlineAt} />
      <Text className="lists-intro">村里四个关键岗位各自要负的责任，村民可以对照监督。</Text>
      {data.posts.map((p) => (
        <View key={p.post} className="lists-post">
          <Text className="section-title">
            {p.post}（{p.duties.length} 项）
          </Text>
          <View className="card">
            {p.duties.map((duty, i) => (
              <View key={i} className="numbered-row lists-row">
                <Text className="numbered-index">{i + 1}.</Text>
                <Text className="numbered-text">{duty}</Text>
              </View>
            ))}
          </View>
        </View>
      ))}
    </>
  )
}

function Prohibitions() {
  const { data, error } = usePageQuery(powerQueries.prohibitions())
  if (!data) return <Pending error={error} />
  return (
    <>
      <OfflineNote at={data.offlineAt} />
      <Text className="lists-intro">村干部一律不准做的事，共 {data.items.length} 条。发现有人违反，可以向村务监督委员会或镇纪委反映。</Text>
      <View className="card">
        {data.items.map((p) => (
          <View key={p.order} className="numbered-row lists-row">
            <Text className="numbered-index">{p.order}.</Text>
            <View className="numbered-text">
              <View className="tag-row lists-area">
                <Tag type="danger" plain>
                  {p.area}
                </Tag>
              </View>
              <Text className="lists-text">{p.text}</Text>
            </View>
          </View>
        ))}
      </View>
    </>
  )
}

export default function PowerLists() {
  const [tab, setTab] = useState<'duties' | 'prohibitions'>('duties')
  return (
    <PageShell title="责任清单和负面清单" subtitle="村干部该做的事，和不能做的事">
      <Chips
        label="清单"
        options={[
          { value: 'duties', label: '责任清单' },
          { value: 'prohibitions', label: '负面清单' },
        ]}
        value={tab}
        onChange={setTab}
      />
      {tab === 'duties' ? <Responsibilities /> : <Prohibitions />}
    </PageShell>
  )
}
