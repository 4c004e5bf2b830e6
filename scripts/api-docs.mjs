// npm run docs:api: the action reference of docs/api.md, generated from the zod contracts (shared/<area>/schema.ts)
// and the permissions table (shared/permissions.ts), so the shapes in the document cannot drift from the code.
// It rewrites only what lies between the markers below; the prose around them is kept by hand.
//   node scripts/api-docs.mjs           rewrite docs/api.md
//   node scripts/api-docs.mjs --print   print the document as it should be (test/unit/api-docs.test.ts compares it)
// The contracts are TypeScript: bundled in memory with esbuild (as scripts/check-deploy.mjs does on disk) and run here.
import { buildSync } from 'esbuild'
import { readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const docPath = join(root, 'docs/api.md')
const BEGIN = '<!-- generated:actions:begin (npm run docs:api; edit the contracts, not this block) -->'
const END = '<!-- generated:actions:end -->'

/** The cloud functions in the document's order, each with the contract module that holds its actions. */
const AREAS = ['member', 'power', 'disclosure', 'announcement', 'feedback', 'report', 'evaluation', 'township', 'group', 'meeting', 'topic']
const ROLES = ['guest', 'villager', 'chair', 'committee', 'township']

function loadContracts() {
  const entry = [
    "export { z } from './shared/zod'",
    "export { permissions } from './shared/permissions'",
    ...AREAS.map((area) => `export { ${area}Contract } from './shared/${area}/schema'`),
  ].join('\n')
  const built = buildSync({
    stdin: { contents: entry, resolveDir: root, loader: 'ts' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    write: false,
    logLevel: 'warning',
  })
  const module = { exports: {} }
  new Function('module', 'exports', 'require', built.outputFiles[0].text)(module, module.exports, createRequire(import.meta.url))
  return module.exports
}

// ---- JSON Schema → TypeScript-like text ----

const WIDTH = 100
/** Shapes an area uses more than once, by their JSON Schema text → the name they are printed under (set per area). */
let NAMES = new Map()
const SAFE = Number.MAX_SAFE_INTEGER

/** `1–20`, `≤20`, `≥1`, or '' — a length or value range, left out when it is only the safe-integer bounds. */
function range(min, max) {
  const lo = min === undefined || min <= -SAFE ? undefined : min
  const hi = max === undefined || max >= SAFE ? undefined : max
  if (lo !== undefined && hi !== undefined) return lo === hi ? `${lo}` : `${lo}–${hi}`
  if (hi !== undefined) return `≤${hi}`
  if (lo !== undefined) return `≥${lo}`
  return ''
}

const literal = (value) => (typeof value === 'string' ? `'${value}'` : JSON.stringify(value))
const key = (name) => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : `'${name}'`)

/** One schema as type text, on one line when it fits in `width`, else over several lines indented by `indent`. */
function type(schema, indent = '', width = WIDTH) {
  if (schema === true || !schema || Object.keys(schema).length === 0) return 'unknown'
  const named = NAMES.get(JSON.stringify(schema))
  if (named) return named
  if (schema.$ref) return schema.$ref.replace(/^#\/\$defs\//, '')
  if (schema.const !== undefined) return literal(schema.const)
  if (schema.enum) return schema.enum.map(literal).join(' | ')
  const union = schema.anyOf ?? schema.oneOf
  if (union) {
    const flat = union.map((s) => wrapUnion(type(s, indent, width))).join(' | ')
    // A long union of several shapes (not just `T | null`) reads best one variant a line.
    if (indent.length + flat.length <= width || union.filter((s) => s.type !== 'null').length < 2) return flat
    return union.map((s) => `\n${indent}  | ${wrapUnion(type(s, `${indent}  `, width))}`).join('')
  }
  if (schema.allOf) return schema.allOf.map((s) => type(s, indent, width)).join(' & ')
  if (Array.isArray(schema.type)) return schema.type.map((t) => type({ ...schema, type: t }, indent, width)).join(' | ')
  switch (schema.type) {
    case 'null':
    case 'boolean':
      return schema.type
    case 'string': {
      const length = range(schema.minLength, schema.maxLength)
      // A pattern says more than a length, when it is short enough to read.
      if (schema.pattern && schema.pattern.length <= 32) return `string /${schema.pattern}/`
      return `string${schema.format ? `<${schema.format}>` : ''}${length ? `(${length})` : ''}`
    }
    case 'integer':
    case 'number': {
      const bounds = range(schema.minimum ?? schema.exclusiveMinimum, schema.maximum ?? schema.exclusiveMaximum)
      return `${schema.type === 'integer' ? 'int' : 'number'}${bounds ? `(${bounds})` : ''}`
    }
    case 'array': {
      const count = range(schema.minItems, schema.maxItems)
      const inner = Array.isArray(schema.prefixItems) ? `[${schema.prefixItems.map((s) => type(s, indent, width)).join(', ')}]` : type(schema.items, indent, width)
      // A union printed one variant a line closes its bracket on a line of its own.
      const item = inner.startsWith('\n') ? `(${inner}\n${indent})` : wrapUnion(inner)
      return `${item}[${count}]`
    }
    case 'object':
      return object(schema, indent, width)
    default:
      return 'unknown'
  }
}

const wrapUnion = (text) => (/^[^{(]*\|/.test(text) && !text.startsWith('(') ? `(${text})` : text)

/** `spread`: one field a line even when the whole would fit (it follows a long input on the same line). */
function object(schema, indent, width, spread = false) {
  const properties = Object.entries(schema.properties ?? {})
  const required = new Set(schema.required ?? [])
  const extra = typeof schema.additionalProperties === 'object' ? `[key: string]: ${type(schema.additionalProperties, indent, width)}` : null
  if (!properties.length) return extra ? `{ ${extra} }` : '{}'
  const field = (name, s, inner) => {
    const optional = !required.has(name) || s.default !== undefined
    const fallback = s.default !== undefined ? ` = ${JSON.stringify(s.default)}` : ''
    const note = s.description ? ` /* ${s.description} */` : ''
    const text = type(s, inner, width)
    return `${key(name)}${optional ? '?' : ''}:${text.startsWith('\n') ? '' : ' '}${text}${fallback}${note}`
  }
  const fields = properties.map(([name, s]) => field(name, s, indent))
  if (extra) fields.push(extra)
  const flat = `{ ${fields.join('; ')} }`
  if (!spread && indent.length + flat.length <= width && !flat.includes('\n')) return flat
  const inner = `${indent}  `
  const lines = properties.map(([name, s]) => `${inner}${field(name, s, inner)}`)
  if (extra) lines.push(`${inner}${extra}`)
  return `{\n${lines.join('\n')}\n${indent}}`
}

// ---- shapes used more than once ----

const pascal = (name) => name.charAt(0).toUpperCase() + name.slice(1)
const singular = (name) => (name.endsWith('ies') ? `${name.slice(0, -3)}y` : name.endsWith('s') ? name.slice(0, -1) : name)

/**
 * Object shapes an area's actions use more than once (the same JSON Schema), long enough to be worth a name,
 * each named after the field that first holds it (a list's item after the list, singular); printed once.
 */
function sharedShapes(schemas) {
  const seen = new Map()
  // A whole input or output and the variants of a union are left unnamed: their names would say nothing.
  const walk = (schema, key, action, nameable, given) => {
    if (!schema || typeof schema !== 'object') return
    if (nameable && schema.type === 'object' && schema.properties && Object.keys(schema.properties).length) {
      const text = JSON.stringify(schema)
      const entry = seen.get(text) ?? { count: 0, keys: [], schema, given }
      entry.count += 1
      entry.keys.push(key)
      seen.set(text, entry)
    }
    for (const [name, child] of Object.entries(schema.properties ?? {})) walk(child, name, action, true, given)
    // The items of a page are named after the action that first lists them (`items` alone says nothing).
    if (schema.items) walk(schema.items, key === 'items' ? { page: `${action}Item` } : singular(key), action, true, given)
    const variants = [...(schema.anyOf ?? []), ...(schema.oneOf ?? [])]
    const alone = variants.filter((variant) => variant.type !== 'null').length === 1
    for (const variant of variants) walk(variant, key, action, nameable && alone, given)
  }
  // schemas alternate: each action's input, then its output
  for (const [index, [action, schema]] of schemas.entries()) walk(schema, action, action, false, index % 2 === 0)
  NAMES = new Map()
  const names = new Map()
  const taken = new Set()
  for (const [text, { count, keys, schema, given }] of seen) {
    // A field's own name reads better than the page that lists it.
    const key = keys.find((k) => typeof k === 'string') ?? keys[0].page
    if (count < 2 || type(schema).replace(/\s+/g, ' ').length < 70) continue
    // What a caller sends, when its name is already a shape returned: LineItem (returned), LineItemInput (sent).
    const base = taken.has(pascal(key)) && given ? `${pascal(key)}Input` : pascal(key)
    let name = base
    for (let n = 2; taken.has(name); n += 1) name = `${base}${n}`
    taken.add(name)
    names.set(text, { name, schema })
  }
  NAMES = new Map([...names].map(([text, { name }]) => [text, name]))
  // Each definition is printed as its fields, naming the shared shapes inside it.
  return [...names.values()].map(({ name, schema }) => `type ${name} = ${object(schema, '', WIDTH)}`)
}

// ---- the reference ----

/** The codes the dispatcher itself can answer for this action (cloudfunctions/core/dispatch.ts), beyond those every action has. */
function dispatcherCodes(permission) {
  const codes = []
  if (ROLES.some((role) => !permission.roles.includes(role))) codes.push(permission.conceal ? 'NOT_FOUND' : 'FORBIDDEN')
  if (permission.writes) codes.push('CONFLICT')
  return codes
}

function renderReference({ z, permissions, ...contracts }) {
  const areasOfPermissions = new Set(Object.keys(permissions).map((name) => name.split('.')[0]))
  for (const area of areasOfPermissions) if (!AREAS.includes(area)) throw new Error(`scripts/api-docs.mjs: add the area ${area} to AREAS`)
  const out = []
  for (const area of AREAS) {
    const contract = contracts[`${area}Contract`]
    const schemas = Object.entries(contract).flatMap(([action, { input, output }]) => [
      [action, z.toJSONSchema(input, { io: 'input', unrepresentable: 'any' })],
      [action, z.toJSONSchema(output, { io: 'output', unrepresentable: 'any' })],
    ])
    out.push(`### \`${area}\` actions`, '', `From \`shared/${area}/schema.ts\`:`, '', '```ts', ...sharedShapes(schemas))
    for (const [index, action] of Object.keys(contract).entries()) {
      const permission = permissions[`${area}.${action}`]
      if (!permission) throw new Error(`shared/permissions.ts has no entry for ${area}.${action}`)
      const codes = dispatcherCodes(permission)
      out.push(`// ${permission.roles.join(', ')} · ${permission.scope} · ${permission.writes ? 'write' : 'read'}${codes.length ? ` · ${codes.join(', ')}` : ''}`)
      const [[, input], [, output]] = schemas.slice(index * 2, index * 2 + 2)
      let given = type(input)
      // Likewise the input, when the action's name and the input on one line would run past the width.
      if (action.length + 1 + given.split('\n')[0].length > WIDTH && input.type === 'object') given = object(input, '', WIDTH, true)
      const head = `${action}(${given}): `
      let result = type(output)
      // The output opens on the input's last line: spread it when that line would run past the width.
      const opening = head.slice(head.lastIndexOf('\n') + 1).length + result.split('\n')[0].length
      if (opening > WIDTH && output.type === 'object' && !NAMES.has(JSON.stringify(output))) result = object(output, '', WIDTH, true)
      out.push(head + result)
    }
    out.push('```', '')
  }
  return out.join('\n').trimEnd()
}

/** The document with its generated block replaced. */
function renderDocument(current, reference) {
  const begin = current.indexOf(BEGIN)
  const end = current.indexOf(END)
  if (begin < 0 || end < begin) throw new Error(`docs/api.md has lost its markers: ${BEGIN} … ${END}`)
  return `${current.slice(0, begin + BEGIN.length)}\n${reference}\n${current.slice(end)}`
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const current = readFileSync(docPath, 'utf8')
  const next = renderDocument(current, renderReference(loadContracts()))
  if (process.argv.includes('--print')) process.stdout.write(next)
  else if (next !== current) {
    writeFileSync(docPath, next)
    console.log('docs/api.md: 已按合约更新动作参考 (action reference regenerated)')
  } else console.log('docs/api.md: 动作参考已是最新 (up to date)')
}
