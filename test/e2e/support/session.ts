import type { Browser } from 'playwright-core'
import { startHost, type RunningHost } from './host'
import { launchBrowser } from './browser'

/** One live local host on a fresh data folder (with `env` for it, e.g. SEED=none) and one browser for a test file. */
export function useHostAndBrowser(env: Record<string, string> = {}): { host: RunningHost; browser: Browser } {
  const running = {} as { host: RunningHost; browser: Browser }
  let closeBrowser: (() => Promise<void>) | undefined
  beforeAll(async () => {
    running.host = await startHost(env)
    const launched = await launchBrowser()
    running.browser = launched.browser
    closeBrowser = launched.close
  })
  afterAll(async () => {
    await closeBrowser?.()
    await running.host?.stop()
  })
  return running
}
