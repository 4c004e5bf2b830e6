import { createServer, STATUS_CODES, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { Duplex } from 'node:stream'
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs'
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib'
import { extname, join, normalize, sep } from 'node:path'
import { randomBytes } from 'node:crypto'
import { areas } from '../cloudfunctions/areas'
import { dispatch } from '../cloudfunctions/core/dispatch'
import { resolveActor } from '../cloudfunctions/core/actor'
import { uploadEntry } from '../cloudfunctions/core/audit-log'
import { localOutbox } from '../cloudfunctions/core/notifier'
import type { LocalFiles, UploadQuota } from './files'
import { MAX_ATTACHMENT_BYTES } from '../shared/attachment'
import { noCodes } from '../cloudfunctions/core/codes'
import type { Clock } from '../cloudfunctions/core/context'
import type { Store } from '../cloudfunctions/core/store'
import { errorStatus, fail, type Envelope } from '../shared/errors'
import { watchBodyRate } from './body-rate'
import { issueToken, readToken } from './session'
import { listPeople } from './people'
import { firstScreen } from './first-screen'
import { devOpenData } from '../cloudfunctions/core/open-data'
import type { RecordingUpdatable } from '../cloudfunctions/core/updatable'

export interface HostOptions {
  store: Store
  clock: Clock
  secret: Buffer
  /** the H5 build to serve, e.g. miniprogram/dist/h5 */
  staticDir: string
  /**
   * Demo sign-in: `/api/dev/people`, `/api/dev/outbox` and `/api/dev/login` with a `personId` (signing in as
   * anyone) exist only when true (host/start.ts: the `demo` sign-in mode)
   */
  devLogin: boolean
  /** `/api/dev/login` with `{ guest: true }` (a new visitor) exists only when true; default: as `devLogin` */
  guestLogin?: boolean
  /** uploaded attachments */
  files: LocalFiles
  /** each uploader's photos per day; default: none counted (the host passes one, host/start.ts) */
  uploadQuota?: UploadQuota
  /** which adapter is behind the Store port, as `GET /api/health` reports it (default 'sqlite') */
  storeKind?: 'sqlite' | 'cloud'
  /** the address the operator publishes the host at (PUBLIC_ORIGIN), whose name it answers besides the local ones */
  publicOrigin?: string
  /** slow-client limits; tests shorten them (default SLOW_CLIENT_LIMITS) */
  limits?: SlowClientLimits
  /**
   * The updatable-message fake whose calls `GET /api/dev/updatable` shows (issue 19); used, like the dev-mode
   * group cloudIDs (`dev-group:<name>`, core/open-data.ts), only with `devLogin`. Without: cards are ordinary.
   */
  updatable?: RecordingUpdatable
}

export interface SlowClientLimits {
  /** a request's headers must all arrive within this (ms) */
  headersMs: number
  /** a whole request, body included, within this (ms) */
  requestMs: number
  /** how often node looks for requests over those limits (ms): the refusal comes at most this late */
  checkMs: number
  /** open connections at once; one more is closed as it arrives */
  maxConnections: number
  /** how long a refused connection stays half-open after its answer, so the client can read it (ms) */
  lingerMs: number
  /** a body must keep arriving at this many bytes a second at least, over any `bodyWindowMs` */
  minBodyBytesPerSec: number
  bodyWindowMs: number
}

/**
 * A client that sends its request a byte at a time (slowloris) holds a connection open; many of them hold them
 * all. Node's defaults (60 s for headers, 300 s for a request, checked every 30 s) let one do so for minutes.
 * A 1.5 MB photo on a 400 kbps phone line takes about 30 s, so 120 s leaves it room; it arrives at 50 KB/s,
 * far above the 4 KB/s a body must keep up (over any 10 s), which cuts off a trickle long before 120 s. The
 * connection cap sits above a whole village voting at once (the load test opens 1,200).
 */
export const SLOW_CLIENT_LIMITS: SlowClientLimits = {
  headersMs: 15_000,
  requestMs: 120_000,
  checkMs: 1_000,
  maxConnections: 2_000,
  lingerMs: 2_000,
  minBodyBytesPerSec: 4_096,
  bodyWindowMs: 10_000,
}

/** What a client too slow to send its request is told (408), before the connection is closed. */
const TOO_SLOW = fail('INVALID_INPUT', '网络太慢，这次没有按时收到，请到信号好的地方再试')

const MAX_BODY = 1024 * 1024

/**
 * Connections the kernel holds until node accepts them (node's default backlog is 511). When more arrive
 * at once while the event loop is busy (a village voting together; the 300-household test opens 1,200),
 * the queue overflows, Linux falls back to SYN cookies, and a connection whose cookie comes back while the
 * queue is still full is reset: the client reads ECONNRESET (nstat counts TcpExtListenOverflows,
 * TcpExtSyncookiesFailed and as many TcpEstabResets). Linux caps this at net.core.somaxconn (4096 by default
 * since kernel 5.4).
 */
export const LISTEN_BACKLOG = 4096

const mime: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.csv': 'text/csv; charset=utf-8',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
}

