import { createRequire } from 'node:module'
import { randomBytes } from 'node:crypto'
import cloud from 'wx-server-sdk'
import { WxCloudStore, type WxDatabase } from '../store'
import { CloudBaseEngine, StandInError, type StandInOptions } from './engine'

/*
 * An in-process stand-in for the WeChat cloud database (CloudBase). The real wx-server-sdk 4.0.2 runs
 * unchanged, with its own query builders, EJSON serialisation, error rewrapping and transaction retry; only
 * its request step is replaced. The seam (checked in node_modules): every database object of
 * @cloudbase/database sends through `new Db.reqClass(config).send(api, params, opts)`, and
 * @cloudbase/node-sdk's `newDb()` (dist/database/index.js) sets `Db.reqClass = TcbDBApiHttpRequester`
 * (dist/utils/tcbdbapirequester.js) on every `database()` call, so the class's prototype method `send` is
 * patched, not `Db.reqClass`. The real `send` calls `tcbapicaller.request`, which throws
 * `E({ code, message, requestId })` (dist/utils/utils.js `processReturn`, `throwOnCode` is true: nothing
 * in wx-server-sdk or node-sdk calls `setThrowOnCode`) for an answer carrying a `code`; the stand-in
 * throws the same TcbError built by the same `E`.
 *
 * Each stand-in database is its own environment id (`standin-<n>`): the requester's `config.env` routes a
 * request to its engine, so tests can hold many independent databases in one process.
 *
 * The unhandled rejection (TOOLCHAIN.md: "missing secretId or secretKey" crashes Node 20): it is raised by
 * the real request step, `TcbApiHttpRequester.prepareCredentials` (node-sdk dist/utils/tcbapirequester.js),
 * and by nothing that runs before it (cloud.init, cloud.database and the query builders need no network).
 * The patch is installed before the first stand-in database exists, and a request for any environment that
 * is not a stand-in is refused here instead of reaching the real step, so that code never runs in a process
 * that uses the stand-in. No process-wide handler is installed. SILENCE=true quiets the SDK's [TCB] notices.
 */

// The node-sdk wx-server-sdk itself loads (not a copy a bundler might make): resolved from wx-server-sdk.
const sdkRequire = createRequire(require.resolve('wx-server-sdk'))

interface Requester {
  config?: { env?: unknown }
}
type Send = (this: Requester, api: string, params?: Record<string, unknown>, opts?: unknown) => Promise<unknown>

const engines = new Map<string, CloudBaseEngine>()
let installed = false
let environments = 0

function install(): void {
  if (installed) return
  process.env.SILENCE ??= 'true'
  const { TcbDBApiHttpRequester } = sdkRequire('@cloudbase/node-sdk/dist/utils/tcbdbapirequester.js') as {
    TcbDBApiHttpRequester: { prototype: { send: Send } }
  }
  const { E } = sdkRequire('@cloudbase/node-sdk/dist/utils/utils.js') as {
    E: (error: { code: string; message: string; requestId: string }) => Error
  }
  TcbDBApiHttpRequester.prototype.send = async function (api, params) {
    const requestId = randomBytes(8).toString('hex')
    const engine = engines.get(String(this.config?.env))
    if (!engine) {
      throw E({ code: 'INVALID_ENV', message: `no CloudBase stand-in for environment ${String(this.config?.env)}`, requestId })
    }
    // Issued now: requests issued before this one is answered were in flight together (engine.spans).
    const answered = engine.track(api, params ?? {})
    // A request is a round trip: let other pending work run first, as the network would.
    await new Promise((resolve) => setImmediate(resolve))
    try {
      return { ...(await engine.handle(api, params ?? {})), requestId }
    } catch (error) {
      if (error instanceof StandInError) throw E({ code: error.code, message: error.message, requestId })
      throw error
    } finally {
      answered()
    }
  }
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string })
  installed = true
}

/** The cloud adapter over a stand-in database: what the cloud functions use, minus the network. */
export class StandInStore extends WxCloudStore {
  constructor(
    readonly engine: CloudBaseEngine,
    private readonly env: string,
  ) {
    super(cloud.database({ env, throwOnNotFound: false } as Parameters<typeof cloud.database>[0]) as unknown as WxDatabase)
  }

  /** Forgets the database (its engine stays usable by whoever holds it). */
  close(): void {
    engines.delete(this.env)
  }
}

/** A store over `engine` (a new empty database when none is given). */
export function standInStore(engine: CloudBaseEngine | StandInOptions = {}): StandInStore {
  install()
  const env = `standin-${++environments}`
  const instance = engine instanceof CloudBaseEngine ? engine : new CloudBaseEngine(engine)
  engines.set(env, instance)
  return new StandInStore(instance, env)
}

export { CloudBaseEngine, sequentialRoundTrips, type RequestSpan, type StandInOptions } from './engine'
