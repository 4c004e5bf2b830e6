import fc from 'fast-check'
import { request } from 'node:http'
import { connect } from 'node:net'
import { areas } from '../../cloudfunctions/areas'
import { issueToken } from '../../host/session'
import { errorStatus, type Envelope } from '../../shared/errors'
import { permissionOf } from '../../shared/permissions'
import { NOW, dump, people, type TestStore } from '../support/harness'
import { H5_SHELL, startTestHost, type TestHost } from '../support/test-host'
import { expectPlainRefusal, hostileValue } from '../support/hostile'

const secret = Buffer.alloc(32, 5)
const shell = H5_SHELL
let host: TestHost
let store: TestStore
let port: number
beforeAll(async () => {
  host = await startTestHost({ secret })
  ;({ store, port } = host)
})
afterAll(() => host.close())

interface Answer {
  status: number
  type: string
  text: string
}

/**
 * A raw request: node's client sends the path as given, unlike fetch, which would tidy `..` away.
 * The length is always declared: node's client would otherwise send a GET's body unframed.
 */
function send(method: string, path: string, headers: Record<string, string>, body?: Buffer | string): Promise<Answer> {
  const length = body === undefined ? {} : { 'content-length': String(Buffer.byteLength(body)) }
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers: { ...headers, ...length } }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () => resolve({ status: res.statusCode!, type: String(res.headers['content-type']), text: Buffer.concat(chunks).toString('utf8') }))
    })
    // The host may answer a huge body before reading it all; the answer is what counts.
    req.on('error', (error: NodeJS.ErrnoException) => (error.code === 'EPIPE' || error.code === 'ECONNRESET' ? undefined : reject(error)))
    req.setTimeout(5000, () => reject(new Error(`no answer to ${method} ${path} within 5 s`)))
    req.end(body)
  })
}

const token = (personId: string) => issueToken(secret, `demo:${personId}`, NOW)

const paths = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...Object.keys(areas)).map((area) => `/api/fn/${area}`) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '/api/fn/nothing',
      '/api/fn/MEMBER',
      '/api/fn/__proto__',
      '/api/fn/constructor',
      '/api/fn/toString',
      '/api/fn/hasOwnProperty',
      '/api/fn/',
      '/api/fn',
      '/api/fn/member/',
      '/api/fn/member/approve',
      '/api/../../etc/passwd',
      '/api/fn/../../etc/passwd',
      '/api/fn/..%2f..%2fetc%2fpasswd',
      '/api/fn/%2e%2e%2fsession.key',
      '/api/fn/member%00',
      '/api/fn/member%2Fapprove',
      '/api/%E0%A4%A',
      '/api/fn/member?action=approve',
      '/api/dev/login/../../fn/member',
      '//api/fn/member',
      '/api/fn/%E6%9D%91',
      '/api/dev/login',
      '/api/files',
    ),
  },
)

/** One byte over the host's 1 MB limit, and well over it. */
const huge = [`{"action":"me","pad":"${'x'.repeat(1024 * 1024)}"}`, 'x'.repeat(3 * 1024 * 1024)]

const bodies: fc.Arbitrary<string | Buffer | undefined> = fc.oneof(
  fc.constantFrom(
    '{"action": "me"',
    '{',
    '',
    ' ',
    'null',
    '[]',
    '[{"action":"me"}]',
    '0',
    '-1e999',
    '"me"',
    'true',
    '{"action":"me"}',
    '{"action":"me","openid":"demo:p-tw-inspector"}',
    '{"action":"me","__proto__":{"polluted":true}}',
    '{"action":"constructor"}',
    '{"action":"__proto__"}',
    '{"action":{"$ne":null}}',
    '{"action":"approve","memberId":{"$ne":null}}',
    '{"action":"approve","memberId":"\'; DROP TABLE member; --"}',
    '\ufeff{"action":"me"}',
    '{"action":"me"}garbage',
    '{"action":"me",}',
    "{'action':'me'}",
    `${'['.repeat(100_000)}${']'.repeat(100_000)}`,
    `{"action":"me","x":${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}}`,
    undefined,
  ),
  fc.constant(Buffer.from([0xff, 0xfe, 0x7b, 0x00, 0xc3])),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.jsonValue().map((v) => JSON.stringify(v)),
  hostileValue.map((v) => JSON.stringify({ action: 'approve', memberId: v }) ?? 'undefined'),
  fc.constantFrom(...huge),
)

const contentTypes = fc.constantFrom(
  'application/json',
  'application/json; charset=utf-8',
  'APPLICATION/JSON',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/jsonp',
  '',
  undefined,
)

