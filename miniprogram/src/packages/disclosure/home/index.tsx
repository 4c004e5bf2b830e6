import { useEffect, useState } from 'react'
import { View, Text } from '@tarojs/components'
import { CellGroup, SearchBar } from '@nutui/nutui-react-taro'
import { type DisclosureKind, type DisclosureSection, disclosureKinds, disclosureSections } from '@shared/disclosure/rules'
import { DisclosureRow } from '../../../components/DisclosureRow'
import { PageShell, messageOf } from '../../../components/PageShell'
import { EmptyState } from '../../../components/EmptyState'
import { LoadMore } from '../../../components/Paged'
import { kindLabels, sectionLabels } from '@shared/disclosure/labels'
import { Chips } from '../../../components/Chips'
import { usePagedQuery } from '../../../services/queries/hooks'
import { disclosureQueries } from '../../../services/queries/disclosure'
import { go, useQuery } from '../../../services/nav'
import './index.css'

/** What the list shows: everything, one kind, or only what was corrected after publication. */
type Show = DisclosureKind | 'corrected' | undefined

/**
 * The village's party, village and finance disclosures (三务公开), newest
 * first: filter by kind and section, or search titles and line items.
 * Township staff arrive with `villageId` (and `villageName`).
 */
export default function DisclosureHome() {
  const query = useQuery()
  const villageId = query.villageId || undefined
  const villageName = query.villageName || ''

  // One row chooses what to see (a kind, or only corrected ones); sections narrow it further.
  const [show, setShow] = useState<Show>(undefined)
  const [section, setSection] = useState<DisclosureSection | undefined>(undefined)
  const corrected = show === 'corrected'
  const kind = corrected ? undefined : show
  const [input, setInput] = useState('')
  const [keyword, setKeyword] = useState('')

  // Search as the villager types, once they pause; 搜索 searches at once.
  useEffect(() => {
    const timer = setTimeout(() => setKeyword(input.trim()), 400)
    return () => clearTimeout(timer)
  }, [input])

  // One character is too short to search: the list stays as it is.
  const searching = keyword.length >= 2
  // The chosen filters narrow a search as they narrow the list, on the server, so every page is full.
  const filters = corrected ? { villageId, corrected } : { villageId, kind, section }
  const paged = usePagedQuery(searching ? disclosureQueries.search({ ...filters, keyword }) : disclosureQueries.list(filters))
  const items = paged.items
  const filtered = show !== undefined || section !== undefined

  return (
    <PageShell
      title={villageName ? `${villageName}三务公开` : '三务公开'}
      subtitle="村里的党务、村务、财务，都公开在这里。公开后如有更正，会标明“已更正”，改了什么都查得到。"
      offlineAt={paged.offlineAt}
    >
      <SearchBar
        className="disclosure-search"
        placeholder="搜标题或收支事项，例如：修路"
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
      {keyword.length === 1 ? <Text className="disclosure-hint">请至少输入两个字再搜索</Text> : null}
      <Chips
        label="看哪些公开"
        options={[
          { value: undefined, label: '全部' },
          ...disclosureKinds.map((k) => ({ value: k as Show, label: kindLabels[k] })),
          { value: 'corrected' as Show, label: '已更正' },
        ]}
        value={show}
        onChange={(next) => {
          setShow(next)
          if (next === 'corrected') setSection(undefined)
        }}
      />
      {corrected ? null : (
        <>
          <Text className="disclosure-filter-label">按栏目看（再点一下取消）：</Text>
          <Chips
            label="公开栏目"
            options={disclosureSections.map((s) => ({ value: s as DisclosureSection | undefined, label: sectionLabels[s] }))}
            value={section}
            onChange={(next) => setSection(next === section ? undefined : next)}
          />
        </>
      )}

      {paged.error ? (
        <View className="card error-text" role="alert">
          {messageOf(paged.error)}
        </View>
      ) : !paged.loaded ? (
        <View className="card disclosure-loading page-loading muted">正在加载…</View>
      ) : (
        <>
          {/* 四议两公开 heads the list; it appears with the list, once the page has settled. */}
          {searching ? null : (
            <View className="decisions-link" role="link" onClick={() => go('/packages/disclosure/decisions/index', { villageId, villageName: villageName || undefined })}>
              <View className="decisions-link-main">
                <Text className="decisions-link-title">四议两公开决策</Text>
                <Text className="decisions-link-text">重大事项从提议、决议到实施结果，每一步都查得到</Text>
              </View>
              <Text className="decisions-link-arrow" aria-hidden>
                ›
              </Text>
            </View>
          )}
          {searching && items.length > 0 ? (
            <Text className="disclosure-count">
              {`搜索“${keyword}”，找到 ${items.length} 条${paged.nextCursor ? '，下面还可以加载更多' : ''}${filtered ? '（只看所选类别）' : ''}`}
            </Text>
          ) : null}
          {items.length === 0 && paged.nextCursor === null ? (
            <EmptyState
              title={searching ? '没有找到相关公开，换个词试试' : corrected ? '还没有更正过的公开' : '这一类还没有公开'}
              description={searching && filtered ? '也可以把类别切换到“全部”再找' : ''}
            />
          ) : (
            <CellGroup>
              {items.map((d) => (
                <DisclosureRow
                  key={d.disclosureId}
                  d={d}
                  className="disclosure-row"
                  onClick={() => go('/packages/disclosure/detail/index', { disclosureId: d.disclosureId, villageId })}
                />
              ))}
            </CellGroup>
          )}
          <LoadMore hasMore={paged.nextCursor !== null} loading={paged.loadingMore} error={paged.moreError} onLoad={paged.loadMore} />
        </>
      )}
    </PageShell>
  )
}
