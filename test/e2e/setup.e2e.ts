import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { Page } from 'playwright-core'
import { useHostAndBrowser } from './support/session'
import { button, current, errorsOf, input, openEntry, phonePage, screenshot, textarea } from './support/browser'
import { xlsxOf } from '../support/xlsx'

const live = useHostAndBrowser({ SEED: 'none' })
const root = resolve(__dirname, '../..')

const header = '户号,户主姓名,村民小组,人口数'
const withTwoBadLines = [header, '0001,王建国,一组,4', '0002,,一组,3', '0003,李秀英,二组,四', '0004,赵大海,二组,2'].join('\n')
const fixed = [header, '0001,王建国,一组,4', '0002,张桂芳,一组,3', '0003,李秀英,二组,4', '0004,赵大海,二组,2'].join('\n')

/**
 * A newcomer opens the app in the browser: a brand-new visitor. With SEED=none the host offers no demo
 * sign-in (no /api/dev/people), so the page offers only this way in.
 */
async function newcomer(shot?: string): Promise<Page> {
  const page = await phonePage(live.browser)
  await page.goto(`${live.host.url}/#/pages/login/index`)
  await current(page).getByText('第一次来的人，都从这里进入。').waitFor()
  await expect(current(page).getByText('或选一位演示身份').count()).resolves.toBe(0)
  if (shot) await screenshot(page, shot)
  await button(page, '进入').click()
  await page.getByText('加入本村监督群，或输入任命码').waitFor()
  return page
}

async function acceptInvite(page: Page, code: string) {
  await button(page, '加入本村监督群，或输入任命码').click()
  await input(page, '12位，例如 ABCD-EFGH-JKLM').fill(code)
  await button(page, '接受任命').click()
}

