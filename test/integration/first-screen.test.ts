import type { AddressInfo } from 'node:net'
import type { Server } from 'node:http'
import { createHost } from '../../host/server'
import { issueToken } from '../../host/session'
import { NOW, as, expectOk, testClock, testFiles, useSeededStore } from '../support/harness'

/*
 * The first screen the host draws as HTML while the app's scripts download on
 * a slow connection: the same content the app's page shows, for the same
 * person, and nothing for anyone it would not show it to.
 */

const secret = Buffer.alloc(32, 5)
const fixture = useSeededStore()
let server: Server
let base: string

async function listen(devLogin: boolean): Promise<void> {
  server = createHost({ store: fixture.store, clock: testClock(), secret, staticDir: '/nonexistent', devLogin, files: testFiles })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

afterEach(async () => {
  await new Promise((resolve) => server.close(resolve))
})

async function tokenOf(personId: string): Promise<string> {
  const person = await fixture.store.get('person', personId)
  return issueToken(secret, person!.openid, NOW)
}

const firstScreen = (route: string, token?: string) =>
  fetch(`${base}/api/first-screen?route=${encodeURIComponent(route)}`, { headers: token ? { authorization: `Bearer ${token}` } : {} })

describe('the first screen', () => {
  it('shows a villager their greeting and their home entries, as links into the app', async () => {
    await listen(false)
    const res = await firstScreen('pages/index/index', await tokenOf('p-shiqiao-0002-1'))
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^text\/html/)
    const html = await res.text()
    expect(html).toMatch(/<h1 class="fs-title">[^<]+，您好<\/h1>/)
    expect(html).toContain('石桥村')
    expect(html).toContain('<a class="fs-item-body" href="#/packages/evaluation/list/index">')
    expect(html).toContain('三务公开')
    // A villager's home has no chair's work on it.
    expect(html).not.toContain('入群审核')
  })

  it("shows the chair the chair's entries", async () => {
    await listen(false)
    const html = await (await firstScreen('pages/index/index', await tokenOf('p-shiqiao-chair'))).text()
    expect(html).toContain('入群审核')
  })

  it("lists the village's latest disclosures, with their text escaped", async () => {
    await listen(false)
    expectOk(
      await as(fixture.store, 'p-shiqiao-director')('disclosure', 'publish', {
        kind: 'village',
        section: 'services',
        title: '<img src=x onerror=alert(1)>低保名单',
        body: '名单见附件',
      }),
    )
    const html = await (await firstScreen('packages/disclosure/home/index', await tokenOf('p-shiqiao-0002-1'))).text()
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;低保名单')
    expect(html).not.toContain('<img')
    expect(html).toMatch(/村务 · 办事结果 · \d{4}年\d{1,2}月\d{1,2}日发布/)
    expect(html).toContain('href="#/packages/disclosure/detail/index?disclosureId=')
  })

  it('draws nothing for a village page without a signed-in member', async () => {
    await listen(true)
    expect((await firstScreen('packages/disclosure/home/index')).status).toBe(204)
    const guest = issueToken(secret, 'visitor:first-screen', NOW)
    expect((await firstScreen('packages/disclosure/home/index', guest)).status).toBe(204)
  })

  it('draws nothing for pages it does not know, or with a forged session', async () => {
    await listen(true)
    expect((await firstScreen('packages/township/audit/index', await tokenOf('p-tw-inspector'))).status).toBe(204)
    const forged = `${(await tokenOf('p-shiqiao-0002-1')).slice(0, -2)}xx`
    const html = await (await firstScreen('pages/index/index', forged)).text()
    // A forged session is no session: the sign-in list, never the villager's home.
    expect(html).not.toContain('，您好')
  })

  it('lists the demo people to sign in as only where dev sign-in exists', async () => {
    await listen(true)
    const html = await (await firstScreen('pages/login/index')).text()
    expect(html).toContain('选择演示身份')
    expect(html).toContain('户代表（可投票）')
    server.close()
    await listen(false)
    expect((await firstScreen('pages/login/index')).status).toBe(204)
  })

  it('arrives compressed when it is large enough to matter', async () => {
    await listen(true)
    const res = await fetch(`${base}/api/first-screen?route=pages/login/index`, { headers: { 'accept-encoding': 'br' } })
    expect(res.headers.get('content-encoding')).toBe('br')
    expect(await res.text()).toContain('选择演示身份')
  })
})
