import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { collectionSpecs } from '../../cloudfunctions/core/collections'

/** The README's collection table is what an operator types into the cloud console: it must match the code. */
describe('the README deployment table', () => {
  const readme = readFileSync(join(__dirname, '../../README.md'), 'utf8')
  const rows = new Map(
    [...readme.matchAll(/^\s*\| `(\w+)` \| (.*) \|$/gm)].map(([, name, cell]) => [name!, cell!.split('；').map((s) => s.trim())]),
  )

  it.each(Object.entries(collectionSpecs))('lists collection %s with every index', (name, spec) => {
    const expected = [
      ...spec.indexes.filter((i) => !spec.unique.some((u) => u.join() === i.join())).map((i) => i.join(' + ')),
      ...spec.unique.map((u) => `唯一 ${u.join(' + ')}`),
    ]
    const listed = (rows.get(name) ?? []).map((c) => c.replace(/`/g, '')).filter((c) => c !== '—')
    expect(listed.sort()).toEqual(expected.sort())
  })
})
