import fc from 'fast-check'
import { errorCodes, errorStatus, type Envelope } from '../../shared/errors'

/** Strings shaped like attacks or like text that breaks naive code: injections, odd unicode, sheer size. */
export const hostileStrings = [
  "'; DROP TABLE person; --",
  "1' OR '1'='1",
  '" OR ""="',
  '{"$ne":null}',
  '{"$where":"sleep(1000)"}',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '../../etc/passwd',
  '..%2f..%2fetc%2fpasswd',
  '${7*7}{{7*7}}',
  '__proto__',
  'constructor',
  'null',
  'undefined',
  'NaN',
  '',
  '   \t\n  ',
  '\u0000',
  '\u202e村务公开\u202c',
  '\u200b\u200c\u200d\ufeff',
  '\ud800',
  'a\udfffb',
  '👨‍👩‍👧‍👦🙂🏳️‍🌈',
  'é'.repeat(300),
  '村'.repeat(100_000),
  'x'.repeat(100_000),
] as const

const hostileString = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...hostileStrings) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 80 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 60, maxLength: 6000 }) },
)

const shortText = fc.oneof(
  fc.constantFrom(...hostileStrings.filter((s) => s.length > 0 && s.length <= 60 && s.trim() !== '')),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }),
)

const hostileNumber = fc.oneof(fc.constantFrom(Number.NaN, Infinity, -Infinity, -0, 1e308, -1, 0.5, 2 ** 53 + 1, Number.MIN_SAFE_INTEGER), fc.double(), fc.integer())

/** An own property even for `__proto__`, the way JSON.parse makes one. */
function withKey(target: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true })
  return target
}

const hostileKey = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '$where', '$ne', 'action', 'openid', '_id'),
  fc.string({ maxLength: 12 }),
)

/** [[[…]]] or {a:{a:…}} thousands deep. */
const deep = fc.tuple(fc.integer({ min: 100, max: 5000 }), fc.boolean()).map(([depth, arrays]) => {
  let value: unknown = 'bottom'
  for (let i = 0; i < depth; i++) value = arrays ? [value] : { a: value }
  return value
})

export const hostileValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    hostileString,
    hostileNumber,
    fc.boolean(),
    fc.constantFrom(null, undefined),
    fc.constant({ $ne: null }),
    fc.constant(JSON.parse('{"__proto__": {"polluted": true}}')),
    deep,
    fc.array(tie('value'), { maxLength: 3 }),
    fc.array(fc.tuple(hostileKey, tie('value')), { maxLength: 3 }).map((entries) => entries.reduce<Record<string, unknown>>((o, [k, v]) => withKey(o, k, v), {})),
  ),
})).value

type Path = (string | number)[]

/** Every place in a sample input a value could be replaced: each field, and each field inside nested objects and arrays. */
export function pathsOf(value: unknown, prefix: Path = []): Path[] {
  if (value === null || typeof value !== 'object') return []
  const entries: [string | number, unknown][] = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value)
  return entries.flatMap(([key, child]) => [[...prefix, key], ...pathsOf(child, [...prefix, key])])
}

type Mutation = { path: Path; op: 'delete' } | { path: Path; op: 'set'; value: unknown }

function apply(input: Record<string, unknown>, { path, ...m }: Mutation): void {
  let parent: any = input
  for (const key of path.slice(0, -1)) {
    if (parent === null || typeof parent !== 'object') return
    parent = parent[key]
  }
  if (parent === null || typeof parent !== 'object') return
  const last = path[path.length - 1]!
  if (m.op === 'delete') delete parent[last]
  else if (Array.isArray(parent)) parent[last as number] = m.value
  else withKey(parent, String(last), m.value)
}

/**
 * A well-formed input with one to three fields deleted or replaced by hostile
 * values (wrong types, huge or odd strings, operators, deep nesting), and
 * sometimes hostile extra fields.
 */
export function hostileInput(sample: Record<string, unknown>, schemaKeys: string[]): fc.Arbitrary<Record<string, unknown>> {
  const paths = [...pathsOf(sample), ...schemaKeys.filter((k) => !(k in sample)).map((k) => [k])]
  const textPaths = paths.filter((path) => typeof path.reduce<any>((node, key) => node?.[key], sample) === 'string')
  const extraField = fc.tuple(hostileKey, hostileValue).map(([key, value]): Mutation => ({ path: [key], op: 'set', value }))
  // An action without fields can only be sent extra ones.
  const mutation: fc.Arbitrary<Mutation> =
    paths.length === 0
      ? extraField
      : fc.oneof(
          { weight: 1, arbitrary: fc.constantFrom(...paths).map((path): Mutation => ({ path, op: 'delete' })) },
          { weight: 4, arbitrary: fc.tuple(fc.constantFrom(...paths), hostileValue).map(([path, value]): Mutation => ({ path, op: 'set', value })) },
          { weight: 1, arbitrary: extraField },
          // Short odd text in a text field may well be valid, and so reach the handler.
          ...(textPaths.length === 0
            ? []
            : [{ weight: 3, arbitrary: fc.tuple(fc.constantFrom(...textPaths), shortText).map(([path, value]): Mutation => ({ path, op: 'set', value })) }]),
        )
  return fc.array(mutation, { minLength: 1, maxLength: 3 }).map((mutations) => {
    const input = structuredClone(sample)
    for (const m of mutations) apply(input, m)
    return input
  })
}

/** Words a message may show in Latin letters: formats and methods people meet on screen. */
const latinAllowed = new Set(['JSON', 'POST', 'JPG', 'PNG', 'WebP', 'CSV', 'UTF', 'Excel'])

/**
 * A refusal a villager can read: a known client-error code, and a short
 * Chinese message with no stack, exception name, echoed markup or English.
 */
export function expectPlainRefusal(envelope: Envelope<unknown>): void {
  if (envelope.ok) throw new Error(`expected a refusal, got ok: ${JSON.stringify(envelope.data).slice(0, 200)}`)
  const { code, message } = envelope.error
  expect(Object.keys(errorCodes)).toContain(code)
  const status = errorStatus(code)
  expect(status).toBeGreaterThanOrEqual(400)
  expect(status).toBeLessThan(500)
  expect(message).toMatch(/[\u4e00-\u9fff]/)
  expect(message.length).toBeLessThanOrEqual(120)
  expect(message).not.toMatch(/\n|\bat \S+ \(|[<>{}$]|Error|Exception|undefined|null|NaN|\[object|SQLITE/)
  expect((message.match(/[A-Za-z]{3,}/g) ?? []).filter((word) => !latinAllowed.has(word))).toEqual([])
}