function send(res: ServerResponse, status: number, body: unknown): void {
  sendText(res, status, 'application/json; charset=utf-8', JSON.stringify(body))
}

/**
 * A dynamic answer, compressed when it is big enough to matter: a list of
 * forty villagers is 40 KB of JSON, a second at 400 kbps, and a tenth of that compressed.
 */
function sendText(res: ServerResponse, status: number, type: string, text: string): void {
  const raw = Buffer.from(text, 'utf8')
  const encoding = raw.length < 1024 ? null : encodingFor(res.req)
  const body = encoding === 'br' ? brotliCompressSync(raw, { params: { [zlib.BROTLI_PARAM_QUALITY]: 4 } }) : encoding === 'gzip' ? gzipSync(raw) : raw
  res.writeHead(status, {
    'content-type': type,
    'content-length': body.length,
    'cache-control': 'no-store',
    vary: 'accept-encoding',
    ...(encoding ? { 'content-encoding': encoding } : {}),
  })
  res.end(body)
}

function encodingFor(req: IncomingMessage): 'br' | 'gzip' | null {
  const accepts = String(req.headers['accept-encoding'] ?? '')
  return /\bbr\b/.test(accepts) ? 'br' : /\bgzip\b/.test(accepts) ? 'gzip' : null
}

function sendEnvelope(res: ServerResponse, envelope: Envelope<unknown>): void {
  send(res, envelope.ok ? 200 : errorStatus(envelope.error.code), envelope)
}

class BodyError extends Error {
  constructor(readonly envelope: ReturnType<typeof fail>) {
    super(envelope.error.message)
  }
}

/** A body over its limit: no more of it is read. */
class TooLarge extends BodyError {}

/** Whether the body says up front it is over `limit`: then none of it is read. */
const declaredOver = (req: IncomingMessage, limit: number) => Number(req.headers['content-length'] ?? 0) > limit

/**
 * Refuses without reading the body, and closes the connection once the answer is out: the rest is never read
 * (left to drain, a 60 MB upload would be read to its end before the connection could serve anything again).
 * A lingering close, as web servers do: the answer and a FIN go out while reading stays stopped (TCP flow
 * control holds the sender back), and the socket is destroyed a little later. The answer is written on the
 * socket, not through `res`, because node's server destroys a `connection: close` socket as soon as the
 * answer is written; with the unread body queued the kernel then sends a reset, and a client still sending
 * fails with EPIPE before it has read the answer (seen in CI).
 */
function refuseUnread(req: IncomingMessage, res: ServerResponse, envelope: ReturnType<typeof fail>, lingerMs: number, status = errorStatus(envelope.error.code)): void {
  req.pause()
  const socket = req.socket
  socket.pause()
  answerRaw(socket, status, envelope)
  setTimeout(() => socket.destroy(), lingerMs).unref()
  // The orphaned response is never sent; its socket is this one.
  res.on('error', () => undefined)
}

/** Writes a whole answer straight on the socket and half-closes it: for connections that end with this answer. */
function answerRaw(socket: Duplex, status: number, envelope: Envelope<unknown>): void {
  const body = JSON.stringify(envelope)
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\ncontent-type: application/json; charset=utf-8\r\n` +
      `cache-control: no-store\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
  )
}

