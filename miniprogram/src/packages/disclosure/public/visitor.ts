import Taro from '@tarojs/taro'
import { villageFromQuery } from './scene'
import { ApiError, call, devAuth, session, type ActionOf, type Input, type Output } from '../../../services/api'

const isH5 = process.env.TARO_ENV === 'h5'

// One visitor sign-in at a time: the page's first calls start together.
let signingIn: Promise<void> | null = null

function signInAsVisitor(): Promise<void> {
  signingIn ??= devAuth.signIn({ guest: true }).finally(() => {
    signingIn = null
  })
  return signingIn
}

/** H5 only: a stranger without a session becomes a new visitor, staying on this page. */
export async function ensureVisitor(): Promise<void> {
  if (isH5 && session.token() === '') await signInAsVisitor()
}

/**
 * Calls a public action of the village page as whoever is here. In WeChat the
 * caller is always known; in H5 a stranger (no session, or an expired one)
 * is signed in as a new visitor first, without leaving the page.
 */
export async function publicCall<K extends ActionOf<'disclosure'>>(action: K, input: Input<'disclosure', K>): Promise<Output<'disclosure', K>> {
  await ensureVisitor()
  try {
    return await call('disclosure', action, input)
  } catch (e) {
    if (!isH5 || !(e instanceof ApiError) || e.code !== 'UNAUTHENTICATED') throw e
    session.signOut()
    await ensureVisitor()
    return call('disclosure', action, input)
  }
}

/**
 * The village a public page is for: `villageId`, or the URI-decoded `scene` of
 * the mini-program code it was opened by, read from the page's query or, failing
 * that, the launch options (scene.ts).
 */
export function villageOf(query: Record<string, string>): string {
  const enterScene = process.env.TARO_ENV === 'weapp' && !query.villageId && !query.scene ? (Taro.getEnterOptionsSync?.()?.query?.scene as string | undefined) : undefined
  return villageFromQuery(query, enterScene)
}
