// npm run check:deploy: the weapp build and the cloud function bundles as WeChat would receive them.
// With --build (as `npm run check:deploy` runs it) it first brings the weapp build up to date (reused when its
// sources are unchanged, scripts/lib.mjs) and bundles the functions; without, it reads what is built
// (`npm test` runs it right after the size step, which has built both).
// Prints a checklist and exits non-zero on any failure. The pure checks live in scripts/deploy-check.ts
// (unit-tested, and shared with test/unit/readme.test.ts), bundled here with esbuild.
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { MAIN_PACKAGE, buildMiniprogram, ensureDependencies, root, run, weappPackageSizes } from './lib.mjs'

const LIMIT = 2 * 1024 * 1024
ensureDependencies()

if (process.argv.includes('--build')) {
  buildMiniprogram('weapp')
  const built = spawnSync(process.execPath, [join(root, 'scripts/build-functions.mjs')], { cwd: root, encoding: 'utf8' })
  if (built.status !== 0) {
    console.error(built.stdout, built.stderr)
    process.exit(1)
  }
}

// The TypeScript checks and collections.ts, as one CommonJS file.
run(join(root, 'node_modules/.bin/esbuild'), [
  'scripts/deploy-check.ts',
  'cloudfunctions/core/collections.ts',
  '--bundle',
  '--platform=node',
  '--format=cjs',
  '--log-level=warning',
  '--out-extension:.js=.cjs',
  `--outdir=${join(root, '.build/deploy-check')}`,
])
const require = createRequire(import.meta.url)
const checks = require(join(root, '.build/deploy-check/scripts/deploy-check.cjs'))
const { collectionSpecs } = require(join(root, '.build/deploy-check/cloudfunctions/core/collections.cjs'))

const results = []
function check(title, problems) {
  results.push({ title, problems })
}

// 1. Every page of app.json (main package and subpackages) is in the build as .js/.json/.wxml.
const weapp = join(root, 'miniprogram/dist/weapp')
if (!existsSync(join(weapp, 'app.json'))) {
  check('小程序页面齐全 (every page in app.json is built)', ['没有 miniprogram/dist/weapp/app.json：先运行 npm run build:weapp'])
} else {
  const app = JSON.parse(readFileSync(join(weapp, 'app.json'), 'utf8'))
  const pages = [...(app.pages ?? []), ...(app.subPackages ?? app.subpackages ?? []).flatMap((p) => p.pages.map((page) => `${p.root.replace(/\/$/, '')}/${page}`))]
  const missing = pages.flatMap((page) => ['.js', '.json', '.wxml'].filter((ext) => !existsSync(join(weapp, page + ext))).map((ext) => page + ext))
  check(
    `小程序页面齐全 (${pages.length} pages in app.json built as .js/.json/.wxml)`,
    missing.map((f) => `缺少 ${f}`),
  )

  // 2. Each package under WeChat's 2 MB.
  const sizes = weappPackageSizes()
  const over = [...sizes].filter(([, bytes]) => bytes > LIMIT)
  check(
    `包大小 (main ${(sizes.get(MAIN_PACKAGE) / 1024).toFixed(0)} KB + ${sizes.size - 1} subpackages, each ≤ 2048 KB)`,
    over.map(([name, bytes]) => `${name} ${(bytes / 1024).toFixed(1)} KB 超过 2 MB`),
  )
}

// 3. Each function bundle: index.js, package.json, and a config.json WeChat can read.
const fnRoot = join(root, 'dist/functions')
const sources = readdirSync(join(root, 'cloudfunctions')).filter((n) => existsSync(join(root, 'cloudfunctions', n, 'index.ts')))
if (!existsSync(fnRoot)) {
  check('云函数包 (function bundles)', ['没有 dist/functions/：先运行 npm run build:functions'])
} else {
  const problems = []
  let configs = 0
  let triggers = 0
  for (const name of sources) {
    const dir = join(fnRoot, name)
    for (const file of ['index.js', 'package.json']) if (!existsSync(join(dir, file))) problems.push(`${name}: 缺少 ${file}`)
    const source = join(root, 'cloudfunctions', name, 'config.json')
    const deployed = join(dir, 'config.json')
    if (existsSync(source) && !existsSync(deployed)) problems.push(`${name}: config.json 没有复制到 dist/functions/${name}/`)
    if (!existsSync(deployed)) continue
    configs += 1
    const text = readFileSync(deployed, 'utf8')
    problems.push(...checks.functionConfigProblems(text).map((p) => `${name}: ${p}`))
    try {
      triggers += JSON.parse(text).triggers?.length ?? 0
    } catch {}
  }
  check(`云函数包与 config.json (${sources.length} functions, ${configs} config.json, ${triggers} timer triggers)`, problems)
}

// 4. Timeouts and memory: not in config.json (the docs define no such key), so the README must say what to set.
const readme = readFileSync(join(root, 'README.md'), 'utf8')
const unknown = Object.keys(checks.consoleSettings).filter((n) => !sources.includes(n))
check(`超时与内存在控制台设置，README 已列出 (timeouts/memory: console only, listed in README for ${Object.keys(checks.consoleSettings).join(', ')})`, [
  ...checks.consoleSettingsProblems(readme),
  ...unknown.map((n) => `consoleSettings 里的 ${n} 不是云函数`),
])

// 5. Database rules: a deny-all rule for every collection of collections.ts.
const collections = Object.keys(collectionSpecs)
let rules
try {
  rules = JSON.parse(readFileSync(join(root, 'cloudfunctions/database-rules.json'), 'utf8'))
} catch {
  rules = null
}
check(`数据库安全规则 (deny-all rule for all ${collections.length} collections)`, checks.rulesProblems(rules, collections))

// 6. The README's collection and index table equals collections.ts.
check(`README 集合与索引表 (README index table equals collections.ts)`, checks.readmeTableProblems(readme, collectionSpecs))

console.log('\n发布检查 (deploy check)')
for (const { title, problems } of results) {
  console.log(`  ${problems.length ? '✖' : '✔'} ${title}`)
  for (const p of problems.slice(0, 20)) console.log(`      - ${p}`)
  if (problems.length > 20) console.log(`      … 另有 ${problems.length - 20} 项`)
}
const failed = results.filter((r) => r.problems.length).length
console.log(failed ? `\n✖ ${failed} 项未通过 (${failed} failed)` : `\n✔ 全部通过 (all ${results.length} passed)`)
process.exit(failed ? 1 : 0)
