import { AppError } from '../../shared/errors'
import type { powerContract } from '../../shared/power/schema'
import type { Handler } from '../core/dispatch'
import { newId } from '../core/context'
import { villageInScope } from '../core/scope'
import { queryAll } from '../core/paging'
import { summaryOf } from './list'

type C = typeof powerContract

export const history: Handler<C['history']> = async (ctx, input) => {
  const village = await villageInScope(ctx, input.villageId)
  const page = await ctx.store.query('power_change', {
    where: { villageId: village._id },
    orderBy: { field: 'at', direction: 'desc' },
    limit: 20,
    cursor: input.cursor,
  })
  return {
    items: page.items.map((c) => ({
      changeId: c._id,
      itemId: c.itemId,
      itemName: c.itemName,
      change: c.change,
      note: c.note,
      at: c.at,
      byName: c.byName,
      byTitle: c.byTitle,
    })),
    nextCursor: page.nextCursor,
  }
}

/** What a village may choose from: the district list plus its township's featured items. */
export const catalog: Handler<C['catalog']> = async (ctx) => {
  const village = await villageInScope(ctx)
  const [district, featured, selections] = await Promise.all([
    queryAll(ctx.store, 'power_item', { level: 'district' }, { field: 'code', direction: 'asc' }),
    queryAll(ctx.store, 'power_item', { townshipId: village.townshipId }, { field: 'code', direction: 'asc' }),
    queryAll(ctx.store, 'power_selection', { villageId: village._id, selected: true }, { field: '_id', direction: 'asc' }),
  ])
  const selected = new Set(selections.map((s) => s.itemId))
  const toReview = new Set(selections.filter((s) => s.needsReview === true).map((s) => s.itemId))
  // A removed featured item can no longer be chosen; a village that has it still sees it, to take it off.
  return {
    items: [...district, ...featured]
      .filter((item) => !item.removedAt || selected.has(item._id))
      .map((item) => ({ ...summaryOf(item), selected: selected.has(item._id), removed: Boolean(item.removedAt), needsReview: toReview.has(item._id) })),
  }
}

export const select: Handler<C['select']> = async (ctx, input) => {
  const village = await villageInScope(ctx)
  const item = await ctx.store.get('power_item', input.itemId)
  if (!item || (item.level === 'township' && item.townshipId !== village.townshipId)) {
    throw new AppError('NOT_FOUND', '区、镇清单里没有这一项')
  }
  const selectionId = `${village._id}:${item._id}`
  const changeId = newId('pc')
  await ctx.store.transaction(async (tx) => {
    // Read again inside the transaction: a removal that lands first is seen, so no village newly chooses a removed item.
    if (input.selected && (await tx.get('power_item', item._id))?.removedAt) throw new AppError('CONFLICT', '镇里已经移除了这一项，不能再加入')
    const current = await tx.get('power_selection', selectionId)
    if ((current?.selected ?? false) === input.selected) {
      throw new AppError('CONFLICT', input.selected ? '本村清单里已经有这一项了' : '本村清单里没有这一项')
    }
    if (current) {
      const changed = await tx.update(
        'power_selection',
        selectionId,
        // Either answer is the village's review of a removal, so the flag goes.
        { selected: input.selected, changedAt: ctx.now, needsReview: false },
        { selected: current.selected },
      )
      if (!changed) throw new AppError('CONFLICT')
    } else {
      await tx.insert('power_selection', {
        _id: selectionId,
        villageId: village._id,
        itemId: item._id,
        selected: input.selected,
        changedAt: ctx.now,
      })
    }
    await tx.insert('power_change', {
      _id: changeId,
      villageId: village._id,
      itemId: item._id,
      itemName: item.name,
      change: input.selected ? 'added' : 'removed',
      note: input.note,
      at: ctx.now,
      byPersonId: ctx.actor.personId ?? '',
      byName: ctx.actor.name ?? '',
      byTitle: ctx.actor.title ?? '',
    })
  })
  return { changeId }
}
