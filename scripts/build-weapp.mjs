// npm run build:weapp: the mini-program for WeChat DevTools, then the size of
// the main package and of each subpackage against WeChat's 2 MB limit
// (`npm run size` also weighs the cloud functions and the H5 first load).
import { buildMiniprogram, ensureDependencies, weappPackageSizes } from './lib.mjs'

const LIMIT = 2 * 1024 * 1024

ensureDependencies()
buildMiniprogram('weapp', { force: true })

let over = false
console.log('\n包大小 (package sizes, limit 2048 KB each):')
for (const [name, bytes] of weappPackageSizes()) {
  over ||= bytes > LIMIT
  console.log(`  ${name.padEnd(22)} ${(bytes / 1024).toFixed(1).padStart(8)} KB${bytes > LIMIT ? '  ✖ 超过 2 MB' : ''}`)
}
if (over) process.exit(1)
console.log('✔ 小程序已生成: miniprogram/dist/weapp/')
