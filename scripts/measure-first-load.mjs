// The H5 app's first load on a slow village connection (Chromium network
// emulation: 400 kbps each way, 400 ms round trip), with an empty cache.
// Prints the time to readable content (the host's first screen or the app's
// own page, whichever shows the page's content first), the time until the app
// itself has drawn the page, and the bytes sent; writes them to
// .build/first-load.json. A measurement, not a test: `npm run measure:h5`.
import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildMiniprogram, bundleHost, ensureDependencies, root } from './lib.mjs'

ensureDependencies()
buildMiniprogram('h5')
bundleHost()
const { chromium } = await import('playwright-core')

const CONDITIONS = { offline: false, latency: 400, downloadThroughput: (400 * 1024) / 8, uploadThroughput: (400 * 1024) / 8 }
const TARGET_MS = 3000

const port = await new Promise((resolve) => {
  const probe = createServer().listen(0, '127.0.0.1', () => {
    const { port } = probe.address()
    probe.close(() => resolve(port))
  })
})
const dataDir = mkdtempSync(join(tmpdir(), 'first-load-'))
const host = spawn(process.execPath, [join(root, '.build/host.cjs')], { env: { ...process.env, PORT: String(port), DATA_DIR: dataDir }, stdio: 'ignore' })
const url = `http://127.0.0.1:${port}`
for (let i = 0; ; i++) {
  try {
    if ((await fetch(`${url}/api/health`)).ok) break
  } catch {}
  if (i > 200) throw new Error('local host did not start')
  await new Promise((r) => setTimeout(r, 100))
}

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] })
const people = (await (await fetch(`${url}/api/dev/people`)).json()).data
const villager = people.find((p) => p.role === 'villager' && p.isRepresentative)
const token = (
  await (await fetch(`${url}/api/dev/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ personId: villager.personId }) })).json()
).data.token

/** One cold load: an empty cache, the slow network, until content is readable and until the app has drawn `ready`. */
async function measure(name, path, ready, signedIn) {
  const context = await browser.newContext({ viewport: { width: 360, height: 640 }, locale: 'zh-CN' })
  const page = await context.newPage()
  if (signedIn) {
    await page.goto(`${url}/api/health`)
    await page.evaluate((t) => localStorage.setItem('session-token', JSON.stringify({ data: t })), token)
  }
  const cdp = await context.newCDPSession(page)
  await cdp.send('Network.enable')
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true })
  await cdp.send('Network.emulateNetworkConditions', CONDITIONS)
  const sizes = new Map()
  cdp.on('Network.responseReceived', (e) => sizes.set(e.requestId, { type: e.type, bytes: 0 }))
  cdp.on('Network.loadingFinished', (e) => {
    const s = sizes.get(e.requestId)
    if (s) s.bytes = e.encodedDataLength
  })
  const started = Date.now()
  // Only the navigation's start: the load event waits for every script, long after the first screen shows.
  await page.goto(`${url}/#/${path}`, { waitUntil: 'commit' })
  await page.locator(`#first-screen .fs-item, ${ready}`).first().waitFor({ timeout: 60_000 })
  const readable = Date.now() - started
  await page.locator(ready).first().waitFor({ timeout: 60_000 })
  await page.locator('#first-screen').waitFor({ state: 'detached', timeout: 60_000 })
  const app = Date.now() - started
  const total = (types) => [...sizes.values()].filter((s) => types.includes(s.type)).reduce((n, s) => n + s.bytes, 0)
  await context.close()
  return {
    name,
    readable,
    app,
    scripts: total(['Script']),
    styles: total(['Stylesheet']),
    all: total(['Script', 'Stylesheet', 'Document', 'Fetch', 'XHR', 'Image', 'Font', 'Other']),
  }
}

const results = [
  await measure('新访客：选择身份页', 'pages/login/index', '.login-person', false),
  await measure('村民：首页', 'pages/index/index', '.taro_page .nut-cell', true),
  await measure('村民：三务公开（直接打开）', 'packages/disclosure/home/index', '.disclosure-row', true),
]
await browser.close()
host.kill('SIGTERM')
rmSync(dataDir, { recursive: true, force: true })

const kb = (n) => `${(n / 1024).toFixed(0)} KB`
console.log(`\nH5 首次加载（400 kbps，往返 400 ms，无缓存；目标 ${TARGET_MS / 1000} 秒内可读）`)
const seconds = (ms) => `${(ms / 1000).toFixed(2)} 秒`.padStart(9)
console.log('页面'.padEnd(22), '可读'.padStart(8), '应用就绪'.padStart(7), '脚本'.padStart(8), '样式'.padStart(8), '合计'.padStart(8))
for (const r of results) {
  console.log(
    r.name.padEnd(18),
    seconds(r.readable),
    seconds(r.app),
    kb(r.scripts).padStart(9),
    kb(r.styles).padStart(9),
    kb(r.all).padStart(9),
    r.readable <= TARGET_MS ? '✔' : '✖ 超过目标',
  )
}
mkdirSync(join(root, '.build'), { recursive: true })
writeFileSync(join(root, '.build', 'first-load.json'), JSON.stringify({ conditions: CONDITIONS, targetMs: TARGET_MS, results }, null, 2))
