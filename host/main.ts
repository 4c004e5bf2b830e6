import { startLocalHost } from './start'

/**
 * The local host: the cloud functions over HTTP on an embedded SQLite database, plus the H5 build of the
 * mini-program. It is for demos and evaluation; a real deployment runs in WeChat. What the environment
 * sets (PORT, DATA_DIR, STORE, SEED, NODE_ENV, DEV_LOGIN, PUBLIC_ORIGIN) is read in host/start.ts.
 */
startLocalHost(process.env).then(
  (host) => {
    const stop = () => void host.close().then(() => process.exit(0))
    process.on('SIGINT', stop)
    process.on('SIGTERM', stop)
  },
  (error: unknown) => {
    console.error(error)
    process.exit(1)
  },
)
