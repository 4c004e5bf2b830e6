import type { Township, Village, Household } from '../../shared/domain/village'
import type { Person, Member, Appointment } from '../../shared/domain/member'
import type {
  PowerCategory,
  PowerItem,
  PowerSelection,
  PowerChange,
  Responsibility,
  Prohibition,
} from '../../shared/domain/power'

/** Every collection the product stores, with its document type. */
export interface Collections {
  township: Township
  village: Village
  household: Household
  person: Person
  member: Member
  appointment: Appointment
  power_category: PowerCategory
  power_item: PowerItem
  power_selection: PowerSelection
  power_change: PowerChange
  responsibility: Responsibility
  prohibition: Prohibition
}

export type CollectionName = keyof Collections

export interface CollectionSpec {
  /** Fields that queries filter or sort on; each list is one compound index. */
  indexes: readonly (readonly string[])[]
  /** Field sets that must be unique across the collection (besides `_id`). */
  unique: readonly (readonly string[])[]
}

/**
 * The indexes each collection needs. The SQLite adapter builds them in its
 * migrations; the README lists them for the cloud console. A query may only
 * filter and sort on indexed fields, so every read is served by an index.
 */
export const collectionSpecs: Record<CollectionName, CollectionSpec> = {
  township: { indexes: [], unique: [] },
  village: { indexes: [['townshipId', 'name']], unique: [['joinCode']] },
  household: {
    indexes: [['villageId', 'number'], ['villageId', 'inGroup', 'number']],
    unique: [['villageId', 'number']],
  },
  person: { indexes: [['name']], unique: [['openid']] },
  member: {
    indexes: [['villageId', 'status', 'requestedAt'], ['householdId', 'requestedAt'], ['personId', 'requestedAt']],
    unique: [],
  },
  appointment: { indexes: [['villageId', 'role'], ['townshipId', 'role'], ['personId', 'startedAt']], unique: [] },
  power_category: { indexes: [['order']], unique: [] },
  power_item: { indexes: [['level', 'code'], ['townshipId', 'code']], unique: [] },
  power_selection: { indexes: [['villageId', 'selected']], unique: [['villageId', 'itemId']] },
  power_change: { indexes: [['villageId', 'at']], unique: [] },
  responsibility: { indexes: [['post', 'order']], unique: [] },
  prohibition: { indexes: [['order']], unique: [] },
}
