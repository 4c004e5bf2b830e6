/*
 * TanStack Query makes an AbortController for every fetch (query-core/src/query.ts, `new AbortController()`).
 * WeChat's JS engine has no such Web API: the base library only polyfills ECMAScript with core-js
 * (https://developers.weixin.qq.com/miniprogram/dev/framework/runtime/js-support.html), and Taro's runtime adds none.
 * Our fetchers never read the signal, so this carries only what query-core itself uses: `aborted`, `reason`,
 * `addEventListener('abort', fn, { once })` and `abort()`.
 */
type Listener = () => void

class SmallAbortSignal {
  aborted = false
  reason: unknown = undefined
  private listeners: Listener[] = []
  addEventListener(_type: 'abort', listener: Listener) {
    this.listeners.push(listener)
  }
  removeEventListener(_type: 'abort', listener: Listener) {
    this.listeners = this.listeners.filter((l) => l !== listener)
  }
  throwIfAborted() {
    if (this.aborted) throw this.reason
  }
  fire(reason: unknown) {
    if (this.aborted) return
    this.aborted = true
    this.reason = reason
    const listeners = this.listeners
    this.listeners = []
    for (const l of listeners) l()
  }
}

class SmallAbortController {
  readonly signal = new SmallAbortSignal()
  abort(reason: unknown = new Error('Aborted')) {
    this.signal.fire(reason)
  }
}

/** Installs the small controller where the engine has none (WeChat); a browser keeps its own. */
export function ensureAbortController(scope: Record<string, unknown> = globalThis as unknown as Record<string, unknown>): void {
  if (typeof scope.AbortController === 'undefined') scope.AbortController = SmallAbortController
}

export { SmallAbortController }