describe('a township from an empty host to a working supervision group', () => {
  let officer: Page
  let chair: Page
  let joinCode = ''

  it('is set up with npm run admin, and the first officer takes the post with the printed code', async () => {
    const printed = execFileSync(process.execPath, [join(root, '.build/admin.cjs'), 'bootstrap', '--township', '北坡镇', '--district', '清河区', '--name', '钱镇长'], {
      env: { ...process.env, DATA_DIR: live.host.dataDir },
      encoding: 'utf8',
    })
    const code = /任命码：([2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4})/.exec(printed)?.[1]
    expect(code).toBeDefined()
    // The district's lists are loaded with the township, from the data files, and the command says so.
    expect(printed).toContain('已载入 区级权力清单 40 项（7 类）、责任清单 48 条、负面清单 30 条')
    officer = await newcomer('setup-login-new-visitor-only')
    await acceptInvite(officer, code!)
    await officer.getByText('钱镇长，您好').waitFor()
    await screenshot(officer, 'setup-officer-home')
  })

  it('lets the officer create a village and import its roster, fixing two bad lines first', async () => {
    await openEntry(officer, '村和花名册')
    await input(officer, '村名，例如：北坡村').fill('北坡村')
    await button(officer, '新建').click()
    const village = current(officer).locator('.setup-village').filter({ hasText: '北坡村' })
    await village.waitFor()
    joinCode = (await village.locator('.setup-code').innerText()).trim()
    await village.locator('.nut-button').filter({ hasText: '导入花名册' }).click()

    const choose = async (name: string, mimeType: string, buffer: Buffer) => {
      const chooser = officer.waitForEvent('filechooser')
      await button(officer, '选择表格文件').click()
      await (await chooser).setFiles({ name, mimeType, buffer })
    }
    const problems = current(officer).locator('.roster-problems')
    await choose('花名册.csv', 'text/csv', Buffer.from(`\uFEFF${withTwoBadLines}`))
    await problems.waitFor()
    await expect(problems.innerText()).resolves.toMatch(/第3行：缺少户主姓名[\s\S]*第4行：人口数“四”要填1到99的整数/)
    await expect(button(officer, '确认导入').count()).resolves.toBe(0)
    await screenshot(officer, 'setup-roster-errors')

    // The same table as an Excel workbook: the same lines are reported.
    await choose(
      '花名册.xlsx',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      xlsxOf(withTwoBadLines.split('\n').map((line) => line.split(',').map((c) => c || null))),
    )
    await current(officer).getByText('已选择 Excel 表格：花名册').waitFor()
    await problems.waitFor()
    await expect(problems.innerText()).resolves.toMatch(/第3行：缺少户主姓名[\s\S]*第4行：人口数“四”要填1到99的整数/)
    await expect(button(officer, '确认导入').count()).resolves.toBe(0)

    await textarea(officer, '户号,户主姓名,村民小组,人口数').fill(fixed)
    await button(officer, '检查').click()
    // The file goes in pieces; a piece lost on the way is sent again from where it stopped, adding nothing twice.
    let pieces = 0
    await officer.route('**/api/fn/township', async (route) => {
      const body = route.request().postDataJSON() as { action?: string }
      if (body.action !== 'importRoster') return route.continue()
      pieces++
      return pieces === 1 ? route.abort('internetdisconnected') : route.continue()
    })
    await button(officer, '确认导入').click()
    await current(officer).getByText('第 1/1 批没有导入成功', { exact: false }).waitFor()
    await button(officer, '接着导入').click()
    await current(officer).getByText('已导入：新增 4 户', { exact: false }).waitFor()
    await officer.unroute('**/api/fn/township')
    expect(pieces).toBe(2)
    await screenshot(officer, 'setup-roster-imported')
  })

  it('appoints a chair, who accepts, and approves a household joining', async () => {
    await officer.goto(`${live.host.url}/#/pages/index/index`)
    await openEntry(officer, '职务任命')
    await current(officer).getByText('北坡村', { exact: true }).click()
    await input(officer, '被任命人的姓名').fill('孙主任')
    await button(officer, '生成任命码').click()
    const code = (await current(officer).locator('.appoint-code').innerText()).trim()
    await screenshot(officer, 'setup-appointment-code')

    chair = await newcomer()
    await acceptInvite(chair, code)
    await chair.getByText('孙主任，您好').waitFor()
    // The new village's chair reads the district's negative list, loaded at setup.
    await chair.goto(`${live.host.url}/#/packages/power/lists/index`)
    await current(chair).getByText('负面清单', { exact: true }).click()
    await current(chair).getByText('村干部一律不准做的事，共 30 条', { exact: false }).waitFor()

    const villager = await newcomer()
    await button(villager, '加入本村监督群，或输入任命码').click()
    await input(villager, '例如 SHIQIAO').fill(joinCode)
    await input(villager, '户口簿上的户号').fill('0002')
    await input(villager, '真实姓名').fill('张桂芳')
    await button(villager, '提交申请').click()
    await current(villager).getByText('申请已提交').waitFor()

    await chair.goto(`${live.host.url}/#/pages/index/index`)
    await openEntry(chair, '入群审核')
    const request = current(chair).locator('.pending-request').filter({ hasText: '张桂芳' })
    await request
      .locator('.nut-button')
      .filter({ hasText: /^通过$/ })
      .click()
    await current(chair)
      .getByText(/已通过/)
      .first()
      .waitFor()
    await screenshot(chair, 'setup-chair-approved')
    expect(errorsOf(chair)).toEqual([])
  })

  it('lets the officer export the cases table for Excel', async () => {
    await officer.goto(`${live.host.url}/#/pages/index/index`)
    await openEntry(officer, '评议升级案件')
    const download = officer.waitForEvent('download')
    await button(officer, '导出表格').click()
    const file = await download
    expect(file.suggestedFilename()).toMatch(/^评议升级案件-\d{4}-\d{2}-\d{2}\.csv$/)
    const text = readFileSync((await file.path())!, 'utf8')
    expect(text.startsWith('\uFEFF村,评议事项')).toBe(true)
    expect(errorsOf(officer)).toEqual([])
  })
})
