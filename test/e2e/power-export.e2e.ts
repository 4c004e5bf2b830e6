import type { Page } from 'playwright-core'
import readXlsxFile from 'read-excel-file/node'
import { readReference, readTownshipItems } from '../../cloudfunctions/core/reference'
import { parseItems } from '../../shared/power/reference'
import { apiFor } from './support/api'
import { button, current, screenshot } from './support/browser'
import { useHostAndBrowser } from './support/session'
import { openPath, phoneAt } from './support/phone'

/*
 * Issue 16, export: at 2× text, township staff on 镇特色清单 tap 导出区级清单 and 导出特色清单; each downloads an
 * .xlsx whose first sheet the import's own parser reads without a bad line, giving back the district list and the
 * demo township's featured list exactly as their shipped files have them.
 */
const live = useHostAndBrowser()
const reference = readReference()

/** Taps an export button and reads the file it downloads: its name, its sheets, the first sheet's items. */
async function exported(page: Page, label: string, level: 'district' | 'township', townshipId: string | null) {
  const download = page.waitForEvent('download')
  await button(page, label).click()
  const file = await download
  const sheets = await readXlsxFile((await file.path())!)
  const rows = sheets[0]!.data.map((row) => row.map((cell) => (cell === null ? '' : String(cell))))
  const items = parseItems(rows, { level, townshipId, categoryIds: new Set(reference.categories.map((c) => c._id)), file: file.suggestedFilename() })
  if (!items.ok) throw new Error(JSON.stringify(items.problems))
  return { name: file.suggestedFilename(), sheets: sheets.map((s) => s.sheet), items: items.value }
}

it('staff download the district list and the featured list as Excel files that the import reads back', async () => {
  const { page, errors } = await phoneAt(live.browser, live.host.url, await apiFor(live.host.url).token('p-tw-inspector'), '2')
  await openPath(page, live.host.url, 'packages/township/featured/index')
  await current(page).locator('.power-export').scrollIntoViewIfNeeded()
  await screenshot(page, 'power-export-2x')

  const district = await exported(page, '导出区级清单', 'district', null)
  expect(district.name).toMatch(/^区级指导性清单-\d{4}-\d{2}-\d{2}\.xlsx$/)
  expect(district.sheets[0]).toBe('区级指导性清单')
  expect(district.items).toEqual(reference.items)
  await current(page)
    .getByText(/已导出 区级指导性清单-/)
    .waitFor()

  const featured = await exported(page, '导出特色清单', 'township', 'tw-shiqiao')
  expect(featured.name).toMatch(/^镇特色清单-石桥镇-\d{4}-\d{2}-\d{2}\.xlsx$/)
  expect(featured.sheets[0]).toBe('镇特色清单')
  // The demo township's featured list, seeded from its file in the same format: the same items come back.
  expect(featured.items).toEqual(readTownshipItems('demo-township-items.csv', 'tw-shiqiao', reference))
  expect(errors).toEqual([])
  await page.context().close()
})
