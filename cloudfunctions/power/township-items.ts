import { AppError } from '../../shared/errors'
import { type powerContract, type TownshipItemInput, powerItemSchema, type PowerItem } from '../../shared/power/schema'
import { changedFields, nextTownshipCode, townshipItemId, versionSummary } from '../../shared/power/rules'
import type { Handler } from '../core/dispatch'
import { villageInScope } from '../core/scope'
import { queryAll } from '../core/paging'
import { summaryOf } from './list'
import { chairNotices, ownItem, selectingVillages, staffTownship, versionOf, writeVersion } from './item-versions'

type C = typeof powerContract

export const townshipItems: Handler<C['townshipItems']> = async (ctx) => {
  const townshipId = staffTownship(ctx)
  const [items, categories] = await Promise.all([
    queryAll(ctx.store, 'power_item', { townshipId }, { field: 'code', direction: 'asc' }),
    queryAll(ctx.store, 'power_category', {}, { field: 'order', direction: 'asc' }),
  ])
  const counts = await Promise.all(items.map((i) => ctx.store.count('power_selection', { itemId: i._id, selected: true })))
  return {
    categories: categories.map((c) => ({ categoryId: c._id, name: c.name })),
    items: items.map((item, i) => ({
      ...summaryOf(item),
      removed: Boolean(item.removedAt),
      version: item.version ?? 0,
      villageCount: counts[i] ?? 0,
    })),
  }
}

export const townshipItem: Handler<C['townshipItem']> = async (ctx, input) => {
  const item = await ownItem(ctx, staffTownship(ctx), input.itemId)
  const { _id, categoryId, name, summary, basis, performer, supervisor, steps, disclosure, code } = item
  return {
    item: { itemId: _id, categoryId, name, summary, basis, performer, supervisor, steps, disclosure, code, version: item.version ?? 0, removed: Boolean(item.removedAt) },
  }
}

/** The stored item an input makes, checked by the store's own schema before anything is written. */
function itemFrom(input: TownshipItemInput, base: Pick<PowerItem, '_id' | 'code' | 'townshipId'>, version: number): PowerItem {
  const parsed = powerItemSchema.safeParse({
    _id: base._id,
    level: 'township',
    townshipId: base.townshipId,
    categoryId: input.categoryId,
    code: base.code,
    name: input.name,
    summary: input.summary,
    basis: input.basis,
    performer: input.performer,
    supervisor: input.supervisor,
    steps: input.steps,
    disclosure: input.disclosure,
    version,
    removedAt: null,
  })
  if (!parsed.success) throw new AppError('INVALID_INPUT', parsed.error.issues[0]?.message ?? '事项内容不完整')
  return parsed.data
}

export const saveTownshipItem: Handler<C['saveTownshipItem']> = async (ctx, input) => {
  const townshipId = staffTownship(ctx)
  const [category, current] = await Promise.all([ctx.store.get('power_category', input.categoryId), input.itemId ? ownItem(ctx, townshipId, input.itemId) : Promise.resolve(null)])
  if (!category) throw new AppError('INVALID_INPUT', '没有这个类别，请重新选择')
  if (current?.removedAt) throw new AppError('CONFLICT', '这一项已经移除，不能再修改')
  const version = (current?.version ?? 0) + 1
  let base: Pick<PowerItem, '_id' | 'code' | 'townshipId'>
  if (current) base = current
  else {
    const codes = (await queryAll(ctx.store, 'power_item', { townshipId }, { field: 'code', direction: 'asc' })).map((i) => i.code)
    const code = nextTownshipCode(codes)
    base = { _id: townshipItemId(townshipId, code), code, townshipId }
  }
  const next = itemFrom(input, base, version)
  const fields = current ? changedFields(current, next) : []
  // Saving the same content again would make a version that changed nothing: say so instead.
  if (current && fields.length === 0) throw new AppError('INVALID_INPUT', '这一项没有任何改动，不用保存')
  const record = versionOf(ctx, next, version, current ? 'edited' : 'created', fields, '')
  const villages = current ? await selectingVillages(ctx, current._id) : []
  const notices = await chairNotices(ctx, next, record._id, villages, `镇里修改了清单事项：${next.name}`)
  await writeVersion(ctx, current, next, record, notices)
  return { itemId: next._id, code: next.code, version, fields, notified: notices.length }
}

export const removeTownshipItem: Handler<C['removeTownshipItem']> = async (ctx, input) => {
  const item = await ownItem(ctx, staffTownship(ctx), input.itemId)
  if (item.removedAt) throw new AppError('CONFLICT', '这一项已经移除了')
  const version = (item.version ?? 0) + 1
  const removed: PowerItem = { ...item, version, removedAt: ctx.now }
  const record = versionOf(ctx, item, version, 'removed', [], input.reason)
  const villages = await selectingVillages(ctx, item._id)
  const notices = await chairNotices(ctx, item, record._id, villages, `镇里移除了清单事项：${item.name}`)
  // Each selecting village is asked to review: its selection keeps pointing at the item, flagged.
  await writeVersion(ctx, item, removed, record, notices, async (tx) => {
    for (const villageId of villages) await tx.update('power_selection', `${villageId}:${item._id}`, { needsReview: true }, { selected: true })
  })
  // A village that chose the item between the read above and the removal is flagged too: power.select checks the
  // item inside its own transaction, so any choice made before the removal landed is visible now.
  const late = (await selectingVillages(ctx, item._id)).filter((v) => !villages.includes(v))
  for (const villageId of late) await ctx.store.update('power_selection', `${villageId}:${item._id}`, { needsReview: true }, { selected: true })
  return { version, villagesToReview: villages.length + late.length, notified: notices.length }
}

/** The item's 变更记录 for anyone who may see the item: staff of its township, or a village of that township. */
export const itemHistory: Handler<C['itemHistory']> = async (ctx, input) => {
  // Staff may name a village (of their own township) like every village read; village roles read their own.
  const townshipId = ctx.actor.role === 'township' && !input.villageId ? staffTownship(ctx) : (await villageInScope(ctx, input.villageId)).townshipId
  const item = await ctx.store.get('power_item', input.itemId)
  if (!item || (item.level === 'township' && item.townshipId !== townshipId)) throw new AppError('NOT_FOUND', '没有找到这一项')
  const versions = await queryAll(ctx.store, 'power_item_version', { itemId: item._id }, { field: 'version', direction: 'desc' }, 200)
  return {
    versions: versions.map((v) => ({
      version: v.version,
      change: v.change,
      summary: versionSummary(v),
      fields: v.fields,
      reason: v.reason,
      at: v.at,
      byName: v.byName,
      byTitle: v.byTitle,
    })),
  }
}