function readJson(req: IncomingMessage): Promise<unknown> {
  const type = req.headers['content-type'] ?? ''
  if (!/^application\/json\b/i.test(type)) {
    req.resume()
    return Promise.reject(new BodyError(fail('INVALID_INPUT', '请求格式不对：请以 JSON 提交')))
  }
  const tooLarge = new TooLarge(fail('PAYLOAD_TOO_LARGE', '提交的内容太大，请删减后再试'))
  if (declaredOver(req, MAX_BODY)) return Promise.reject(tooLarge)
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    let settled = false
    req.on('data', (chunk: Buffer) => {
      if (settled) return
      size += chunk.length
      if (size > MAX_BODY) {
        settled = true
        reject(tooLarge)
        return
      }
      chunks.push(chunk)
    })
    req.on('end', () => {
      if (settled) return
      settled = true
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')))
      } catch {
        reject(new BodyError(fail('INVALID_INPUT', '请求格式不对：不是有效的 JSON')))
      }
    })
    req.on('error', (error) => {
      if (!settled) reject(error)
      settled = true
    })
  })
}

/** Reads a raw upload, at most `limit` bytes; null, reading no further, as soon as it is larger. */
function readBytes(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  if (declaredOver(req, limit)) return Promise.resolve(null)
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    let settled = false
    req.on('data', (chunk: Buffer) => {
      if (settled) return
      size += chunk.length
      if (size > limit) {
        settled = true
        resolve(null)
      } else chunks.push(chunk)
    })
    req.on('end', () => {
      if (!settled) resolve(Buffer.concat(chunks))
      settled = true
    })
    req.on('error', reject)
  })
}

/**
 * POST /api/files: the local host's stand-in for wx.cloud.uploadFile. The body
 * is the image's bytes; what it is comes from the bytes, not the request. The
 * image is re-encoded before it is stored (cloudfunctions/core/images.ts), so
 * no stored byte carries EXIF, GPS or the phone's model; it waits, unserved,
 * until a record adopts it.
 */
async function upload(options: HostOptions, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const { openid } = await sessionOf(options, req)
  const { lingerMs } = options.limits ?? SLOW_CLIENT_LIMITS
  if (!openid) return refuseUnread(req, res, fail('UNAUTHENTICATED', '请先登录'), lingerMs)
  // Only someone a record could take a photo from: a member of a village group or an official. A guest's
  // upload would only ever sit unadopted (in the cloud, every action that adopts one refuses guests too).
  const actor = await resolveActor(options.store, openid)
  if (actor.role === 'guest') return refuseUnread(req, res, fail('FORBIDDEN', '加入本村监督群以后才能上传图片'), lingerMs)
  // The day's slot is taken before the body is read, so uploads sent at once cannot all pass the count;
  // an upload that is not stored gives it back.
  const now = options.clock.now()
  const quota = options.uploadQuota
  if (quota && !quota.take(openid, now)) {
    return refuseUnread(req, res, fail('DAILY_QUOTA', `每人每天最多上传${quota.perDay}张图片，今天已经传满了，请明天再传`), lingerMs)
  }
  let stored = false
  try {
    const bytes = await readBytes(req, MAX_ATTACHMENT_BYTES)
    if (!bytes) return refuseUnread(req, res, fail('PAYLOAD_TOO_LARGE', '每张图片不能超过2MB，请压缩后再传'), lingerMs)
    const saved = options.files.save(bytes)
    if ('problem' in saved) return sendEnvelope(res, fail('INVALID_INPUT', saved.problem))
    // An official's upload is in the audit log (issue 18); a villager's is not: the upload cannot tell whether it is
    // for an anonymous report (core/audit-log.ts uploadEntry), and a named record adopting it is recorded itself.
    const entry = uploadEntry(actor, saved.fileId, now)
    if (entry) await options.store.insert('audit', entry)
    stored = true
    return send(res, 200, { ok: true, data: saved })
  } finally {
    if (!stored) quota?.giveBack(openid, now)
  }
}

function bearer(req: IncomingMessage): string | null {
  const header = req.headers.authorization ?? ''
  const match = /^Bearer\s+(\S+)$/i.exec(header)
  return match ? match[1]! : null
}

