import { memberContract } from '../../shared/member/schema'
import { defineArea } from '../core/dispatch'
import { join, me } from './join'
import { approve, listPending, reject } from './approval'
import { coverage, household, remove, roster, setRepresentative } from './roster'
import { leave, myData } from './privacy'
import { acceptInvite } from './invites'
import { todo } from './todo'

export const memberArea = defineArea('member', memberContract, {
  me,
  join,
  listPending,
  approve,
  reject,
  roster,
  household,
  setRepresentative,
  remove,
  coverage,
  myData,
  leave,
  acceptInvite,
  todo,
})
