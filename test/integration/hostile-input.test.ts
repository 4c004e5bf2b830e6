import fc from 'fast-check'
import { withoutOwnReadEntries } from '../support/audited-reads'
import { areas } from '../../cloudfunctions/areas'
import { resolveActor } from '../../cloudfunctions/core/actor'
import { describeZodError, dispatch } from '../../cloudfunctions/core/dispatch'
import { noCodes } from '../../cloudfunctions/core/codes'
import { localOutbox } from '../../cloudfunctions/core/notifier'
import { permissions, type Permission, type QualifiedAction } from '../../shared/permissions'
import type { CallerRole } from '../../shared/roles'
import { as, callerFor, dump, people, seededStore, testClock, testFiles, type TestStore } from '../support/harness'
import { expectPlainRefusal, hostileInput, hostileValue } from '../support/hostile'
import { buildWorld, inputIn, type World } from '../support/world'

/**
 * A wrong code guess (an invite, join or tracking code) is refused and counted: it leaves its attempt counter and
 * security log entry by design (test/integration/code-guessing.test.ts), and nothing else.
 */
const guessActions = new Set(['member.acceptInvite', 'member.join', 'report.track'])

/**
 * A read that keeps a mark by design, unaudited: group.opened sets the household's last day seen from its village's
 * group (群内活跃户, issue 19), and nothing else (test/integration/group.test.ts).
 */
const markActions: Record<string, string[]> = { 'group.opened': ['group_seen'] }

/** Compares serialised dumps cheaply, and shows the differing rows when they differ. */
function expectSameTables(after: string, before: string, qualified?: string): void {
  if (after === before) return
  const tables = (json: string) => {
    const all = JSON.parse(json) as Record<string, unknown>
    if (qualified && guessActions.has(qualified)) {
      delete all.attempt
      delete all.security_log
    }
    for (const table of (qualified && markActions[qualified]) || []) delete all[table]
    return all
  }
  expect(tables(after)).toEqual(tables(before))
}

// Fixed so a failure reproduces; fast-check prints the counterexample and the seed.
const runs = { seed: 20261122, numRuns: 20 }

const actionsOf = (area: string) => (Object.entries(permissions) as [QualifiedAction, Permission][]).filter(([qualified]) => qualified.startsWith(`${area}.`))

// One world per cloud function: inputs name real records, so hostile values reach the handlers' own checks.
describe.each(Object.keys(areas))('%s', (area) => {
  let world: World
  let openids: Record<CallerRole, string>
  beforeAll(async () => {
    world = await buildWorld()
    // The villager who wrote the feedback and voted, so their own records are at hand.
    openids = { ...world.shiqiao.openids, villager: 'demo:p-shiqiao-0006-1', guest: 'visitor:hostile' }
  }, 30_000)
  afterAll(() => world.store.close())

  it.each(actionsOf(area))(
    '%s, sent hostile input, answers with a plain Chinese refusal and changes nothing, or takes the input the schema accepts',
    async (qualified, permission) => {
      const action = qualified.slice(area.length + 1)
      const contract = areas[area]!.contract[action]!
      const schemaKeys = Object.keys((contract.input as unknown as { shape?: object }).shape ?? {})
      const { store, clock } = world
      let tables = JSON.stringify(dump(store))
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...permission.roles), hostileInput(inputIn(world.shiqiao, qualified), schemaKeys), async (role, input) => {
          const openid = openids[role]
          // A write earlier in the run may have changed who the caller is (a villager who left is a guest).
          const allowedNow = (permission.roles as readonly CallerRole[]).includes((await resolveActor(store, openid)).role)
          const result = await callerFor(store, openid, clock).unchecked(area, action, input)
          const after = JSON.stringify(dump(store))
          if (!result.ok) {
            expectPlainRefusal(result)
            expectSameTables(after, tables, qualified)
            const parsed = contract.input.safeParse({ ...input, action: undefined })
            // Validation comes before any handler: an input the schema refuses never reaches one.
            if (allowedNow && !parsed.success) expect(result.error).toEqual({ code: 'INVALID_INPUT', message: describeZodError(parsed.error) })
          } else {
            // The input was valid after all (an unknown field is dropped, odd text is still text).
            expect(contract.input.safeParse({ ...input, action: undefined }).success).toBe(true)
            // An audited read (report.get, township.export) records its reading, and nothing else.
            if (!permission.writes) expectSameTables(withoutOwnReadEntries(after, qualified), withoutOwnReadEntries(tables, qualified), qualified)
          }
          tables = after
        }),
        runs,
      )
      // Keys like __proto__ in the input reached no object's prototype.
      expect(Object.keys(Object.prototype)).toEqual([])
      expect(({} as Record<string, unknown>).polluted).toBeUndefined()
      // Room for a busy machine: a run is about a second.
    },
    30_000,
  )
})

describe('an event that is not a well-formed call', () => {
  let store: TestStore
  beforeAll(async () => {
    store = await seededStore()
  })
  afterAll(() => store.close())
  const base = () => ({ openid: `demo:${people.chair}`, store, clock: testClock(), notifier: localOutbox, codes: noCodes, files: testFiles })

  it('is refused as invalid when it is not an object, and as unknown when its action names nothing the function does', async () => {
    const before = dump(store)
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...Object.keys(areas)),
        fc.oneof(
          fc.constantFrom(null, undefined, [], ['me'], 'me', 0, true).map((event) => ({ event, code: 'INVALID_INPUT' })),
          fc
            .oneof(
              fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'ME', ' me', 'me\u0000', 'member.me'),
              hostileValue.filter((v) => typeof v !== 'string'),
            )
            .map((action) => ({ event: { action }, code: 'UNKNOWN_ACTION' })),
        ),
        async (area, { event, code }) => {
          const result = await dispatch(areas[area]!, event, base())
          expectPlainRefusal(result)
          expect(result).toMatchObject({ ok: false, error: { code } })
        },
      ),
      { ...runs, numRuns: 100 },
    )
    expect(dump(store)).toEqual(before)
  })
})

describe('injection-shaped text that is valid', () => {
  let store: TestStore
  beforeAll(async () => {
    store = await seededStore()
  })
  afterAll(() => store.close())

  it('is stored and shown back exactly as written, never run as a query or markup', async () => {
    const committee = as(store, people.director)
    const villager = as(store, people.villager)
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("'; DROP TABLE disclosure; --", '{"$ne":null}', '<script>alert(1)</script>', '\u202e倒序\u202c', '👨‍👩‍👧‍👦 村 \u200b', '半个\ud800字', '空\u0000字符'),
        fc.string({ unit: 'grapheme', maxLength: 20 }),
        async (hostile, extra) => {
          const title = `${hostile}${extra}`.slice(0, 60).trim() || '标题'
          const published = await committee('disclosure', 'publish', { kind: 'village', section: 'services', title, body: hostile })
          if (!published.ok) throw new Error(published.error.message)
          const shown = await villager('disclosure', 'get', { disclosureId: published.data.disclosureId })
          expect(shown).toMatchObject({ ok: true, data: { disclosure: { title, body: hostile.trim() } } })
        },
      ),
      { ...runs, numRuns: 15 },
    )
    // The dump reads every collection's table: one dropped by an injection would throw here.
    expect(() => dump(store)).not.toThrow()
  })
})
