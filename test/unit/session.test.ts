import { issueToken, verifyToken } from '../../host/session'

const secret = Buffer.alloc(32, 7)
const now = new Date('2026-11-21T08:00:00Z')

describe('session tokens', () => {
  it('carry the openid they were issued for', () => {
    expect(verifyToken(secret, issueToken(secret, 'demo:p-1', now), now)).toBe('demo:p-1')
  })
  it('are refused when tampered with', () => {
    const token = issueToken(secret, 'demo:p-1', now)
    const [body, signature] = token.split('.') as [string, string]
    const forged = Buffer.from(JSON.stringify({ openid: 'demo:p-chair', exp: 9e9 })).toString('base64url')
    expect(verifyToken(secret, `${forged}.${signature}`, now)).toBeNull()
    expect(verifyToken(secret, `${body}.${signature.slice(1)}x`, now)).toBeNull()
    expect(verifyToken(secret, `${body}`, now)).toBeNull()
    expect(verifyToken(secret, `${token}.extra`, now)).toBeNull()
  })
  it('are refused when signed with another secret', () => {
    expect(verifyToken(Buffer.alloc(32, 8), issueToken(secret, 'demo:p-1', now), now)).toBeNull()
  })
  it('expire after thirty days', () => {
    const token = issueToken(secret, 'demo:p-1', now)
    expect(verifyToken(secret, token, new Date(now.getTime() + 29 * 86_400_000))).toBe('demo:p-1')
    expect(verifyToken(secret, token, new Date(now.getTime() + 31 * 86_400_000))).toBeNull()
  })
})
