// npm run size: what each build weighs. The WeChat build's main package and
// each subpackage against WeChat's 2 MB per-package limit (target: main
// package under 1 MB), each cloud function bundle, and the JavaScript the H5
// app needs for its first page, gzip-compressed as the local host sends it.
// Exits non-zero when a mini-program package is over 2 MB. Builds reuse
// unchanged output (scripts/lib.mjs), so `npm test` pays for them once.
import { spawnSync } from 'node:child_process'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { MAIN_PACKAGE as MAIN, buildMiniprogram, ensureDependencies, root, weappPackageSizes } from './lib.mjs'

const KB = 1024
const LIMIT = 2048 * KB
const MAIN_TARGET = 1024 * KB
const kb = (bytes) => `${(bytes / KB).toFixed(1).padStart(8)} KB`
// Chinese characters take two columns in a terminal.
const pad = (text, width) => text + ' '.repeat(Math.max(0, width - [...text].reduce((w, c) => w + (c.codePointAt(0) > 0x2e80 ? 2 : 1), 0)))

ensureDependencies()
buildMiniprogram('weapp')
buildMiniprogram('h5')
const functions = spawnSync(process.execPath, [join(root, 'scripts/build-functions.mjs')], { cwd: root, encoding: 'utf8' })
if (functions.status !== 0) {
  console.error(functions.stdout, functions.stderr)
  process.exit(1)
}

const weapp = join(root, 'miniprogram/dist/weapp')
const app = JSON.parse(readFileSync(join(weapp, 'app.json'), 'utf8'))
const packages = weappPackageSizes()
let over = false
console.log(`\n小程序包 (miniprogram/dist/weapp)：每包上限 ${LIMIT / KB} KB，主包目标 ${MAIN_TARGET / KB} KB 以内`)
for (const [name, bytes] of packages) {
  over ||= bytes > LIMIT
  const mark = bytes > LIMIT ? '✖ 超过 2 MB' : name === MAIN && bytes > MAIN_TARGET ? '! 超过 1 MB 目标' : '✔'
  console.log(`  ${pad(name, 24)}${kb(bytes)}  ${mark}`)
}
console.log(`  ${pad('合计 (total)', 24)}${kb([...packages.values()].reduce((a, b) => a + b, 0))}`)

const fnRoot = join(root, 'dist/functions')
console.log('\n云函数 (dist/functions/<名称>/index.js，已压缩，不含云端安装的 wx-server-sdk)')
for (const name of readdirSync(fnRoot).sort()) {
  console.log(`  ${pad(name, 24)}${kb(statSync(join(fnRoot, name, 'index.js')).size)}`)
}

// The first page is the app's first route (its home). Taro's H5 entry lists each route with the
// chunks it loads: `"path":"pages/index/index","load":function(…){return[Promise.all([x.e(7191),x.e(137)])…`.
// Chunks that a page loads later, on a tap, are not counted, nor styles.
const h5 = join(root, 'miniprogram/dist/h5')
const firstPage = app.pages[0]
const html = readFileSync(join(h5, 'index.html'), 'utf8')
const entries = [...html.matchAll(/<script\b[^>]*\bsrc="\/?([^"]+\.js)"/g)].map((m) => m[1])
const entryCode = entries.map((e) => readFileSync(join(h5, e), 'utf8')).join('\n')
const route = new RegExp(`"path":"${firstPage}","load":function[^{]*\\{return\\[(.*?)\\.then\\(`).exec(entryCode)
if (!route) {
  console.error(`✖ 在 index.html 引用的脚本里找不到首页 ${firstPage} 的路由，无法计算首次加载的脚本`)
  process.exit(1)
}
const chunks = [...route[1].matchAll(/\.e\((\d+)\)/g)].map((m) => m[1])
const ofChunk = (dir, id, ext) =>
  readdirSync(join(h5, dir))
    .filter((f) => f.startsWith(`${id}.`) && f.endsWith(ext))
    .map((f) => `${dir}/${f}`)
const chunkFiles = chunks.flatMap((id) => ofChunk('js', id, '.js'))
const missing = chunks.filter((id) => ofChunk('js', id, '.js').length + ofChunk('css', id, '.css').length === 0)
if (chunks.length === 0 || missing.length) {
  console.error(`✖ 首页的路由引用的分块 ${missing.join(', ')} 没有对应的文件：H5 构建与这个脚本的读法对不上了`)
  process.exit(1)
}
console.log(`\nH5 首次加载的脚本 (gzip -9，与本地服务发送的一致)：index.html 引用的 ${entries.length} 个脚本，`)
console.log(`  加上首页 ${firstPage} 的路由加载的分块 (${chunks.join(', ')}；只有样式的分块没有脚本)；不含 index.html 本身、样式、图片和之后点开的页面`)
let raw = 0
let gzip = 0
for (const file of [...new Set([...entries, ...chunkFiles])]) {
  const bytes = readFileSync(join(h5, file))
  const packed = gzipSync(bytes, { level: 9 }).length
  raw += bytes.length
  gzip += packed
  console.log(`  ${pad(file, 24)}${kb(bytes.length)}  gzip ${kb(packed)}`)
}
console.log(`  ${pad('合计 (total)', 24)}${kb(raw)}  gzip ${kb(gzip)}`)

if (over) {
  console.log('\n✖ 有小程序包超过 2 MB，微信无法上传')
  process.exit(1)
}
