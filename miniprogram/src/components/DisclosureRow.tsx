import { View, Text } from '@tarojs/components'
import { Cell, Tag } from '@nutui/nutui-react-taro'
import { periodLabel } from '@shared/disclosure/rules'
import type { DisclosureListItem } from '@shared/disclosure/schema'
import { formatDay } from './format'
import { kindLabels, sectionLabels } from '@shared/disclosure/labels'
import './DisclosureRow.css'

/** One disclosure in a list: title, kind and section, 已更正 when corrected, period and date. */
export function DisclosureRow({ d, className, onClick }: { d: DisclosureListItem; className: string; onClick: () => void }) {
  return (
    <Cell
      className={className}
      clickable
      title={
        <View>
          <Text className="disclosure-row-title">{d.title}</Text>
          <View className="tag-row disclosure-row-tags">
            <Tag type="info">{kindLabels[d.kind]}</Tag>
            <Tag type="default" plain>
              {sectionLabels[d.section]}
            </Tag>
            {d.revision > 1 ? <Tag type="danger">已更正</Tag> : null}
          </View>
        </View>
      }
      description={
        <Text className="disclosure-row-meta">{[d.period ? `所属期 ${periodLabel(d.period)}` : '', `${formatDay(d.publishedAt)}发布`].filter(Boolean).join(' · ')}</Text>
      }
      onClick={onClick}
    />
  )
}
