import { resolve } from 'node:path'
import { secureDataDir } from './data-dir'
import { SqliteStore } from '../cloudfunctions/adapters/sqlite/store'
import type { Store } from '../cloudfunctions/core/store'
import { systemClock } from '../cloudfunctions/core/context'
import { createHost, LISTEN_BACKLOG } from './server'
import { LocalFiles, signingKey } from './files'
import { areas } from '../cloudfunctions/areas'
import { localOutbox } from '../cloudfunctions/core/notifier'
import { loadSecret } from './session'
import { isSeeded, seedDemo } from './seed/demo'

/**
 * The local host: the cloud functions over HTTP on an embedded SQLite database,
 * plus the H5 build of the mini-program. PORT and DATA_DIR override the defaults;
 * NODE_ENV=production turns the dev sign-in endpoints off. STORE=cloud puts the
 * Store port on the cloud adapter (the real wx-server-sdk) over the in-process
 * CloudBase stand-in instead: data in memory only, no village.db; files, the
 * notifier, dev sign-in and the session key stay as they are.
 */
async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? 8080)
  const dataDir = resolve(process.env.DATA_DIR ?? '.data')
  const staticDir = resolve(process.env.STATIC_DIR ?? 'miniprogram/dist/h5')
  secureDataDir(dataDir)

  const cloud = process.env.STORE === 'cloud'
  let store: Store & { close(): void }
  if (cloud) {
    // Loaded only in this mode, so the SQLite host never loads wx-server-sdk.
    const { standInStore } = await import('../cloudfunctions/adapters/wxcloud/standin')
    store = standInStore()
    console.log('云数据库模式 (STORE=cloud)：云函数经 wx-server-sdk 访问内存中的云数据库替身，不写 village.db，停止后数据即丢失')
  } else {
    store = SqliteStore.open(resolve(dataDir, 'village.db'))
  }
  // SEED=none: an empty host, as a real township starts.
  if (process.env.SEED === 'none') {
    const { items } = await store.query('township', { where: {}, orderBy: { field: '_id', direction: 'asc' }, limit: 1 })
    if (items.length === 0) {
      console.log('空的本地服务，还没有开通乡镇。开通：DATA_DIR=<同一数据目录> npm run admin -- bootstrap --township 乡镇 --district 区县 --name 姓名')
    }
  } else if (!(await isSeeded(store))) {
    await seedDemo(store, systemClock.now())
    console.log('已创建演示乡镇：石桥镇（石桥村、柳树湾村、东岭村）')
  }

  const secret = loadSecret(dataDir)
  const files = new LocalFiles(resolve(dataDir, 'files'), signingKey(secret))

  // The cloud's timer triggers, locally: e.g. retrying the announcement outbox.
  const timers = setInterval(() => {
    for (const area of Object.values(areas)) {
      area.timer?.({ store, clock: systemClock, notifier: localOutbox, files }).catch((error: unknown) => console.error(`[timer ${area.name}]`, error))
    }
  }, 30_000)
  timers.unref()
  // NODE_ENV=production: no demo sign-in, so nobody can pick who they are.
  const devLogin = process.env.NODE_ENV !== 'production'
  // PUBLIC_ORIGIN: the address the host is published at (e.g. behind a reverse proxy); any other Host name gets 421.
  const publicOrigin = process.env.PUBLIC_ORIGIN || undefined
  const server = createHost({ store, clock: systemClock, secret, staticDir, devLogin, files, storeKind: cloud ? 'cloud' : 'sqlite', publicOrigin })
  server.listen({ port, host: '127.0.0.1', backlog: LISTEN_BACKLOG }, () => {
    console.log(`村级小微权力监督 本地服务已启动: http://127.0.0.1:${port}  (数据目录 ${dataDir})`)
    if (!devLogin) console.log('生产模式 (NODE_ENV=production)：没有演示登录')
  })
  const stop = () => server.close(() => {
    store.close()
    process.exit(0)
  })
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