/**
 * Who a request's bearer token speaks for. `refused` when there is a token but it is malformed, signed with
 * another key (one from before the sign-in mode changed, host/session.ts loadSecret), expired, or issued before
 * the person's sessions were revoked: its version is older than the person's `sessionVersion`, which leaving a
 * post or the village group bumps in the same transaction (township.endAppointment, member.leave/remove).
 * A visitor who has no person record yet is at version 0.
 */
async function sessionOf(options: HostOptions, req: IncomingMessage): Promise<{ openid: string | null; refused: boolean }> {
  const token = bearer(req)
  if (!token) return { openid: null, refused: false }
  const session = readToken(options.secret, token, options.clock.now())
  if (!session) return { openid: null, refused: true }
  const { items } = await options.store.query('person', { where: { openid: session.openid }, orderBy: { field: 'openid', direction: 'asc' }, limit: 1 })
  if (session.version < (items[0]?.sessionVersion ?? 0)) return { openid: null, refused: true }
  return { openid: session.openid, refused: false }
}

const compressible = new Set(['.html', '.js', '.css', '.svg', '.json'])
const compressed = new Map<string, { mtime: number; br: Buffer; gzip: Buffer }>()

/**
 * The app's text files, compressed once and kept in memory: on a slow village
 * connection the first load is mostly JavaScript, which shrinks to a quarter.
 */
function compressedOf(path: string): { br: Buffer; gzip: Buffer } {
  const mtime = statSync(path).mtimeMs
  const cached = compressed.get(path)
  if (cached?.mtime === mtime) return cached
  const raw = readFileSync(path)
  const entry = {
    mtime,
    br: brotliCompressSync(raw, { params: { [zlib.BROTLI_PARAM_QUALITY]: 9 } }),
    gzip: gzipSync(raw, { level: 9 }),
  }
  compressed.set(path, entry)
  return entry
}

function serveStatic(options: HostOptions, url: URL, req: IncomingMessage, res: ServerResponse): void {
  const root = normalize(options.staticDir)
  let decoded: string
  try {
    decoded = decodeURIComponent(url.pathname)
  } catch {
    send(res, 404, fail('NOT_FOUND'))
    return
  }
  let path = normalize(join(root, decoded))
  if (!path.startsWith(root + sep) && path !== root) {
    send(res, 404, fail('NOT_FOUND'))
    return
  }
  if (!existsSync(path) || statSync(path).isDirectory()) {
    // Unknown paths get the app shell, so a deep link still opens the app.
    path = join(root, 'index.html')
    if (!existsSync(path)) {
      res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' })
      res.end('H5 应用尚未构建：请运行 npm start（会自动构建）。')
      return
    }
  }
  const ext = extname(path)
  const headers = {
    'content-type': mime[ext] ?? 'application/octet-stream',
    // Built assets carry content hashes; the shell must always be fresh.
    'cache-control': ext === '.html' ? 'no-cache' : 'public, max-age=31536000, immutable',
    vary: 'accept-encoding',
  }
  const encoding = compressible.has(ext) ? encodingFor(req) : null
  if (encoding) {
    const body = compressedOf(path)[encoding]
    res.writeHead(200, { ...headers, 'content-encoding': encoding, 'content-length': body.length })
    res.end(body)
    return
  }
  res.writeHead(200, headers)
  createReadStream(path).pipe(res)
}

/** GET /api/first-screen?route=…: the first screen as HTML while the app loads (host/first-screen.ts); 204 when there is none. */
async function serveFirstScreen(options: HostOptions, url: URL, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const { openid } = await sessionOf(options, req)
  const html = await firstScreen(url.searchParams.get('route') ?? '', {
    signedIn: openid !== null,
    call: (area, event) => dispatch(areas[area]!, event, contextFor(options, openid)),
    demoPeople: options.devLogin ? () => listPeople(options.store) : null,
  })
  if (html === null) {
    res.writeHead(204, { 'cache-control': 'no-store' })
    res.end()
    return
  }
  sendText(res, 200, 'text/html; charset=utf-8', html)
}

function contextFor(options: HostOptions, openid: string | null) {
  // No WeChat here: "opened from group X" and live cards are simulated in demo sign-in only, never in production.
  const dev = options.devLogin ? { openData: devOpenData, updatable: options.updatable } : {}
  return { openid, store: options.store, clock: options.clock, notifier: localOutbox, codes: noCodes, files: options.files, ...dev }
}

