import { request } from 'node:http'
import { hostNames } from '../../host/server'
import { startTestHost, type TestHost } from '../support/test-host'

// SQLite only: this is the host's HTTP front door, the same whatever store is behind it.
let host: TestHost
let port: number
beforeAll(async () => {
  host = await startTestHost({ publicOrigin: 'https://jiandu.example.cn' })
  port = host.port
})
afterAll(() => host.close())

/** A request to the host on 127.0.0.1 that names `host` in its Host header (as a rebinding page's would). */
function ask(host: string | null, method: string, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, setHost: false, headers: host === null ? {} : { host } }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (c: string) => (body += c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
    })
    req.on('error', reject)
    if (method === 'POST') req.setHeader('content-type', 'application/json')
    req.end(method === 'POST' ? JSON.stringify({ action: 'list' }) : undefined)
  })
}

const paths: [string, string][] = [
  ['GET', '/'],
  ['GET', '/index.html'],
  ['GET', '/api/health'],
  ['GET', '/api/dev/people'],
  ['POST', '/api/dev/login'],
  ['POST', '/api/fn/power'],
  ['GET', '/files/exports/x.csv'],
  ['GET', '/no/such/page'],
]

describe('the host answers only to its own names (DNS rebinding)', () => {
  it.each(paths)('refuses %s %s with 421 and a plain message when Host names another site', async (method, path) => {
    for (const host of ['attacker.example', 'attacker.example:' + port, '127.0.0.1.attacker.example', 'localhost.attacker.example']) {
      const answer = await ask(host, method, path)
      expect(answer.status).toBe(421)
      expect(JSON.parse(answer.body)).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringContaining('网址不对') } })
    }
  })

  it('refuses a request without a Host header (400, as HTTP/1.1 requires: RFC 9112 §3.2; node checks it first)', async () => {
    expect((await ask(null, 'GET', '/api/health')).status).toBe(400)
  })

  it('serves its local names with any port, and the operator’s PUBLIC_ORIGIN name', async () => {
    for (const host of [`127.0.0.1:${port}`, 'localhost', `LOCALHOST:${port}`, `[::1]:${port}`, 'jiandu.example.cn']) {
      const answer = await ask(host, 'GET', '/api/health')
      expect([host, answer.status]).toEqual([host, 200])
    }
    expect((await ask(`127.0.0.1:${port}`, 'GET', '/api/dev/people')).status).toBe(200)
  })

  it('says plainly when PUBLIC_ORIGIN is not an address', () => {
    expect(() => hostNames('jiandu')).toThrow('PUBLIC_ORIGIN 不是网址')
    expect([...hostNames()]).toEqual(['localhost', '127.0.0.1', '[::1]'])
  })
})
