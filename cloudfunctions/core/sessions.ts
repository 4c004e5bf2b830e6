import type { StoreTx } from './store'

/**
 * Revokes a person's sessions on the local host: bumps `person.sessionVersion`, and the host refuses any token
 * issued at an older version (host/server.ts sessionOf). Called inside the transaction that ends their post or
 * takes them out of the village group, so the change and the revocation land together or not at all.
 * In WeChat there are no host tokens (each call carries the caller's OPENID, and the role is resolved from the
 * records on every call), so there the field is written and never read: harmless.
 */
export async function revokeSessions(tx: StoreTx, personId: string): Promise<void> {
  const person = await tx.get('person', personId)
  if (!person) return
  await tx.update('person', personId, { sessionVersion: (person.sessionVersion ?? 0) + 1 })
}
