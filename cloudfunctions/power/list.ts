import { AppError } from '../../shared/errors'
import type { powerContract, PowerItem } from '../../shared/power/schema'
import { flowchartOf, searchItems } from '../../shared/power/rules'
import type { Handler } from '../core/dispatch'
import type { HandlerContext } from '../core/context'
import { villageInScope } from '../core/scope'
import { getMany, queryAll } from '../core/paging'

type C = typeof powerContract

export const summaryOf = (item: PowerItem) => ({
  itemId: item._id,
  code: item.code,
  name: item.name,
  summary: item.summary,
  categoryId: item.categoryId,
  level: item.level,
})

/** The items a village has published, in list order. */
async function publishedItems(ctx: HandlerContext, villageId: string): Promise<PowerItem[]> {
  const selections = await queryAll(ctx.store, 'power_selection', { villageId, selected: true }, { field: '_id', direction: 'asc' })
  const items = await getMany(
    ctx.store,
    'power_item',
    selections.map((s) => s.itemId),
  )
  return items.sort((a, b) => a.code.localeCompare(b.code, 'en', { numeric: true }))
}

export const categories: Handler<C['categories']> = async (ctx, input) => {
  const village = await villageInScope(ctx, input.villageId)
  const [all, items] = await Promise.all([queryAll(ctx.store, 'power_category', {}, { field: 'order', direction: 'asc' }), publishedItems(ctx, village._id)])
  return {
    categories: all.map((c) => ({
      categoryId: c._id,
      name: c.name,
      description: c.description,
      itemCount: items.filter((i) => i.categoryId === c._id).length,
    })),
  }
}

export const list: Handler<C['list']> = async (ctx, input) => {
  const village = await villageInScope(ctx, input.villageId)
  let items = await publishedItems(ctx, village._id)
  if (input.categoryId) items = items.filter((i) => i.categoryId === input.categoryId)
  if (input.keyword) items = searchItems(items, input.keyword)
  return { items: items.map(summaryOf) }
}

export const get: Handler<C['get']> = async (ctx, input) => {
  const village = await villageInScope(ctx, input.villageId)
  const selection = (
    await ctx.store.query('power_selection', {
      where: { villageId: village._id, itemId: input.itemId },
      orderBy: { field: 'villageId', direction: 'asc' },
      limit: 1,
    })
  ).items[0]
  const item = selection?.selected ? await ctx.store.get('power_item', input.itemId) : null
  if (!item) throw new AppError('NOT_FOUND', '本村的权力清单里没有这一项')
  const category = await ctx.store.get('power_category', item.categoryId)
  return {
    item: {
      ...summaryOf(item),
      categoryName: category?.name ?? '',
      basis: item.basis,
      performer: item.performer,
      supervisor: item.supervisor,
      disclosure: item.disclosure,
      flow: flowchartOf(item.steps),
    },
  }
}

export const responsibilities: Handler<C['responsibilities']> = async (ctx) => {
  const duties = await queryAll(ctx.store, 'responsibility', {}, { field: '_id', direction: 'asc' })
  const posts = new Map<string, { order: number; duty: string }[]>()
  for (const d of duties) posts.set(d.post, [...(posts.get(d.post) ?? []), d])
  return {
    posts: [...posts].map(([post, list]) => ({
      post,
      duties: list.sort((a, b) => a.order - b.order).map((d) => d.duty),
    })),
  }
}

export const prohibitions: Handler<C['prohibitions']> = async (ctx) => {
  const items = await queryAll(ctx.store, 'prohibition', {}, { field: 'order', direction: 'asc' })
  return { items: items.map(({ order, area, text }) => ({ order, area, text })) }
}
