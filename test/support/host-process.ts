import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import { createServer } from 'node:net'
import { join } from 'node:path'

const root = join(__dirname, '../..')

/**
 * Bundles host/main.ts (or another entry: host/admin.ts) as `npm start` does (scripts/lib.mjs bundleHost), into
 * a file of the caller's own: test files run in parallel and must not
 * overwrite each other's bundle. It sits in .build/ so better-sqlite3 resolves.
 */
export function bundleHost(name: string, entry = 'host/main.ts'): string {
  mkdirSync(join(root, '.build'), { recursive: true })
  const outfile = join(root, '.build', `test-host-${name}.cjs`)
  const result = spawnSync(
    join(root, 'node_modules/.bin/esbuild'),
    [
      entry,
      '--bundle',
      '--platform=node',
      '--format=cjs',
      '--target=node20',
      `--outfile=${outfile}`,
      '--external:better-sqlite3',
      '--external:wx-server-sdk',
      '--log-level=warning',
    ],
    { cwd: root, encoding: 'utf8' },
  )
  if (result.status !== 0) throw new Error(`esbuild failed: ${result.stderr}`)
  return outfile
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number }
      probe.close(() => resolve(port))
    })
  })
}

export interface HostProcess {
  url: string
  child: ChildProcess
  /** Resolves when the process has gone, however it went. */
  exited: Promise<void>
}

/** Starts the bundled host on a data folder and waits until it answers. */
export async function startHost(bundle: string, dataDir: string, env: Record<string, string> = {}): Promise<HostProcess> {
  const port = await freePort()
  const child = spawn(process.execPath, [bundle], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'development', ...env, PORT: String(port), DATA_DIR: dataDir, STATIC_DIR: join(dataDir, 'no-h5') },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout!.on('data', (d) => (output += d))
  child.stderr!.on('data', (d) => (output += d))
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const url = `http://127.0.0.1:${port}`
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`host exited at start: ${output}`)
    try {
      if ((await fetch(`${url}/api/health`)).ok) return { url, child, exited }
    } catch {}
    if (i > 300) throw new Error(`host did not start: ${output}`)
    await new Promise((r) => setTimeout(r, 50))
  }
}

/** Stops a host the way `npm start` does on Ctrl-C. */
export async function stopHost(host: HostProcess): Promise<void> {
  if (host.child.exitCode === null && host.child.signalCode === null) host.child.kill('SIGTERM')
  await host.exited
}
