import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { Page } from 'playwright-core'
import { itemColumns } from '../../shared/power/reference'
import { parseCsv } from '../../shared/member/roster'
import { xlsxOf } from '../support/xlsx'
import { apiFor } from './support/api'
import { button, current, screenshot } from './support/browser'
import { useHostAndBrowser } from './support/session'
import { openPath, phoneAt } from './support/phone'

/*
 * Issue 16, 镇特色清单从 Excel 导入: at 2× text, township staff upload their list as an .xlsx with two bad lines and see
 * both listed, nothing imported; then the clean file (the demo list as the district files lay it out, with T-01's
 * second step given a time limit and a new item T-06): the check says 新增 1 项，修改 1 项, the import writes, the new
 * item is in the list and each item's 变更记录 says what changed.
 */
const live = useHostAndBrowser()
const row = (page: Page, text: string) => current(page).locator('.featured-row').filter({ hasText: text })

/** The demo's featured list as its file has it (header first), the way staff would keep it in Excel. */
const demoRows = parseCsv(readFileSync(resolve(__dirname, '../../cloudfunctions/setup/reference/demo-township-items.csv'), 'utf8')).filter((r) => r.some((c) => c !== ''))
const at = (column: (typeof itemColumns)[number]) => itemColumns.indexOf(column)
const step = (code: string, category: string, name: string, stepName: string, actor: string) => {
  const cells = itemColumns.map(() => '')
  Object.assign(cells, { [at('事项编号')]: code, [at('类别编号')]: category, [at('事项名称')]: name, [at('步骤名称')]: stepName, [at('办理主体')]: actor })
  if (name) Object.assign(cells, { [at('依据')]: '《村民一事一议筹资筹劳管理办法》', [at('实施主体')]: '村民委员会', [at('监督主体')]: '村务监督委员会' })
  return cells
}
const workbook = (rows: string[][]) => xlsxOf(rows.map((r) => r.map((c) => c || null)))

async function upload(page: Page, name: string, buffer: Buffer) {
  const chooser = page.waitForEvent('filechooser')
  await button(page, '选择表格文件').click()
  await (await chooser).setFiles({ name, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer })
}

it('staff import their featured list from Excel: two bad lines are both listed, then the clean file is imported with its 变更记录', async () => {
  const { page, errors } = await phoneAt(live.browser, live.host.url, await apiFor(live.host.url).token('p-tw-inspector'), '2')
  await openPath(page, live.host.url, 'packages/township/featured/index')
  await row(page, 'T-01').waitFor()

  // Two bad lines after the list: a step with no 办理主体, and a category the district's list does not have.
  const first = demoRows.length + 1
  await upload(
    page,
    '特色清单.xlsx',
    workbook([...demoRows, step('T-06', '7', '村级公益事业一事一议', '提出议题', ''), step('T-07', '99', '村级小型工程验收', '组织验收', '村民委员会')]),
  )
  const problems = current(page).locator('.featured-import-problems')
  await problems.waitFor()
  await expect(problems.innerText()).resolves.toMatch(
    new RegExp(`有 2 处要改好才能导入[\\s\\S]*第 ${first} 行：这一步缺少：办理主体[\\s\\S]*第 ${first + 1} 行：类别编号“99”不在类别表里`),
  )
  await expect(button(page, '确认导入').count()).resolves.toBe(0)
  await screenshot(page, 'featured-import-errors-2x')

  // The clean file: T-01's second step gets a time limit, T-06 is new with two steps.
  const t01Step2 = demoRows.findIndex((r, i) => i > 0 && r[0] === 'T-01' && demoRows[i - 1]![0] === 'T-01')
  const clean = demoRows.map((r, i) => (i === t01Step2 ? r.map((c, j) => (j === at('办理时限') ? '7个工作日内' : c)) : r))
  await upload(
    page,
    '特色清单.xlsx',
    workbook([...clean, step('T-06', '7', '村级公益事业一事一议', '提出议题', '村民委员会'), step('T-06', '', '', '村民代表会议表决', '村民代表会议')]),
  )
  const summary = current(page).locator('.featured-import-summary')
  await summary.waitFor()
  await expect(summary.innerText()).resolves.toMatch(/新增 1 项，修改 1 项，不变 4 项[\s\S]*新增：T-06 村级公益事业一事一议[\s\S]*修改：T-01 .+（改了 办理流程）/)
  await screenshot(page, 'featured-import-preview-2x')
  await button(page, '确认导入').click()
  await current(page).getByText('已导入：新增 1 项，修改 1 项', { exact: false }).waitFor()

  // The new item is listed; each item's 变更记录 says what the import did.
  await row(page, 'T-06')
    .locator('.nut-button')
    .filter({ hasText: /^变更记录$/ })
    .click()
  await row(page, 'T-06').getByText('新增了这一项').waitFor()
  await row(page, 'T-01')
    .locator('.nut-button')
    .filter({ hasText: /^变更记录$/ })
    .click()
  await row(page, 'T-01').getByText('改了 办理流程').waitFor()
  await expect(row(page, 'T-01').innerText()).resolves.toContain('第 1 版')
  await screenshot(page, 'featured-import-history-2x')
  expect(errors).toEqual([])
  await page.context().close()
})
