import { ROSTER_PIECE } from '../../shared/member/roster'
import type { TypedCall } from './caller'
import { expectOk } from './harness'

/**
 * Imports a roster file as the township's page does: the check first (nothing is written while the file has
 * a bad line), then the checked households piece by piece. Returns the check and what the pieces did.
 */
export async function importRosterFile(call: TypedCall, villageId: string, file: { csv: string } | { xlsx: string }) {
  const checked = expectOk(await call('township', 'previewRoster', { villageId, ...file }))
  if (checked.problems.length > 0) throw new Error(`roster file has bad lines: ${JSON.stringify(checked.problems)}`)
  const done = { creates: 0, updates: 0, unchanged: 0, pieces: 0 }
  for (let i = 0; i < checked.households.length; i += ROSTER_PIECE) {
    const piece = expectOk(await call('township', 'importRoster', { villageId, households: checked.households.slice(i, i + ROSTER_PIECE) }))
    done.creates += piece.creates
    done.updates += piece.updates
    done.unchanged += piece.unchanged
    done.pieces++
  }
  return { checked, done }
}
