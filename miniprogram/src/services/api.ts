import Taro from '@tarojs/taro'
import type { ActionOf, Area, Input, Output } from '@shared/contract/areas'
import type { Envelope, ErrorCode } from '@shared/errors'
import type { DevPerson } from '@shared/dev/schema'
import { isFunctionTimeout } from './callErrors'

export type { ActionOf, Area, Input, Output }

/**
 * A failure with the server's code and its plain-Chinese message, a network failure (NETWORK: nothing got
 * through, safe to send again by itself), or the cloud function running out of time (BUSY: it may have done
 * part of the work; the server is slow, so nothing is sent again by itself).
 */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode | 'NETWORK' | 'BUSY',
    message: string,
  ) {
    super(message)
    this.name = 'ApiError'
  }
}

// The shell's boot script (index.html) reads it too, to ask for the first screen as this person.
const TOKEN_KEY = 'session-token'

export const session = {
  token: (): string => Taro.getStorageSync<string>(TOKEN_KEY) || '',
  signIn: (token: string) => Taro.setStorageSync(TOKEN_KEY, token),
  signOut: () => Taro.removeStorageSync(TOKEN_KEY),
}

type Transport = (area: string, event: Record<string, unknown>) => Promise<Envelope<unknown>>

/** In WeChat: the cloud function itself; WeChat attaches the caller's OPENID. */
const viaCloud: Transport = async (area, event) => {
  const result = await Taro.cloud.callFunction({ name: area, data: event })
  return result.result as Envelope<unknown>
}

/** In the browser: the local host, which maps the session token to the caller. */
const viaHttp: Transport = async (area, event) => {
  const token = session.token()
  const response = await fetch(`/api/fn/${area}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(event),
  })
  const body = (await response.json()) as Envelope<unknown> | { errCode: number; errMsg: string }
  // Not an envelope: the platform's own failure (e.g. a function past its timeout), thrown as WeChat throws it.
  if ('errCode' in body) throw body
  return body
}

// Chosen at module level so each build carries only its own transport.
const transport: Transport = process.env.TARO_ENV === 'weapp' ? viaCloud : viaHttp

export async function call<A extends Area, K extends ActionOf<A>>(area: A, action: K, input: Input<A, K>): Promise<Output<A, K>> {
  let envelope: Envelope<unknown>
  try {
    envelope = await transport(area, { ...(input as object), action })
  } catch (error) {
    if (isFunctionTimeout(error)) throw new ApiError('BUSY', '服务器忙，请稍后再试')
    throw new ApiError('NETWORK', '网络不太好，没连上。请检查网络后再试')
  }
  if (!envelope.ok) throw new ApiError(envelope.error.code, envelope.error.message)
  return envelope.data as Output<A, K>
}

/** Dev sign-in on the local host (H5 only): the demo people, and a token for one of them. */
export const devAuth = {
  async people(): Promise<DevPerson[]> {
    const response = await fetch('/api/dev/people')
    const body = (await response.json()) as Envelope<DevPerson[]>
    if (!body.ok) throw new ApiError(body.error.code, body.error.message)
    return body.data
  },
  async signIn(request: { personId: string } | { guest: true }): Promise<void> {
    const response = await fetch('/api/dev/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(request),
    })
    const body = (await response.json()) as Envelope<{ token: string }>
    if (!body.ok) throw new ApiError(body.error.code, body.error.message)
    session.signIn(body.data.token)
  },
}
