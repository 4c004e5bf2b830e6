import { useEffect, useState } from 'react'
import { View, Text } from '@tarojs/components'
import { Cell, CellGroup, Loading, SearchBar, Tag } from '@nutui/nutui-react-taro'
import { Chips } from '../../../components/Chips'
import { PageShell, messageOf } from '../../../components/PageShell'
import { EmptyState } from '../../../components/EmptyState'
import { keepPreviousData } from '@tanstack/react-query'
import { usePageQuery } from '../../../services/queries/hooks'
import { powerQueries } from '../../../services/queries/power'
import { go, useQuery } from '../../../services/nav'
import './index.css'

/**
 * The village's published power list: filter by category, search by keyword,
 * tap an item for its flowchart. Township staff arrive with `villageId` (and
 * `villageName`) and read that village's list.
 */
export default function PowerList() {
  const query = useQuery()
  const villageId = query.villageId || undefined
  const villageName = query.villageName || ''

  const categories = usePageQuery(powerQueries.categories(villageId))
  const [categoryId, setCategoryId] = useState<string | undefined>(undefined)
  const [input, setInput] = useState('')
  const [keyword, setKeyword] = useState('')

  // Search as the villager types, once they pause; 确认/搜索 searches at once.
  useEffect(() => {
    const timer = setTimeout(() => setKeyword(input.trim()), 400)
    return () => clearTimeout(timer)
  }, [input])

  // The rows stay on screen while another category or search loads.
  const list = usePageQuery({ ...powerQueries.list({ villageId, categoryId, keyword: keyword || undefined }), placeholderData: keepPreviousData })

  const shownCategories = (categories.data?.categories ?? []).filter((c) => c.itemCount > 0)
  const current = shownCategories.find((c) => c.categoryId === categoryId)
  const items = list.data?.items ?? []

  return (
    <PageShell
      title={villageName ? `${villageName}权力清单` : '权力清单'}
      subtitle="清单之外无权力。点开一项，可以看它怎么办、谁来办、谁监督。"
      loading={categories.isPending}
      error={categories.error}
      offlineAt={list.data?.offlineAt ?? categories.data?.offlineAt}
    >
      <SearchBar
        className="power-search"
        placeholder="搜事项，例如：低保、宅基地"
        value={input}
        maxLength={30}
        onChange={(value) => setInput(value)}
        onSearch={(value) => {
          setInput(value)
          setKeyword(value.trim())
        }}
        onClear={() => {
          setInput('')
          setKeyword('')
        }}
      />
      <Chips
        scroll
        label="清单分类"
        options={[{ value: undefined, label: '全部' }, ...shownCategories.map((c) => ({ value: c.categoryId, label: c.name }))]}
        value={categoryId}
        onChange={setCategoryId}
      />
      {current ? <Text className="power-category-note">{current.description}</Text> : null}

      {list.error ? (
        <View className="card error-text" role="alert">
          {messageOf(list.error)}
        </View>
      ) : !list.data ? (
        <View className="card power-loading">
          <Loading>正在加载…</Loading>
        </View>
      ) : items.length === 0 ? (
        <EmptyState title={keyword ? '没有找到相关事项，换个词试试' : '这一类还没有事项'} description={keyword && categoryId ? '也可以切换到“全部”再找' : ''} />
      ) : (
        <>
          <Text className="power-count">{keyword ? `找到 ${items.length} 项` : `共 ${items.length} 项`}</Text>
          <CellGroup>
            {items.map((item) => (
              <Cell
                key={item.itemId}
                className="power-item"
                clickable
                title={
                  <View className="power-item-title">
                    <Text className="power-item-code">{item.code}</Text>
                    <Text className="power-item-name">{item.name}</Text>
                    {item.level === 'township' ? (
                      <Tag type="warning" className="power-item-tag">
                        镇特色
                      </Tag>
                    ) : null}
                  </View>
                }
                description={<Text className="power-item-summary">{item.summary}</Text>}
                onClick={() => go('/packages/power/item/index', { itemId: item.itemId, villageId })}
              />
            ))}
          </CellGroup>
        </>
      )}
    </PageShell>
  )
}
