// The browser suite drives Debian's chromium through playwright-core (no
// browser downloads on this network). Install it on first use when we can.
import { existsSync } from 'node:fs'
import { run } from './lib.mjs'

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

export function ensureBrowser() {
  if (existsSync(chromiumPath)) return
  const canInstall = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')
  if (!canInstall) {
    console.error(`✖ 找不到浏览器 ${chromiumPath}。请先安装：sudo apt-get install -y chromium fonts-wqy-microhei`)
    process.exit(1)
  }
  console.log('▶ 安装 chromium 和中文字体 (apt-get)…')
  run('apt-get', ['update'])
  run('apt-get', ['install', '-y', '--no-install-recommends', 'chromium', 'fonts-wqy-microhei'])
}
