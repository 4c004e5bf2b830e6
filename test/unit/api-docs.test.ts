/**
 * docs/api.md's action reference is generated from the zod contracts and the permissions table
 * (scripts/api-docs.mjs). This keeps the document true: a contract or permission changed without
 * `npm run docs:api` fails here, naming the first line that differs.
 */
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

const root = join(__dirname, '../..')

function rendered(): string {
  const run = spawnSync(process.execPath, [join(root, 'scripts/api-docs.mjs'), '--print'], { cwd: root, encoding: 'utf8' })
  if (run.status !== 0) throw new Error(`scripts/api-docs.mjs failed:\n${run.stderr}`)
  return run.stdout
}

let text: string
beforeAll(() => {
  text = rendered()
})

test('docs/api.md states every action as the contracts and permissions define it', () => {
  const expected = text
  const actual = readFileSync(join(root, 'docs/api.md'), 'utf8')
  if (actual !== expected) {
    const want = expected.split('\n')
    const have = actual.split('\n')
    const line = want.findIndex((text, i) => text !== have[i])
    throw new Error(
      `docs/api.md is out of date: run npm run docs:api\n` +
        `first difference at line ${line + 1}:\n  in the file: ${have[line] ?? '(end of file)'}\n  generated:   ${want[line] ?? '(end of file)'}`,
    )
  }
})

test('each action shows its roles, scope, the codes the dispatcher adds, input limits and defaults; shared shapes by name', () => {
  // A concealed action answers a refused role with NOT_FOUND, never FORBIDDEN (shared/permissions.ts `conceal`).
  expect(text).toMatch(/\/\/ villager · self · write · NOT_FOUND, CONFLICT\nfile\(\{/)
  // An action open to every role cannot be refused; a read cannot meet a duplicate key.
  expect(text).toMatch(/\/\/ guest, villager, chair, committee, township · self · read\nme\(\{\}\): \{/)
  // Input shapes are the input side of the schema, with its limits; a defaulted field is optional, with its default.
  expect(text).toMatch(
    /join\(\{\n {2}joinCode\?: string\n {2}groupCloudId\?: string\(1–1024\)\n {2}householdNumber: string \/\^\[0-9A-Za-z-\]\{1,20\}\$\/\n {2}name: string\(1–20\)\n\}\)/,
  )
  expect(text).toMatch(/\n {4}summary\?: string\(≤500\) = ""\n/)
  // A shape an area's actions share is printed once, named after the field that holds it, and used by name.
  const evaluation = text.slice(text.indexOf('### `evaluation` actions'), text.indexOf('### `township` actions'))
  expect(evaluation.match(/^type Round = \{$/gm)).toHaveLength(1)
  expect(evaluation).toMatch(/\nlistRounds\([^\n]*\): \{\n {2}items: Round\[\]\n {2}nextCursor: string \| null\n\}\n/)
})
