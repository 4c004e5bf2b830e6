import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { resolve } from 'node:path'
import { secureDataDir } from './data-dir'
import { SqliteStore } from '../cloudfunctions/adapters/sqlite/store'
import type { Store } from '../cloudfunctions/core/store'
import { systemClock } from '../cloudfunctions/core/context'
import { createHost, LISTEN_BACKLOG } from './server'
import { RecordingUpdatable } from '../cloudfunctions/core/updatable'
import { LocalFiles, signingKey, UploadQuota } from './files'
import { areas } from '../cloudfunctions/areas'
import { localOutbox } from '../cloudfunctions/core/notifier'
import { loadSecret, type SignInMode } from './session'
import { isSeeded, seedDemo } from './seed/demo'

/**
 * How people may sign in, from the environment, and the one line the host prints to say so:
 * - NODE_ENV=production: `none`, whatever else is set (DEV_LOGIN=1 included: the line says it is ignored);
 * - DEV_LOGIN=1: `demo`; DEV_LOGIN=0: `guest`;
 * - otherwise `demo` on the demo seed (plain `npm start`), `guest` with SEED=none (a real township's data).
 */
export function signInModeOf(env: NodeJS.ProcessEnv): { mode: SignInMode; notice: string } {
  if (env.NODE_ENV === 'production') {
    const ignored = env.DEV_LOGIN === '1' ? '；DEV_LOGIN=1 在生产模式下不起作用' : ''
    return { mode: 'none', notice: `登录方式：生产模式 (NODE_ENV=production)，不能选择身份登录，也不能以新访客登录${ignored}` }
  }
  const mode: SignInMode = env.DEV_LOGIN === '1' ? 'demo' : env.DEV_LOGIN === '0' || env.SEED === 'none' ? 'guest' : 'demo'
  return mode === 'demo'
    ? { mode, notice: '登录方式：演示模式，可以选择任何一个人的身份登录（只用于演示和试用；关闭：DEV_LOGIN=0）' }
    : { mode, notice: '登录方式：只能以新访客身份登录，再加入监督群或接受任命（选择身份登录已关闭；演示时可设 DEV_LOGIN=1）' }
}

export interface LocalHost {
  server: Server
  store: Store
  url: string
  dataDir: string
  mode: SignInMode
  /** stops listening and closes the store */
  close(): Promise<void>
}

/** How often the host deletes uploads no record adopted within a day (LocalFiles.removeStaleUploads). */
const STALE_UPLOAD_SWEEP_MS = 3_600_000

/**
 * The local host as `npm start` runs it (host/main.ts), from the environment: PORT, DATA_DIR, STATIC_DIR,
 * STORE=cloud (the cloud adapter over the in-process CloudBase stand-in: data in memory only, no village.db;
 * files, the notifier, sign-in and the session key stay as they are), SEED=none, NODE_ENV, DEV_LOGIN,
 * PUBLIC_ORIGIN. `log` receives the lines it prints.
 */
export async function startLocalHost(env: NodeJS.ProcessEnv, log: (line: string) => void = console.log): Promise<LocalHost> {
  const port = Number(env.PORT ?? 8080)
  const dataDir = resolve(env.DATA_DIR ?? '.data')
  const staticDir = resolve(env.STATIC_DIR ?? 'miniprogram/dist/h5')
  secureDataDir(dataDir)

  const cloud = env.STORE === 'cloud'
  let store: Store & { close(): void }
  if (cloud) {
    // Loaded only in this mode, so the SQLite host never loads wx-server-sdk.
    const { standInStore } = await import('../cloudfunctions/adapters/wxcloud/standin')
    store = standInStore()
    log('云数据库模式 (STORE=cloud)：云函数经 wx-server-sdk 访问内存中的云数据库替身，不写 village.db，停止后数据即丢失')
  } else {
    store = SqliteStore.open(resolve(dataDir, 'village.db'))
  }
  // SEED=none: an empty host, as a real township starts.
  if (env.SEED === 'none') {
    const { items } = await store.query('township', { where: {}, orderBy: { field: '_id', direction: 'asc' }, limit: 1 })
    if (items.length === 0) {
      log('空的本地服务，还没有开通乡镇。开通：DATA_DIR=<同一数据目录> npm run admin -- bootstrap --township 乡镇 --district 区县 --name 姓名')
    }
  } else if (!(await isSeeded(store))) {
    await seedDemo(store, systemClock.now())
    log('已创建演示乡镇：石桥镇（石桥村、柳树湾村、东岭村）')
  }

  const { mode, notice } = signInModeOf(env)
  // A new key whenever the mode changes: no token from a demo sign-in outlives a restart in another mode.
  const secret = loadSecret(dataDir, mode)
  const files = new LocalFiles(resolve(dataDir, 'files'), signingKey(secret))
  // Round cards' live turnout, recorded by a fake for GET /api/dev/updatable: demo sign-in only (issue 19).
  const updatable = mode === 'demo' ? new RecordingUpdatable() : undefined

  // The cloud's timer triggers, locally: e.g. retrying the announcement outbox.
  const timers = setInterval(() => {
    for (const area of Object.values(areas)) {
      area.timer?.({ store, clock: systemClock, notifier: localOutbox, files, updatable }).catch((error: unknown) => console.error(`[timer ${area.name}]`, error))
    }
  }, 30_000)
  timers.unref()
  const sweepUploads = () => {
    try {
      files.removeStaleUploads(systemClock.now())
    } catch (error) {
      console.error('[timer uploads]', error)
    }
  }
  sweepUploads()
  const sweeps = setInterval(sweepUploads, STALE_UPLOAD_SWEEP_MS)
  sweeps.unref()

  // PUBLIC_ORIGIN: the address the host is published at (e.g. behind a reverse proxy); any other Host name gets 421.
  const publicOrigin = env.PUBLIC_ORIGIN || undefined
  const server = createHost({
    store,
    clock: systemClock,
    secret,
    staticDir,
    devLogin: mode === 'demo',
    updatable,
    guestLogin: mode !== 'none',
    files,
    uploadQuota: new UploadQuota(),
    storeKind: cloud ? 'cloud' : 'sqlite',
    publicOrigin,
  })
  await new Promise<void>((listening) => server.listen({ port, host: '127.0.0.1', backlog: LISTEN_BACKLOG }, listening))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  log(`村级小微权力监督 本地服务已启动: ${url}  (数据目录 ${dataDir})`)
  log(notice)
  return {
    server,
    store,
    url,
    dataDir,
    mode,
    close: () =>
      new Promise<void>((closed) => {
        clearInterval(timers)
        clearInterval(sweeps)
        server.close(() => {
          store.close()
          closed()
        })
      }),
  }
}
