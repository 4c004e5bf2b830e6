import { issueToken, readToken } from '../../host/session'

const secret = Buffer.alloc(32, 7)
const now = new Date('2026-11-21T08:00:00Z')

describe('session tokens', () => {
  it('carry the openid and the session version they were issued for', () => {
    expect(readToken(secret, issueToken(secret, 'demo:p-1', now), now)).toEqual({ openid: 'demo:p-1', version: 0 })
    expect(readToken(secret, issueToken(secret, 'demo:p-1', now, 3), now)).toEqual({ openid: 'demo:p-1', version: 3 })
  })
  it('are refused when tampered with', () => {
    const token = issueToken(secret, 'demo:p-1', now)
    const [body, signature] = token.split('.') as [string, string]
    const forged = Buffer.from(JSON.stringify({ openid: 'demo:p-chair', exp: 9e9 })).toString('base64url')
    expect(readToken(secret, `${forged}.${signature}`, now)).toBeNull()
    expect(readToken(secret, `${body}.${signature.slice(1)}x`, now)).toBeNull()
    expect(readToken(secret, `${body}`, now)).toBeNull()
    expect(readToken(secret, `${token}.extra`, now)).toBeNull()
  })
  it('are refused when signed with another secret', () => {
    expect(readToken(Buffer.alloc(32, 8), issueToken(secret, 'demo:p-1', now), now)).toBeNull()
  })
  it('expire after thirty days', () => {
    const token = issueToken(secret, 'demo:p-1', now)
    expect(readToken(secret, token, new Date(now.getTime() + 29 * 86_400_000))?.openid).toBe('demo:p-1')
    expect(readToken(secret, token, new Date(now.getTime() + 31 * 86_400_000))).toBeNull()
  })
})