const authorizations = fc.oneof(
  fc.constantFrom(undefined, 'Bearer', 'Bearer ', 'Basic dXNlcjpwYXNz', `Bearer ${'a'.repeat(4000)}`, 'bearer null', 'Bearer {"$ne":null}'),
  fc.constantFrom(people.chair, people.villager, people.inspector).map((p) => `Bearer ${token(p)}`),
  fc.constantFrom(people.chair, people.villager).map((p) => `Bearer ${token(p)}x`),
  fc.string({ maxLength: 60 }).map((s) => `Bearer ${s}`),
  fc.string({ maxLength: 60 }),
)

describe('the local host, sent hostile requests', () => {
  it('answers every one with a JSON envelope: a plain Chinese refusal with its 4xx status, or a read that succeeds; nothing is stored', async () => {
    let tables = JSON.stringify(dump(store))
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('POST', 'POST', 'POST', 'GET', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'),
        paths,
        bodies,
        contentTypes,
        authorizations,
        async (method, path, body, type, authorization) => {
          const headers: Record<string, string> = {}
          if (type !== undefined) headers['content-type'] = type
          if (authorization !== undefined) headers.authorization = authorization
          const answer = await send(method, path, headers, body)
          if (!new URL(path, 'http://host').pathname.startsWith('/api/') && method === 'GET') {
            // `..` led out of /api/: a page of the app, which answers with its shell and nothing else.
            expect(answer).toMatchObject({ status: 200, text: shell })
            return
          }
          expect(answer.type).toMatch(/^application\/json/)
          expect(answer.text).not.toMatch(/\bat \S+ \(|node_modules|\/work\/|Error|SQLITE/)
          const envelope = JSON.parse(answer.text) as Envelope<unknown>
          if (answer.status === 200) {
            expect(envelope.ok).toBe(true)
            // Only a read can succeed here: no generated body is a valid write.
            const action = (JSON.parse(String(body)) as { action: string }).action
            expect(permissionOf(new URL(path, 'http://host').pathname.split('/')[3]!, action)?.writes).toBe(false)
          } else {
            expectPlainRefusal(envelope)
            if (!envelope.ok) expect(answer.status).toBe(errorStatus(envelope.error.code))
          }
          const after = JSON.stringify(dump(store))
          if (after !== tables) expect(JSON.parse(after)).toEqual(JSON.parse(tables))
          tables = after
        },
      ),
      // Not shrunk: shrinking megabyte bodies takes minutes, and the seed replays the case as it was.
      { seed: 20261122, numRuns: 300, endOnFailure: true },
    )
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  }, 60_000)

  it('refuses a body over 1 MB with 413 and a request that is not JSON with 400, whoever sends it', async () => {
    const before = dump(store)
    for (const authorization of [undefined, `Bearer ${token(people.chair)}`]) {
      const headers: Record<string, string> = { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) }
      for (const body of huge) {
        const answer = await send('POST', '/api/fn/member', headers, body)
        expect(answer.status).toBe(413)
        expectPlainRefusal(JSON.parse(answer.text))
      }
      const text = await send('POST', '/api/fn/member', { ...headers, 'content-type': 'text/plain' }, '{"action":"me"}')
      expect(text.status).toBe(400)
      expect(JSON.parse(text.text).error.message).toMatch(/JSON/)
    }
    expect(dump(store)).toEqual(before)
  })
})

/** Bytes straight onto a socket, for requests no HTTP client would send. */
function sendRaw(text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.end(text))
    let answer = ''
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString('utf8')))
    socket.on('close', () => resolve(answer))
    socket.on('error', reject)
  })
}

describe('a request the host cannot even parse as HTTP', () => {
  it.each([
    ['a broken request line', 'GARBAGE\r\n\r\n', 400],
    ['headers over 16 KB, as from a runaway token', `POST /api/fn/member HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${'a'.repeat(20_000)}\r\ncontent-length: 2\r\n\r\n{}`, 413],
    ['a length and chunking at once', 'POST /api/fn/member HTTP/1.1\r\nHost: x\r\ncontent-length: 5\r\ntransfer-encoding: chunked\r\n\r\n{}', 400],
  ])('is refused in the same envelope, in Chinese: %s', async (_, request, status) => {
    const before = JSON.stringify(dump(store))
    const answer = await sendRaw(request)
    const [head, body] = answer.split('\r\n\r\n') as [string, string]
    expect(head).toMatch(new RegExp(`^HTTP/1.1 ${status} `))
    expect(head).toMatch(/content-type: application\/json/i)
    const envelope = JSON.parse(body) as Envelope<unknown>
    expectPlainRefusal(envelope)
    expect(!envelope.ok && errorStatus(envelope.error.code)).toBe(status)
    expect(JSON.stringify(dump(store))).toBe(before)
  })
})
