import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { collectionSpecs } from '../../cloudfunctions/core/collections'
import { consoleSettingsProblems, expectedIndexCells, readmeIndexRows, readmeTableProblems } from '../../scripts/deploy-check'

/** The README's collection table is what an operator types into the cloud console: it must match the code. */
describe('the README deployment table', () => {
  const readme = readFileSync(join(__dirname, '../../README.md'), 'utf8')
  const rows = readmeIndexRows(readme)

  it.each(Object.entries(collectionSpecs))('lists collection %s with every index', (name, spec) => {
    expect((rows.get(name) ?? []).sort()).toEqual(expectedIndexCells(spec).sort())
  })

  it('lists no collection the code does not have (the same check npm run check:deploy makes)', () => {
    expect(readmeTableProblems(readme, collectionSpecs)).toEqual([])
  })

  it('lists the console timeout and memory of every function that needs more than the default', () => {
    expect(consoleSettingsProblems(readme)).toEqual([])
  })
})
