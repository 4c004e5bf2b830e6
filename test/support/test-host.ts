import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createHost, LISTEN_BACKLOG, type HostOptions } from '../../host/server'
import { seededStore, testClock, testFiles, type TestStore } from './harness'

export interface TestHost {
  store: TestStore
  server: Server
  port: number
  close(): Promise<void>
}

/** The H5 shell a test host serves for pages: enough to tell a page from an API answer. */
export const H5_SHELL = '<!doctype html><title>村务监督</title>'

/**
 * The local host's HTTP server on a seeded store and a port of its own on 127.0.0.1, as `npm start` runs it
 * (its listen backlog too); `options` replace the defaults (dev sign-in on, the test clock and files).
 */
export async function startTestHost(options: Partial<HostOptions> = {}): Promise<TestHost> {
  const store = await seededStore()
  const staticDir = mkdtempSync(join(tmpdir(), 'h5-'))
  writeFileSync(join(staticDir, 'index.html'), H5_SHELL)
  const server = createHost({ store, clock: testClock(), secret: Buffer.alloc(32, 5), staticDir, devLogin: true, files: testFiles, ...options })
  await new Promise<void>((resolve) => server.listen({ port: 0, host: '127.0.0.1', backlog: LISTEN_BACKLOG }, resolve))
  return {
    store,
    server,
    port: (server.address() as AddressInfo).port,
    async close() {
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
      store.close()
    },
  }
}
