import { groupContract } from '../../shared/group/schema'
import { defineArea } from '../core/dispatch'
import { noUpdatable } from '../core/updatable'
import { cardPass } from './cards'
import { bind, list, opened, roundCard, unbind } from './handlers'

/** The village WeChat group (issue 19): binding, opens from the group, and the round cards' live turnout. */
export const groupArea = defineArea('group', groupContract, { bind, list, unbind, opened, roundCard }, ({ store, clock, updatable }) =>
  cardPass({ store, clock, updatable: updatable ?? noUpdatable }),
)
