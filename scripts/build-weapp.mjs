// npm run build:weapp: the mini-program for WeChat DevTools, then the size of
// the main package and of each subpackage against WeChat's 2 MB limit.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { buildMiniprogram, ensureDependencies, root } from './lib.mjs'

const LIMIT = 2 * 1024 * 1024

ensureDependencies()
buildMiniprogram('weapp', { force: true })

const out = join(root, 'miniprogram', 'dist', 'weapp')
const app = JSON.parse(readFileSync(join(out, 'app.json'), 'utf8'))
const roots = (app.subPackages ?? app.subpackages ?? []).map((p) => p.root.replace(/\/$/, ''))
const sizes = new Map([['主包 (main)', 0], ...roots.map((r) => [r, 0])])

const walk = (dir) => {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) walk(path)
    else if (!name.startsWith('.')) {
      const rel = relative(out, path).split(sep).join('/')
      const owner = roots.find((r) => rel.startsWith(`${r}/`)) ?? '主包 (main)'
      sizes.set(owner, sizes.get(owner) + statSync(path).size)
    }
  }
}
walk(out)

let over = false
console.log('\n包大小 (package sizes, limit 2048 KB each):')
for (const [name, bytes] of sizes) {
  over ||= bytes > LIMIT
  console.log(`  ${name.padEnd(22)} ${(bytes / 1024).toFixed(1).padStart(8)} KB${bytes > LIMIT ? '  ✖ 超过 2 MB' : ''}`)
}
if (over) process.exit(1)
console.log('✔ 小程序已生成: miniprogram/dist/weapp/')
