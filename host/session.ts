import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

/**
 * Signed session tokens for the local host: `<payload>.<hmac>`, where the
 * payload names the caller's openid, an expiry and the person's session
 * version when it was issued. The secret lives in the data folder, so tokens
 * survive restarts and die with the data, or when the sign-in mode changes
 * (loadSecret).
 *
 * In WeChat there are no host tokens: the caller is the OPENID WeChat attaches
 * to each call (cloud.getWXContext()), so there is nothing to revoke there and
 * `person.sessionVersion` is only written, never read.
 */
export interface SessionPayload {
  openid: string
  /** expiry, epoch seconds */
  exp: number
  /** the person's `sessionVersion` when the token was issued; absent (tokens from before versions) reads as 0 */
  v?: number
}

/**
 * How the host lets people sign in (host/start.ts decides from the environment):
 * - `demo`: as any existing person by id (/api/dev/login with a personId, /api/dev/people), or as a new visitor;
 * - `guest`: only as a new visitor, which is how a real person takes an invite or joins on the local host;
 * - `none`: not at all (production): only tokens issued before, in this same mode, still work.
 */
export type SignInMode = 'demo' | 'guest' | 'none'
export const signInModes: readonly SignInMode[] = ['demo', 'guest', 'none']

const THIRTY_DAYS = 30 * 86_400

/**
 * The session key for `mode`, from `<dataDir>/session.key`. The mode the key was made for is kept beside it
 * (`session.mode`, 0600); when it differs, or is missing (a folder from before modes, most likely run in demo
 * mode), a new key replaces the old one, so no token issued in another mode (e.g. a demo sign-in as the
 * township's officer) outlives a restart in this one.
 */
export function loadSecret(dataDir: string, mode: SignInMode): Buffer {
  const keyFile = join(dataDir, 'session.key')
  const modeFile = join(dataDir, 'session.mode')
  const keptMode = existsSync(modeFile) ? readFileSync(modeFile, 'utf8').trim() : null
  if (!existsSync(keyFile) || keptMode !== mode) {
    // The key first: a crash between the two writes leaves a new key under an old mode, which the next start replaces again.
    writeFileSync(keyFile, randomBytes(32).toString('hex'), { mode: 0o600 })
    writeFileSync(modeFile, mode, { mode: 0o600 })
  }
  return Buffer.from(readFileSync(keyFile, 'utf8').trim(), 'hex')
}

const sign = (secret: Buffer, body: string) => createHmac('sha256', secret).update(body).digest('base64url')

export function issueToken(secret: Buffer, openid: string, now: Date, version = 0): string {
  const payload: SessionPayload = { openid, exp: Math.floor(now.getTime() / 1000) + THIRTY_DAYS, v: version }
  const body = Buffer.from(JSON.stringify(payload)).toString('base64url')
  return `${body}.${sign(secret, body)}`
}

/** Whom a token speaks for and at which session version, or null when it is malformed, tampered with or expired. */
export function readToken(secret: Buffer, token: string, now: Date): { openid: string; version: number } | null {
  const [body, signature, extra] = token.split('.')
  if (!body || !signature || extra !== undefined) return null
  const expected = Buffer.from(sign(secret, body))
  const given = Buffer.from(signature)
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null
  try {
    const payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Partial<SessionPayload>
    if (typeof payload.openid !== 'string' || typeof payload.exp !== 'number') return null
    const version = payload.v ?? 0
    if (!Number.isSafeInteger(version)) return null
    return payload.exp > now.getTime() / 1000 ? { openid: payload.openid, version } : null
  } catch {
    return null
  }
}