async function route(options: HostOptions, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost')
  const { pathname } = url
  if (pathname === '/api/health' && req.method === 'GET') return send(res, 200, { ok: true, store: options.storeKind ?? 'sqlite' })

  if (options.devLogin && pathname === '/api/dev/people' && req.method === 'GET') {
    return send(res, 200, { ok: true, data: await listPeople(options.store) })
  }
  if (options.devLogin && pathname === '/api/dev/outbox' && req.method === 'GET') {
    // What WeChat would have delivered as subscribe messages, newest first.
    const { items } = await options.store.query('notification', {
      where: {},
      orderBy: { field: 'createdAt', direction: 'desc' },
      limit: 100,
    })
    return send(res, 200, { ok: true, data: items })
  }
  if (options.devLogin && pathname === '/api/dev/updatable' && req.method === 'GET') {
    // What the server asked of WeChat's updatable messages (round cards' live turnout), newest first.
    return send(res, 200, { ok: true, data: [...(options.updatable?.calls ?? [])].reverse() })
  }
  if ((options.guestLogin ?? options.devLogin) && pathname === '/api/dev/login' && req.method === 'POST') {
    const body = (await readJson(req)) as { personId?: unknown; guest?: unknown } | null
    const now = options.clock.now()
    if (body?.guest === true) {
      // A brand-new visitor, as a stranger opening the mini-program for the first time.
      const openid = `visitor:${randomBytes(12).toString('base64url')}`
      return send(res, 200, { ok: true, data: { token: issueToken(options.secret, openid, now) } })
    }
    // Signing in as someone who already exists is the demo's alone: without it, the same 404 as no endpoint.
    if (!options.devLogin) return sendEnvelope(res, fail('NOT_FOUND', '这个本地服务只能以新访客身份登录'))
    if (typeof body?.personId !== 'string') return sendEnvelope(res, fail('INVALID_INPUT', '请选择要登录的人'))
    const person = await options.store.get('person', body.personId)
    if (!person) return sendEnvelope(res, fail('NOT_FOUND', '没有这个人'))
    return send(res, 200, { ok: true, data: { token: issueToken(options.secret, person.openid, now, person.sessionVersion ?? 0) } })
  }

  if (pathname === '/api/first-screen' && req.method === 'GET') return serveFirstScreen(options, url, req, res)
  if (pathname === '/api/files' && req.method === 'POST') return upload(options, req, res)
  const served = /^\/files\/(private\/|exports\/)?([^/]+)$/.exec(pathname)
  if (served && (req.method === 'GET' || req.method === 'HEAD')) {
    // A private (report) file needs an unexpired signature from report.get, an export one from
    // township.prepareExport; a missing, expired or tampered one is the same 404 as no file at
    // all, so nobody learns which files exist.
    const signed = served[1] !== undefined
    const [expires, signature] = [url.searchParams.get('e'), url.searchParams.get('s')]
    const path =
      served[1] === 'private/'
        ? options.files.privatePathOf(served[2]!, expires, signature, options.clock.now())
        : served[1] === 'exports/'
          ? options.files.exportPathOf(served[2]!, expires, signature, options.clock.now())
          : options.files.pathOf(served[2]!)
    if (!path) return sendEnvelope(res, fail('NOT_FOUND', '没有这个文件'))
    res.writeHead(200, {
      'content-type': mime[extname(path)] ?? 'application/octet-stream',
      'cache-control': signed ? 'private, no-store' : 'public, max-age=31536000, immutable',
      'x-content-type-options': 'nosniff',
      ...(signed ? { 'referrer-policy': 'no-referrer' } : {}),
    })
    createReadStream(path).pipe(res)
    return
  }

  const fn = /^\/api\/fn\/([a-z]+)$/.exec(pathname)
  if (fn) {
    const area = Object.hasOwn(areas, fn[1]!) ? areas[fn[1]!] : undefined
    if (!area) return sendEnvelope(res, fail('NOT_FOUND', '没有这个云函数'))
    if (req.method !== 'POST') return sendEnvelope(res, fail('INVALID_INPUT', '请用 POST 调用云函数'))
    const { openid, refused } = await sessionOf(options, req)
    if (refused) return sendEnvelope(res, fail('UNAUTHENTICATED', '登录已失效，请重新登录'))
    const event = await readJson(req)
    return sendEnvelope(res, await dispatch(area, event, contextFor(options, openid)))
  }
  if (pathname.startsWith('/api/')) return sendEnvelope(res, fail('NOT_FOUND', '没有这个接口'))
  if (req.method !== 'GET' && req.method !== 'HEAD') return sendEnvelope(res, fail('NOT_FOUND'))
  serveStatic(options, url, req, res)
}

