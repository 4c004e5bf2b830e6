import type { AddressInfo } from 'node:net'
import type { Server } from 'node:http'
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Clock } from '../../cloudfunctions/core/context'
import type { FileStore } from '../../cloudfunctions/core/files'
import { cloudFileStore } from '../../cloudfunctions/adapters/wxcloud/files'
import { StorageStandIn } from '../../cloudfunctions/adapters/wxcloud/standin/storage'
import { createHost } from '../../host/server'
import { LocalFiles, signingKey } from '../../host/files'
import { localOutbox } from '../../cloudfunctions/core/notifier'
import { callerFor, seededStore, testClock, type TestStore } from './harness'
import type { TypedCall } from './caller'

/**
 * The two file stores an export is written to (FileStore.putExport), for the export tests: the local host's data
 * folder with its links fetched from the real HTTP host, and cloud storage through the cloud file store over the
 * storage stand-in, which keeps the test's clock.
 */
export interface ExportFiles {
  files: FileStore
  /** what fetching a returned link answers: the bytes, or null for a refusal (expired, tampered, gone) */
  open(url: string): Promise<Buffer | null>
  /** the content type the local host serves a link's file with; null in cloud storage, which the platform serves */
  typeOf(url: string): Promise<string | null>
  /** whether the file behind an id is still stored */
  stored(fileId: string): boolean
  /** how many export files are stored */
  count(): number
  /** the storage stand-in, in cloud storage */
  storage?: StorageStandIn
  close(): Promise<void>
}

async function localFiles(store: TestStore, clock: Clock): Promise<ExportFiles> {
  const root = mkdtempSync(join(tmpdir(), 'exports-'))
  const secret = Buffer.alloc(32, 7)
  const files = new LocalFiles(join(root, 'files'), signingKey(secret))
  const server: Server = createHost({ store, clock, secret, staticDir: join(root, 'no-h5'), devLogin: false, files })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const exportsDir = join(files.dir, 'exports')
  return {
    files,
    async open(url) {
      const res = await fetch(`${base}${url}`)
      if (res.status !== 200) return null
      expect(res.headers.get('cache-control')).toBe('private, no-store')
      return Buffer.from(await res.arrayBuffer())
    },
    typeOf: async (url) => (await fetch(`${base}${url}`)).headers.get('content-type'),
    stored: (fileId) => existsSync(join(files.dir, fileId.replace(/^local:/, ''))),
    count: () => (existsSync(exportsDir) ? readdirSync(exportsDir).length : 0),
    async close() {
      await new Promise((resolve) => server.close(resolve))
      rmSync(root, { recursive: true, force: true })
    },
  }
}

async function cloudFiles(_store: TestStore, clock: Clock): Promise<ExportFiles> {
  const storage = new StorageStandIn(() => clock.now())
  return {
    files: cloudFileStore(storage),
    open: async (url) => storage.open(url),
    typeOf: async () => null,
    stored: (fileId) => storage.files.has(fileId.slice(storage.bucket.length)),
    count: () => storage.files.size,
    storage,
    close: async () => {},
  }
}

/** For describe.each: each store's name and how to make it for a test's store and clock. */
export const exportFileStores: [string, MakeExportFiles][] = [
  ['the local host', localFiles],
  ['cloud storage', cloudFiles],
]

export type MakeExportFiles = (store: TestStore, clock: Clock) => Promise<ExportFiles>

export interface ExportWorld {
  clock: ReturnType<typeof testClock>
  store: TestStore
  fs: ExportFiles
  /** calls cloud functions as a seeded person (openid demo:<personId>), writing exports to `fs` */
  as(personId: string): TypedCall
}

/**
 * An export test's world, made afresh before each test of the calling describe: the seeded demo on the test clock,
 * and the file store `make` writes exports to; closed after each.
 */
export function exportWorld(make: MakeExportFiles): ExportWorld {
  const world = {
    as: (personId: string) => callerFor(world.store, `demo:${personId}`, world.clock, localOutbox, world.fs.files),
  } as ExportWorld
  beforeEach(async () => {
    world.clock = testClock()
    world.store = await seededStore(world.clock)
    world.fs = await make(world.store, world.clock)
  })
  afterEach(async () => {
    await world.fs.close()
    world.store.close()
  })
  return world
}
