import { areas } from '../../cloudfunctions/areas'
import { withoutOwnReadEntries } from '../support/audited-reads'
import { permissions, type Permission, type QualifiedAction } from '../../shared/permissions'
import type { CallerRole, Role } from '../../shared/roles'
import type { TypedCall } from '../support/caller'
import { as, callerFor, dump, expectOk, docsOf, useSeededStore } from '../support/harness'
import { sampleInput } from '../support/samples'
import { buildWorld, inputIn, namesRecord, type Village, type World } from '../support/world'

const fixture = useSeededStore()
let callers: Record<CallerRole, TypedCall>
beforeEach(async () => {
  callers = {
    guest: callerFor(fixture.store, 'visitor:nobody'),
    villager: as(fixture.store, 'p-shiqiao-0002-1'),
    chair: as(fixture.store, 'p-shiqiao-chair'),
    committee: as(fixture.store, 'p-shiqiao-director'),
    township: as(fixture.store, 'p-tw-inspector'),
  }
})

const roles: CallerRole[] = ['guest', 'villager', 'chair', 'committee', 'township']

describe.each(Object.entries(permissions))('%s', (qualified, permission) => {
  const [area, action] = qualified.split('.') as [string, string]
  const allowed = permission.roles as readonly CallerRole[]

  const refused = roles.filter((r) => !allowed.includes(r))
  // A concealed action answers "not found", so a refused caller cannot tell its records exist.
  const refusal = 'conceal' in permission ? 'NOT_FOUND' : 'FORBIDDEN'
  if (refused.length > 0) {
    it.each(refused)(`is refused to %s with ${refusal}`, async (role) => {
      const result = await callers[role].unchecked(area, action, sampleInput[qualified as QualifiedAction])
      expect(result).toMatchObject({ ok: false, error: { code: refusal } })
    })
  }

  it.each(roles.filter((r) => allowed.includes(r)))('is open to %s', async (role) => {
    const result = await callers[role].unchecked(area, action, sampleInput[qualified as QualifiedAction])
    if (!result.ok) expect(result.error.code).not.toMatch(/FORBIDDEN|INVALID_INPUT|INTERNAL|UNKNOWN_ACTION/)
  })
})

describe('the permissions table and the cloud functions', () => {
  it('name the same actions, each with a handler', () => {
    const exported = Object.entries(areas).flatMap(([name, area]) => Object.keys(area.contract).map((action) => `${name}.${action}`))
    expect(exported.sort()).toEqual(Object.keys(permissions).sort())
    for (const area of Object.values(areas)) expect(Object.keys(area.handlers).sort()).toEqual(Object.keys(area.contract).sort())
  })
})

/**
 * Actions that work on somebody's data. Left out: public pages (any village's, by design), district lists
 * (shared), and the calls that carry their own key rather than naming data (a join code, an invite
 * code, a report's tracking code).
 */
const scoped = (Object.entries(permissions) as [QualifiedAction, Permission][]).filter(
  ([qualified, p]) => (p.scope === 'village' || p.scope === 'township' || p.scope === 'self') && !['member.join', 'member.acceptInvite', 'report.track'].includes(qualified),
)

describe('data of another village or another township', () => {
  let world: World
  beforeAll(async () => {
    world = await buildWorld()
  }, 30_000)
  afterAll(() => world.store.close())

  type Row = [role: Role, from: 'shiqiao' | 'beiyuan', to: 'liushu' | 'beiyuan' | 'shiqiao']
  const rows: Row[] = [
    ...(['villager', 'chair', 'committee'] as const).map((role): Row => [role, 'shiqiao', 'liushu']),
    ...(['villager', 'chair', 'committee', 'township'] as const).map((role): Row => [role, 'shiqiao', 'beiyuan']),
    ...(['villager', 'chair', 'committee', 'township'] as const).map((role): Row => [role, 'beiyuan', 'shiqiao']),
  ]

  describe.each(scoped)('%s', (qualified, permission) => {
    const [area, action] = qualified.split('.') as [string, string]
    // A write that names no record acts on the caller's own village or township by construction.
    const applies = namesRecord(qualified) || !permission.writes
    const allowed = rows.filter(([role]) => (permission.roles as readonly string[]).includes(role))
    if (!applies || allowed.length === 0) return

    it.each(allowed)('%s of %s, on records of %s: not found, or nothing of them shown', async (role, from, to) => {
      const target = world[to]
      const input = inputIn(target, qualified)
      const before = JSON.stringify(dump(world.store))
      const result = await callerFor(world.store, world[from].openids[role], world.clock).unchecked(area, action, input)
      if (namesRecord(qualified)) {
        // Refused as if the record did not exist, so the answer does not even tell that it does.
        expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
      } else {
        expect(result.ok).toBe(true)
        expect(JSON.stringify(result)).not.toMatch(target.markers)
      }
      // An audited read (township.export) records its reading, and nothing else.
      expect(withoutOwnReadEntries(JSON.stringify(dump(world.store)), qualified)).toBe(withoutOwnReadEntries(before, qualified))
    })

    // The refusals above are about whose data it is: staff of the village's own township read it.
    if (!permission.writes && (permission.roles as readonly string[]).includes('township')) {
      it('is answered to township staff of the same township, on records of liushu', async () => {
        const result = await callerFor(world.store, world.shiqiao.openids.township, world.clock).unchecked(area, action, inputIn(world.liushu, qualified))
        expect(result).toMatchObject({ ok: true })
      })
    }
  })
})