/**
 * A request node cannot parse (a broken request line, headers over its 16 KB limit), or one too slow to arrive, never reaches
 * route(); node would answer with an empty 400 or 431. It gets the envelope in Chinese instead, and the
 * connection closes, since where the next request would start is unknown.
 */
function refuseUnparsable(error: NodeJS.ErrnoException, socket: Duplex): void {
  if (!socket.writable) return void socket.destroy()
  // Over SLOW_CLIENT_LIMITS: 408, and the connection is closed.
  const late = error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
  const envelope = late
    ? TOO_SLOW
    : error.code === 'HPE_HEADER_OVERFLOW'
      ? fail('PAYLOAD_TOO_LARGE', '请求太大，请重新登录后再试')
      : fail('INVALID_INPUT', '请求格式不对，请稍后再试')
  answerRaw(socket, late ? 408 : errorStatus(envelope.error.code), envelope)
}

const LOCAL_NAMES = ['localhost', '127.0.0.1', '[::1]']

/**
 * The names the host answers to: its local names and the operator's PUBLIC_ORIGIN. A web page elsewhere can
 * point a name of its own at 127.0.0.1 (DNS rebinding) and then read the host as its own origin; its requests
 * still carry that name in Host, so they are refused whatever the path.
 */
export function hostNames(publicOrigin?: string): Set<string> {
  const names = new Set(LOCAL_NAMES)
  if (publicOrigin) {
    if (!URL.canParse(publicOrigin)) throw new Error(`PUBLIC_ORIGIN 不是网址：${publicOrigin}（例如 https://jiandu.example.cn）`)
    names.add(new URL(publicOrigin).hostname)
  }
  return names
}

function nameIn(host: string | undefined): string | null {
  if (!host) return null
  try {
    return new URL(`http://${host}`).hostname
  } catch {
    return null
  }
}

export function createHost(options: HostOptions): Server {
  const names = hostNames(options.publicOrigin)
  const limits = options.limits ?? SLOW_CLIENT_LIMITS
  const server = createServer({ headersTimeout: limits.headersMs, requestTimeout: limits.requestMs, connectionsCheckingInterval: limits.checkMs }, (req, res) => {
    const name = nameIn(req.headers.host)
    if (!name || !names.has(name)) {
      // 421 Misdirected Request: this server does not serve that name.
      req.resume()
      return send(res, 421, fail('FORBIDDEN', '这个网址不对：请用本机地址 http://127.0.0.1 打开，或运营方公布的地址'))
    }
    let cutOff = false
    watchBodyRate(req, res, { minBytesPerSec: limits.minBodyBytesPerSec, windowMs: limits.bodyWindowMs, checkMs: limits.checkMs }, () => {
      // Already answered on the socket (refused unread): its lingering close is under way.
      if (req.socket.writableEnded) return
      cutOff = true
      if (res.headersSent) return void req.socket.destroy()
      refuseUnread(req, res, TOO_SLOW, limits.lingerMs, 408)
    })
    route(options, req, res).catch((error: unknown) => {
      // A body cut off for arriving too slowly ends its reader with an error: already answered.
      if (cutOff) return
      if (error instanceof TooLarge) return refuseUnread(req, res, error.envelope, limits.lingerMs)
      if (error instanceof BodyError) return sendEnvelope(res, error.envelope)
      console.error('[host]', error)
      if (!res.headersSent) sendEnvelope(res, fail('INTERNAL'))
      else res.destroy()
    })
  }).on('clientError', refuseUnparsable)
  server.maxConnections = limits.maxConnections
  return server
}
