// npm run build:functions: one deployable folder per cloud function under
// dist/functions/<name>/ (index.js + package.json), bundled by esbuild with
// wx-server-sdk left for WeChat's cloud install.
import { copyFileSync, readdirSync, existsSync, mkdirSync, statSync, writeFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { ensureDependencies, root, run } from './lib.mjs'

ensureDependencies()
const source = join(root, 'cloudfunctions')
const out = join(root, 'dist', 'functions')
rmSync(out, { recursive: true, force: true })
const names = readdirSync(source).filter((name) => existsSync(join(source, name, 'index.ts')))
const sdk = JSON.parse(await import('node:fs').then((fs) => fs.readFileSync(join(root, 'node_modules/wx-server-sdk/package.json'), 'utf8'))).version

for (const name of names) {
  const dir = join(out, name)
  mkdirSync(dir, { recursive: true })
  run(join(root, 'node_modules/.bin/esbuild'), [
    join('cloudfunctions', name, 'index.ts'),
    '--bundle',
    '--platform=node',
    '--format=cjs',
    '--target=node16',
    '--minify',
    `--outfile=${join(dir, 'index.js')}`,
    '--external:wx-server-sdk',
    '--log-level=warning',
  ])
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name, version: '1.0.0', private: true, main: 'index.js', dependencies: { 'wx-server-sdk': sdk } }, null, 2) + '\n')
  // config.json: openapi permissions and timer triggers, deployed with the function.
  const config = join(source, name, 'config.json')
  if (existsSync(config)) copyFileSync(config, join(dir, 'config.json'))
  // The setup function's data files (the district's power list), read at run time next to index.js
  // (cloudfunctions/core/reference.ts); the demo's own featured list stays behind.
  const reference = join(source, name, 'reference')
  if (existsSync(reference)) {
    mkdirSync(join(dir, 'reference'))
    for (const file of readdirSync(reference).filter((f) => f.endsWith('.csv') && !f.startsWith('demo-'))) copyFileSync(join(reference, file), join(dir, 'reference', file))
  }
  console.log(`  ${name.padEnd(12)} ${(statSync(join(dir, 'index.js')).size / 1024).toFixed(1)} KB`)
}
console.log(`✔ 云函数已生成: dist/functions/ (${names.join(', ')})`)