describe('secrets, over every read by every role', () => {
  let world: World
  let responses: { who: string; role: CallerRole; village: Village; action: QualifiedAction; answer: unknown }[]
  const anonymousReporter = 'p-shiqiao-0011-1'
  beforeAll(async () => {
    world = await buildWorld()
    expectOk(await as(world.store, anonymousReporter, world.clock)('report', 'file', { requestId: 'secret-anonymous', text: '匿名举报：村主任收受好处。', anonymous: true }))
    responses = []
    const reads = (Object.entries(permissions) as [QualifiedAction, Permission][]).filter(([, p]) => !p.writes)
    for (const village of [world.shiqiao, world.beiyuan]) {
      // A voter of the failed rounds too, whose own household took part.
      const callers: [string, CallerRole][] = [
        ...(Object.entries(village.openids) as [Role, string][]).map(([role, openid]): [string, CallerRole] => [openid, role]),
        ['visitor:secrets', 'guest'],
        [village === world.shiqiao ? 'demo:p-shiqiao-0006-1' : 'bei:v2', 'villager'],
      ]
      for (const [openid, role] of callers) {
        for (const [qualified, permission] of reads) {
          if (!(permission.roles as readonly string[]).includes(role)) continue
          const [area, action] = qualified.split('.') as [string, string]
          const answer = await callerFor(world.store, openid, world.clock).unchecked(area, action, inputIn(village, qualified))
          responses.push({ who: `${openid} (${role})`, role, village, action: qualified, answer })
        }
        // Every round of the village, closed ones with their published ballots included.
        if (role === 'guest') continue
        const rounds = docsOf(world.store, 'round').filter((r) => r.villageId === village.records.villageId)
        for (const { _id: roundId } of rounds) {
          const answer = await callerFor(world.store, openid, world.clock)('evaluation', 'getRound', {
            roundId,
            ...(role === 'township' ? { villageId: village.records.villageId } : {}),
          })
          responses.push({ who: `${openid} (${role})`, role, village, action: 'evaluation.getRound', answer })
        }
      }
    }
  }, 60_000)
  afterAll(() => world.store.close())

  const rows = (collection: string) => dump(world.store)[collection]!.map((doc) => JSON.parse(doc) as Record<string, string>)

  it('were answered, most of them with data', () => {
    expect(responses.filter((r) => (r.answer as { ok: boolean }).ok).length).toBeGreaterThan(150)
  })

  it('never put a ballot choice or receipt next to anything but each other', () => {
    const receipts = new Set(rows('ballot').flatMap((b) => (b.choice === null ? [] : [b.receipt as string, b._id as string])))
    expect(receipts.size).toBeGreaterThan(84)
    const offending: string[] = []
    let ballotsShown = 0
    const walk = (node: unknown, where: string): void => {
      if (node === null || typeof node !== 'object') return
      const entries = Object.entries(node)
      if (entries.some(([key, value]) => key === 'choice' || (typeof value === 'string' && receipts.has(value)))) {
        ballotsShown++
        const others = entries.map(([key]) => key).filter((key) => key !== 'choice' && key !== 'receipt')
        if (others.length > 0) offending.push(`${where}: ${others.join(', ')}`)
      }
      for (const [, value] of entries) walk(value, where)
    }
    for (const r of responses) walk(r.answer, `${r.action} to ${r.who}`)
    // The published ballot lists were among the answers, so the check saw real ballots.
    expect(ballotsShown).toBeGreaterThan(84)
    expect(offending).toEqual([])
  })

  it('never show a village role that a report exists', () => {
    const reports = rows('report')
    expect(reports.length).toBeGreaterThanOrEqual(4)
    const traces = reports.flatMap((r) => [r._id, r.trackingCode, r.text])
    // A tracking code is the reporter's key: whoever holds it follows that report, by design.
    const seen = responses
      .filter((r) => ['villager', 'chair', 'committee'].includes(r.role) && r.action !== 'report.track')
      .filter((r) => traces.some((t) => JSON.stringify(r.answer).includes(t!)))
    expect(seen.map((r) => `${r.action} to ${r.who}`)).toEqual([])
  })

  it('never show township staff who filed an anonymous report', () => {
    const identity = [anonymousReporter, 'm-shiqiao-0011-1', `demo:${anonymousReporter}`]
    const township = responses.filter((r) => r.role === 'township')
    expect(township.length).toBeGreaterThan(40)
    expect(township.filter((r) => identity.some((id) => JSON.stringify(r.answer).includes(id))).map((r) => r.action)).toEqual([])
  })

  it('never show anyone data of another township', () => {
    const foreign = (village: Village) => (village === world.shiqiao ? world.beiyuan : world.shiqiao).markers
    const leaks = responses.filter((r) => foreign(r.village).test(JSON.stringify(r.answer)))
    expect(leaks.map((r) => `${r.action} to ${r.who}`)).toEqual([])
  })
})
