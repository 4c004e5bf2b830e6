import { createHash } from 'node:crypto'
import { AppError } from '../../shared/errors'
import {
  ANONYMOUS_LOOKUP,
  CALLER_LIMIT,
  NEW_VISITOR,
  OVERALL_LIMIT,
  hourOf,
  mayTry,
  previousHourOf,
  triesAgainAt,
  type CodeKind,
  type SecurityEvent,
} from '../../shared/township/rules'
import type { AttemptCounter, SecurityEntry } from '../../shared/township/schema'
import { formatBeijingDayTime } from '../../shared/time'
import { type HandlerContext, newId } from './context'

/**
 * Attempt limits for codes (invite, join, tracking). A call opens a gate before it looks at the code:
 * the gate reserves one failure on the caller's and on the overall counter at once (atomic increments,
 * so concurrent guesses cannot slip past a check), and refuses with TOO_MANY_ATTEMPTS, taking the
 * reservation back, when the caller or everyone together already has the limit. The handler then says
 * how the code went: a failure keeps the reservation and goes to the security log; a success takes it
 * back. Input of the wrong type never reaches a handler (dispatch validates first), so it never counts.
 *
 * The caller is a one-way hash of the openid; the code tried is never stored. A tracking-code lookup
 * is anonymous: its log entries say 匿名查询 and carry no person, and only a failed one touches the
 * caller's counter (see openGate).
 */
export interface Gate {
  /** The code was wrong (or can no longer be used): the failure stays counted and is logged. */
  failed(): Promise<void>
  /** The code was right: the reserved failure is taken back. */
  passed(): Promise<void>
}

// Per kind, so the counters (and the log's keyed entries) of an anonymous lookup and of a named caller's
// join or invite guesses carry nothing in common.
const callerKeyOf = (kind: CodeKind, openid: string) => digest(`attempt:${kind}:${openid}`)
const digest = (text: string) => createHash('sha256').update(text).digest('base64url').slice(0, 22)

const counterId = (kind: CodeKind, who: string, hour: string) => `${kind}:${who}:${hour}`

async function bump(ctx: HandlerContext, kind: CodeKind, who: string, hour: string, by: number): Promise<number> {
  const init: AttemptCounter = { _id: counterId(kind, who, hour), kind, hour, count: by }
  return ctx.store.increment('attempt', init._id, 'count', by, init)
}

async function countOf(ctx: HandlerContext, kind: CodeKind, who: string, hour: string): Promise<number> {
  return (await ctx.store.get('attempt', counterId(kind, who, hour)))?.count ?? 0
}

interface Who {
  who: string
  personId: string | null
}

const whoOf = (ctx: HandlerContext, kind: CodeKind): Who =>
  kind === 'tracking' ? { who: ANONYMOUS_LOOKUP, personId: null } : { who: ctx.actor.name ?? NEW_VISITOR, personId: ctx.actor.personId }

/**
 * One entry per event; `key` makes an entry that counts repeated events (refusals) in place. Written with
 * `increment` (a new id creates the entry with count 1), like the counters: not a record's write, so a
 * refused call leaves no entry in the audit log (dispatch audits a write action's inserts and updates).
 */
async function log(ctx: HandlerContext, kind: CodeKind, event: SecurityEvent, who: Who, key: string | null): Promise<void> {
  const entry: SecurityEntry = { _id: key ? `sl_${digest(key)}` : newId('sl'), at: ctx.now, kind, event, who: who.who, personId: who.personId, count: 1 }
  await ctx.store.increment('security_log', entry._id, 'count', 1, entry)
}

export async function openGate(ctx: HandlerContext, kind: CodeKind): Promise<Gate> {
  const caller = callerKeyOf(kind, ctx.openid)
  const hour = hourOf(ctx.now)
  const before = previousHourOf(ctx.now)
  const who = whoOf(ctx, kind)
  // A tracking lookup that finds its report must leave nothing keyed by the caller: a counter left at 0 would
  // still say that this openid looked up a report that hour. So its caller counter is only read first and
  // raised on a failure; a burst of concurrent lookups by one caller is held by the overall reservation instead.
  const reserveMine = kind !== 'tracking'
  const [mineNow, all, minePrevious, allPrevious] = await Promise.all([
    reserveMine ? bump(ctx, kind, caller, hour, 1) : countOf(ctx, kind, caller, hour),
    bump(ctx, kind, 'all', hour, 1),
    countOf(ctx, kind, caller, before),
    countOf(ctx, kind, 'all', before),
  ])
  /** the caller's failures this hour before this call */
  const mine = reserveMine ? mineNow - 1 : mineNow
  const callerOk = mayTry(mine, minePrevious, CALLER_LIMIT)
  const overallOk = mayTry(all - 1, allPrevious, OVERALL_LIMIT)
  const giveBack = () => Promise.all([reserveMine ? bump(ctx, kind, caller, hour, -1) : null, bump(ctx, kind, 'all', hour, -1)])
  if (!callerOk || !overallOk) {
    await Promise.all([
      giveBack(),
      callerOk ? log(ctx, kind, 'overall', { who: '所有人合计', personId: null }, `overall:${kind}:${hour}`) : log(ctx, kind, 'refused', who, `refused:${kind}:${caller}:${hour}`),
    ])
    const until = callerOk ? triesAgainAt(ctx.now, all - 1, OVERALL_LIMIT) : triesAgainAt(ctx.now, mine, CALLER_LIMIT)
    throw new AppError('TOO_MANY_ATTEMPTS', `尝试次数太多，为了安全暂时不能再试，请在${formatBeijingDayTime(until)}以后再试`)
  }
  return {
    async failed() {
      const failures = (reserveMine ? mineNow : await bump(ctx, kind, caller, hour, 1)) + minePrevious
      // This failure used the caller's last try (keyed, so concurrent last tries make one entry).
      const reached = failures >= CALLER_LIMIT
      await Promise.all([log(ctx, kind, 'wrong', who, null), reached ? log(ctx, kind, 'limit', who, `limit:${kind}:${caller}:${hour}`) : null])
    },
    async passed() {
      await giveBack()
    },
  }
}
