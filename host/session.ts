import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

/**
 * Signed session tokens for the local host: `<payload>.<hmac>`, where the
 * payload names the caller's openid and an expiry. The secret lives in the
 * data folder, so tokens survive restarts and die with the data.
 */
export interface SessionPayload {
  openid: string
  /** expiry, epoch seconds */
  exp: number
}

const THIRTY_DAYS = 30 * 86_400

export function loadSecret(dataDir: string): Buffer {
  const file = join(dataDir, 'session.key')
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 })
  return Buffer.from(readFileSync(file, 'utf8').trim(), 'hex')
}

const sign = (secret: Buffer, body: string) => createHmac('sha256', secret).update(body).digest('base64url')

export function issueToken(secret: Buffer, openid: string, now: Date): string {
  const payload: SessionPayload = { openid, exp: Math.floor(now.getTime() / 1000) + THIRTY_DAYS }
  const body = Buffer.from(JSON.stringify(payload)).toString('base64url')
  return `${body}.${sign(secret, body)}`
}

/** The openid a token speaks for, or null when it is malformed, tampered with or expired. */
export function verifyToken(secret: Buffer, token: string, now: Date): string | null {
  const [body, signature, extra] = token.split('.')
  if (!body || !signature || extra !== undefined) return null
  const expected = Buffer.from(sign(secret, body))
  const given = Buffer.from(signature)
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null
  try {
    const payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Partial<SessionPayload>
    if (typeof payload.openid !== 'string' || typeof payload.exp !== 'number') return null
    return payload.exp > now.getTime() / 1000 ? payload.openid : null
  } catch {
    return null
  }
}
