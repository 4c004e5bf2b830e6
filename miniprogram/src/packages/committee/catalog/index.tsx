import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import { Cell, CellGroup, Tag, Toast } from '@nutui/nutui-react-taro'
import type { PowerItemSummary } from '@shared/power/schema'
import { ApiError, call } from '../../../services/api'
import { PageShell, messageOf } from '../../../components/PageShell'
import { ReasonDialog } from '../../../components/ReasonDialog'
import { usePageQuery } from '../../../services/queries/hooks'
import './index.css'

type CatalogItem = PowerItemSummary & { selected: boolean; removed?: boolean; needsReview?: boolean }

interface Toggle {
  item: CatalogItem
  selected: boolean
}

const TOAST = 'catalog-toast'

/**
 * The village committees choose which items of the district list and the
 * township's featured list the village publishes. Every change needs a note
 * and is filed in the list's public history.
 */
export default function Catalog() {
  const {
    data,
    error,
    isPending: loading,
    refetch: reload,
  } = usePageQuery({
    queryKey: ['power', 'catalog', {}, 'with categories'],
    queryFn: () =>
      Promise.all([call('power', 'catalog', {}), call('power', 'categories', {})]).then(([catalog, categories]) => ({
        items: catalog.items,
        categories: categories.categories,
      })),
  })
  const [items, setItems] = useState<CatalogItem[] | null>(null)
  const [toggle, setToggle] = useState<Toggle | null>(null)
  const shownItems = items ?? data?.items ?? []

  const submit = async (note: string) => {
    if (!toggle) return
    const { item, selected } = toggle
    try {
      await call('power', 'select', { itemId: item.itemId, selected, note })
    } catch (e) {
      // A bad note can be fixed in the dialog; anything else closes it and the switch goes back.
      if (e instanceof ApiError && e.code === 'INVALID_INPUT') throw e
      setToggle(null)
      Toast.show(TOAST, { icon: 'fail', content: messageOf(e) })
      if (e instanceof ApiError && e.code === 'CONFLICT') {
        setItems(null)
        reload()
      }
      return
    }
    setItems((prev) => (prev ?? data?.items ?? []).map((i) => (i.itemId === item.itemId ? { ...i, selected } : i)))
    Toast.show(TOAST, { icon: 'success', content: selected ? '已纳入本村清单' : '已从本村清单移出' })
  }

  const groups = (data?.categories ?? []).map((c) => ({ category: c, items: shownItems.filter((i) => i.categoryId === c.categoryId) })).filter((g) => g.items.length > 0)
  const selectedCount = shownItems.filter((i) => i.selected).length

  return (
    <PageShell
      title="维护本村权力清单"
      subtitle={data ? `从区指导清单和镇特色清单中选定本村事项。本村已选 ${selectedCount} 项，共可选 ${shownItems.length} 项。` : undefined}
      loading={loading && !data}
      error={error}
    >
      <View className="card catalog-note">
        <Text>变更会记入清单变更记录，村民可以看到</Text>
      </View>
      {groups.map((g) => (
        <View key={g.category.categoryId}>
          <Text className="section-title">
            {g.category.name}（已选 {g.items.filter((i) => i.selected).length} / {g.items.length}）
          </Text>
          <CellGroup>
            {g.items.map((item) => {
              const checked = toggle?.item.itemId === item.itemId ? toggle.selected : item.selected
              return (
                <Cell
                  key={item.itemId}
                  className="catalog-item"
                  clickable
                  align="center"
                  title={
                    <View className="catalog-title">
                      <Text className="catalog-code">{item.code}</Text>
                      <Text>{item.name}</Text>
                    </View>
                  }
                  description={
                    <View className="tag-row catalog-desc">
                      {item.level === 'township' ? <Tag type="warning">镇特色</Tag> : null}
                      {/* The township removed it while the village had it: the committee's 待办 counts it until they answer. */}
                      {item.removed ? <Tag type="danger">{item.needsReview ? '镇里已移除，请复核' : '镇里已移除'}</Tag> : null}
                      <Text className={checked ? 'catalog-state-on' : 'catalog-state-off'}>{checked ? '已纳入本村清单' : '未纳入'}</Text>
                    </View>
                  }
                  onClick={() => setToggle({ item, selected: !item.selected })}
                />
              )
            })}
          </CellGroup>
        </View>
      ))}

      <ReasonDialog
        visible={toggle !== null}
        title={toggle?.selected ? '纳入本村清单' : '从本村清单移出'}
        message={toggle ? `${toggle.item.code} ${toggle.item.name}` : ''}
        label="变更说明"
        placeholder={toggle?.selected ? '例如：经村民代表会议表决，纳入本村清单' : '例如：本村已无此类事项，经村民代表会议表决移出'}
        required
        maxLength={200}
        confirmText={toggle?.selected ? '纳入' : '移出'}
        onSubmit={submit}
        onClose={() => setToggle(null)}
      />
      <Toast id={TOAST} />
    </PageShell>
  )
}
