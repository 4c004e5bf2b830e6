// Build steps shared by the start, test and build scripts. Plain Node (no
// dependencies), so it runs on a fresh clone before anything is installed.
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { fileURLToPath } from 'node:url'

export const root = fileURLToPath(new URL('..', import.meta.url))
const bin = (name) => join(root, 'node_modules', '.bin', name)

export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: root, ...options })
  if (result.status !== 0) {
    console.error(`✖ ${command} ${args.join(' ')} (exit ${result.status ?? result.signal})`)
    process.exit(result.status ?? 1)
  }
}

/**
 * Installs the locked dependencies when node_modules is missing or older than package-lock.json: on a fresh
 * clone `npm ci` (exactly the lock, which it never writes), later `npm install` (keeps what is there). npm 11.16+
 * rejects its own lock when an optional dependency is not in the registry (npm/cli#9846): the five such packages
 * are overridden with an empty local package (package.json `overrides`, scripts/unavailable-optional; README).
 */
export function ensureDependencies() {
  const installed = join(root, 'node_modules', '.package-lock.json')
  const lock = join(root, 'package-lock.json')
  if (existsSync(installed) && statSync(installed).mtimeMs >= statSync(lock).mtimeMs) return
  const fresh = !existsSync(join(root, 'node_modules'))
  console.log(`▶ 安装依赖 (npm ${fresh ? 'ci' : 'install'})…`)
  // Dev dependencies too: they build the app, even for a host started with NODE_ENV=production.
  run('npm', [fresh ? 'ci' : 'install', '--include=dev', '--no-audit', '--no-fund'])
}

/** Tracked files with changes (git status lines), or null outside a git checkout: a run must add none. */
export function trackedChanges() {
  const result = spawnSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: root, encoding: 'utf8' })
  return result.status === 0 ? new Set(result.stdout.split('\n').filter(Boolean)) : null
}

function hashTree(paths) {
  const hash = createHash('sha256')
  const visit = (path) => {
    if (!existsSync(path)) return
    if (statSync(path).isDirectory()) {
      for (const name of readdirSync(path).sort()) if (name !== 'dist' && name !== 'node_modules') visit(join(path, name))
    } else {
      hash.update(relative(root, path)).update(readFileSync(path))
    }
  }
  for (const p of paths) visit(join(root, p))
  return hash.digest('hex')
}

const h5Inputs = ['miniprogram/src', 'miniprogram/config', 'miniprogram/babel.config.js', 'miniprogram/.env', 'shared', 'package-lock.json']

/** Builds the mini-program for a target (h5 or weapp), skipping an H5 build whose sources are unchanged. */
export function buildMiniprogram(target, { force = false } = {}) {
  const out = join(root, 'miniprogram', 'dist', target)
  const stamp = join(out, '.source-hash')
  const hash = hashTree(h5Inputs)
  if (!force && existsSync(stamp) && readFileSync(stamp, 'utf8') === hash) return
  console.log(`▶ 构建小程序 (${target})…`)
  run(bin('taro'), ['build', '--type', target], {
    cwd: join(root, 'miniprogram'),
    env: { ...process.env, NODE_ENV: 'production' },
  })
  writeFileSync(stamp, hash)
}

/**
 * Bundles a Node entry of the local host into one file; better-sqlite3 stays a native dependency, and
 * wx-server-sdk stays in node_modules: the CloudBase stand-in (STORE=cloud) patches the request class of the
 * @cloudbase/node-sdk that node_modules' wx-server-sdk loads, so the adapter must use that copy, not a bundled one.
 */
export function bundleHost(entry = 'host/main.ts', outfile = '.build/host.cjs') {
  run(bin('esbuild'), [
    entry,
    '--bundle',
    '--platform=node',
    '--format=cjs',
    '--target=node20',
    `--outfile=${outfile}`,
    '--external:better-sqlite3',
    '--external:wx-server-sdk',
    '--log-level=warning',
  ])
}

export const MAIN_PACKAGE = '主包 (main)'

/**
 * The WeChat build's packages and their bytes: WeChat counts every file under a
 * subpackage's root towards that subpackage, everything else towards the main package.
 */
export function weappPackageSizes() {
  const out = join(root, 'miniprogram', 'dist', 'weapp')
  const app = JSON.parse(readFileSync(join(out, 'app.json'), 'utf8'))
  const roots = (app.subPackages ?? app.subpackages ?? []).map((p) => p.root.replace(/\/$/, ''))
  const sizes = new Map([[MAIN_PACKAGE, 0], ...roots.map((r) => [r, 0])])
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name)
      if (statSync(path).isDirectory()) walk(path)
      else if (!name.startsWith('.')) {
        const rel = relative(out, path).split(sep).join('/')
        const owner = roots.find((r) => rel.startsWith(`${r}/`)) ?? MAIN_PACKAGE
        sizes.set(owner, sizes.get(owner) + statSync(path).size)
      }
    }
  }
  walk(out)
  return sizes
}
