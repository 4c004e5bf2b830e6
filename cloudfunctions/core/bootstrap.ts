import { AppError } from '../../shared/errors'
import { DEFAULT_INVITE_DAYS } from '../../shared/township/rules'
import { type Store, DuplicateKeyError } from './store'
import { createInvite } from './invites'
import { describeLoaded, insertReference, readReference } from './reference'
import type { ReferenceData } from '../../shared/power/reference'
import { addDays } from '../../shared/time'

/** The township of a deployment made by the setup step; its fixed id lets setup happen once. */
export const SETUP_TOWNSHIP_ID = 'tw-main'

export interface BootstrapPlan {
  township: string
  district: string
  staffName: string
  staffTitle: string
}

export interface Bootstrapped {
  townshipId: string
  inviteCode: string
  expiresAt: string
  /** What was loaded, in words: 已载入 区级权力清单 N 项… */
  loaded: string
}

/**
 * From an empty database to a township with the district's power list, responsibility list and negative
 * list (the data files in cloudfunctions/setup/reference), and an invite code for its first
 * discipline-staff member, who then appoints everyone else. Only once. The lists go in before the
 * township, so a setup cut short is simply run again.
 */
export async function bootstrapTownship(store: Store, plan: BootstrapPlan, now: Date, reference: ReferenceData = readReference()): Promise<Bootstrapped> {
  const { items } = await store.query('township', { where: {}, orderBy: { field: '_id', direction: 'asc' }, limit: 1 })
  if (items.length > 0) throw new AppError('CONFLICT', `已经开通过了（${items[0]!.name}），不能再开通`)
  try {
    await insertReference(store, reference, now)
    await store.insert('township', { _id: SETUP_TOWNSHIP_ID, name: plan.township, district: plan.district, duties: null })
  } catch (error) {
    if (error instanceof DuplicateKeyError) throw new AppError('CONFLICT', '已经开通过了，不能再开通')
    throw error
  }
  const { invite, code } = await createInvite(store, {
    townshipId: SETUP_TOWNSHIP_ID,
    villageId: null,
    role: 'township',
    title: plan.staffTitle,
    name: plan.staffName,
    createdAt: now.toISOString(),
    createdBy: '开通',
    expiresAt: addDays(now, DEFAULT_INVITE_DAYS),
  })
  return { townshipId: SETUP_TOWNSHIP_ID, inviteCode: code, expiresAt: invite.expiresAt, loaded: describeLoaded(reference) }
}
