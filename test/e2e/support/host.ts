import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const root = resolve(__dirname, '../../..')

export interface RunningHost {
  url: string
  dataDir: string
  stop(): Promise<void>
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number }
      probe.close(() => resolvePort(port))
    })
  })
}

/**
 * Which Store the browser suite's hosts run on: the host's own switch, STORE=cloud (the cloud adapter over the
 * in-process CloudBase stand-in), passed through from the suite's environment (`npm test` runs the suite once
 * that way); SQLite otherwise.
 */
export const e2eStore: 'sqlite' | 'cloud' = process.env.STORE === 'cloud' ? 'cloud' : 'sqlite'

/**
 * Starts the bundled local host (as `npm start` does) on a fresh data folder and waits until it answers,
 * and until it says it runs on the Store the suite asked for, so a cloud run cannot pass on SQLite unnoticed.
 */
export async function startHost(env: Record<string, string> = {}): Promise<RunningHost> {
  const dataDir = mkdtempSync(join(tmpdir(), 'village-e2e-'))
  const port = await freePort()
  const child: ChildProcess = spawn(process.execPath, [join(root, '.build/host.cjs')], {
    cwd: root,
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, STORE: e2eStore, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout?.on('data', (d) => (output += d))
  child.stderr?.on('data', (d) => (output += d))
  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 20_000
  let health: { store?: string } | null = null
  for (;;) {
    try {
      const res = await fetch(`${url}/api/health`)
      if (res.ok) {
        health = (await res.json()) as { store?: string }
        break
      }
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`local host did not start:\n${output}`)
    await new Promise((r) => setTimeout(r, 100))
  }
  const wanted = env.STORE ?? e2eStore
  if (health?.store !== wanted) {
    child.kill('SIGTERM')
    throw new Error(`local host runs on ${String(health?.store)}, not ${wanted}:\n${output}`)
  }
  return {
    url,
    dataDir,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM')
        await new Promise((r) => child.once('exit', r))
      }
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
