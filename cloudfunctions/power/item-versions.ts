import { AppError } from '../../shared/errors'
import type { PowerItem, PowerItemVersion } from '../../shared/power/schema'
import { itemVersion } from '../../shared/power/rules'
import { canSend, subscriptionIdOf, thingValue, topicOf } from '../../shared/subscribe'
import type { HandlerContext } from '../core/context'
import type { Collections } from '../core/collections'
import { DuplicateKeyError } from '../core/store'
import { getMany, queryAll } from '../core/paging'

/**
 * The versions of power-list items and the notices they send, shared by the township's featured-list edits
 * (township-items.ts), its .xlsx import and the district list's loads (core/reference.ts).
 */

const DISTRICT_ITEM = '这一项是区里的指导性清单，由区里统一修改，乡镇不能修改或移除'
const NOT_OURS = '本镇的特色清单里没有这一项'
const EDITED_MEANWHILE = '这一项刚被别人改过，请重新打开再改'
const ADDED_MEANWHILE = '刚才有人同时新增了一项，编号被占用了，请再点一次保存'

export function staffTownship(ctx: HandlerContext): string {
  if (!ctx.actor.townshipId) throw new AppError('FORBIDDEN')
  return ctx.actor.townshipId
}

/** The caller's township's item; a district item is FORBIDDEN (the district's list), another township's is not found. */
export async function ownItem(ctx: HandlerContext, townshipId: string, itemId: string): Promise<PowerItem> {
  const item = await ctx.store.get('power_item', itemId)
  if (item?.level === 'district') throw new AppError('FORBIDDEN', DISTRICT_ITEM)
  if (!item || item.townshipId !== townshipId) throw new AppError('NOT_FOUND', NOT_OURS)
  return item
}

/** The villages whose published list holds the item. */
export async function selectingVillages(ctx: Pick<HandlerContext, 'store'>, itemId: string): Promise<string[]> {
  const selections = await queryAll(ctx.store, 'power_selection', { itemId, selected: true }, { field: '_id', direction: 'asc' })
  return selections.map((s) => s.villageId)
}

/** An active chair who can still be sent a WeChat message, with the consent that message spends. */
export interface ReachableChair {
  villageId: string
  personId: string
  consent: Collections['subscription']
}

/**
 * The chairs of those villages who can still be sent a WeChat message: an announcement consent with a message
 * left, or a long-term one. Three reads however many villages, so a load of many items asks once for all.
 */
export async function reachableChairs(ctx: Pick<HandlerContext, 'store'>, villageIds: readonly string[]): Promise<ReachableChair[]> {
  if (villageIds.length === 0) return []
  const chairs: Collections['appointment'][] = []
  for (let i = 0; i < villageIds.length; i += 100) {
    const batch = villageIds.slice(i, i + 100)
    chairs.push(...(await queryAll(ctx.store, 'appointment', { villageId: { in: batch }, role: 'chair' }, { field: '_id', direction: 'asc' })))
  }
  const active = chairs.filter((a) => a.status === 'active')
  const consents = await getMany(
    ctx.store,
    'subscription',
    active.map((a) => subscriptionIdOf(a.personId, 'announcement')),
  )
  const byPerson = new Map(consents.filter((s) => topicOf(s) === 'announcement' && canSend(s)).map((s) => [s.personId, s]))
  return active.flatMap((a) => {
    const consent = byPerson.get(a.personId)
    return consent && a.villageId ? [{ villageId: a.villageId, personId: a.personId, consent }] : []
  })
}

/**
 * A notice of one version for each of `chairs` whose village is one of `villageIds`; the outbox timer spends
 * the consent and sends it. Keyed by version and person, so a version notifies a chair once.
 */
export function noticesOf(
  now: string,
  item: Pick<PowerItem, '_id'>,
  versionId: string,
  chairs: readonly ReachableChair[],
  villageIds: readonly string[],
  title: string,
): Collections['notification'][] {
  const villages = new Set(villageIds)
  return chairs
    .filter((c) => villages.has(c.villageId))
    .map((c) => ({
      _id: `pn:${versionId}:${c.personId}`,
      villageId: c.villageId,
      openid: c.consent.openid,
      subject: `power:${item._id}`,
      title: thingValue(title),
      page: `packages/power/item/index?itemId=${item._id}`,
      subscriptionId: c.consent._id,
      status: 'pending' as const,
      attempts: 0,
      lastError: null,
      createdAt: now,
      nextAttemptAt: now,
      sentAt: null,
    }))
}

/**
 * A notice for each chair of those villages who can still be sent a WeChat message.
 * A chair without one learns of the change from the committee's 待办 (a removal) or the item's 变更记录.
 */
export async function chairNotices(
  ctx: Pick<HandlerContext, 'store' | 'now'>,
  item: PowerItem,
  versionId: string,
  villageIds: readonly string[],
  title: string,
): Promise<Collections['notification'][]> {
  return noticesOf(ctx.now, item, versionId, await reachableChairs(ctx, villageIds), villageIds, title)
}

export function versionOf(ctx: HandlerContext, item: PowerItem, version: number, change: PowerItemVersion['change'], fields: string[], reason: string): PowerItemVersion {
  return itemVersion(item, version, change, fields, reason, ctx.now, { byPersonId: ctx.actor.personId ?? '', byName: ctx.actor.name ?? '', byTitle: ctx.actor.title ?? '' })
}

/**
 * Writes one version: the item, its version record and the chairs' notices land together or not at all.
 * The version record's id (<item>:v<n>) is the key that lets only one of two edits of the same version land.
 */
export async function writeVersion(
  ctx: HandlerContext,
  read: PowerItem | null,
  next: PowerItem,
  version: PowerItemVersion,
  notices: readonly Collections['notification'][],
  more?: (tx: Parameters<Parameters<HandlerContext['store']['transaction']>[0]>[0]) => Promise<void>,
): Promise<void> {
  try {
    await ctx.store.transaction(async (tx) => {
      if (read) {
        const now = await tx.get('power_item', read._id)
        if (!now || (now.version ?? 0) !== (read.version ?? 0) || (now.removedAt ?? null) !== null) throw new AppError('CONFLICT', EDITED_MEANWHILE)
      }
      await tx.insert('power_item_version', version)
      if (read) {
        const { _id, ...patch } = next
        await tx.update('power_item', _id, patch)
      } else {
        await tx.insert('power_item', next)
      }
      await more?.(tx)
      for (const n of notices) await tx.insert('notification', n)
    })
  } catch (error) {
    if (error instanceof DuplicateKeyError) throw new AppError('CONFLICT', read ? EDITED_MEANWHILE : ADDED_MEANWHILE)
    throw error
  }
}
