import { afterSend, canSend, templateKindOf, type SubscribeTopic, type TemplateKind } from '../../shared/subscribe'
import type { StoreTx } from './store'

/** The guarded update on a consent lost a race (a new "allow" or another send at the same moment): read it again. */
export class ConsentMoved extends Error {}

/**
 * Spends one message of a person's consent, inside the transaction that claims the message.
 * A one-time consent loses one by an update guarded on the count read (two senders at once
 * cannot both spend the last one: the loser gets ConsentMoved and reads again); a long-term
 * consent does not run down, so nothing is written. False when no message is left.
 */
export async function spendConsent(tx: StoreTx, subscriptionId: string, now: string): Promise<boolean> {
  const s = await tx.get('subscription', subscriptionId)
  if (!s || !canSend(s)) return false
  const next = afterSend(s)
  if (next === null) return true
  if (!(await tx.update('subscription', s._id, { remaining: next.remaining, updatedAt: now }, { remaining: s.remaining }))) throw new ConsentMoved()
  return true
}

/**
 * The template kind the deploy set for a topic (function environment variables, README deploy
 * step 8). Read where a consent is recorded: the record keeps it, so whoever spends it later
 * needs no setting of their own.
 */
export const deployedTemplateKind = (topic: SubscribeTopic): TemplateKind => templateKindOf(topic, process.env)
